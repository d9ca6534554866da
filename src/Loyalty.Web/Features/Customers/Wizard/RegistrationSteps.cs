using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Customers.Wizard;

/// <summary>
/// Moves the counter wizard between its screens (SPEC §3): "Próximo" checks the steps up to the current one and stops on
/// the first step with a message; "Voltar", "Editar" and the titular search move without checking anything; "Confirmar"
/// registers through the same handler as the API; "Copiar endereço e telefone do titular" on the card step brings the
/// chosen titular's address and phone to the contact step. A message always lands on the screen that shows its field.
/// </summary>
public static class RegistrationSteps
{
    public const string Next = "next";
    public const string Back = "back";
    public const string Search = "search";
    public const string Confirm = "confirm";
    public const string EditPrefix = "edit-";
    public const string CopyTitularContact = "copy-titular-contact";

    /// <param name="Copied">Fields the server filled (the titular's contact): what was posted for them is replaced.</param>
    public sealed record Result(RegisterCustomer.Registered? Registered, IReadOnlyList<FieldError> Errors, IReadOnlyCollection<string>? Copied = null);

    public sealed class Handler(
        LoyaltyDbContext db, RegisterCustomer.Handler register, RegisteringStore.Handler stores, TitularContact.Handler contact,
        IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        public async Task<RegistrationWizard> StartAsync(CancellationToken cancellationToken) => new()
        {
            CategoryId = await db.CustomerCategories.Where(c => c.IsDefault).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken),
            StoreId = await stores.DefaultAsync(cancellationToken),
        };

        /// <param name="bindingErrors">Values that did not even parse (a date that is not a date), keyed by field.</param>
        public async Task<Result> SubmitAsync(
            RegistrationWizard wizard, string? go, IReadOnlyList<FieldError> bindingErrors, Guid? userId, CancellationToken cancellationToken)
        {
            var current = Math.Clamp(wizard.Step, 1, RegistrationWizard.Review);
            switch (go)
            {
                case Back:
                    wizard.Step = Math.Max(1, current - 1);
                    return new Result(null, []);
                case Search:
                    wizard.Step = RegisterCustomer.Steps;
                    return new Result(null, []);
                case { } edit when edit.StartsWith(EditPrefix, StringComparison.Ordinal)
                                   && int.TryParse(edit.AsSpan(EditPrefix.Length), out var target):
                    wizard.Step = Math.Clamp(target, 1, RegisterCustomer.Steps);
                    return new Result(null, []);
                case Confirm:
                    return await ConfirmAsync(wizard, bindingErrors, userId, cancellationToken);
                case CopyTitularContact:
                    return await CopyTitularContactAsync(wizard, cancellationToken);
                default:
                    var step = Math.Min(current, RegisterCustomer.Steps);
                    var errors = await CheckAsync(wizard, step, bindingErrors, cancellationToken);
                    wizard.Step = errors.Count > 0 ? FirstStepOf(errors) : step + 1;
                    return new Result(null, errors);
            }
        }

        private async Task<Result> ConfirmAsync(
            RegistrationWizard wizard, IReadOnlyList<FieldError> bindingErrors, Guid? userId, CancellationToken cancellationToken)
        {
            var errors = bindingErrors.ToList();
            if (await stores.CheckAsync(wizard.StoreId, cancellationToken) is { } storeError)
            {
                errors.Add(storeError);
            }
            if (errors.Count == 0)
            {
                // At a store's counter, or from the back-office when no store is named (a TenantAdmin's choice).
                var origin = wizard.StoreId is null ? RegistrationOrigin.BackOffice : RegistrationOrigin.Counter;
                var registration = new Registration(origin, clock.GetUtcNow(), wizard.StoreId, userId);
                var outcome = await register.HandleAsync(wizard, registration, cancellationToken);
                if (outcome.Value is { } registered)
                {
                    return new Result(registered, []);
                }
                wizard.ExistingCustomerId = outcome.ExistingCustomerId;
                errors.AddRange(outcome.Errors);
            }
            wizard.Step = FirstStepOf(errors);
            return new Result(null, errors);
        }

        /// <summary>The titular chosen on the card step lends its address and phone; the contact step comes next, so the
        /// cashier sees them and may change them.</summary>
        private async Task<Result> CopyTitularContactAsync(RegistrationWizard wizard, CancellationToken cancellationToken)
        {
            var titular = wizard.IsDependent && wizard.TitularId is { } id ? await contact.FindAsync(id, cancellationToken) : null;
            if (titular is null)
            {
                wizard.Step = RegisterCustomer.Steps;
                return new Result(null, [new FieldError(nameof(RegistrationWizard.TitularId), l["Customer.TitularRequired"])]);
            }
            if (titular.Fields().Count == 0)
            {
                // Nothing to bring back: the card step stays, saying why, rather than a "copied" over untouched fields.
                wizard.Step = RegisterCustomer.Steps;
                return new Result(null, [new FieldError(nameof(RegistrationWizard.TitularId), l["Registration.TitularHasNoContact"])]);
            }
            var copied = titular.CopyTo(wizard);
            wizard.Step = 2;
            wizard.TitularContactCopied = true;
            return new Result(null, [], copied);
        }

        private async Task<List<FieldError>> CheckAsync(
            RegistrationWizard wizard, int step, IReadOnlyList<FieldError> bindingErrors, CancellationToken cancellationToken)
        {
            var errors = bindingErrors.Where(e => RegistrationWizard.StepOf(e.Field) <= step).ToList();
            var outcome = await register.ValidateAsync(wizard, step, cancellationToken);
            wizard.ExistingCustomerId = outcome.ExistingCustomerId;
            // A value that did not parse keeps its own message; the rules, which saw it as empty, would only confuse.
            errors.AddRange(outcome.Errors.Where(e => bindingErrors.All(b => b.Field != e.Field)));
            if (step == RegisterCustomer.Steps && await stores.CheckAsync(wizard.StoreId, cancellationToken) is { } storeError)
            {
                errors.Add(storeError);
            }
            return errors;
        }

        private static int FirstStepOf(IEnumerable<FieldError> errors) =>
            errors.Select(e => RegistrationWizard.StepOf(e.Field)).DefaultIfEmpty(RegistrationWizard.Review).Min();
    }
}
