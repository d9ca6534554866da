using Loyalty.Domain.Agreements;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Credit;
using Loyalty.Domain.Customers;
using Loyalty.Domain.Staff;
using Loyalty.Web.Features.Credit;
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
/// per role (`papel@credito.local`, the demo password), a credit score set in force and two modalities
/// (<see cref="DemoCreditScore"/>), applicants with varied credit data (<see cref="DemoCreditApplicants"/>) — some
/// waiting in 06, some approved or rejected by score by the analyst (<see cref="DemoCreditDecisions"/>) — an agreement
/// company with two customers whose cards start at 07, and two embossing batches, one delivered and one still at the
/// embosser (<see cref="DemoCreditBatches"/>), with a purchase on a delivered card (<see cref="DemoCreditPurchase"/>).
/// Everything goes through the back-office's own handlers.
/// Idempotent: a customer already registered is left as the back-office has taken it since; a decision or batch
/// already made is not made again.
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

    public const string AgreementCnpj = "11222333000181";

    /// <summary>The demo analyst's approval authority (alçada) for manual analysis.</summary>
    public const decimal AnalystAuthority = 3000m;

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
        // The demo analyst may approve by hand up to R$ 3.000,00, so both the approval and the refusal above it can be tried;
        // an authority the admin has set since is kept.
        if (await users.FindByEmailAsync(Staff.Single(s => s.Role == StaffRole.CreditAnalyst).Email) is { ApprovalAuthority: null } authorised)
        {
            authorised.ApprovalAuthority = AnalystAuthority;
            await users.UpdateAsync(authorised);
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
        var day = await scope.ServiceProvider.GetRequiredService<CreditScoring>().TodayAsync(cancellationToken);
        var modalities = await DemoCreditScore.SeedAsync(db, day, now, cancellationToken);
        foreach (var applicant in DemoCreditApplicants.All)
        {
            await RegisterAsync(db, register, applicant.Cpf, applicant.Name, applicant.Gender, applicant.Birth, applicant.City, applicant.Uf,
                applicant.Credit, null, new Registration(RegistrationOrigin.BackOffice, now.AddDays(-applicant.RegisteredDaysAgo), stores["CR01"], null),
                cancellationToken);
        }
        foreach (var (cpf, name, gender, birth, city, uf) in UnderAgreement)
        {
            await RegisterAsync(db, register, cpf, name, gender, birth, city, uf, CreditProfile.Empty, agreement.Id,
                new Registration(RegistrationOrigin.BackOffice, now, stores["CR01"], null), cancellationToken);
        }
        var analyst = await StaffAsync(users, Staff[3].Email, cancellationToken);
        await DemoCreditDecisions.SeedAsync(scope.ServiceProvider, new CreditAnalyst(analyst.Id, analyst.FullName, analyst.ApprovalAuthority ?? 0m, now),
            modalities, cancellationToken);
        var cardOperator = await StaffAsync(users, Staff[4].Email, cancellationToken);
        await DemoCreditBatches.SeedAsync(scope.ServiceProvider, day, cardOperator.Id, cardOperator.FullName, now, cancellationToken);
        await DemoCreditPurchase.SeedAsync(scope.ServiceProvider, stores["CR01"],
            DemoCreditApplicants.All.First(a => a.Batch == DemoBatch.Delivered).Cpf, now, cancellationToken);
        return [.. Staff.Select(s => new DemoSeeder.Login(s.Role, TenantCode, s.Email, DemoSeeder.Password))];
    }

    /// <summary>Registers the customer through the back-office's own handler; one registered by an earlier seed keeps
    /// what the back-office has done with it since, only gaining the demo credit data if it has none yet.</summary>
    private static async Task RegisterAsync(LoyaltyDbContext db, RegisterCustomer.Handler register, string cpf, string name, Gender gender,
        DateOnly birth, string city, string uf, CreditProfile credit, Guid? agreementId, Registration registration, CancellationToken cancellationToken)
    {
        if (await db.Customers.SingleOrDefaultAsync(c => c.Document == cpf, cancellationToken) is { } existing)
        {
            if (existing.Credit.IsEmpty && !credit.IsEmpty)
            {
                existing.ChangeCredit(credit);
                await db.SaveChangesAsync(cancellationToken);
            }
            return;
        }
        var form = new CustomerForm
        {
            PersonType = PersonType.PF, Document = cpf, Name = name, Gender = gender, BirthDate = birth, City = city, Uf = uf,
            AgreementCompanyId = agreementId,
        };
        form.FillCredit(credit);
        var outcome = await register.HandleAsync(form, registration, cancellationToken);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"Demo customer {name}: " + string.Join("; ", outcome.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }
    }

    private static async Task<StaffUser> StaffAsync(UserManager<StaffUser> users, string email, CancellationToken cancellationToken) =>
        await users.FindByNameAsync(StaffUser.LoginName(TenantCode, email))
            ?? throw new InvalidOperationException($"Demo user {email} is missing.");
}
