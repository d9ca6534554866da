using Loyalty.Domain.Common;

namespace Loyalty.Domain.Catalog;

/// <summary>A department of the tenant's product catalogue (e.g. "Combustíveis", "Conveniência"); concessions give points
/// per R$ by department or section (SPEC §5–6).</summary>
public class Department : ITenantOwned, IAudited
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 80;

    private Department()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }

    public static Department Create(string code, string name, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Code = CatalogCode.Normalize(code, CodeMaxLength),
        Name = Guard.Text(name, NameMaxLength, "Catalog.NameRequired"),
    };

    public void Rename(string name) => Name = Guard.Text(name, NameMaxLength, "Catalog.NameRequired");

    /// <summary>A department that still groups sections or products is kept: deleting it would silently move products out
    /// of the concessions that give points by department.</summary>
    public static void EnsureDeletable(bool hasSections, bool hasProducts)
    {
        if (hasSections || hasProducts)
        {
            throw new DomainException("Catalog.DepartmentInUse");
        }
    }
}

/// <summary>A section inside a department (e.g. "Bebidas" in "Conveniência").</summary>
public class Section : ITenantOwned, IAudited
{
    private Section()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }

    public static Section Create(Guid departmentId, string code, string name, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        DepartmentId = departmentId,
        Code = CatalogCode.Normalize(code, Department.CodeMaxLength),
        Name = Guard.Text(name, Department.NameMaxLength, "Catalog.NameRequired"),
    };

    public void Rename(string name) => Name = Guard.Text(name, Department.NameMaxLength, "Catalog.NameRequired");

    public static void EnsureDeletable(bool hasProducts)
    {
        if (hasProducts)
        {
            throw new DomainException("Catalog.SectionInUse");
        }
    }
}

/// <summary>Catalogue codes are kept as sent by the POS (trimmed, upper-case), never reformatted.</summary>
public static class CatalogCode
{
    public static string Normalize(string? code, int maxLength)
    {
        var value = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(value) || value.Length > maxLength || value.Any(char.IsWhiteSpace))
        {
            throw new DomainException("Catalog.CodeInvalid");
        }
        return value;
    }

    public static bool IsValid(string? code, int maxLength)
    {
        var value = code?.Trim();
        return !string.IsNullOrEmpty(value) && value.Length <= maxLength && !value.Any(char.IsWhiteSpace);
    }
}
