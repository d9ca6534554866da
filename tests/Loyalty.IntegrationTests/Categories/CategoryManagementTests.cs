using System.Net;
using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Categories;
using Loyalty.Domain.Customers;
using Loyalty.Testing;
using Loyalty.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Categories;

public sealed class CategoryManagementTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    private async Task<(TestData.TestTenant Tenant, StaffClient Client)> AdminAsync(string code)
    {
        var tenant = await App.CreateTenantAsync(code);
        var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(tenant.Code, tenant.AdminEmail, TestData.Password);
        return (tenant, client);
    }

    [Fact]
    public async Task New_Tenant_Should_Start_With_The_Default_Category_Padrao()
    {
        var tenant = await App.CreateTenantAsync("cat-a");
        var categories = await App.InTenantAsync(tenant.Id, db => db.CustomerCategories.ToListAsync());
        var padrao = Assert.Single(categories);
        Assert.Equal("Padrão", padrao.Name);
        Assert.True(padrao.IsDefault);
        Assert.Equal(1m, padrao.Multiplier);
        Assert.Equal(365, padrao.ValidityDays);
        Assert.Equal(AuditParameter.UseTenantRules, padrao.AuditParameter);
    }

    [Fact]
    public async Task Create_Should_Show_The_Error_Next_To_The_Field_And_Keep_What_Was_Typed()
    {
        var (_, client) = await AdminAsync("cat-b");
        var response = await client.PostFormFromPageAsync("/categorias/nova", "/categorias/nova", new Dictionary<string, string>
        {
            ["Name"] = "Ouro", ["Description"] = "Clientes frequentes", ["Multiplier"] = "2,555", ["ValidityDays"] = "4000",
            ["AuditParameter"] = "UseTenantRules",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("O fator multiplicativo deve ser maior que zero", html);
        Assert.Contains("A validade deve ficar entre 1 e 3650 dias", html);
        Assert.Contains("value=\"Ouro\"", html);
        Assert.Contains("Clientes frequentes", html);
    }

    [Fact]
    public async Task Category_With_Custom_Rules_Should_Be_Created_Edited_Inactivated_And_Reactivated()
    {
        var (tenant, client) = await AdminAsync("cat-c");
        var created = await client.PostFormFromPageAsync("/categorias/nova", "/categorias/nova", new Dictionary<string, string>
        {
            ["Name"] = "Frotistas", ["Multiplier"] = "1,5", ["ValidityDays"] = "180", ["AuditParameter"] = "CustomRules",
            ["Rules.MaxPurchasesPerCardPerDay"] = "3", ["Rules.MaxPurchaseAmount"] = "2500,00",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var category = await App.InTenantAsync(tenant.Id, db => db.CustomerCategories.SingleAsync(c => c.Name == "Frotistas"));
        Assert.Equal(1.5m, category.Multiplier);
        Assert.Equal(3, category.CustomRules.MaxPurchasesPerCardPerDay);
        Assert.Equal(2500m, category.CustomRules.MaxPurchaseAmount);
        Assert.Equal(151, category.ApplyMultiplier(101)); // 151.5 rounded down

        var edited = await client.PostFormFromPageAsync($"/categorias/{category.Id}/editar", $"/categorias/{category.Id}/editar",
            new Dictionary<string, string> { ["Name"] = "Frotistas", ["Multiplier"] = "2", ["ValidityDays"] = "", ["AuditParameter"] = "RequireApproval" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        category = await App.InTenantAsync(tenant.Id, db => db.CustomerCategories.SingleAsync(c => c.Id == category.Id));
        Assert.Null(category.ValidityDays);
        Assert.True(category.CustomRules.IsEmpty); // rules only kept for CustomRules
        Assert.Null(category.EffectiveRules(AntifraudRules.None));

        var list = await client.Http.GetStringAsync("/categorias");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/categorias/{category.Id}/inativar", list, new Dictionary<string, string>())).StatusCode);
        Assert.False(await App.InTenantAsync(tenant.Id, db => db.CustomerCategories.Where(c => c.Id == category.Id).Select(c => c.IsActive).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/categorias/{category.Id}/reativar", list, new Dictionary<string, string>())).StatusCode);
        Assert.True(await App.InTenantAsync(tenant.Id, db => db.CustomerCategories.Where(c => c.Id == category.Id).Select(c => c.IsActive).SingleAsync()));
        var audited = await App.InTenantAsync(tenant.Id, db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(CustomerCategory) && a.EntityId == category.Id.ToString()));
        Assert.True(audited >= 4);
    }

    [Fact]
    public async Task Category_In_Use_Should_Not_Be_Deleted_But_An_Unused_One_May()
    {
        var (tenant, client) = await AdminAsync("cat-d");
        var used = await CreateCategoryAsync(tenant.Id, "Usada");
        var unused = await CreateCategoryAsync(tenant.Id, "Sem uso");
        await RegisterCustomerAsync(tenant.Id, used);
        var list = await client.Http.GetStringAsync("/categorias");

        var refused = await client.PostFormAsync($"/categorias/{used}/excluir", list, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("não pode ser excluída", WebUtility.HtmlDecode(await client.Http.GetStringAsync("/categorias")));
        Assert.True(await App.InTenantAsync(tenant.Id, db => db.CustomerCategories.AnyAsync(c => c.Id == used)));

        await client.PostFormAsync($"/categorias/{unused}/excluir", list, new Dictionary<string, string>());
        Assert.False(await App.InTenantAsync(tenant.Id, db => db.CustomerCategories.AnyAsync(c => c.Id == unused)));
    }

    [Fact]
    public async Task Category_In_A_Campaign_Should_Not_Be_Deleted_And_The_Message_Names_The_Campaigns()
    {
        var (tenant, client) = await AdminAsync("cat-i");
        var category = await CreateCategoryAsync(tenant.Id, "Ouro");
        await App.InTenantAsync(tenant.Id, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var type = CampaignType.Create("Sazonal", now);
            db.CampaignTypes.Add(type);
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            Campaign InGold(string description) => Campaign.Create(new CampaignTerms(description, today, today.AddDays(30), type.Id,
                CampaignSituation.Pending, CampaignClassification.Periodic, [category], null, null, null, null), now);
            db.Campaigns.AddRange(InGold("Natal Ouro"), InGold("Páscoa Ouro"));
            await db.SaveChangesAsync();
            return 0;
        });
        var list = await client.Http.GetStringAsync("/categorias");

        var refused = await client.PostFormAsync($"/categorias/{category}/excluir", list, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await client.Http.GetStringAsync("/categorias"));
        Assert.Contains("A categoria participa das campanhas Natal Ouro, Páscoa Ouro e não pode ser excluída", page);
        Assert.True(await App.InTenantAsync(tenant.Id, db => db.CustomerCategories.AnyAsync(c => c.Id == category)));
    }

    [Fact]
    public async Task Default_Category_Should_Not_Be_Inactivated_Or_Deleted()
    {
        var (tenant, client) = await AdminAsync("cat-e");
        var padrao = await App.InTenantAsync(tenant.Id, db => db.CustomerCategories.Where(c => c.IsDefault).Select(c => c.Id).SingleAsync());
        var list = await client.Http.GetStringAsync("/categorias");
        await client.PostFormAsync($"/categorias/{padrao}/inativar", list, new Dictionary<string, string>());
        await client.PostFormAsync($"/categorias/{padrao}/excluir", list, new Dictionary<string, string>());
        var category = await App.InTenantAsync(tenant.Id, db => db.CustomerCategories.SingleAsync(c => c.Id == padrao));
        Assert.True(category.IsActive);
    }

    [Fact]
    public async Task Inactive_Category_Should_Not_Be_Chosen_For_A_New_Customer()
    {
        var tenant = await App.CreateTenantAsync("cat-f");
        var category = await CreateCategoryAsync(tenant.Id, "Antiga");
        await using (var scope = App.TenantScope(tenant.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<Loyalty.Web.Infrastructure.Persistence.LoyaltyDbContext>();
            (await db.CustomerCategories.SingleAsync(c => c.Id == category)).Inactivate();
            await db.SaveChangesAsync();
        }
        var outcome = await RegisterCustomerAsync(tenant.Id, category);
        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Errors, e => e.Field == nameof(CustomerForm.CategoryId));
    }

    [Fact]
    public async Task Category_Of_Another_Tenant_Should_Answer_404()
    {
        var other = await App.CreateTenantAsync("cat-g");
        var foreign = await CreateCategoryAsync(other.Id, "Alheia");
        var (_, client) = await AdminAsync("cat-h");
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/categorias/{foreign}/editar")).StatusCode);
        var list = await client.Http.GetStringAsync("/categorias");
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/categorias/{foreign}/inativar", list, new Dictionary<string, string>())).StatusCode);
        Assert.DoesNotContain("Alheia", list);
    }

    private async Task<Guid> CreateCategoryAsync(Guid tenantId, string name)
    {
        await using var scope = App.TenantScope(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<Loyalty.Web.Infrastructure.Persistence.LoyaltyDbContext>();
        var category = CustomerCategory.Create(name, null, 1m, 30, AuditParameter.UseTenantRules, null, DateTimeOffset.UtcNow);
        db.CustomerCategories.Add(category);
        await db.SaveChangesAsync();
        return category.Id;
    }

    private async Task<RegisterCustomer.Outcome> RegisterCustomerAsync(Guid tenantId, Guid categoryId)
    {
        await using var scope = App.TenantScope(tenantId);
        return await scope.ServiceProvider.GetRequiredService<RegisterCustomer.Handler>().HandleAsync(
            new CustomerForm { PersonType = PersonType.PF, Document = "529.982.247-25", Name = "Maria da Silva", CategoryId = categoryId },
            new Registration(RegistrationOrigin.BackOffice, DateTimeOffset.UtcNow, null, null), CancellationToken.None);
    }
}
