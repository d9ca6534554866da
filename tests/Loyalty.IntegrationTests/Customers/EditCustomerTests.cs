using System.Net;
using Loyalty.Domain.Customers;
using Loyalty.Domain.Staff;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Customers;

/// <summary>Editing a customer with the registration's rules; the document never changes; every change is audited.</summary>
public sealed class EditCustomerTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    internal static Dictionary<string, string> FormOf(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("[data-testid=edit-form] input[name], [data-testid=edit-form] select[name]")
            .Where(e => e.GetAttribute("type") is not ("radio" or "hidden") || e.HasAttribute("checked"))
            .Where(e => e.GetAttribute("name") != "__RequestVerificationToken")
            .ToDictionary(e => e.GetAttribute("name")!, e => e.TagName == "SELECT"
                ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? e.QuerySelector("option")?.GetAttribute("value") ?? ""
                : e.GetAttribute("value") ?? "");

    private async Task<(TestData.TestTenant Tenant, NewCustomers.Registered Customer, StaffClient Client)> SetUpAsync(string code,
        StaffRole role = StaffRole.Cashier)
    {
        var tenant = await App.CreateTenantAsync(code);
        var store = await App.CreateStoreAsync(tenant.Id, "ED1");
        var customer = await App.AddCustomerAsync(tenant.Id, "Beatriz Nogueira", f => f.Email = "bia@exemplo.com.br", store);
        return (tenant, customer, await App.SignedInAsync(tenant, role, store));
    }

    [Fact]
    public async Task Bad_Email_Is_Refused_Next_To_The_Field_And_Nothing_Typed_Is_Lost()
    {
        var (tenant, customer, client) = await SetUpAsync("edit-a");
        using var _ = client;
        var url = $"/clientes/{customer.Id}/editar";
        var form = FormOf(await client.GetPageAsync(url));
        form["Name"] = "Beatriz Nogueira Campos";
        form["Email"] = "bia@@exemplo";
        form["City"] = "Santos";

        var response = await client.PostFormFromPageAsync(url, url, form);
        var page = Pages.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("E-mail inválido.", page.FieldError("Email"));
        Assert.Equal("bia@@exemplo", page.ValueOf("Email"));
        Assert.Equal("Beatriz Nogueira Campos", page.ValueOf("Name"));
        Assert.Equal("Santos", page.ValueOf("City"));
        var stored = await App.InTenantAsync(tenant.Id, db => db.Customers.SingleAsync(c => c.Id == customer.Id));
        Assert.Equal(("Beatriz Nogueira", "bia@exemplo.com.br"), (stored.Name, stored.Email));
    }

    [Fact]
    public async Task A_Date_That_Does_Not_Parse_Is_Refused_And_The_Stored_Birth_Date_Is_Kept()
    {
        var (tenant, customer, client) = await SetUpAsync("edit-f");
        using var _ = client;
        var url = $"/clientes/{customer.Id}/editar";
        var stored = await App.InTenantAsync(tenant.Id, db => db.Customers.Where(c => c.Id == customer.Id).Select(c => c.BirthDate).SingleAsync());
        var form = FormOf(await client.GetPageAsync(url));
        form["BirthDate"] = "31/02/1980";
        form["City"] = "Santos";

        var response = await client.PostFormFromPageAsync(url, url, form);
        var page = Pages.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(page.FieldError("BirthDate")));
        Assert.Equal("31/02/1980", page.ValueOf("BirthDate"));
        Assert.Equal("Santos", page.ValueOf("City"));
        Assert.Equal(stored, await App.InTenantAsync(tenant.Id, db => db.Customers.Where(c => c.Id == customer.Id).Select(c => c.BirthDate).SingleAsync()));
    }

    [Fact]
    public async Task Good_Edit_Is_Saved_And_Audited_With_Before_And_After()
    {
        var (tenant, customer, client) = await SetUpAsync("edit-b");
        using var _ = client;
        var url = $"/clientes/{customer.Id}/editar";
        var form = FormOf(await client.GetPageAsync(url));
        form["Email"] = "Beatriz.Campos@Exemplo.com.br";
        form["MobilePhone"] = "(21) 99876-5432";
        form["RedeemScope"] = "AllCards";

        var response = await client.PostFormFromPageAsync(url, url, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/clientes/{customer.Id}", response.Headers.Location!.OriginalString);
        var stored = await App.InTenantAsync(tenant.Id, db => db.Customers.SingleAsync(c => c.Id == customer.Id));
        Assert.Equal(("beatriz.campos@exemplo.com.br", "21998765432", RedeemScope.AllCards), (stored.Email, stored.MobilePhone, stored.RedeemScope));
        var audit = await App.InTenantAsync(tenant.Id, db => db.AuditEntries
            .Where(e => e.EntityType == "Customer" && e.EntityId == customer.Id.ToString() && e.Action == AuditAction.Updated).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Contains("bia@exemplo.com.br", entry.Before, StringComparison.Ordinal);
        Assert.Contains("beatriz.campos@exemplo.com.br", entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain("Document", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_And_Person_Type_Posted_By_Hand_Are_Ignored()
    {
        var (tenant, customer, client) = await SetUpAsync("edit-c");
        using var _ = client;
        var url = $"/clientes/{customer.Id}/editar";
        var form = FormOf(await client.GetPageAsync(url));
        form["Document"] = TestDocuments.Cpf(NewCustomers.NextSeed());
        form["PersonType"] = "PJ";

        var response = await client.PostFormFromPageAsync(url, url, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await App.InTenantAsync(tenant.Id, db => db.Customers.SingleAsync(c => c.Id == customer.Id));
        Assert.Equal((customer.Document, PersonType.PF), (stored.Document, stored.PersonType));
    }

    [Fact]
    public async Task Current_Inactive_Category_Stays_But_Another_Inactive_One_Is_Refused()
    {
        var tenant = await App.CreateTenantAsync("edit-d");
        var old = await App.CreateCategoryAsync(tenant.Id, "Antiga");
        var closed = await App.CreateCategoryAsync(tenant.Id, "Encerrada", active: false);
        var customer = await App.AddCustomerAsync(tenant.Id, "Lauro Dias", f => f.CategoryId = old);
        await App.InTenantAsync(tenant.Id, async db =>
        {
            (await db.CustomerCategories.SingleAsync(c => c.Id == old)).Inactivate();
            return await db.SaveChangesAsync();
        });
        using var admin = await App.SignedInAsync(tenant, StaffRole.TenantAdmin);
        var url = $"/clientes/{customer.Id}/editar";
        var page = await admin.GetPageAsync(url);
        var form = FormOf(page);

        Assert.Contains("Antiga (inativa)", page.QuerySelector("#CategoryId")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Encerrada", page.QuerySelector("#CategoryId")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormFromPageAsync(url, url, form)).StatusCode);

        form["CategoryId"] = closed.ToString();
        var refused = Pages.Parse(await (await admin.PostFormFromPageAsync(url, url, form)).Content.ReadAsStringAsync());
        Assert.Equal("Esta categoria está inativa e não aceita novos clientes.", refused.FieldError("CategoryId"));
    }

    [Fact]
    public async Task Manager_Inactivates_And_Reactivates_A_Customer_The_Cashier_May_Not()
    {
        var (tenant, customer, cashier) = await SetUpAsync("edit-e");
        using var _ = cashier;
        using var manager = await App.SignedInAsync(tenant, StaffRole.StoreManager, await App.CreateStoreAsync(tenant.Id, "ED2"));
        var profile = $"/clientes/{customer.Id}";

        var refused = await cashier.PostFormFromPageAsync(profile, $"{profile}/inativar", new Dictionary<string, string>());
        var inactivated = await manager.PostFormFromPageAsync(profile, $"{profile}/inativar", new Dictionary<string, string>());
        var statusAfter = (await manager.GetPageAsync(profile)).QuerySelector("[data-testid=customer-status]")!.TextContent.Trim();
        var reactivated = await manager.PostFormFromPageAsync(profile, $"{profile}/reativar", new Dictionary<string, string>());

        Assert.Contains("/acesso-negado", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, "Inativo", HttpStatusCode.Redirect), (inactivated.StatusCode, statusAfter, reactivated.StatusCode));
        var stored = await App.InTenantAsync(tenant.Id, db => db.Customers.SingleAsync(c => c.Id == customer.Id));
        Assert.Equal(CustomerStatus.Active, stored.Status);
        var changes = await App.InTenantAsync(tenant.Id, db => db.AuditEntries
            .Where(e => e.EntityType == "Customer" && e.EntityId == customer.Id.ToString() && e.Action == AuditAction.Updated)
            .OrderBy(e => e.Id).Select(e => e.After!).ToListAsync());
        Assert.Equal(2, changes.Count(a => a.Contains("\"Status\"", StringComparison.Ordinal)));
    }
}
