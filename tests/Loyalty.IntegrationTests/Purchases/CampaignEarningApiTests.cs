using System.Net;
using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Catalog;
using Loyalty.Domain.Categories;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Purchases;

/// <summary>
/// Purchases posted by the POS earn what the campaigns say (SPEC §5 steps 1–3): concessions by department at the store,
/// periodic bonuses, once-only frequency and threshold awards, the category's multiplier; discounts and gift vouchers
/// come back in the answer; a change to a campaign applies to the very next purchase.
/// </summary>
public sealed class CampaignEarningApiTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private LoyaltyAppFactory App => fixture.App;
    private TestData.TestTenant _tenant = default!;
    private Guid _store;
    private Guid _otherStore;
    private Pos _pos = default!;
    private Guid _fuel;
    private Guid _gasoline;
    private Guid _coffee;

    public async Task InitializeAsync()
    {
        _tenant = await App.CreateTenantAsync($"cmp{Guid.NewGuid():N}"[..10]);
        _store = await App.CreateStoreAsync(_tenant.Id, "C01");
        _otherStore = await App.CreateStoreAsync(_tenant.Id, "C02");
        _pos = new Pos(App, await App.CreateApiKeyAsync(_tenant.Id, _store));
        (_fuel, _gasoline, _coffee) = await App.InTenantAsync(_tenant.Id, async db =>
        {
            var fuel = Department.Create("COMB", "Combustíveis", Now);
            var shop = Department.Create("LOJA", "Conveniência", Now);
            db.AddRange(fuel, shop);
            var gasoline = Product.Create("GC", "Gasolina comum", fuel, null, Now);
            var coffee = Product.Create("CAFE", "Café expresso", shop, null, Now);
            db.AddRange(gasoline, coffee);
            await db.SaveChangesAsync();
            return (fuel.Id, gasoline.Id, coffee.Id);
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_Concession_Should_Rate_Its_Department_And_Other_Items_At_The_Default_Rate()
    {
        await CampaignAsync(CampaignClassification.Fixed, c => c.SetConcessions([new ConcessionTerms(_store, _fuel, null, 3m)]));
        var customer = await App.AddCustomerAsync(_tenant.Id, "Cláudia Concessão");

        var body = await PostAsync(customer.CardNumber, ("GC", 10m, 60.50m), ("CAFE", 1m, 7.90m), ("DESCONHECIDO", 1m, 2.35m));

        // 60.50 × 3 + 7.90 + 2.35 = 191.75 → 191
        Assert.Equal(191, body.GetProperty("pointsEarned").GetInt64());
    }

    [Fact]
    public async Task Periodic_Bonuses_Should_Add_Before_The_Multiplier_Which_Rounds_Down()
    {
        var category = await App.InTenantAsync(_tenant.Id, async db =>
        {
            var prata = CustomerCategory.Create("Prata", null, 1.5m, 365, AuditParameter.IgnoreRules, null, Now);
            db.Add(prata);
            await db.SaveChangesAsync();
            return prata.Id;
        });
        await CampaignAsync(CampaignClassification.Periodic, c =>
        {
            c.SetProductPoints([(_gasoline, 0.5m)]);
            c.SetStoreBonuses([(_store, 7)]);
        });
        var customer = await App.AddCustomerAsync(_tenant.Id, "Paulo Periódico", f => f.CategoryId = category);

        var body = await PostAsync(customer.CardNumber, ("GC", 21m, 120.75m));

        // (120 base + 10 per litre + 7 at the store) × 1.5 = 205.5 → 205
        Assert.Equal(205, body.GetProperty("pointsEarned").GetInt64());
    }

    [Fact]
    public async Task A_Campaign_For_Other_Categories_Should_Give_Nothing()
    {
        var gold = await App.CreateCategoryAsync(_tenant.Id, "Ouro");
        await CampaignAsync(CampaignClassification.Periodic, c => c.SetStoreBonuses([(_store, 50)]), categories: [gold]);
        var customer = await App.AddCustomerAsync(_tenant.Id, "Carla Comum");

        Assert.Equal(10, (await PostAsync(customer.CardNumber, ("CAFE", 1m, 10m))).GetProperty("pointsEarned").GetInt64());
    }

    [Fact]
    public async Task Discounts_And_Gift_Vouchers_Should_Come_Back_To_The_POS_And_A_Cancellation_Should_Void_The_Gift()
    {
        var campaignId = await CampaignAsync(CampaignClassification.Periodic, c =>
        {
            c.SetDiscounts([(_coffee, null, 10m)]);
            c.SetGiftRules([(_gasoline, 20m, _coffee, 1)]);
        });
        var customer = await App.AddCustomerAsync(_tenant.Id, "Gilda Brinde");
        var coupon = Pos.NextCoupon();

        var body = await PostAsync(customer.CardNumber, [("GC", 40m, 240m), ("CAFE", 2m, 15m)], coupon);

        var discount = Assert.Single(body.GetProperty("discounts").EnumerateArray());
        Assert.Equal("CAFE", discount.GetProperty("productCode").GetString());
        Assert.Equal(10m, discount.GetProperty("percent").GetDecimal());
        Assert.Equal(1.50m, discount.GetProperty("amount").GetDecimal());
        var gift = Assert.Single(body.GetProperty("giftVouchers").EnumerateArray());
        Assert.Equal(2, gift.GetProperty("quantity").GetInt32());
        Assert.Equal("CAFE", gift.GetProperty("productCode").GetString());
        Assert.Equal("Café expresso", gift.GetProperty("description").GetString());
        var voucherId = gift.GetProperty("voucherId").GetGuid();
        var voucher = await App.InTenantAsync(_tenant.Id, db => db.GiftVouchers.SingleAsync(v => v.Id == voucherId));
        Assert.Equal((campaignId, customer.Id, true), (voucher.CampaignId, voucher.CustomerId, voucher.IsOpen));

        Assert.Equal(HttpStatusCode.OK, (await _pos.CancelAsync(coupon)).StatusCode);

        voucher = await App.InTenantAsync(_tenant.Id, db => db.GiftVouchers.SingleAsync(v => v.Id == voucherId));
        Assert.NotNull(voucher.VoidedAt);
    }

    [Fact]
    public async Task The_Frequency_Bonus_Should_Be_Given_Once_When_The_Purchases_And_Amount_Are_Reached()
    {
        await CampaignAsync(CampaignClassification.Periodic, c => c.SetFrequencyBonuses([(3, 100m, null, 40)]));
        var customer = await App.AddCustomerAsync(_tenant.Id, "Fernanda Frequente");

        var earned = new List<long>();
        foreach (var total in new[] { 30m, 30m, 50m, 30m })
        {
            earned.Add((await PostAsync(customer.CardNumber, ("CAFE", 1m, total))).GetProperty("pointsEarned").GetInt64());
        }

        Assert.Equal([30, 30, 90, 30], earned);
    }

    [Fact]
    public async Task Parallel_Purchases_Should_Earn_The_Frequency_Bonus_Exactly_Once()
    {
        await CampaignAsync(CampaignClassification.Periodic, c => c.SetFrequencyBonuses([(2, 0m, null, 1000)]));
        var customer = await App.AddCustomerAsync(_tenant.Id, "Paula Paralela");

        var bodies = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostAsync(customer.CardNumber, ("CAFE", 1m, 10m))));

        Assert.Equal(10 * 10 + 1000, bodies.Sum(b => b.GetProperty("pointsEarned").GetInt64()));
        var balance = await App.InTenantAsync(_tenant.Id, db => db.PointsAccounts.Where(a => a.Id == customer.Id).Select(a => a.Balance).SingleAsync());
        Assert.Equal(1100, balance);
    }

    [Fact]
    public async Task A_Dependent_Should_Advance_The_Titular_Account_Totals()
    {
        await CampaignAsync(CampaignClassification.Periodic, c => c.SetFrequencyBonuses([(2, 0m, null, 25)]));
        var titular = await App.AddCustomerAsync(_tenant.Id, "Tito Titular");
        var dependent = await App.AddDependentAsync(_tenant.Id, "Dora Dependente", titular.Id);

        await PostAsync(titular.CardNumber, ("CAFE", 1m, 10m));
        var second = await PostAsync(dependent.CardNumber, ("CAFE", 1m, 10m));

        Assert.Equal(35, second.GetProperty("pointsEarned").GetInt64());
    }

    [Fact]
    public async Task The_Threshold_Award_Should_Be_Given_Once_When_The_Period_Points_Are_Reached()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await CampaignAsync(CampaignClassification.Periodic, c => c.SetThresholdAwards([(today.AddDays(-1), today.AddDays(1), 100, 500)]));
        var customer = await App.AddCustomerAsync(_tenant.Id, "Tereza Teto");

        var earned = new List<long>();
        foreach (var total in new[] { 60m, 60m, 60m })
        {
            earned.Add((await PostAsync(customer.CardNumber, ("CAFE", 1m, total))).GetProperty("pointsEarned").GetInt64());
        }

        Assert.Equal([60, 560, 60], earned);
    }

    [Fact]
    public async Task A_Change_To_A_Campaign_Should_Apply_To_The_Very_Next_Purchase()
    {
        var campaignId = await CampaignAsync(CampaignClassification.Periodic, c => c.SetStoreBonuses([(_store, 100)]));
        var customer = await App.AddCustomerAsync(_tenant.Id, "Inês Invalida");
        Assert.Equal(110, (await PostAsync(customer.CardNumber, ("CAFE", 1m, 10m))).GetProperty("pointsEarned").GetInt64());

        await App.InTenantAsync(_tenant.Id, async db =>
        {
            var campaign = await db.Campaigns.Include(c => c.Stores).Include(c => c.StoreBonuses).SingleAsync(c => c.Id == campaignId);
            campaign.SetStoreBonuses([(_store, 5)]);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(15, (await PostAsync(customer.CardNumber, ("CAFE", 1m, 10m))).GetProperty("pointsEarned").GetInt64());

        await App.InTenantAsync(_tenant.Id, async db =>
        {
            var campaign = await db.Campaigns.Include(c => c.Stores).SingleAsync(c => c.Id == campaignId);
            var terms = new CampaignTerms(campaign.Description, campaign.StartDate, campaign.EndDate, campaign.TypeId,
                CampaignSituation.Inactive, campaign.Classification, campaign.CategoryIds, null, null, null, null);
            campaign.Update(terms);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(10, (await PostAsync(customer.CardNumber, ("CAFE", 1m, 10m))).GetProperty("pointsEarned").GetInt64());
    }

    [Fact]
    public async Task A_Campaign_Should_Not_Apply_At_A_Store_That_Does_Not_Take_Part()
    {
        await CampaignAsync(CampaignClassification.Periodic, c =>
        {
            c.SetStores([new CampaignStoreTerms(_otherStore, null, null, null, null, 100m)]);
            c.SetStoreBonuses([(_otherStore, 100)]);
        });
        var customer = await App.AddCustomerAsync(_tenant.Id, "Olga Outra");

        Assert.Equal(10, (await PostAsync(customer.CardNumber, ("CAFE", 1m, 10m))).GetProperty("pointsEarned").GetInt64());
    }

    private Task<System.Text.Json.JsonElement> PostAsync(string card, params (string Code, decimal Quantity, decimal Total)[] items) =>
        PostAsync(card, items, null);

    private async Task<System.Text.Json.JsonElement> PostAsync(string card, (string Code, decimal Quantity, decimal Total)[] items, string? coupon)
    {
        var total = items.Sum(i => i.Total);
        var response = await _pos.PostAsync(new
        {
            posNumber = "1",
            couponNumber = coupon ?? Pos.NextCoupon(),
            occurredAt = DateTimeOffset.UtcNow,
            customer = new { cardNumber = card },
            totalAmount = total,
            items = items.Select(i => new { productCode = i.Code, quantity = i.Quantity, unitPrice = Math.Round(i.Total / i.Quantity, 3), totalPrice = i.Total }),
            payments = new[] { new { method = "dinheiro", amount = total } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Pos.BodyAsync(response);
    }

    /// <summary>An Active campaign around today at the POS's store (100 %), with the rules <paramref name="rules"/> sets.</summary>
    private Task<Guid> CampaignAsync(CampaignClassification classification, Action<Campaign> rules, IReadOnlyCollection<Guid>? categories = null) =>
        App.InTenantAsync(_tenant.Id, async db =>
        {
            var type = CampaignType.Create($"Tipo {Guid.NewGuid():N}"[..12], Now);
            db.Add(type);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var campaign = Campaign.Create(new CampaignTerms("Campanha de teste", today.AddDays(-10), today.AddDays(10), type.Id,
                CampaignSituation.Active, classification, categories ?? [], null, null, null, null), Now,
                [new CampaignStoreTerms(_store, null, null, null, null, 100m)]);
            rules(campaign);
            db.Add(campaign);
            await db.SaveChangesAsync();
            return campaign.Id;
        });
}
