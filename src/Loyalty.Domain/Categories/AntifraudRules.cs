using Loyalty.Domain.Common;

namespace Loyalty.Domain.Categories;

/// <summary>
/// An antifraud rule set (SPEC §2). Every rule is optional: null means "no limit". A purchase that breaks any rule is not
/// credited; its points wait in the audit queue with the reasons. An empty set (no rule) is what a new tenant starts with.
/// </summary>
public sealed record AntifraudRules
{
    public int? MaxPurchasesPerCardPerDay { get; init; }
    public int? MaxPurchasesPerCardPerStorePerDay { get; init; }
    public int? MinMinutesBetweenPurchases { get; init; }
    public decimal? MaxPurchaseAmount { get; init; }
    public long? MaxPointsPerPurchase { get; init; }
    public long? MaxPointsPerCardPerDay { get; init; }

    public static AntifraudRules None { get; } = new();

    public bool IsEmpty => this == None;

    /// <summary>Throws when a limit is zero or negative: a limit of zero would silently send every purchase to audit.</summary>
    public AntifraudRules Validated()
    {
        if (MaxPurchasesPerCardPerDay <= 0 || MaxPurchasesPerCardPerStorePerDay <= 0 || MinMinutesBetweenPurchases <= 0
            || MaxPurchaseAmount <= 0 || MaxPointsPerPurchase <= 0 || MaxPointsPerCardPerDay <= 0)
        {
            throw new DomainException("Antifraud.LimitMustBePositive");
        }
        return this;
    }
}
