using System.Net;
using Loyalty.Domain.Points;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Customers;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Points;

/// <summary>"Ajuste manual de pontos" from the customer's profile: TenantAdmin only, with a reason, never overdrawing.</summary>
public sealed class PointsAdjustmentTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task TenantAdmin_Should_Adjust_With_A_Reason_That_The_Statement_And_Audit_Log_Keep()
    {
        var t = await App.CreateTenantAsync("adj-a");
        var c = await App.AddCustomerAsync(t.Id, "Joana Prates");
        using var admin = await App.SignedInAsync(t, StaffRole.TenantAdmin);

        var response = await AdjustAsync(admin, c.Id, "150", "Bônus de aniversário");
        var page = await admin.GetPageAsync($"/clientes/{c.Id}");
        var statement = page.QuerySelector("[data-testid=statement]")!.TextContent;
        var entry = await App.InTenantAsync(t.Id, db => db.LedgerEntries.SingleAsync());
        var audit = await App.InTenantAsync(t.Id, db => db.AuditEntries.SingleAsync(a => a.EntityType == "PointsAdjustment"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/clientes/{c.Id}#extrato", response.Headers.Location?.OriginalString);
        Assert.Equal("150", page.QuerySelector("[data-testid=points-balance]")!.TextContent.Trim());
        Assert.Contains("Bônus de aniversário", statement, StringComparison.Ordinal);
        Assert.Contains("Admin adj-a", statement, StringComparison.Ordinal); // "Por" names the person, not the e-mail
        Assert.Equal((LedgerEntryKind.ManualAdjustment, 150L, "Bônus de aniversário"), (entry.Kind, entry.Points, entry.Reason));
        Assert.Equal(await App.UserIdAsync(t.Id, t.AdminEmail), entry.UserId);
        Assert.Equal(c.Id.ToString(), audit.EntityId);
        Assert.Contains("Bônus de aniversário", System.Text.RegularExpressions.Regex.Unescape(audit.After!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negative_Adjustment_Beyond_The_Balance_Should_Be_Refused_Next_To_The_Field_Keeping_What_Was_Typed()
    {
        var t = await App.CreateTenantAsync("adj-b");
        var c = await App.AddCustomerAsync(t.Id, "Hugo Matos");
        await App.CreditAsync(t.Id, c.Id, 100);
        using var admin = await App.SignedInAsync(t, StaffRole.TenantAdmin);

        var refused = await AdjustAsync(admin, c.Id, "-101", "Estorno de pontos indevidos");
        var page = Pages.Parse(await refused.Content.ReadAsStringAsync());
        var accepted = await AdjustAsync(admin, c.Id, "-100", "Estorno de pontos indevidos");
        var totals = await App.TotalsAsync(t.Id, c.Id);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("O ajuste deixaria o saldo negativo: não é possível retirar mais pontos do que o saldo do cliente.",
            page.FieldError("Command_Points"));
        Assert.Equal("-101", page.ValueOf("Command.Points"));
        Assert.Equal("Estorno de pontos indevidos", page.ValueOf("Command.Reason"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal((0, 0, 0), (totals.Balance, totals.SumOfEntries, totals.SumOfOpenLots));
        Assert.Equal(1, await App.InTenantAsync(t.Id, db => db.AuditEntries.CountAsync(a => a.EntityType == "PointsAdjustment")));
    }

    [Theory]
    [InlineData("adj-c1", "50", "", "Command_Reason", "Informe o motivo do ajuste.")]
    [InlineData("adj-c2", "0", "Motivo qualquer", "Command_Points", "Informe uma quantidade de pontos diferente de zero.")]
    [InlineData("adj-c3", "", "Motivo qualquer", "Command_Points", "Campo obrigatório.")]
    public async Task Adjustment_Should_Need_Points_And_A_Reason(string tenant, string points, string reason, string field, string message)
    {
        var t = await App.CreateTenantAsync(tenant);
        var c = await App.AddCustomerAsync(t.Id, "Vera Lúcia");
        using var admin = await App.SignedInAsync(t, StaffRole.TenantAdmin);

        var response = await AdjustAsync(admin, c.Id, points, reason);
        var page = Pages.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, page.FieldError(field));
        Assert.Equal(0, await App.InTenantAsync(t.Id, db => db.LedgerEntries.CountAsync()));
    }

    [Fact]
    public async Task Adjusting_A_Dependent_Should_Change_The_Titular_Account()
    {
        var t = await App.CreateTenantAsync("adj-d");
        var titular = await App.AddCustomerAsync(t.Id, "Gil Faria");
        var dependent = await App.AddDependentAsync(t.Id, "Cris Faria", titular.Id);
        using var admin = await App.SignedInAsync(t, StaffRole.TenantAdmin);

        await AdjustAsync(admin, dependent.Id, "40", "Campanha de indicação");
        var titularPage = await admin.GetPageAsync($"/clientes/{titular.Id}");

        Assert.Equal("40", titularPage.QuerySelector("[data-testid=points-balance]")!.TextContent.Trim());
        Assert.Equal(dependent.Id, await App.InTenantAsync(t.Id, db => db.LedgerEntries.Select(e => e.CustomerId).SingleAsync()));
    }

    [Fact]
    public async Task Only_TenantAdmin_May_Adjust_And_Only_Its_Own_Tenant_Customers()
    {
        var t = await App.CreateTenantAsync("adj-e");
        var other = await App.CreateTenantAsync("adj-f");
        var c = await App.AddCustomerAsync(t.Id, "Lia Duarte");
        var foreign = await App.AddCustomerAsync(other.Id, "Ivo Duarte");
        var store = await App.CreateStoreAsync(t.Id, "AJ1");
        using var manager = await App.SignedInAsync(t, StaffRole.StoreManager, store);
        using var admin = await App.SignedInAsync(t, StaffRole.TenantAdmin);

        var managerProfile = await manager.GetPageAsync($"/clientes/{c.Id}");
        var managerGet = await manager.Http.GetAsync($"/clientes/{c.Id}/ajuste-de-pontos");
        var foreignGet = await admin.Http.GetAsync($"/clientes/{foreign.Id}/ajuste-de-pontos");
        var foreignPost = await AdjustAsync(admin, foreign.Id, "10", "Tentativa", tokenPage: $"/clientes/{c.Id}/ajuste-de-pontos");

        Assert.Null(managerProfile.QuerySelector("[data-testid=adjust-points]"));
        Assert.Equal("/acesso-negado", managerGet.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, foreignGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignPost.StatusCode);
        Assert.Equal(0, await App.InTenantAsync(other.Id, db => db.LedgerEntries.CountAsync()));
    }

    private static Task<HttpResponseMessage> AdjustAsync(StaffClient client, Guid customerId, string points, string reason, string? tokenPage = null) =>
        client.PostFormFromPageAsync(tokenPage ?? $"/clientes/{customerId}/ajuste-de-pontos", $"/clientes/{customerId}/ajuste-de-pontos",
            new Dictionary<string, string> { ["Command.Points"] = points, ["Command.Reason"] = reason });
}
