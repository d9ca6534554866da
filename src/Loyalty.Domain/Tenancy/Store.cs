using System.Text.RegularExpressions;
using Loyalty.Domain.Common;

namespace Loyalty.Domain.Tenancy;

/// <summary>A store (filial/loja) of a tenant. Inactive stores keep their history but take no new users or keys.</summary>
public partial class Store : ITenantOwned, IAudited
{
    /// <summary>SPEC §11 gives the store code six columns in the embosser file.</summary>
    public const int CodeMaxLength = 6;
    public const int NameMaxLength = 120;

    private Store()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public bool IsActive { get; private set; }
    public ReceiptFormat ReceiptFormat { get; private set; } = ReceiptFormat.A4;
    public DateTimeOffset CreatedAt { get; private set; }

    public static Store Create(string code, string name, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Code = NormalizeCode(code),
        Name = Guard.Text(name, NameMaxLength, "Store.NameRequired"),
        IsActive = true,
        CreatedAt = now,
    };

    public static string NormalizeCode(string? code)
    {
        var normalized = (code ?? string.Empty).Trim().ToUpperInvariant();
        if (!CodeRegex().IsMatch(normalized))
        {
            throw new DomainException("Store.CodeInvalid");
        }
        return normalized;
    }

    public static bool IsValidCode(string? code) => CodeRegex().IsMatch((code ?? string.Empty).Trim().ToUpperInvariant());

    public void Rename(string name) => Name = Guard.Text(name, NameMaxLength, "Store.NameRequired");

    public void PrintReceiptsOn(ReceiptFormat format) =>
        ReceiptFormat = Enum.IsDefined(format) ? format : throw new DomainException("Store.ReceiptFormatInvalid");

    public void Deactivate()
    {
        if (!IsActive)
        {
            throw new DomainException("Store.AlreadyInactive");
        }
        IsActive = false;
    }

    public void Reactivate()
    {
        if (IsActive)
        {
            throw new DomainException("Store.AlreadyActive");
        }
        IsActive = true;
    }

    [GeneratedRegex("^[A-Z0-9]{1,6}$")]
    private static partial Regex CodeRegex();
}
