using Loyalty.Domain.Common;

namespace Loyalty.Domain.Campaigns;

/// <summary>
/// A campaign (SPEC §6, seed 001 "Cadastro de Campanhas"): its period, type, situation and classification, the customer
/// categories it is for (none listed: every category), its forecasts and the participating stores with their own period,
/// hours and share of the forecasts. A Fixed campaign carries concessions and prizes; a Periodic one carries bonuses,
/// discounts and gift vouchers (<c>Campaign.Rules.cs</c>). It earns and redeems only while Active, inside its period.
/// </summary>
public partial class Campaign : ITenantOwned, IAudited
{
    public const int DescriptionMaxLength = 120;
    public const int ObservationMaxLength = 1000;

    private readonly List<CampaignStore> _stores = [];

    private Campaign()
    {
        Description = string.Empty;
        CategoryIds = [];
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Description { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public Guid TypeId { get; private set; }
    public CampaignSituation Situation { get; private set; }
    public CampaignClassification Classification { get; private set; }

    /// <summary>The customer categories the campaign is for; empty: all of them.</summary>
    public List<Guid> CategoryIds { get; private set; }

    public string? Observation { get; private set; }
    public decimal? ForecastSales { get; private set; }
    public decimal? ForecastProfit { get; private set; }
    public int? ForecastCustomers { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyCollection<CampaignStore> Stores => _stores.AsReadOnly();

    /// <summary>A new campaign; it can be Active only when it starts with <paramref name="stores"/> taking part.</summary>
    public static Campaign Create(CampaignTerms terms, DateTimeOffset now, IEnumerable<CampaignStoreTerms>? stores = null)
    {
        var campaign = new Campaign { Id = Guid.CreateVersion7(now), CreatedAt = now, Classification = terms.Classification };
        // The stores are checked against the campaign's period, and the situation against the stores: Active comes last.
        campaign.Apply(terms with { Situation = CampaignSituation.Pending });
        campaign.SetStores(stores ?? []);
        campaign.Apply(terms);
        return campaign;
    }

    /// <summary>Changes the main data. The classification changes only while the campaign carries no rule, so no
    /// concession or bonus is silently dropped; a cancelled campaign is final (it was withdrawn, not paused).</summary>
    public void Update(CampaignTerms terms)
    {
        EnsureNotCancelled();
        Apply(terms);
    }

    private void Apply(CampaignTerms terms)
    {
        if (terms.EndDate < terms.StartDate)
        {
            throw new DomainException("Campaign.PeriodInvalid");
        }
        if (!Enum.IsDefined(terms.Situation) || !Enum.IsDefined(terms.Classification))
        {
            throw new DomainException("Campaign.SituationInvalid");
        }
        if (terms.ForecastSales < 0 || terms.ForecastProfit < 0 || terms.ForecastCustomers < 0)
        {
            throw new DomainException("Campaign.ForecastInvalid");
        }
        if (terms.Classification != Classification && HasRules)
        {
            throw new DomainException("Campaign.ClassificationHasRules");
        }
        var observation = string.IsNullOrWhiteSpace(terms.Observation) ? null : terms.Observation.Trim();
        if (observation?.Length > ObservationMaxLength)
        {
            throw new DomainException("Campaign.ObservationTooLong");
        }
        if (_stores.Any(s => !s.FitsIn(terms.StartDate, terms.EndDate)))
        {
            throw new DomainException("Campaign.StorePeriodOutside");
        }
        EnsureStoresWhenActive(terms.Situation, _stores.Count);
        Description = Guard.Text(terms.Description, DescriptionMaxLength, "Campaign.DescriptionRequired");
        StartDate = terms.StartDate;
        EndDate = terms.EndDate;
        TypeId = terms.TypeId;
        Classification = terms.Classification;
        CategoryIds = [.. terms.CategoryIds.Distinct().Order()];
        Observation = observation;
        ForecastSales = terms.ForecastSales;
        ForecastProfit = terms.ForecastProfit;
        ForecastCustomers = terms.ForecastCustomers;
        Situation = terms.Situation;
    }

    /// <summary>
    /// Replaces the participating stores. Each store's period lies inside the campaign's; the shares of the forecasts add
    /// up to exactly 100 % (seed 001: "Caso os valores informados sejam inferiores a 100%" the system refuses).
    /// </summary>
    public void SetStores(IEnumerable<CampaignStoreTerms> stores)
    {
        EnsureNotCancelled();
        var list = stores.ToList();
        if (list.Select(s => s.StoreId).Distinct().Count() != list.Count)
        {
            throw new DomainException("Campaign.StoreRepeated");
        }
        if (list.Count > 0 && list.Sum(s => s.SharePercent) is var sum && sum != 100m)
        {
            throw new DomainException("Campaign.SharesNot100") { Arguments = [sum] };
        }
        EnsureStoresWhenActive(Situation, list.Count);
        var created = list.Select(s => CampaignStore.Of(Id, s)).ToList();
        if (created.Any(s => !s.FitsIn(StartDate, EndDate)))
        {
            throw new DomainException("Campaign.StorePeriodOutside");
        }
        if (Classification == CampaignClassification.Fixed && _concessions.Any(c => list.All(s => s.StoreId != c.StoreId)))
        {
            throw new DomainException("Campaign.StoreHasConcessions");
        }
        // A periodic campaign's store bonuses and one-store discounts name participating stores too (as their setters check).
        if (_storeBonuses.Select(b => (Guid?)b.StoreId).Concat(_discounts.Select(d => d.StoreId)).OfType<Guid>()
            .Any(id => list.All(s => s.StoreId != id)))
        {
            throw new DomainException("Campaign.StoreHasRules");
        }
        _stores.Clear();
        _stores.AddRange(created);
    }

    /// <summary>"Atualizar Previsão com Dados Campanha": the campaign's forecasts divided among the stores by their
    /// shares (equal shares when none was given), rounded so that the parts add up to the whole.</summary>
    public static IReadOnlyList<CampaignStoreTerms> SplitForecast(
        IReadOnlyList<CampaignStoreTerms> stores, decimal? sales, decimal? profit, int? customers)
    {
        if (stores.Count == 0)
        {
            return stores;
        }
        var shares = stores.Sum(s => s.SharePercent) == 100m ? stores.Select(s => s.SharePercent).ToArray() : EqualShares(stores.Count);
        var salesParts = Split(sales, shares, 2);
        var profitParts = Split(profit, shares, 2);
        var customerParts = Split(customers, shares, 0);
        return [.. stores.Select((s, i) => s with
        {
            SharePercent = shares[i],
            ForecastSales = salesParts?[i],
            ForecastProfit = profitParts?[i],
            ForecastCustomers = customerParts is null ? null : (int)customerParts[i],
        })];
    }

    /// <summary>"Atualizar Período com Dados Campanha": every store takes the campaign's period and all its hours.</summary>
    public IReadOnlyList<CampaignStoreTerms> WithCampaignPeriod(IReadOnlyList<CampaignStoreTerms> stores) =>
        [.. stores.Select(s => s with { StartDate = StartDate, EndDate = EndDate, StartTime = null, EndTime = null })];

    public static decimal[] EqualShares(int count)
    {
        var each = decimal.Floor(10000m / count) / 100m;
        var shares = Enumerable.Repeat(each, count).ToArray();
        shares[0] += 100m - (each * count);
        return shares;
    }

    /// <summary>The campaign earns or redeems at this store at this local date-time of the tenant.</summary>
    public bool IsOpenAt(Guid storeId, DateTime local)
    {
        var date = DateOnly.FromDateTime(local);
        return Situation == CampaignSituation.Active && date >= StartDate && date <= EndDate
            && _stores.FirstOrDefault(s => s.StoreId == storeId) is { } store && store.IsOpenAt(local);
    }

    public bool IsFor(Guid categoryId) => CategoryIds.Count == 0 || CategoryIds.Contains(categoryId);

    private bool HasRules => _concessions.Count + _prizes.Count + _thresholdAwards.Count + _productPoints.Count
        + _storeBonuses.Count + _frequencyBonuses.Count + _discounts.Count + _giftRules.Count > 0;

    /// <summary>An Active campaign with no participating store would earn for nobody, silently (SPEC §6).</summary>
    private static void EnsureStoresWhenActive(CampaignSituation situation, int stores)
    {
        if (situation == CampaignSituation.Active && stores == 0)
        {
            throw new DomainException("Campaign.ActiveWithoutStores");
        }
    }

    private void EnsureNotCancelled()
    {
        if (Situation == CampaignSituation.Cancelled)
        {
            throw new DomainException("Campaign.IsCancelled");
        }
    }

    private static decimal[]? Split(decimal? total, decimal[] shares, int decimals)
    {
        if (total is not { } whole)
        {
            return null;
        }
        var parts = shares.Select(s => Math.Round(whole * s / 100m, decimals, MidpointRounding.ToZero)).ToArray();
        parts[^1] += whole - parts.Sum();
        return parts;
    }

    private static decimal[]? Split(int? total, decimal[] shares, int decimals) => Split((decimal?)total, shares, decimals);
}

/// <summary>The main data of a campaign as typed.</summary>
public sealed record CampaignTerms(
    string Description, DateOnly StartDate, DateOnly EndDate, Guid TypeId, CampaignSituation Situation,
    CampaignClassification Classification, IReadOnlyCollection<Guid> CategoryIds, string? Observation,
    decimal? ForecastSales, decimal? ForecastProfit, int? ForecastCustomers);
