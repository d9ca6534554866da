using FluentValidation;
using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Agreements;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Customers;

/// <summary>
/// Edits a customer's registration with the registration's own rules (the Personal and Contact steps). What identifies
/// the customer — person type, document, titular — stays as registered and is never read from the form. The category
/// may change to any active one, or stay on its current one even when that was inactivated since; "who can redeem" is
/// the titular's to change.
/// </summary>
public static class EditCustomer
{
    public sealed class Command : CustomerForm
    {
        public Guid Id { get; set; }

        [BindNever]
        public string DocumentDisplay { get; set; } = string.Empty;

        [BindNever]
        public List<CategoryOption> Categories { get; set; } = [];

        /// <summary>Empty when the tenant offers no agreements (loyalty only): the field is not shown.</summary>
        [BindNever]
        public List<AgreementChoice.Option> Agreements { get; set; } = [];

        /// <summary>For a dependent, the titular's address and phone that "Copiar endereço e telefone do titular" puts in.</summary>
        [BindNever]
        public TitularContact.Contact? TitularContact { get; set; }
    }

    public sealed record CategoryOption(Guid Id, string Name, bool IsActive);

    public sealed class Handler(LoyaltyDbContext db, CustomerRules rules, TitularContact.Handler contact, AgreementChoice.Handler agreements, IStringLocalizer<SharedResource> l)
    {
        public async Task<Command?> LoadAsync(Guid id, CancellationToken cancellationToken)
        {
            var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (customer is null)
            {
                return null;
            }
            var command = new Command
            {
                Id = customer.Id, Name = customer.Name, Gender = customer.Gender, BirthDate = customer.BirthDate,
                MotherName = customer.MotherName, CategoryId = customer.CategoryId, Cep = customer.Address.Cep,
                Street = customer.Address.Street, Number = customer.Address.Number, Complement = customer.Address.Complement,
                Neighborhood = customer.Address.Neighborhood, City = customer.Address.City, Uf = customer.Address.Uf,
                MobilePhone = customer.MobilePhone, Email = customer.Email, RedeemScope = customer.RedeemScope,
                AgreementCompanyId = customer.AgreementCompanyId,
            };
            command.FillCredit(customer.Credit);
            await FillAsync(command, customer, cancellationToken);
            return command;
        }

        /// <returns>Null when the customer does not exist in the tenant.</returns>
        public async Task<CommandResult<Guid>?> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken);
            if (customer is null)
            {
                return null;
            }
            await FillAsync(command, customer, cancellationToken);
            var validator = await rules.ValidatorAsync(isNew: false, cancellationToken);
            var validation = await validator.ValidateAsync(command,
                o => o.IncludeRuleSets(CustomerFormValidator.Personal, CustomerFormValidator.Contact), cancellationToken);
            var errors = validation.ToFieldErrors().ToList();
            var categoryId = command.CategoryId ?? customer.CategoryId;
            var category = await db.CustomerCategories.SingleOrDefaultAsync(c => c.Id == categoryId, cancellationToken);
            if (category is null || (!category.IsActive && category.Id != customer.CategoryId))
            {
                errors.Add(new FieldError(nameof(Command.CategoryId), l[category is null ? "Customer.CategoryUnknown" : "Customer.CategoryInactive"]));
            }
            if (await agreements.CheckAsync(command.AgreementCompanyId, customer.AgreementCompanyId, cancellationToken) is { } agreementError)
            {
                errors.Add(agreementError);
            }
            if (errors.Count > 0)
            {
                return CommandResult<Guid>.Failure(errors);
            }
            customer.Update(command.ToData());
            customer.ChangeCredit(command.ToCredit());
            customer.ChangeCategory(category!);
            customer.ChangeAgreement(command.AgreementCompanyId is { } agreementId
                ? await db.AgreementCompanies.SingleAsync(c => c.Id == agreementId, cancellationToken)
                : null);
            if (!customer.IsDependent)
            {
                customer.ChangeRedeemScope(command.RedeemScope);
            }
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<Guid>.Success(customer.Id);
        }

        /// <summary>Prepares the form to be shown again as typed (a value the binder could not read); false when the
        /// customer is not found in the tenant.</summary>
        public async Task<bool> RefillAsync(Command command, CancellationToken cancellationToken)
        {
            var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken);
            if (customer is null)
            {
                return false;
            }
            await FillAsync(command, customer, cancellationToken);
            return true;
        }

        /// <summary>Puts back what the form may not change and what the screen shows beside the fields.</summary>
        private async Task FillAsync(Command command, Customer customer, CancellationToken cancellationToken)
        {
            command.PersonType = customer.PersonType;
            command.Document = customer.Document;
            command.DocumentDisplay = CustomerDocument.Format(customer.PersonType, customer.Document);
            command.IsDependent = customer.IsDependent;
            command.TitularId = customer.TitularId;
            command.Categories = await db.CustomerCategories.AsNoTracking()
                .Where(c => c.IsActive || c.Id == customer.CategoryId)
                .OrderBy(c => c.Name).Select(c => new CategoryOption(c.Id, c.Name, c.IsActive))
                .ToListAsync(cancellationToken);
            command.Agreements = await agreements.OptionsAsync(customer.AgreementCompanyId, cancellationToken);
            if (command.Agreements.Count == 0)
            {
                // Not offered (loyalty only) or no company yet: the field is not on the screen, the customer keeps theirs.
                command.AgreementCompanyId = customer.AgreementCompanyId;
            }
            command.RequiredFields = await rules.RequiredFieldsAsync(customer.PersonType, cancellationToken);
            command.TitularContact = customer.TitularId is { } titularId ? await contact.FindAsync(titularId, cancellationToken) : null;
        }
    }
}
