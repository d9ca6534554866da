using Loyalty.Domain.Agreements;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Customers;
using Loyalty.Domain.Staff;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Demo;

/// <summary>
/// The second demo tenant, company code `credito`, on the "loyalty and credit" card flow (SPEC §8): one store, one user
/// per role (`papel@credito.local`, the demo password), customers whose cards wait in 06 for the credit analysis, and an
/// agreement company ("no layout") with two customers whose cards start at 07.
/// Idempotent: a customer already registered is left as the back-office has taken it since.
/// </summary>
internal sealed class DemoCreditTenant(DemoSeeder seeder, TenantScopes scopes, TimeProvider clock)
{
    public const string TenantCode = "credito";

    private static readonly (StaffRole Role, string Email, string Name, string? Store)[] Staff =
    [
        (StaffRole.TenantAdmin, "admin@credito.local", "Alice Administradora", null),
        (StaffRole.StoreManager, "gerente@credito.local", "Gilberto Gerente", "CR01"),
        (StaffRole.Cashier, "caixa@credito.local", "Cecília Caixa", "CR01"),
        (StaffRole.CreditAnalyst, "credito@credito.local", "Renata Analista", null),
        (StaffRole.CardOperator, "cartoes@credito.local", "Otávio Operador", null),
    ];

    /// <summary>Customers registered at the counter whose cards start at 06, waiting for the credit analysis.</summary>
    private static readonly (string Cpf, string Name, Gender Gender, DateOnly Birth, string City, string Uf)[] Registered =
    [
        ("31024567826", "Beatriz Almeida Rocha", Gender.Female, new DateOnly(1988, 3, 14), "Campinas", "SP"),
        ("40235678171", "Diego Martins Souza", Gender.Male, new DateOnly(1975, 9, 2), "Santos", "SP"),
        ("51346789282", "Fernanda Lima Castro", Gender.Female, new DateOnly(1996, 12, 20), "Sorocaba", "SP"),
        ("62457890365", "Henrique Barbosa Nunes", Gender.Male, new DateOnly(1969, 5, 30), "Jundiaí", "SP"),
        ("73568901439", "Isabela Ferreira Gomes", Gender.Female, new DateOnly(2001, 7, 8), "Piracicaba", "SP"),
        ("84679012501", "Leonardo Teixeira Dias", Gender.Male, new DateOnly(1983, 1, 17), "Ribeirão Preto", "SP"),
    ];

    public const string AgreementCnpj = "11222333000181";

    /// <summary>Customers registered under the agreement company: their cards skip the analysis and start at 07.</summary>
    private static readonly (string Cpf, string Name, Gender Gender, DateOnly Birth, string City, string Uf)[] UnderAgreement =
    [
        ("95175385291", "Marcos Vinícius Prado", Gender.Male, new DateOnly(1979, 4, 11), "Campinas", "SP"),
        ("85296374100", "Natália Ribeiro Campos", Gender.Female, new DateOnly(1992, 10, 3), "Valinhos", "SP"),
    ];

    public async Task<IReadOnlyList<DemoSeeder.Login>> SeedAsync(CancellationToken cancellationToken)
    {
        var tenantId = await seeder.EnsureTenantAsync(TenantCode, "Rede Crédito Demonstração", Staff[0].Name, Staff[0].Email, cancellationToken);
        await using var scope = scopes.For(tenantId);
        scope.ServiceProvider.GetRequiredService<AuditActor>().UseSystemActor("cli:seed-demo");
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var stores = await seeder.EnsureStoresAsync(db, [("CR01", "Loja Crédito Centro")], cancellationToken);
        foreach (var (role, email, name, store) in Staff)
        {
            await seeder.EnsureUserAsync(users, TenantCode, tenantId, role, email, name, store is null ? [] : [stores[store]]);
        }

        var settings = await db.ProgramSettings.SingleAsync(cancellationToken);
        if (settings.CardFlow != CardFlow.LoyaltyAndCredit)
        {
            settings.ChangeCardFlow(CardFlow.LoyaltyAndCredit, settings.CardValidityMonths);
            await db.SaveChangesAsync(cancellationToken);
        }
        var register = scope.ServiceProvider.GetRequiredService<RegisterCustomer.Handler>();
        var now = clock.GetUtcNow();
        var agreement = await db.AgreementCompanies.SingleOrDefaultAsync(c => c.Cnpj == AgreementCnpj, cancellationToken);
        if (agreement is null)
        {
            agreement = AgreementCompany.Create("Indústria Parceira Demonstração", AgreementCnpj, nameOnEmbosserFile: true, now);
            db.AgreementCompanies.Add(agreement);
            await db.SaveChangesAsync(cancellationToken);
        }
        foreach (var (cpf, name, gender, birth, city, uf, agreementId) in Registered.Select(c => (c.Cpf, c.Name, c.Gender, c.Birth, c.City, c.Uf, (Guid?)null))
                     .Concat(UnderAgreement.Select(c => (c.Cpf, c.Name, c.Gender, c.Birth, c.City, c.Uf, (Guid?)agreement.Id))))
        {
            if (await db.Customers.AnyAsync(c => c.Document == cpf, cancellationToken))
            {
                continue;
            }
            var outcome = await register.HandleAsync(new CustomerForm
            {
                PersonType = PersonType.PF, Document = cpf, Name = name, Gender = gender, BirthDate = birth, City = city, Uf = uf,
                AgreementCompanyId = agreementId,
            }, new Registration(RegistrationOrigin.BackOffice, now, stores["CR01"], null), cancellationToken);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"Demo customer {name}: " + string.Join("; ", outcome.Errors.Select(e => $"{e.Field}: {e.Message}")));
            }
        }
        return [.. Staff.Select(s => new DemoSeeder.Login(s.Role, TenantCode, s.Email, DemoSeeder.Password))];
    }
}
