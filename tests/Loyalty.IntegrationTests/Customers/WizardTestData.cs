using Loyalty.Domain.Staff;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Customers;

/// <summary>What the wizard tests type, step by step, and the signed-in sessions they type in.</summary>
internal static class WizardTestData
{
    public static Dictionary<string, string> Personal(string document, string name, string? birthDate = "1990-05-20") => new()
    {
        ["PersonType"] = "PF",
        ["Document"] = document,
        ["Name"] = name,
        ["Gender"] = "Female",
        ["BirthDate"] = birthDate ?? string.Empty,
    };

    public static Dictionary<string, string> Contact() => new()
    {
        ["Cep"] = "01310-100",
        ["Street"] = "Avenida Paulista",
        ["Number"] = "1000",
        ["Complement"] = "ap. 12",
        ["Neighborhood"] = "Bela Vista",
        ["City"] = "São Paulo",
        ["Uf"] = "SP",
        ["MobilePhone"] = "(11) 98765-4321",
        ["Email"] = "cliente@example.com",
    };

    public static async Task<StaffClient> SignInAsync(this LoyaltyAppFactory app, string tenantCode, string email)
    {
        var client = app.CreateStaffClient();
        await client.SignInOrThrowAsync(tenantCode, email, TestData.Password);
        return client;
    }

    /// <summary>A tenant with one store and a cashier of that store, signed in.</summary>
    public static async Task<(TestData.TestTenant Tenant, Guid Store, string Cashier, StaffClient Client)> CashierAsync(
        this LoyaltyAppFactory app, string tenantCode)
    {
        var tenant = await app.CreateTenantAsync(tenantCode);
        var store = await app.CreateStoreAsync(tenant.Id, "L01");
        var cashier = await app.CreateUserAsync(tenant.Id, StaffRole.Cashier, store);
        return (tenant, store, cashier, await app.SignInAsync(tenant.Code, cashier));
    }

    public static Guid IdFromLocation(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException("No Location.");
        Assert.StartsWith("/clientes/", location);
        return Guid.Parse(location["/clientes/".Length..]);
    }
}
