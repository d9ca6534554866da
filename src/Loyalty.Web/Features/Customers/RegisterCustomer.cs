using FluentValidation;
using Loyalty.Domain.Agreements;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Categories;
using Loyalty.Domain.Common;
using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Agreements;
using Loyalty.Web.Features.Cards;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Loyalty.Web.Features.Customers;

/// <summary>
/// Registers a titular or a dependent with their loyalty card, the same way for the counter wizard, the back-office and
/// the API (SPEC §3, §10). A document already registered in the tenant is not an error to fix but a customer to offer:
/// the outcome carries the existing customer's id. Customer and card are saved together or not at all.
/// </summary>
public static class RegisterCustomer
{
    public const int Steps = 3;

    public sealed record Registered(Guid CustomerId, string CardNumber);

    public sealed record Outcome(Registered? Value, IReadOnlyList<FieldError> Errors, Guid? ExistingCustomerId = null)
    {
        public bool Succeeded => Value is not null;
    }

    public sealed class Handler(LoyaltyDbContext db, CustomerRules rules, CardActor actor, AgreementChoice.Handler agreements, IStringLocalizer<SharedResource> l)
    {
        /// <summary>Checks the steps up to <paramref name="step"/> (1–3): what the wizard asks before moving on.</summary>
        public async Task<Outcome> ValidateAsync(CustomerForm form, int step, CancellationToken cancellationToken)
        {
            var validator = await rules.ValidatorAsync(isNew: true, cancellationToken);
            var result = await validator.ValidateAsync(form, o => o.IncludeRuleSets([.. CustomerFormValidator.RuleSetsUpTo(step)]), cancellationToken);
            var errors = result.ToFieldErrors().ToList();
            Guid? existing = null;
            if (step >= 1 && errors.All(e => e.Field != nameof(CustomerForm.Document)))
            {
                existing = await ExistingCustomerAsync(form, cancellationToken);
                if (existing is not null)
                {
                    errors.Add(new FieldError(nameof(CustomerForm.Document), l["Customer.DocumentExists"]));
                }
            }
            if (step >= 1 && await CategoryErrorAsync(form, cancellationToken) is { } categoryError)
            {
                errors.Add(categoryError);
            }
            if (step >= 3)
            {
                errors.AddRange(await CardAndTitularErrorsAsync(form, cancellationToken));
                if (await agreements.CheckAsync(form.AgreementCompanyId, null, cancellationToken) is { } agreementError)
                {
                    errors.Add(agreementError);
                }
            }
            return new Outcome(null, errors, existing);
        }

