using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Categories;
using Loyalty.Domain.Points;

namespace Loyalty.Domain.Purchases;

/// <summary>
/// Steps 3 and 4 of earning one purchase (SPEC §5): the category's multiplier on what the campaigns' plan gave (steps 1
/// and 2, <see cref="CampaignEarning"/>), rounded down; then the audit parameter and the antifraud rules decide whether
/// the points are credited now or wait in the audit queue.
/// </summary>
public static class Earning
{
    /// <summary>Base points, bonuses and the once-only awards due, × the category's multiplier rounded down.</summary>
    public static long Points(CustomerCategory category, EarningPlan plan, IReadOnlyList<AwardDue> awards) =>
        category.ApplyMultiplier(plan.PointsBeforeAwards + awards.Sum(a => a.Points));

    /// <summary>The antifraud rules only need the card's day when there are points to hold and a rule to break.</summary>
    public static bool NeedsCardDay(long points, AntifraudRules? rules) => points > 0 && rules is { IsEmpty: false };

    /// <summary>The status of <paramref name="points"/> earned, and why they wait when they do.</summary>
    public static (PointsStatus Status, IReadOnlyList<string> Reasons) Decide(
        long points, AntifraudRules? rules, decimal amount, CardDay day, DateTimeOffset occurredAt)
    {
        if (points <= 0)
        {
            return (PointsStatus.None, []);
        }
        if (rules is null)
        {
            return (PointsStatus.PendingAudit, [AuditReason.RequireApproval]);
        }
        var reasons = Antifraud.Broken(rules, amount, points, day, occurredAt);
        return (reasons.Count == 0 ? PointsStatus.Credited : PointsStatus.PendingAudit, reasons);
    }
}

/// <summary>What the card did earlier on the purchase's local day (tenant's time zone), read with one aggregate query.</summary>
public sealed record CardDay(int Purchases, int PurchasesAtStore, long Points, DateTimeOffset? LastPurchaseAt)
{
    public static CardDay Empty { get; } = new(0, 0, 0, null);
}

/// <summary>The reasons an accrual waits in the audit queue; resource keys under "AuditReason.".</summary>
public static class AuditReason
{
    public const string RequireApproval = "RequireApproval";
    public const string MaxPurchasesPerCardPerDay = nameof(AntifraudRules.MaxPurchasesPerCardPerDay);
    public const string MaxPurchasesPerCardPerStorePerDay = nameof(AntifraudRules.MaxPurchasesPerCardPerStorePerDay);
    public const string MinMinutesBetweenPurchases = nameof(AntifraudRules.MinMinutesBetweenPurchases);
    public const string MaxPurchaseAmount = nameof(AntifraudRules.MaxPurchaseAmount);
    public const string MaxPointsPerPurchase = nameof(AntifraudRules.MaxPointsPerPurchase);
    public const string MaxPointsPerCardPerDay = nameof(AntifraudRules.MaxPointsPerCardPerDay);

    public static IReadOnlyList<string> All { get; } =
    [
        RequireApproval, MaxPurchasesPerCardPerDay, MaxPurchasesPerCardPerStorePerDay, MinMinutesBetweenPurchases,
        MaxPurchaseAmount, MaxPointsPerPurchase, MaxPointsPerCardPerDay,
    ];
}

/// <summary>The antifraud rules of SPEC §2 against one purchase; each limit counts this purchase with the earlier ones.</summary>
public static class Antifraud
{
    public static IReadOnlyList<string> Broken(AntifraudRules rules, decimal amount, long points, CardDay day, DateTimeOffset occurredAt)
    {
        var broken = new List<string>();
        if (day.Purchases + 1 > rules.MaxPurchasesPerCardPerDay)
        {
            broken.Add(AuditReason.MaxPurchasesPerCardPerDay);
        }
        if (day.PurchasesAtStore + 1 > rules.MaxPurchasesPerCardPerStorePerDay)
        {
            broken.Add(AuditReason.MaxPurchasesPerCardPerStorePerDay);
        }
        if (rules.MinMinutesBetweenPurchases is { } minutes && day.LastPurchaseAt is { } last
            && (occurredAt - last).Duration() < TimeSpan.FromMinutes(minutes))
        {
            broken.Add(AuditReason.MinMinutesBetweenPurchases);
        }
        if (amount > rules.MaxPurchaseAmount)
        {
            broken.Add(AuditReason.MaxPurchaseAmount);
        }
        if (points > rules.MaxPointsPerPurchase)
        {
            broken.Add(AuditReason.MaxPointsPerPurchase);
        }
        if (day.Points + points > rules.MaxPointsPerCardPerDay)
        {
            broken.Add(AuditReason.MaxPointsPerCardPerDay);
        }
        return broken;
    }

    /// <summary>The instants [start, end) of the local day of <paramref name="occurredAt"/> in <paramref name="zone"/>.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) LocalDay(DateTimeOffset occurredAt, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(occurredAt, zone).DateTime);
        return (PointsExpiry.StartOfDay(day, zone), PointsExpiry.StartOfDay(day.AddDays(1), zone));
    }
}
