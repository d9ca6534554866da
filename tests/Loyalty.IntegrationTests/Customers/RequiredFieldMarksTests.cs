using Loyalty.Domain.Customers;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Loyalty.IntegrationTests.Customers.WizardTestData;

namespace Loyalty.IntegrationTests.Customers;

/// <summary>Registration screens mark what the server requires (issue 10): the key fields always, the tenant's
/// mandatory fields as set — from the validator's own rules.</summary>
public sealed class RequiredFieldMarksTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task The_Wizard_Marks_The_Key_Fields_And_The_Tenants_Mandatory_Fields_Only()
    {
        var (tenant, _, _, client) = await App.CashierAsync($"req{Guid.NewGuid():N}"[..10]);
        using var _ = client;
        await RequireAsync(tenant.Id, MandatoryFields.Email | MandatoryFields.Address);
        var wizard = await WizardSession.StartAsync(client);

        Assert.NotNull(wizard.Page.QuerySelector("[data-testid=required-legend]"));
        AssertRequired(wizard, "Document", "Name");
        AssertOptional(wizard, "Gender", "BirthDate", "MotherName");

        await wizard.NextAsync(Personal(TestDocuments.FormattedCpf(330), "Carla Souza"));

        AssertRequired(wizard, "Cep", "Street", "Number", "Neighborhood", "City", "Uf", "Email");
        AssertOptional(wizard, "Complement", "MobilePhone");
    }

    [Fact]
    public async Task The_Edit_Screen_Marks_What_The_Tenant_Requires()
    {
        var tenant = await App.CreateTenantAsync($"rqe{Guid.NewGuid():N}"[..10]);
        var store = await App.CreateStoreAsync(tenant.Id, "RQ1");
        var customer = await App.RegisterTitularAsync(tenant.Id, "Beatriz Nogueira", 331);
        await RequireAsync(tenant.Id, MandatoryFields.MobilePhone);
        using var client = await App.SignedInAsync(tenant, Loyalty.Domain.Staff.StaffRole.Cashier, store);

        var page = await client.GetPageAsync($"/clientes/{customer.CustomerId}/editar");

        Assert.Equal("true", page.QuerySelector("[name=MobilePhone]")!.GetAttribute("aria-required"));
        Assert.Contains("obrigatório", page.QuerySelector("label[for=MobilePhone]")!.TextContent);
        Assert.Null(page.QuerySelector("[name=Email]")!.GetAttribute("aria-required"));
        Assert.DoesNotContain("obrigatório", page.QuerySelector("label[for=Email]")!.TextContent);
    }

    private async Task RequireAsync(Guid tenantId, MandatoryFields fields)
    {
        await using var scope = App.TenantScope(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<Loyalty.Web.Infrastructure.Persistence.LoyaltyDbContext>();
        var settings = await db.ProgramSettings.SingleAsync();
        settings.ChangeMandatoryFields(fields, settings.MinimumTitularAge);
        await db.SaveChangesAsync();
    }

    private static void AssertRequired(WizardSession wizard, params string[] fields)
    {
        foreach (var field in fields)
        {
            Assert.True(wizard.Visible(field)?.GetAttribute("aria-required") == "true", $"{field} should be marked required");
            Assert.Contains("obrigatório", wizard.Page.QuerySelector($"label[for={field}]")!.TextContent);
        }
    }

    private static void AssertOptional(WizardSession wizard, params string[] fields)
    {
        foreach (var field in fields)
        {
            Assert.True(wizard.Visible(field)?.GetAttribute("aria-required") is null, $"{field} should not be marked required");
            Assert.DoesNotContain("obrigatório", wizard.Page.QuerySelector($"label[for={field}]")!.TextContent);
        }
    }
}
