using System.Net;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Customers;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Blocks;

/// <summary>"Bloqueados para resgate" (SPEC §4): block by name, CPF/CNPJ or card with a reason, one block in force,
/// removal after a confirmation, the history of who and when, all of it audited.</summary>
public sealed class RedemptionBlockTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    private async Task<(TestData.TestTenant Tenant, NewCustomers.Registered Customer, StaffClient Manager)> SetUpAsync(string code)
    {
        var tenant = await App.CreateTenantAsync(code);
        var store = await App.CreateStoreAsync(tenant.Id, "BL1");
        var customer = await App.AddCustomerAsync(tenant.Id, "Valdir Quaresma");
        return (tenant, customer, await App.SignedInAsync(tenant, StaffRole.StoreManager, store));
    }

    private static Task<HttpResponseMessage> BlockAsync(StaffClient client, Guid customerId, string reason, string page = "/bloqueios/novo") =>
        client.PostFormFromPageAsync(page, "/bloqueios/novo", new Dictionary<string, string>
        {
            ["Command.CustomerId"] = customerId.ToString(), ["Command.Reason"] = reason,
        });

    [Theory]
    [InlineData("name")]
    [InlineData("cpf")]
    [InlineData("card")]
    public async Task Customer_Is_Found_By_Name_Cpf_Or_Card_And_Chosen(string by)
    {
        var (_, customer, manager) = await SetUpAsync("blq-f" + by[..2]);
        using var _ = manager;
        var typed = by switch { "name" => "quaresma", "cpf" => Loyalty.Domain.Customers.Cpf.Parse(customer.Document).Formatted, _ => customer.CardNumber };

        var search = await manager.GetPageAsync("/bloqueios/novo?Q=" + Uri.EscapeDataString(typed));
        var choose = search.QuerySelector("[data-testid=choose-candidate]")!.GetAttribute("href")!;
        var chosen = await manager.GetPageAsync(choose);

        Assert.Contains("Valdir Quaresma", chosen.QuerySelector("[data-testid=chosen-customer]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(customer.Id.ToString(), chosen.ValueOf("Command.CustomerId"));
    }

    [Fact]
    public async Task Block_Is_Listed_With_Reason_Who_And_When_And_Audited()
    {
        var (tenant, customer, manager) = await SetUpAsync("blq-a");
        using var _ = manager;

        var response = await BlockAsync(manager, customer.Id, "Resgates suspeitos em duas lojas");
        var list = await manager.GetPageAsync("/bloqueios");
        var row = list.QuerySelector("[data-testid=block-row]")!;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Valdir Quaresma", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(Loyalty.Domain.Customers.Cpf.Parse(customer.Document).Formatted, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Resgates suspeitos em duas lojas", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("StoreManager user", row.TextContent, StringComparison.Ordinal);
        var audit = await App.InTenantAsync(tenant.Id, db => db.AuditEntries
            .SingleAsync(e => e.EntityType == "RedemptionBlock" && e.Action == AuditAction.Created));
        Assert.Contains("Resgates suspeitos em duas lojas", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Second_Block_In_Force_Is_Refused_With_A_Message()
    {
        var (tenant, customer, manager) = await SetUpAsync("blq-b");
        using var _ = manager;
        await BlockAsync(manager, customer.Id, "Primeiro motivo");

        var second = await BlockAsync(manager, customer.Id, "Segundo motivo");
        var page = Pages.Parse(await second.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("Este cliente já está bloqueado para resgate.", page.QuerySelector("[data-testid=block-error]")!.TextContent.Trim());
        Assert.Equal(1, await App.InTenantAsync(tenant.Id, db => db.RedemptionBlocks.CountAsync()));
    }

    [Fact]
    public async Task Missing_Reason_Is_Shown_Next_To_The_Field_With_The_Customer_Still_Chosen()
    {
        var (_, customer, manager) = await SetUpAsync("blq-c");
        using var _ = manager;

        var response = await BlockAsync(manager, customer.Id, "  ");
        var page = Pages.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("Informe o motivo do bloqueio.", page.FieldError("Command_Reason"));
        Assert.Contains("Valdir Quaresma", page.QuerySelector("[data-testid=chosen-customer]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removed_Block_Goes_To_The_History_With_Who_And_When_And_Is_Audited()
    {
        var (tenant, customer, manager) = await SetUpAsync("blq-d");
        using var _ = manager;
        await BlockAsync(manager, customer.Id, "Cartão clonado");
        var list = await manager.GetPageAsync("/bloqueios");
        var removeForm = list.QuerySelector("[data-testid=block-row] form")!;

        Assert.Contains("Remover o bloqueio de Valdir Quaresma?",
            removeForm.QuerySelector("button")!.GetAttribute("data-confirm"), StringComparison.Ordinal);
        var removed = await manager.PostFormFromPageAsync("/bloqueios", removeForm.GetAttribute("action")!, new Dictionary<string, string>());
        var again = await manager.PostFormFromPageAsync("/bloqueios", removeForm.GetAttribute("action")!, new Dictionary<string, string>());
        var history = await manager.GetPageAsync("/bloqueios?History=true");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty((await manager.GetPageAsync("/bloqueios")).QuerySelectorAll("[data-testid=block-row]"));
        var row = history.QuerySelector("[data-testid=block-row]")!;
        Assert.Contains("Cartão clonado", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, row.QuerySelectorAll("td").Count(td => td.TextContent.Trim() == "StoreManager user"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode); // the rule's message goes back as a flash, nothing changes
        var updates = await App.InTenantAsync(tenant.Id, db => db.AuditEntries
            .Where(e => e.EntityType == "RedemptionBlock" && e.Action == AuditAction.Updated).Select(e => e.After!).ToListAsync());
        Assert.Contains("RemovedAt", Assert.Single(updates), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_Shows_The_Block_And_Removes_It_Back_To_The_Profile()
    {
        var (_, customer, manager) = await SetUpAsync("blq-e");
        using var _ = manager;
        await BlockAsync(manager, customer.Id, "Pedido do cliente");
        var profile = await manager.GetPageAsync($"/clientes/{customer.Id}");
        var form = profile.QuerySelector("[data-testid=block-in-force] form")!;

        Assert.Contains("Pedido do cliente", profile.QuerySelector("[data-testid=block-in-force]")!.TextContent, StringComparison.Ordinal);
        var removed = await manager.PostFormFromPageAsync($"/clientes/{customer.Id}", form.GetAttribute("action")!,
            new Dictionary<string, string> { ["ReturnToCustomer"] = "true" });
        Assert.Equal($"/clientes/{customer.Id}", removed.Headers.Location!.OriginalString);
        Assert.Null((await manager.GetPageAsync($"/clientes/{customer.Id}")).QuerySelector("[data-testid=block-in-force]"));
    }

    [Fact]
    public async Task Cashier_Cannot_Open_Or_Post_Blocks()
    {
        var (tenant, customer, _) = await SetUpAsync("blq-g");
        using var cashier = await App.SignedInAsync(tenant, StaffRole.Cashier, await App.CreateStoreAsync(tenant.Id, "BL2"));

        var list = await cashier.Http.GetAsync("/bloqueios");
        var post = await BlockAsync(cashier, customer.Id, "tentativa", page: "/clientes");

        Assert.Contains("/acesso-negado", list.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/acesso-negado", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, await App.InTenantAsync(tenant.Id, db => db.RedemptionBlocks.CountAsync()));
    }
}
