using Loyalty.Domain.Categories;
using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Testing;

/// <summary>Customers and categories for tests, through the registration handler the screens and the API use.</summary>
public static class TestCustomers
{
    public static async Task<RegisterCustomer.Registered> RegisterCustomerAsync(this LoyaltyAppFactory app, Guid tenantId, CustomerForm form)
    {
        await using var scope = app.TenantScope(tenantId);
        var services = scope.ServiceProvider;
        var registration = new Registration(RegistrationOrigin.BackOffice, services.GetRequiredService<TimeProvider>().GetUtcNow(), null, null);
        var outcome = await services.GetRequiredService<RegisterCustomer.Handler>().HandleAsync(form, registration, CancellationToken.None);
        return outcome.Value
               ?? throw new InvalidOperationException(string.Join("; ", outcome.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    public static Task<RegisterCustomer.Registered> RegisterTitularAsync(this LoyaltyAppFactory app, Guid tenantId, string name, int cpfSeed) =>
        app.RegisterCustomerAsync(tenantId, new CustomerForm { Document = TestDocuments.Cpf(cpfSeed), Name = name });

    public static Task<RegisterCustomer.Registered> RegisterDependentAsync(
        this LoyaltyAppFactory app, Guid tenantId, Guid titularId, string name, int cpfSeed) =>
        app.RegisterCustomerAsync(tenantId, new CustomerForm
        {
            Document = TestDocuments.Cpf(cpfSeed), Name = name, IsDependent = true, TitularId = titularId,
        });

    public static async Task<Guid> CreateCategoryAsync(this LoyaltyAppFactory app, Guid tenantId, string name, bool active = true)
    {
        await using var scope = app.TenantScope(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        var category = CustomerCategory.Create(name, null, 2m, 365, AuditParameter.UseTenantRules, null, DateTimeOffset.UtcNow);
        if (!active)
        {
            category.Inactivate();
        }
        db.CustomerCategories.Add(category);
        await db.SaveChangesAsync();
        return category.Id;
    }
}
