using Loyalty.Domain.Categories;
using Loyalty.Domain.Customers;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Auditing;

/// <summary>Addresses and antifraud rule sets are value objects stored as complex properties: their changes are
/// audited field by field like any other column (SPEC §12).</summary>
public sealed class ValueObjectAuditTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Changing_Only_The_Address_Should_Write_Its_Before_And_After()
    {
        var tenant = await App.CreateTenantAsync("vo-a");
        var customer = await App.RegisterTitularAsync(tenant.Id, "Paula Souza", 7101);
        await using (var scope = App.TenantScope(tenant.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
            var entity = await db.Customers.SingleAsync(c => c.Id == customer.CustomerId);
            entity.Update(new CustomerData(entity.PersonType, entity.Document, entity.Name, entity.Gender, entity.BirthDate, entity.MotherName,
                entity.Address with { City = "Campinas", Uf = "SP" }, entity.MobilePhone, entity.Email));
            await db.SaveChangesAsync();
        }
        var update = await LastAsync(tenant.Id, nameof(Customer), customer.CustomerId.ToString());
        Assert.Equal(AuditAction.Updated, update.Action);
        Assert.Equal("Campinas", Field(update.After, "Address.City"));
        Assert.Equal("", Field(update.Before, "Address.City"));
    }

    [Fact]
    public async Task Changing_The_Tenant_Antifraud_Rules_Should_Be_Audited()
    {
        var tenant = await App.CreateTenantAsync("vo-b");
        await using (var scope = App.TenantScope(tenant.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
            (await db.ProgramSettings.SingleAsync()).ChangeDefaultRules(new AntifraudRules { MaxPurchasesPerCardPerDay = 5 });
            await db.SaveChangesAsync();
        }
        var update = await LastAsync(tenant.Id, "ProgramSettings", tenant.Id.ToString());
        Assert.Equal("5", Field(update.After, "DefaultRules.MaxPurchasesPerCardPerDay"));
    }

    [Fact]
    public async Task Changing_Only_A_Category_Custom_Rule_Should_Be_Audited()
    {
        var tenant = await App.CreateTenantAsync("vo-c");
        Guid id;
        await using (var scope = App.TenantScope(tenant.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
            var category = CustomerCategory.Create("Frota", null, 1m, 30, AuditParameter.CustomRules,
                new AntifraudRules { MaxPurchasesPerCardPerDay = 3 }, DateTimeOffset.UtcNow);
            db.CustomerCategories.Add(category);
            await db.SaveChangesAsync();
            id = category.Id;
            category.Update("Frota", null, 1m, 30, AuditParameter.CustomRules, new AntifraudRules { MaxPurchasesPerCardPerDay = 7 });
            await db.SaveChangesAsync();
        }
        var update = await LastAsync(tenant.Id, nameof(CustomerCategory), id.ToString());
        Assert.Equal(AuditAction.Updated, update.Action);
        Assert.Equal("3", Field(update.Before, "CustomRules.MaxPurchasesPerCardPerDay"));
        Assert.Equal("7", Field(update.After, "CustomRules.MaxPurchasesPerCardPerDay"));
    }

    /// <summary>A field of the before/after JSON as text ("" for null); throws when the field is not there at all.</summary>
    private static string Field(string? json, string name) =>
        System.Text.Json.JsonDocument.Parse(json!).RootElement.GetProperty(name).ToString();

    private Task<AuditEntry> LastAsync(Guid tenantId, string type, string entityId) =>
        App.InTenantAsync(tenantId, db => db.AuditEntries.Where(a => a.EntityType == type && a.EntityId == entityId)
            .OrderByDescending(a => a.Id).FirstAsync());
}
