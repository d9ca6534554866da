using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Testing;

/// <summary>Products, campaigns, prizes and gift vouchers for the redemption tests, made through the domain.</summary>
public static class TestCampaigns
{
    public sealed record CampaignHours(TimeOnly From, TimeOnly To);

    public static Task<Guid> CreateProductAsync(this LoyaltyAppFactory app, Guid tenantId, string code, string description) =>
        app.InTenantAsync(tenantId, async db =>
        {
            var product = Product.Create(code, description, null, null, DateTimeOffset.UtcNow);
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product.Id;
        });

    /// <summary>An active campaign running from a month ago to a month ahead at the given stores (equal shares), all
    /// day unless <paramref name="hours"/> limit every store; <paramref name="rules"/> adds prizes, gift rules ….</summary>
    public static Task<Guid> CreateCampaignAsync(this LoyaltyAppFactory app, Guid tenantId, CampaignClassification classification,
        Guid[] storeIds, string description = "Campanha de Natal", CampaignSituation situation = CampaignSituation.Active,
        CampaignHours? hours = null, Action<Campaign>? rules = null) =>
        app.InTenantAsync(tenantId, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var type = CampaignType.Create($"Tipo {Guid.NewGuid():N}"[..20], now);
            db.CampaignTypes.Add(type);
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var shares = Campaign.EqualShares(storeIds.Length);
            var campaign = Campaign.Create(new CampaignTerms(description, today.AddDays(-30), today.AddDays(30), type.Id, situation,
                classification, [], null, null, null, null), now,
                storeIds.Select((id, i) => new CampaignStoreTerms(id, null, null, hours?.From, hours?.To, shares[i])));
            rules?.Invoke(campaign);
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return campaign.Id;
        });

    public static Task<Guid> AddPrizeAsync(this LoyaltyAppFactory app, Guid tenantId, Guid campaignId, Guid productId, long points, int? stock) =>
        app.InTenantAsync(tenantId, async db =>
        {
            var campaign = await db.Campaigns.Include(c => c.Prizes).SingleAsync(c => c.Id == campaignId);
            var prize = campaign.AddPrize(productId, points, stock, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return prize.Id;
        });

    /// <summary>A gift voucher of the campaign's first gift rule, as if <paramref name="purchaseId"/> had earned it.</summary>
    public static Task<Guid> IssueGiftVoucherAsync(this LoyaltyAppFactory app, Guid tenantId, Guid campaignId, Guid purchaseId,
        Guid customerId, Guid accountId, int quantity = 1) =>
        app.InTenantAsync(tenantId, async db =>
        {
            var rule = await db.Campaigns.Where(c => c.Id == campaignId).SelectMany(c => c.GiftRules).FirstAsync();
            var voucher = GiftVoucher.Issue(rule, purchaseId, customerId, accountId, quantity, DateTimeOffset.UtcNow);
            db.GiftVouchers.Add(voucher);
            await db.SaveChangesAsync();
            return voucher.Id;
        });
}
