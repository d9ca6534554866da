using System.Net;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Customers;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.CardMaintenance;

/// <summary>"Motivos de cartão": the tenant's list of reasons for block, unblock, cancel and reissue, kept by its admin.</summary>
public sealed class CardReasonTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    // The operations are checkboxes of one name: the form posts the name once per ticked box.
    private static async Task<HttpResponseMessage> SaveAsync(StaffClient admin, string description, params string[] operations)
    {
        var token = StaffClient.TokenOf(await admin.Http.GetStringAsync("/cartoes/motivos/novo"));
        var fields = new List<KeyValuePair<string, string>> { new("Description", description), new("__RequestVerificationToken", token) };
        fields.AddRange(operations.Select(o => new KeyValuePair<string, string>("Operations", o)));
        return await admin.Http.PostAsync("/cartoes/motivos/novo", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task New_Tenant_Starts_With_The_Default_Reasons()
    {
        var tenant = await App.CreateTenantAsync("mot-a");
        using var admin = await App.SignedInAsync(tenant, StaffRole.TenantAdmin);

        var page = await admin.GetPageAsync("/cartoes/motivos");

        var rows = page.QuerySelectorAll("[data-testid=reason-row]").Select(r => r.TextContent).ToList();
        Assert.Equal(CardReason.Defaults(DateTimeOffset.UnixEpoch).Count(), rows.Count);
        Assert.Contains(rows, r => r.Contains("Perda ou roubo", StringComparison.Ordinal)
            && r.Contains("Bloqueio temporário, Cancelamento, Reemissão", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reason_Is_Created_Listed_And_Audited_By_Its_Screen_Names()
    {
        var tenant = await App.CreateTenantAsync("mot-b");
        using var admin = await App.SignedInAsync(tenant, StaffRole.TenantAdmin);

        var saved = await SaveAsync(admin, "Cartão retido no caixa", "Block", "Unblock");
        var list = await admin.GetPageAsync("/cartoes/motivos");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(list.QuerySelectorAll("[data-testid=reason-row]"), r => r.TextContent.Contains("Cartão retido no caixa", StringComparison.Ordinal)
            && r.TextContent.Contains("Bloqueio temporário, Desbloqueio", StringComparison.Ordinal));
        var reason = await App.InTenantAsync(tenant.Id, db => db.CardReasons.SingleAsync(r => r.Description == "Cartão retido no caixa"));
        Assert.Equal(CardOperations.Block | CardOperations.Unblock, reason.Operations);
        var audit = await admin.GetPageAsync("/auditoria");
        Assert.Contains("Motivo de cartão", audit.Body!.TextContent, StringComparison.Ordinal);
        var created = await App.InTenantAsync(tenant.Id, db => db.AuditEntries
            .Where(e => e.EntityType == "CardReason" && e.Action == AuditAction.Created).Select(e => e.After!).ToListAsync());
        Assert.Single(created, after => after.Contains("retido", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Duplicate_Description_And_Missing_Operations_Are_Refused_Next_To_Their_Fields()
    {
        var tenant = await App.CreateTenantAsync("mot-c");
        using var admin = await App.SignedInAsync(tenant, StaffRole.TenantAdmin);
        var before = await App.InTenantAsync(tenant.Id, db => db.CardReasons.CountAsync());

        var duplicate = Pages.Parse(await (await SaveAsync(admin, "Perda ou roubo", "Cancel")).Content.ReadAsStringAsync());
        var noOperation = Pages.Parse(await (await SaveAsync(admin, "Motivo sem operação")).Content.ReadAsStringAsync());

        Assert.Equal("Já existe um motivo com esta descrição.", duplicate.FieldError("Description"));
        Assert.Equal("Marque ao menos uma operação.", noOperation.FieldError("Operations"));
        Assert.Equal("Motivo sem operação", noOperation.ValueOf("Description"));
        Assert.Equal(before, await App.InTenantAsync(tenant.Id, db => db.CardReasons.CountAsync()));
    }

    [Fact]
    public async Task Inactivated_Reason_Stays_Listed_As_Inactive()
    {
        var tenant = await App.CreateTenantAsync("mot-d");
        using var admin = await App.SignedInAsync(tenant, StaffRole.TenantAdmin);
        var id = await App.InTenantAsync(tenant.Id, db => db.CardReasons.Where(r => r.Description == "Cartão danificado").Select(r => r.Id).SingleAsync());

        var response = await admin.PostFormFromPageAsync("/cartoes/motivos", $"/cartoes/motivos/{id}/inativar", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await App.InTenantAsync(tenant.Id, db => db.CardReasons.Where(r => r.Id == id).Select(r => r.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Another_Tenants_Reason_Is_Not_Found_And_Operators_Cannot_Edit_The_List()
    {
        var mine = await App.CreateTenantAsync("mot-e");
        var other = await App.CreateTenantAsync("mot-f");
        using var admin = await App.SignedInAsync(mine, StaffRole.TenantAdmin);
        using var operatorClient = await App.SignedInAsync(mine, StaffRole.CardOperator);
        var foreign = await App.InTenantAsync(other.Id, db => db.CardReasons.Select(r => r.Id).FirstAsync());

        var edit = await admin.Http.GetAsync($"/cartoes/motivos/{foreign}/editar");
        var inactivate = await admin.PostFormFromPageAsync("/cartoes/motivos", $"/cartoes/motivos/{foreign}/inativar", new Dictionary<string, string>());
        var operatorList = await operatorClient.Http.GetAsync("/cartoes/motivos");

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, inactivate.StatusCode);
        Assert.Contains("/acesso-negado", operatorList.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(await App.InTenantAsync(other.Id, db => db.CardReasons.Where(r => r.Id == foreign).Select(r => r.IsActive).SingleAsync()));
    }
}
