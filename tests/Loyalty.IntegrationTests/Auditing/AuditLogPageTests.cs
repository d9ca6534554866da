using System.Net;
using System.Text.RegularExpressions;
using Loyalty.Domain.Categories;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Auditing;

/// <summary>SPEC §12: the audit log screen is paged on the server, keeps its filters, opens one change in full, and shows
/// the business — labels, formatted values, names — never an id or raw JSON.</summary>
public sealed partial class AuditLogPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Log_Should_BePagedOnTheServer_WithATotal_And_PageLinks()
    {
        var (tenant, admin) = await AdminAsync("aup-a");
        await App.CreateStoreAsync(tenant.Id, "P01");
        var storeId = await App.InTenantAsync(tenant.Id, db => db.Stores.Where(s => s.Code == "P01").Select(s => s.Id).SingleAsync());
        await App.InTenantAsync(tenant.Id, async db =>
        {
            for (var i = 1; i <= 30; i++)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-i), Actor = "job:test", EntityType = "Store", EntityId = storeId.ToString(),
                    Action = AuditAction.Updated, Before = $$"""{"Name":"Loja {{i}}"}""", After = $$"""{"Name":"Loja {{i + 1}}"}""",
                });
            }
            return await db.SaveChangesAsync();
        });
        var total = await App.InTenantAsync(tenant.Id, db => db.AuditEntries.CountAsync());

        var first = Html.Parse(await admin.Http.GetStringAsync("/auditoria"));
        var second = Html.Parse(await admin.Http.GetStringAsync("/auditoria?Page=2"));

        Assert.True(total > 30);
        Assert.Equal(25, first.QuerySelectorAll("[data-testid=audit-row]").Length);
        Assert.Equal(total - 25, second.QuerySelectorAll("[data-testid=audit-row]").Length);
        Assert.Equal($"{total} alterações", first.QuerySelector("[data-testid=audit-total]")!.TextContent.Trim());
        Assert.Contains("Page=2", first.QuerySelector("[data-testid=next-page]")!.GetAttribute("href"));
        Assert.Contains(second.QuerySelectorAll("[data-testid=audit-row]"), r => r.TextContent.Contains("Loja 30 → Loja 31", StringComparison.Ordinal));
        Assert.Contains(first.QuerySelectorAll("[data-testid=audit-row]"), r => r.TextContent.Contains("Sistema", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_Should_NarrowTheLog_ByRecordType_Person_And_Record()
    {
        var (tenant, admin) = await AdminAsync("aup-b");
        await admin.PostFormFromPageAsync("/lojas/nova", "/lojas/nova", new Dictionary<string, string> { ["Code"] = "B01", ["Name"] = "Loja Filtro" });
        var categoryId = await CreateAndEditCategoryAsync(tenant.Id, admin, "Prata");

        var categories = Html.Parse(await admin.Http.GetStringAsync("/auditoria?EntityType=CustomerCategory"));
        var byName = Html.Parse(await admin.Http.GetStringAsync($"/auditoria?Actor={Uri.EscapeDataString("admin aup-b")}"));
        var byNobody = Html.Parse(await admin.Http.GetStringAsync("/auditoria?Actor=ninguem"));
        var oneRecord = Html.Parse(await admin.Http.GetStringAsync($"/auditoria?EntityType=CustomerCategory&EntityId={categoryId}"));

        var categoryRows = categories.QuerySelectorAll("[data-testid=audit-row]").Select(r => r.TextContent).ToList();
        Assert.NotEmpty(categoryRows);
        Assert.All(categoryRows, r => Assert.Contains("Categoria", r));
        Assert.Contains("Categoria", categories.QuerySelectorAll("#EntityType option").Select(o => o.TextContent));
        Assert.DoesNotContain("CustomerCategory", categories.QuerySelector("#EntityType")!.TextContent);
        Assert.Contains(byName.QuerySelectorAll("[data-testid=audit-row]"), r => r.TextContent.Contains("Loja Filtro", StringComparison.Ordinal));
        Assert.Empty(byNobody.QuerySelectorAll("[data-testid=audit-row]"));
        Assert.Equal(2, oneRecord.QuerySelectorAll("[data-testid=audit-row]").Length);
        Assert.Equal("Alterações de Prata", oneRecord.QuerySelector("[data-testid=audit-record] span")!.TextContent.Trim());
        AssertReadsAsTheBusiness(oneRecord.Body!.TextContent);
    }

    [Fact]
    public async Task Detail_Should_ShowEveryFieldBeforeAndAfter_WithScreenLabels_And_NoIds()
    {
        var (tenant, admin) = await AdminAsync("aup-c");
        var categoryId = await CreateAndEditCategoryAsync(tenant.Id, admin, "Ouro");
        var updateId = await App.InTenantAsync(tenant.Id, db => db.AuditEntries
            .Where(e => e.EntityType == nameof(CustomerCategory) && e.EntityId == categoryId.ToString() && e.Action == AuditAction.Updated)
            .Select(e => e.Id).SingleAsync());

        var log = Html.Parse(await admin.Http.GetStringAsync("/auditoria"));
        var html = await admin.Http.GetStringAsync($"/auditoria/{updateId}");
        var page = Html.Parse(html);

        Assert.Contains(log.QuerySelectorAll("[data-testid=audit-detail-link]"), a => a.GetAttribute("href") == $"/auditoria/{updateId}");
        var fields = page.QuerySelectorAll("[data-testid=audit-detail-field]")
            .Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Contains("Fator multiplicativo | 1,5 | 2", fields);
        Assert.Contains("Validade dos pontos (dias) | 30 dias | 60 dias", fields);
        Assert.Equal($"Admin {tenant.Code}", page.QuerySelector("[data-testid=audit-who]")!.TextContent.Trim());
        Assert.Equal($"/categorias/{categoryId}/editar", page.QuerySelector("[data-testid=audit-subject]")!.GetAttribute("href"));
        AssertReadsAsTheBusiness(page.Body!.TextContent);
    }

    [Fact]
    public async Task Detail_Of_Another_Tenants_Change_Should_BeNotFound()
    {
        var (other, _) = await AdminAsync("aup-d");
        await App.CreateStoreAsync(other.Id, "D01");
        var otherEntry = await App.InTenantAsync(other.Id, db => db.AuditEntries.Select(e => e.Id).FirstAsync());
        var (_, admin) = await AdminAsync("aup-e");

        var response = await admin.Http.GetAsync($"/auditoria/{otherEntry}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<Guid> CreateAndEditCategoryAsync(Guid tenantId, StaffClient admin, string name)
    {
        var created = await admin.PostFormFromPageAsync("/categorias/nova", "/categorias/nova", new Dictionary<string, string>
        {
            ["Name"] = name, ["Multiplier"] = "1,5", ["ValidityDays"] = "30", ["AuditParameter"] = "UseTenantRules",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await App.InTenantAsync(tenantId, db => db.CustomerCategories.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
        var edited = await admin.PostFormFromPageAsync($"/categorias/{id}/editar", $"/categorias/{id}/editar", new Dictionary<string, string>
        {
            ["Name"] = name, ["Multiplier"] = "2", ["ValidityDays"] = "60", ["AuditParameter"] = "UseTenantRules",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        return id;
    }

    private async Task<(TestData.TestTenant Tenant, StaffClient Client)> AdminAsync(string code)
    {
        var tenant = await App.CreateTenantAsync(code);
        var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(tenant.Code, tenant.AdminEmail, TestData.Password);
        return (tenant, client);
    }

    private static void AssertReadsAsTheBusiness(string text)
    {
        Assert.DoesNotMatch(GuidRegex(), text);
        Assert.DoesNotContain("{\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CustomerCategory", text, StringComparison.Ordinal);
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidRegex();
}
