using Loyalty.Domain.Agreements;
using Loyalty.Domain.Categories;
using Loyalty.Domain.Common;
using Loyalty.Domain.Credit;

namespace Loyalty.Domain.Customers;

/// <summary>
/// A member of the loyalty program: a titular, or a dependent of exactly one titular of the same tenant (SPEC §3).
/// Points always belong to the titular's account. A dependent has no dependents of its own, and "who can redeem"
/// belongs to the titular.
/// </summary>
public class Customer : ITenantOwned, IAudited
{
    public const int NameMaxLength = 120;
    public const int EmailMaxLength = 120;
    public const int MotherNameMaxLength = 120;

    private Customer()
    {
        Document = string.Empty;
        Name = string.Empty;
        Address = Address.Empty;
        Credit = CreditProfile.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public PersonType PersonType { get; private set; }

    /// <summary>CPF or CNPJ, normalised: digits (and upper-case letters for the alphanumeric CNPJ), leading zeros kept.</summary>
    public string Document { get; private set; }

    public string Name { get; private set; }
    public Gender Gender { get; private set; }
    public DateOnly? BirthDate { get; private set; }
    public string? MotherName { get; private set; }
    public Guid CategoryId { get; private set; }

    /// <summary>Null for a titular; the titular's id for a dependent.</summary>
    public Guid? TitularId { get; private set; }

    public RedeemScope RedeemScope { get; private set; }

    /// <summary>The agreement (convênio) company the customer was registered under; null outside any agreement.</summary>
    public Guid? AgreementCompanyId { get; private set; }

    public Address Address { get; private set; }
    public string? MobilePhone { get; private set; }
    public string? Email { get; private set; }
    public CustomerStatus Status { get; private set; }
    public RegistrationOrigin Origin { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public Guid? RegisteringStoreId { get; private set; }
    public Guid? RegisteringUserId { get; private set; }

    /// <summary>What the customer declared for credit analysis; empty when nothing was declared.</summary>
    public CreditProfile Credit { get; private set; }

    public bool IsDependent => TitularId is not null;

    /// <summary>
    /// "Which account earns": the titular's for a dependent, the customer's own otherwise. Stored on the row (a column
    /// PostgreSQL generates from the same rule, <c>coalesce(titular_id, id)</c>), so queries and the purchase's SQL read
    /// it instead of restating the rule; set here too, so a customer not yet saved answers it.
    /// </summary>
    public Guid AccountHolderId { get; private set; }

    /// <summary>
    /// The RFV class ("555"…"111") the latest daily close gave this account holder, null when it had no purchase in the
    /// window (or no close ran yet); written set-based by the close's RFV step, never by the domain. A dependent's
    /// purchases count for its titular, who alone carries the class.
    /// </summary>
    public string? RfvClass { get; private set; }

    /// <summary>The business date of the close that set <see cref="RfvClass"/>.</summary>
    public DateOnly? RfvDate { get; private set; }

    public string FormattedDocument => PersonType == PersonType.PF ? Cpf.Parse(Document).Formatted : Cnpj.Parse(Document).Formatted;

    public static Customer RegisterTitular(CustomerData data, CustomerCategory category, RedeemScope redeemScope, Registration registration) =>
        Register(data, category, null, redeemScope, registration);

    public static Customer RegisterDependent(CustomerData data, CustomerCategory category, Customer titular, Registration registration)
    {
        if (titular.IsDependent)
        {
            throw new DomainException("Customer.DependentCannotBeTitular");
        }
        if (titular.Status != CustomerStatus.Active)
        {
            throw new DomainException("Customer.TitularInactive");
        }
        // A dependent's own "who can redeem" is meaningless: the titular's choice governs every associated card.
        return Register(data, category, titular.Id, RedeemScope.TitularOnly, registration);
    }

    private static Customer Register(CustomerData data, CustomerCategory category, Guid? titularId, RedeemScope scope, Registration registration)
    {
        if (!category.IsActive)
        {
            throw new DomainException("Customer.CategoryInactive");
        }
        var customer = new Customer
        {
            Id = Guid.CreateVersion7(registration.At),
            TitularId = titularId,
            RedeemScope = scope,
            Status = CustomerStatus.Active,
            Origin = registration.Origin,
            RegisteredAt = registration.At,
            RegisteringStoreId = registration.StoreId,
            RegisteringUserId = registration.UserId,
            CategoryId = category.Id,
        };
        customer.AccountHolderId = customer.TitularId ?? customer.Id;
        customer.Apply(data);
        return customer;
    }

    /// <summary>Edits the registration data; the document and person type stay as registered.</summary>
    public void Update(CustomerData data)
    {
        if (data.PersonType != PersonType || data.Document != Document)
        {
            throw new DomainException("Customer.DocumentCannotChange");
        }
        Apply(data);
    }

    public void ChangeCredit(CreditProfile profile) => Credit = CreditProfiles.Validated(profile);

    public void ChangeCategory(CustomerCategory category)
    {
        if (category.Id != CategoryId && !category.IsActive)
        {
            throw new DomainException("Customer.CategoryInactive");
        }
        CategoryId = category.Id;
    }

    /// <summary>Joins or leaves an agreement; an inactive company takes no new customers but keeps those it has.</summary>
    public void ChangeAgreement(AgreementCompany? company)
    {
        if (company is not null && company.Id != AgreementCompanyId && !company.IsActive)
        {
            throw new DomainException("Customer.AgreementInactive");
        }
        AgreementCompanyId = company?.Id;
    }

    public void ChangeRedeemScope(RedeemScope scope)
    {
        if (IsDependent)
        {
            throw new DomainException("Customer.RedeemScopeBelongsToTitular");
        }
        RedeemScope = scope;
    }

    public void Inactivate() => Status = Status == CustomerStatus.Active ? CustomerStatus.Inactive : throw new DomainException("Customer.AlreadyInactive");

    public void Reactivate() => Status = Status == CustomerStatus.Inactive ? CustomerStatus.Active : throw new DomainException("Customer.AlreadyActive");

    private void Apply(CustomerData data)
    {
        PersonType = data.PersonType;
        Document = data.Document;
        Name = Guard.Text(data.Name, NameMaxLength, "Customer.NameRequired");
        Gender = data.PersonType == PersonType.PF ? data.Gender : Gender.NotInformed;
        BirthDate = data.PersonType == PersonType.PF ? data.BirthDate : null;
        MotherName = data.PersonType == PersonType.PF ? Blank(data.MotherName) : null;
        Address = data.Address ?? Address.Empty;
        MobilePhone = Blank(data.MobilePhone);
        Email = Blank(data.Email)?.ToLowerInvariant();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The registration data a customer is created or edited with, already validated and normalised.</summary>
public sealed record CustomerData(
    PersonType PersonType,
    string Document,
    string Name,
    Gender Gender,
    DateOnly? BirthDate,
    string? MotherName,
    Address? Address,
    string? MobilePhone,
    string? Email);

/// <summary>Who registered a customer, where and when.</summary>
public sealed record Registration(RegistrationOrigin Origin, DateTimeOffset At, Guid? StoreId, Guid? UserId);
