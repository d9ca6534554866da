using Loyalty.Domain.Common;

namespace Loyalty.Domain.Categories;

/// <summary>
/// A customer category (SPEC §2, seed 000): points earned × multiplier (rounded down), points validity, and how accruals
/// are audited. A category in use is never deleted, only inactivated; an inactive one takes no new customers. Every
/// tenant has the default category "Padrão", editable but never deletable or inactivated.
/// </summary>
public class CustomerCategory : ITenantOwned, IAudited
{
    public const int NameMaxLength = 60;
    public const int DescriptionMaxLength = 300;
    public const decimal MaxMultiplier = 99.99m;
    public const int MinValidityDays = 1;
    public const int MaxValidityDays = 3650;
    public const string DefaultName = "Padrão";

    private CustomerCategory()
    {
        Name = string.Empty;
        CustomRules = AntifraudRules.None;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public decimal Multiplier { get; private set; }

    /// <summary>Null: points of this category never expire.</summary>
    public int? ValidityDays { get; private set; }

    public AuditParameter AuditParameter { get; private set; }

    /// <summary>The category's own rule set, used only when <see cref="AuditParameter"/> is CustomRules.</summary>
    public AntifraudRules CustomRules { get; private set; }

    public bool IsActive { get; private set; }
    public bool IsDefault { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static CustomerCategory Create(
        string name, string? description, decimal multiplier, int? validityDays, AuditParameter audit,
        AntifraudRules? customRules, DateTimeOffset now)
    {
        var category = new CustomerCategory { Id = Guid.CreateVersion7(now), IsActive = true, CreatedAt = now };
        category.Update(name, description, multiplier, validityDays, audit, customRules);
        return category;
    }

    /// <summary>The category every tenant starts with: multiplier 1, 365 days, the tenant's rules.</summary>
    public static CustomerCategory CreateDefault(DateTimeOffset now)
    {
        var category = Create(DefaultName, null, 1m, 365, AuditParameter.UseTenantRules, null, now);
        category.IsDefault = true;
        return category;
    }

    public void Update(string name, string? description, decimal multiplier, int? validityDays, AuditParameter audit, AntifraudRules? customRules)
    {
        if (!IsValidMultiplier(multiplier))
        {
            throw new DomainException("Category.MultiplierInvalid");
        }
        if (validityDays is < MinValidityDays or > MaxValidityDays)
        {
            throw new DomainException("Category.ValidityInvalid");
        }
        if (!Enum.IsDefined(audit))
        {
            throw new DomainException("Category.AuditParameterInvalid");
        }
        Name = Guard.Text(name, NameMaxLength, "Category.NameRequired");
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (Description?.Length > DescriptionMaxLength)
        {
            throw new DomainException("Category.DescriptionTooLong");
        }
        Multiplier = multiplier;
        ValidityDays = validityDays;
        AuditParameter = audit;
        CustomRules = audit == AuditParameter.CustomRules ? (customRules ?? AntifraudRules.None).Validated() : AntifraudRules.None;
    }

    public static bool IsValidMultiplier(decimal multiplier) =>
        multiplier > 0 && multiplier <= MaxMultiplier && decimal.Round(multiplier, 2) == multiplier;

    public void Inactivate()
    {
        if (IsDefault)
        {
            throw new DomainException("Category.DefaultCannotBeInactivated");
        }
        if (!IsActive)
        {
            throw new DomainException("Category.AlreadyInactive");
        }
        IsActive = false;
    }

    public void Reactivate()
    {
        if (IsActive)
        {
            throw new DomainException("Category.AlreadyActive");
        }
        IsActive = true;
    }

    /// <summary>Guards deletion: only a category that no customer ever used, and never the default one, may go.</summary>
    public void EnsureDeletable(bool inUse)
    {
        if (IsDefault)
        {
            throw new DomainException("Category.DefaultCannotBeDeleted");
        }
        if (inUse)
        {
            throw new DomainException("Category.InUse");
        }
    }

    /// <summary>Points earned × multiplier, rounded down (SPEC §5 step 3).</summary>
    public long ApplyMultiplier(long points) => (long)decimal.Floor(points * Multiplier);

    /// <summary>The rule set that decides a purchase of this category's customer; null when every accrual needs approval.</summary>
    public AntifraudRules? EffectiveRules(AntifraudRules tenantRules) => AuditParameter switch
    {
        AuditParameter.UseTenantRules => tenantRules,
        AuditParameter.CustomRules => CustomRules,
        AuditParameter.IgnoreRules => AntifraudRules.None,
        _ => null,
    };
}
