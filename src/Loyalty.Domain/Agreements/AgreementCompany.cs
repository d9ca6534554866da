using Loyalty.Domain.Common;
using Loyalty.Domain.Customers;

namespace Loyalty.Domain.Agreements;

/// <summary>
/// A partner company with an agreement (convênio): a customer registered under it skips the credit analysis and its card
/// starts at 07 (SPEC §8). "Empresa no layout" puts the company's name on the embosser file. A company is never deleted,
/// only inactivated; an inactive one takes no new customers. The CNPJ (numeric or alphanumeric) is unique in the tenant.
/// </summary>
public class AgreementCompany : ITenantOwned, IAudited
{
    public const int NameMaxLength = 80;

    private AgreementCompany()
    {
        Name = string.Empty;
        Cnpj = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Name { get; private set; }

    /// <summary>Normalised: 14 characters, upper-case letters kept for the alphanumeric CNPJ.</summary>
    public string Cnpj { get; private set; }

    /// <summary>"Empresa no layout": the company's name is printed on the embosser file of its customers' cards.</summary>
    public bool NameOnEmbosserFile { get; private set; }

    public bool IsActive { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public string FormattedCnpj => Customers.Cnpj.Parse(Cnpj).Formatted;

    public static AgreementCompany Create(string name, string cnpj, bool nameOnEmbosserFile, DateTimeOffset now)
    {
        var company = new AgreementCompany { Id = Guid.CreateVersion7(now), IsActive = true, CreatedAt = now };
        company.Update(name, cnpj, nameOnEmbosserFile);
        return company;
    }

    public void Update(string name, string cnpj, bool nameOnEmbosserFile)
    {
        Name = Guard.Text(name, NameMaxLength, "Agreement.NameRequired");
        Cnpj = Customers.Cnpj.TryParse(cnpj, out var parsed) ? parsed.Value : throw new DomainException("Agreement.CnpjInvalid");
        NameOnEmbosserFile = nameOnEmbosserFile;
    }

    public void Inactivate() =>
        IsActive = IsActive ? false : throw new DomainException("Agreement.AlreadyInactive");

    public void Reactivate() =>
        IsActive = !IsActive ? true : throw new DomainException("Agreement.AlreadyActive");
}
