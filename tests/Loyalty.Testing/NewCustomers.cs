using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Customers;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Testing;

/// <summary>
/// Customers with unique documents and card numbers for the list, profile and block tests, registered through the
/// registration handler (registering store included).
/// </summary>
public static class NewCustomers
{
    private static int _seed = Random.Shared.Next(1_000, 1_000_000);

    public sealed record Registered(Guid Id, string Document, string CardNumber);

    public static int NextSeed() => Interlocked.Increment(ref _seed);

    public static async Task<Registered> AddCustomerAsync(this LoyaltyAppFactory app, Guid tenantId, string name,
        Action<CustomerForm>? with = null, Guid? storeId = null)
    {
        var seed = NextSeed();
        var form = new CustomerForm
        {
            PersonType = PersonType.PF, Document = TestDocuments.Cpf(seed), Name = name,
            CardNumber = TestDocuments.CardNumber("6062", seed),
        };
        with?.Invoke(form);
        await using var scope = app.TenantScope(tenantId);
        var outcome = await scope.ServiceProvider.GetRequiredService<RegisterCustomer.Handler>().HandleAsync(form,
            new Registration(RegistrationOrigin.BackOffice, DateTimeOffset.UtcNow, storeId, null), CancellationToken.None);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", outcome.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }
        return new Registered(outcome.Value!.CustomerId, form.NormalizedDocument!, outcome.Value.CardNumber);
    }

    public static Task<Registered> AddDependentAsync(this LoyaltyAppFactory app, Guid tenantId, string name, Guid titularId) =>
        app.AddCustomerAsync(tenantId, name, f =>
        {
            f.IsDependent = true;
            f.TitularId = titularId;
        });

    /// <summary>A company with an alphanumeric CNPJ (letters in its base, as issued from July 2026).</summary>
    public static Task<Registered> AddCompanyAsync(this LoyaltyAppFactory app, Guid tenantId, string name) =>
        app.AddCustomerAsync(tenantId, name, f =>
        {
            f.PersonType = PersonType.PJ;
            f.Document = TestDocuments.Cnpj($"A{NextSeed() % 1_000_000:000000}BC0001"[..12]);
        });
}
