using Loyalty.Domain.Common;

namespace Loyalty.Domain.Credit;

/// <summary>A way the customer may use the credit limit ("Compras à vista", "Parcelado", "Saque"): a tenant list.</summary>
public class CreditModality : ITenantOwned, IAudited
{
    public const int NameMaxLength = 60;

    private CreditModality()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Name { get; private set; }
    public bool IsActive { get; private set; }

    public static CreditModality Create(string name, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Name = Guard.Text(name, NameMaxLength, "Credit.ModalityNameRequired"), IsActive = true };

    public void Rename(string name) => Name = Guard.Text(name, NameMaxLength, "Credit.ModalityNameRequired");

    public void SetActive(bool active) => IsActive = active;
}

/// <summary>A share of the limit given to one modality, in percent.</summary>
public sealed record ModalityPercent(Guid ModalityId, string ModalityName, decimal Percent);

/// <summary>The rule of the limit's distribution (seed 001 "distribuição do limite"): at least one modality, each once,
/// each share above 0 with at most two decimals, all adding to exactly 100.</summary>
public static class ModalitySplit
{
    public static string? Problem(IReadOnlyList<ModalityPercent> shares)
    {
        if (shares.Count == 0)
        {
            return "Credit.SplitRequired";
        }
        if (shares.Any(s => s.Percent <= 0 || s.Percent > 100 || decimal.Round(s.Percent, 2) != s.Percent))
        {
            return "Credit.SplitPercentInvalid";
        }
        if (shares.Select(s => s.ModalityId).Distinct().Count() != shares.Count)
        {
            return "Credit.SplitRepeated";
        }
        return shares.Sum(s => s.Percent) == 100m ? null : "Credit.SplitNot100";
    }

    /// <summary>Each share's amount, rounded to the cent; the last share takes the rounding so the amounts add to the limit.</summary>
    public static IReadOnlyList<decimal> Amounts(decimal limit, IReadOnlyList<ModalityPercent> shares)
    {
        var amounts = shares.Select(s => decimal.Round(limit * s.Percent / 100m, 2, MidpointRounding.AwayFromZero)).ToList();
        if (amounts.Count > 0)
        {
            amounts[^1] = limit - amounts.Take(amounts.Count - 1).Sum();
        }
        return amounts;
    }
}
