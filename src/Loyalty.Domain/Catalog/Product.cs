using Loyalty.Domain.Common;

namespace Loyalty.Domain.Catalog;

/// <summary>
/// A product of the loyalty program's catalogue: code (as the POS sends it), description, department and section. The
/// POS knows more products than the program: a purchase item with an unknown code is still accepted and earns at the
/// default rate (SPEC §5).
/// </summary>
public class Product : ITenantOwned, IAudited
{
    public const int CodeMaxLength = 30;
    public const int DescriptionMaxLength = 120;

    private Product()
    {
        Code = string.Empty;
        Description = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Code { get; private set; }
    public string Description { get; private set; }
    public Guid? DepartmentId { get; private set; }
    public Guid? SectionId { get; private set; }
    public bool IsActive { get; private set; }

    public static Product Create(string code, string description, Department? department, Section? section, DateTimeOffset now)
    {
        var product = new Product { Id = Guid.CreateVersion7(now), Code = CatalogCode.Normalize(code, CodeMaxLength), IsActive = true };
        product.Update(description, department, section);
        return product;
    }

    /// <summary>A section must belong to the product's department.</summary>
    public void Update(string description, Department? department, Section? section)
    {
        if (section is not null && section.DepartmentId != department?.Id)
        {
            throw new DomainException("Catalog.SectionOutsideDepartment");
        }
        Description = Guard.Text(description, DescriptionMaxLength, "Catalog.DescriptionRequired");
        DepartmentId = department?.Id;
        SectionId = section?.Id;
    }

    public void Inactivate() => IsActive = IsActive ? false : throw new DomainException("Catalog.AlreadyInactive");

    public void Reactivate() => IsActive = !IsActive ? true : throw new DomainException("Catalog.AlreadyActive");
}
