using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Api.Customers;

/// <summary>
/// Registration through the API (SPEC §10, origin "api"): resolves what the request names — category by name, titular
/// by document, store by code — into the counter's form and hands it to the same handler, so every rule is the
/// counter's. Messages come back keyed by the request's field names.
/// </summary>
public sealed class ApiCustomerRegistration(
    LoyaltyDbContext db, RegisterCustomer.Handler register, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public sealed record Result(RegisterCustomer.Registered? Registered, IReadOnlyList<FieldError> Errors, Guid? ExistingCustomerId);

    public async Task<Result> RegisterAsync(RegisterCustomerRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var form = ToForm(request, errors);
        form.CategoryId = await CategoryAsync(request.Category, errors, cancellationToken);
        form.TitularId = await TitularAsync(request.TitularDocument, errors, cancellationToken);
        form.AgreementCompanyId = await AgreementAsync(request.AgreementCompanyCnpj, errors, cancellationToken);
        var storeId = await StoreAsync(request.StoreCode, errors, cancellationToken);
        RegisterCustomer.Outcome outcome;
        if (errors.Count > 0)
        {
            // Report everything at once: what could not be resolved, and what the registration rules say of the rest.
            outcome = await register.ValidateAsync(form, RegisterCustomer.Steps, cancellationToken);
        }
        else
        {
            outcome = await register.HandleAsync(form, new Registration(RegistrationOrigin.Api, clock.GetUtcNow(), storeId, null), cancellationToken);
        }
        errors.AddRange(outcome.Errors.Select(e => e with { Field = ApiFieldNames.Of(e.Field) }));
        // One message per field: "titular unknown" says more than the rule's "choose the titular" that follows from it.
        var distinct = errors.GroupBy(e => e.Field).Select(g => g.First()).ToList();
        return new Result(outcome.Value, distinct, outcome.ExistingCustomerId);
    }

    private CustomerForm ToForm(RegisterCustomerRequest request, List<FieldError> errors)
    {
        if (request.PersonType is null)
        {
            errors.Add(new FieldError("personType", l["Validation.Required"]));
        }
        if (request.RedeemScope is not null && !string.IsNullOrWhiteSpace(request.TitularDocument))
        {
            errors.Add(new FieldError("redeemScope", l["Customer.RedeemScopeBelongsToTitular"]));
        }
        var address = request.Address ?? new CustomerAddress();
        return new CustomerForm
        {
            PersonType = request.PersonType == ApiPersonType.PJ ? PersonType.PJ : PersonType.PF,
            Document = request.Document,
            Name = request.Name,
            Gender = request.Gender switch
            {
                ApiGender.Female => Gender.Female,
                ApiGender.Male => Gender.Male,
                ApiGender.Other => Gender.Other,
                _ => Gender.NotInformed,
            },
            BirthDate = request.BirthDate,
            MotherName = request.MotherName,
            IsDependent = !string.IsNullOrWhiteSpace(request.TitularDocument),
            Cep = address.Cep,
            Street = address.Street,
            Number = address.Number,
            Complement = address.Complement,
            Neighborhood = address.Neighborhood,
            City = address.City,
            Uf = address.Uf,
            MobilePhone = request.MobilePhone,
            Email = request.Email,
            CardNumber = request.CardNumber,
            RedeemScope = request.RedeemScope == ApiRedeemScope.AllCards ? RedeemScope.AllCards : RedeemScope.TitularOnly,
            MaritalStatus = request.Credit?.MaritalStatus,
            Occupation = request.Credit?.Occupation,
            OccupationDescription = request.Credit?.OccupationDescription,
            MonthlyIncome = request.Credit?.MonthlyIncome,
            AdditionalIncome = request.Credit?.AdditionalIncome,
            ProvenIncome = request.Credit?.ProvenIncome,
            MonthsAtEmployer = request.Credit?.MonthsAtEmployer,
            ResidenceType = request.Credit?.ResidenceType,
            MonthsAtResidence = request.Credit?.MonthsAtResidence,
        };
    }

    /// <summary>By name, exactly or ignoring case; absent means the default category (the handler's rule).</summary>
    private async Task<Guid?> CategoryAsync(string? name, List<FieldError> errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var wanted = name.Trim();
        var categories = await db.CustomerCategories.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var match = categories.FirstOrDefault(c => c.Name == wanted)
                    ?? categories.FirstOrDefault(c => string.Equals(c.Name, wanted, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            errors.Add(new FieldError("category", l["Customer.CategoryUnknown"]));
        }
        return match?.Id;
    }

    /// <summary>By CNPJ; whether the company may take the customer (active, loyalty-and-credit) is the handler's rule.</summary>
    private async Task<Guid?> AgreementAsync(string? cnpj, List<FieldError> errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(cnpj))
        {
            return null;
        }
        var normalized = Cnpj.TryParse(cnpj, out var parsed) ? parsed.Value : null;
        var id = normalized is null ? null
            : await db.AgreementCompanies.Where(c => c.Cnpj == normalized).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            errors.Add(new FieldError("agreementCompanyCnpj", l["Customer.AgreementUnknown"]));
        }
        return id;
    }

    private async Task<Guid?> TitularAsync(string? document, List<FieldError> errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(document))
        {
            return null;
        }
        var normalized = Cpf.TryParse(document, out var cpf) ? cpf.Value : Cnpj.TryParse(document, out var cnpj) ? cnpj.Value : null;
        var id = normalized is null ? null
            : await db.Customers.Where(c => c.Document == normalized).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            errors.Add(new FieldError("titularDocument", l["Customer.TitularUnknown"]));
        }
        return id;
    }

    /// <summary>An active store of the tenant, by code in any case; absent means a registration without store.</summary>
    private async Task<Guid?> StoreAsync(string? code, List<FieldError> errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        var wanted = code.Trim().ToUpperInvariant();
        var id = await db.Stores.Where(s => s.Code == wanted && s.IsActive).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            errors.Add(new FieldError("storeCode", l["Api.StoreUnknown"]));
        }
        return id;
    }
}
