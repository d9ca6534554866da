using System.Net;
using Loyalty.Domain.Catalog;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Catalog;

public sealed class ProductCatalogTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly Dictionary<string, string> NoFields = [];

    private LoyaltyAppFactory App => fixture.App;

    private async Task<(TestData.TestTenant Tenant, StaffClient Client)> AdminAsync(string code)
    {
        var tenant = await App.CreateTenantAsync(code);
        var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(tenant.Code, tenant.AdminEmail, TestData.Password);
        return (tenant, client);
    }

    [Fact]
    public async Task Department_Section_And_Product_Should_Be_Created_Edited_Inactivated_And_Reactivated()
    {
        var (tenant, client) = await AdminAsync("prod-a");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormFromPageAsync("/departamentos/novo", "/departamentos/novo",
            new Dictionary<string, string> { ["Code"] = " conv ", ["Name"] = "Conveniência" })).StatusCode);
        var department = await App.InTenantAsync(tenant.Id, db => db.Departments.SingleAsync());
        Assert.Equal("CONV", department.Code);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormFromPageAsync($"/departamentos/{department.Id}/secoes/nova",
            $"/departamentos/{department.Id}/secoes/nova", new Dictionary<string, string> { ["Code"] = "BEB", ["Name"] = "Bebidas" })).StatusCode);
        var section = await App.InTenantAsync(tenant.Id, db => db.Sections.SingleAsync());
        Assert.Equal(department.Id, section.DepartmentId);
        await client.PostFormFromPageAsync($"/departamentos/{department.Id}/editar", $"/departamentos/{department.Id}/editar",
            new Dictionary<string, string> { ["Code"] = "OUTRO", ["Name"] = "Loja de conveniência" });
        department = await App.InTenantAsync(tenant.Id, db => db.Departments.SingleAsync());
        Assert.Equal(("CONV", "Loja de conveniência"), (department.Code, department.Name)); // the code never changes

        var created = await client.PostFormFromPageAsync("/produtos/novo", "/produtos/novo", new Dictionary<string, string>
        {
            ["Code"] = "agua500", ["Description"] = "Água mineral 500 ml", ["DepartmentId"] = department.Id.ToString(), ["SectionId"] = section.Id.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var product = await App.InTenantAsync(tenant.Id, db => db.Products.SingleAsync());
        Assert.Equal(("AGUA500", department.Id, section.Id), (product.Code, product.DepartmentId, product.SectionId));

        var edited = await client.PostFormFromPageAsync($"/produtos/{product.Id}/editar", $"/produtos/{product.Id}/editar",
            new Dictionary<string, string> { ["Description"] = "Água sem gás 500 ml", ["DepartmentId"] = department.Id.ToString(), ["SectionId"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        product = await App.InTenantAsync(tenant.Id, db => db.Products.SingleAsync());
        Assert.Equal(("Água sem gás 500 ml", (Guid?)null), (product.Description, product.SectionId));

        var list = await client.Http.GetStringAsync("/produtos");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/produtos/{product.Id}/inativar", list, NoFields)).StatusCode);
        Assert.False(await App.InTenantAsync(tenant.Id, db => db.Products.Select(p => p.IsActive).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/produtos/{product.Id}/reativar", list, NoFields)).StatusCode);
        Assert.True(await App.InTenantAsync(tenant.Id, db => db.Products.Select(p => p.IsActive).SingleAsync()));
        Assert.True(await App.InTenantAsync(tenant.Id, db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Product))) >= 4);
    }

    [Fact]
    public async Task Product_Form_Should_Show_Errors_Next_To_The_Fields_And_Refuse_A_Taken_Code_Or_A_Section_Of_Another_Department()
    {
        var (tenant, client) = await AdminAsync("prod-b");
        var (fuel, shop, drinks) = await SeedGroupsAsync(tenant.Id);
        await AddProductAsync(tenant.Id, "GASC", "Gasolina comum", fuel);

        var empty = await client.PostFormFromPageAsync("/produtos/novo", "/produtos/novo",
            new Dictionary<string, string> { ["Code"] = "COM ESPACO", ["Description"] = "" });
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("sem espaços", Html.FieldMessage(html, "Code"));
        Assert.Equal("Informe a descrição do produto.", Html.FieldMessage(html, "Description"));
        Assert.Equal("COM ESPACO", Html.InputValue(html, "Code"));

        var taken = await client.PostFormFromPageAsync("/produtos/novo", "/produtos/novo",
            new Dictionary<string, string> { ["Code"] = "gasc", ["Description"] = "Outra gasolina" });
        Assert.Equal("Já existe um produto com este código.", Html.FieldMessage(await taken.Content.ReadAsStringAsync(), "Code"));

        var outside = await client.PostFormFromPageAsync("/produtos/novo", "/produtos/novo", new Dictionary<string, string>
        {
            ["Code"] = "REFRI", ["Description"] = "Refrigerante", ["DepartmentId"] = fuel.ToString(), ["SectionId"] = drinks.ToString(),
        });
        Assert.Equal("A seção escolhida não pertence ao departamento.", Html.FieldMessage(await outside.Content.ReadAsStringAsync(), "SectionId"));
        Assert.Equal(1, await App.InTenantAsync(tenant.Id, db => db.Products.CountAsync()));
        _ = shop;
    }

    [Fact]
    public async Task Product_List_Should_Search_By_Code_Or_Description_Filter_By_Department_And_Page()
    {
        var (tenant, client) = await AdminAsync("prod-c");
        var (fuel, shop, _) = await SeedGroupsAsync(tenant.Id);
        await AddProductAsync(tenant.Id, "GASC", "Gasolina comum", fuel);
        await AddProductAsync(tenant.Id, "ETAN", "Etanol", fuel);
        await AddProductAsync(tenant.Id, "AGUA500", "Água mineral 500 ml", shop);
        for (var i = 0; i < 30; i++)
        {
            await AddProductAsync(tenant.Id, $"X{i:00}", $"Item de teste {i}", null);
        }

        static List<string> Codes(string html) =>
            [.. Html.Parse(html).QuerySelectorAll("[data-testid=product-row] td:first-child").Select(td => td.TextContent.Trim())];

        Assert.Equal(["GASC"], Codes(await client.Http.GetStringAsync("/produtos?Q=gas")));
        Assert.Equal(["AGUA500"], Codes(await client.Http.GetStringAsync("/produtos?Q=MINERAL")));
        Assert.Equal(["ETAN", "GASC"], Codes(await client.Http.GetStringAsync($"/produtos?DepartmentId={fuel}")));
        Assert.Empty(Codes(await client.Http.GetStringAsync("/produtos?Q=%25")));
        var first = await client.Http.GetStringAsync("/produtos");
        Assert.Equal(25, Codes(first).Count);
        Assert.NotNull(Html.Parse(first).QuerySelector("[data-testid=next-page]"));
        Assert.Equal(8, Codes(await client.Http.GetStringAsync("/produtos?Page=2")).Count);
    }

    [Fact]
    public async Task Department_With_Sections_Or_Products_And_Section_With_Products_Should_Not_Be_Deleted()
    {
        var (tenant, client) = await AdminAsync("prod-d");
        var (fuel, shop, drinks) = await SeedGroupsAsync(tenant.Id);
        await AddProductAsync(tenant.Id, "AGUA500", "Água", shop, drinks);
        await AddProductAsync(tenant.Id, "GASC", "Gasolina", fuel);
        var list = await client.Http.GetStringAsync("/departamentos");

        await client.PostFormAsync($"/departamentos/{shop}/excluir", list, NoFields);
        await client.PostFormAsync($"/departamentos/secoes/{drinks}/excluir", list, NoFields);
        await client.PostFormAsync($"/departamentos/{fuel}/excluir", list, NoFields);
        Assert.Contains("não pode ser excluído", Html.Text(await client.Http.GetStringAsync("/departamentos")));
        Assert.Equal(3, await App.InTenantAsync(tenant.Id, async db => await db.Departments.CountAsync() + await db.Sections.CountAsync()));

        var empty = await App.InTenantAsync(tenant.Id, async db =>
        {
            var d = Department.Create("VAZIO", "Vazio", DateTimeOffset.UtcNow);
            db.Departments.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/departamentos/{empty}/excluir", list, NoFields)).StatusCode);
        Assert.False(await App.InTenantAsync(tenant.Id, db => db.Departments.AnyAsync(d => d.Id == empty)));
    }

    [Fact]
    public async Task Product_Department_And_Section_Of_Another_Tenant_Should_Answer_404()
    {
        var other = await App.CreateTenantAsync("prod-e");
        var (fuel, _, drinks) = await SeedGroupsAsync(other.Id);
        var product = await AddProductAsync(other.Id, "ALHEIO", "Produto alheio", fuel);
        var (tenant, client) = await AdminAsync("prod-f");

        foreach (var url in new[] { $"/produtos/{product}/editar", $"/departamentos/{fuel}/editar", $"/departamentos/secoes/{drinks}/editar",
                     $"/departamentos/{fuel}/secoes/nova" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(url)).StatusCode);
        }
        var list = await client.Http.GetStringAsync("/produtos");
        Assert.DoesNotContain("ALHEIO", list);
        foreach (var url in new[] { $"/produtos/{product}/inativar", $"/produtos/{product}/editar", $"/departamentos/{fuel}/excluir",
                     $"/departamentos/secoes/{drinks}/excluir", $"/departamentos/{fuel}/editar" })
        {
            var response = await client.PostFormAsync(url, list, new Dictionary<string, string> { ["Description"] = "X", ["Name"] = "X" });
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        // A product of this tenant cannot be put in another tenant's department either.
        var mine = await AddProductAsync(tenant.Id, "MEU", "Meu produto", null);
        await client.PostFormAsync($"/produtos/{mine}/editar", list,
            new Dictionary<string, string> { ["Description"] = "Meu produto", ["DepartmentId"] = fuel.ToString() });
        Assert.Null(await App.InTenantAsync(tenant.Id, db => db.Products.Where(p => p.Id == mine).Select(p => p.DepartmentId).SingleAsync()));
        Assert.True(await App.InTenantAsync(other.Id, db => db.Products.Where(p => p.Id == product).Select(p => p.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Catalogue_Should_Be_TenantAdmins_Only()
    {
        var tenant = await App.CreateTenantAsync("prod-g");
        var cashier = await App.CreateUserAsync(tenant.Id, Loyalty.Domain.Staff.StaffRole.Cashier, await App.CreateStoreAsync(tenant.Id, "LJ1"));
        var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(tenant.Code, cashier, TestData.Password);
        foreach (var url in new[] { "/produtos", "/departamentos", "/produtos/importar" })
        {
            var response = await client.Http.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{url}: {response.StatusCode}");
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private async Task<(Guid Fuel, Guid Shop, Guid Drinks)> SeedGroupsAsync(Guid tenantId)
    {
        await using var scope = App.TenantScope(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        var fuel = Department.Create("COMB", "Combustíveis", DateTimeOffset.UtcNow);
        var shop = Department.Create("CONV", "Conveniência", DateTimeOffset.UtcNow);
        var drinks = Section.Create(shop.Id, "BEB", "Bebidas", DateTimeOffset.UtcNow);
        db.AddRange(fuel, shop, drinks);
        await db.SaveChangesAsync();
        return (fuel.Id, shop.Id, drinks.Id);
    }

    private async Task<Guid> AddProductAsync(Guid tenantId, string code, string description, Guid? departmentId, Guid? sectionId = null)
    {
        await using var scope = App.TenantScope(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        var department = departmentId is null ? null : await db.Departments.SingleAsync(d => d.Id == departmentId);
        var section = sectionId is null ? null : await db.Sections.SingleAsync(s => s.Id == sectionId);
        var product = Product.Create(code, description, department, section, DateTimeOffset.UtcNow);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product.Id;
    }
}