        public async Task<Outcome> HandleAsync(CustomerForm form, Registration registration, CancellationToken cancellationToken)
        {
            var validation = await ValidateAsync(form, Steps, cancellationToken);
            if (validation.Errors.Count > 0)
            {
                return validation;
            }
            var category = await CategoryAsync(form, cancellationToken);
            var agreement = form.AgreementCompanyId is { } agreementId
                ? await db.AgreementCompanies.SingleAsync(c => c.Id == agreementId, cancellationToken)
                : null;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            Customer customer;
            try
            {
                customer = form.IsDependent
                    ? Customer.RegisterDependent(form.ToData(), category,
                        await db.Customers.SingleAsync(c => c.Id == form.TitularId, cancellationToken), registration)
                    : Customer.RegisterTitular(form.ToData(), category, form.RedeemScope, registration);
                customer.ChangeCredit(form.ToCredit());
                customer.ChangeAgreement(agreement);
            }
            catch (DomainException ex)
            {
                // The titular or the category changed between the checks and this moment: the form stays as typed.
                var field = ex.Code.StartsWith("Customer.Titular", StringComparison.Ordinal) || ex.Code == "Customer.DependentCannotBeTitular"
                    ? nameof(CustomerForm.TitularId)
                    : ex.Code.StartsWith("Customer.Agreement", StringComparison.Ordinal) ? nameof(CustomerForm.AgreementCompanyId) : nameof(CustomerForm.CategoryId);
                return new Outcome(null, [new FieldError(field, l[ex.Code])]);
            }
            var (number, generated) = string.IsNullOrWhiteSpace(form.CardNumber)
                ? (await GenerateCardNumberAsync(cancellationToken), true)
                : (CardNumberRule.Normalize(form.CardNumber)!, false);
            db.Customers.Add(customer);
            var settings = await rules.SettingsAsync(cancellationToken);
            db.Cards.Add(Card.Issue(customer.Id, number, generated, settings.InitialCardStatus(underAgreement: agreement is not null),
                await rules.TodayAsync(cancellationToken), settings.CardValidityMonths, actor.Change() with { At = registration.At }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
            {
                // Two counters registering the same document or card at the same moment: the second one loses cleanly.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return unique.ConstraintName?.Contains("document", StringComparison.Ordinal) == true
                    ? new Outcome(null, [new FieldError(nameof(CustomerForm.Document), l["Customer.DocumentExists"])],
                        await ExistingCustomerAsync(form, cancellationToken))
                    : new Outcome(null, [new FieldError(nameof(CustomerForm.CardNumber), l["Card.NumberTaken"])]);
            }
            return new Outcome(new Registered(customer.Id, number), []);
        }

        private async Task<Guid?> ExistingCustomerAsync(CustomerForm form, CancellationToken cancellationToken)
        {
            var document = form.NormalizedDocument;
            return document is null ? null
                : await db.Customers.Where(c => c.Document == document).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        }

        private async Task<CustomerCategory> CategoryAsync(CustomerForm form, CancellationToken cancellationToken) =>
            form.CategoryId is { } id
                ? await db.CustomerCategories.SingleAsync(c => c.Id == id, cancellationToken)
                : await db.CustomerCategories.SingleAsync(c => c.IsDefault, cancellationToken);

        private async Task<FieldError?> CategoryErrorAsync(CustomerForm form, CancellationToken cancellationToken)
        {
            if (form.CategoryId is not { } id)
            {
                return null;
            }
            var active = await db.CustomerCategories.Where(c => c.Id == id).Select(c => (bool?)c.IsActive).SingleOrDefaultAsync(cancellationToken);
            return active switch
            {
                null => new FieldError(nameof(CustomerForm.CategoryId), l["Customer.CategoryUnknown"]),
                false => new FieldError(nameof(CustomerForm.CategoryId), l["Customer.CategoryInactive"]),
                _ => null,
            };
        }

        private async Task<List<FieldError>> CardAndTitularErrorsAsync(CustomerForm form, CancellationToken cancellationToken)
        {
            var errors = new List<FieldError>();
            var number = CardNumberRule.Normalize(form.CardNumber);
            if (!string.IsNullOrEmpty(number) && await db.Cards.AnyAsync(c => c.Number == number, cancellationToken))
            {
                errors.Add(new FieldError(nameof(CustomerForm.CardNumber), l["Card.NumberTaken"]));
            }
            if (form.IsDependent && form.TitularId is { } titularId)
            {
                var titular = await db.Customers.AsNoTracking().Where(c => c.Id == titularId)
                    .Select(c => new { c.TitularId, c.Status }).SingleOrDefaultAsync(cancellationToken);
                var problem = titular switch
                {
                    null => "Customer.TitularUnknown",
                    { TitularId: not null } => "Customer.DependentCannotBeTitular",
                    { Status: CustomerStatus.Inactive } => "Customer.TitularInactive",
                    _ => null,
                };
                if (problem is not null)
                {
                    errors.Add(new FieldError(nameof(CustomerForm.TitularId), l[problem]));
                }
            }
            return errors;
        }

        /// <summary>Takes the tenant's next card number under a row lock, skipping numbers a pre-printed card already holds.</summary>
        private async Task<string> GenerateCardNumberAsync(CancellationToken cancellationToken)
        {
            var tenantId = db.Tenant.RequiredTenantId;
            // The row lock serialises generators; the read after it sees the sequence the previous holder committed.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM program_settings WHERE tenant_id = {tenantId} FOR UPDATE", cancellationToken);
            var settings = await db.ProgramSettings.SingleAsync(cancellationToken);
            string number;
            do
            {
                number = settings.TakeNextCardNumber();
            }
            while (await db.Cards.AnyAsync(c => c.Number == number, cancellationToken));
            return number;
        }
    }
}
