using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Numbering;
using Loyalty.Domain.Points;
using Loyalty.Web.Features.Blocks;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Features.Stores;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Redemptions;

/// <summary>
/// "Manutenção de Campanha (Retirada de prêmios)" (seed 001): the customer's summary — points, what expires soon, the
/// block, the card presented, recent operations and purchases — the campaigns open at the store now, and the chosen
/// campaign's tabs: "Prêmios" and "Cancelamentos de Resgates" for a fixed one, "Brinde por Produto Comprado" for a
/// periodic one. The rules that already stand in the way are shown before anything is chosen.
/// </summary>
public static class CounterScreen
{
    public const int RecentEntries = 10;

    public sealed record Entry(DateTimeOffset At, CustomerStatement.Operation Operation, long Points);
    public sealed record CampaignRow(Guid Id, string Description, CampaignClassification Classification, DateOnly EndDate);
    public sealed record PrizeRow(Guid Id, string Code, string Description, long Points, int? Stock);
    /// <param name="RedeemedBy">The staff member's name; null for a job or the API.</param>
    public sealed record RedemptionRow(Guid Id, string Number, DateTimeOffset At, string Store, string Items, long Points, string? RedeemedBy);
    public sealed record BlockShown(DateTimeOffset BlockedAt, string BlockedBy, string Reason, bool ThroughTitular);
    public sealed record VoucherRow(Guid Id, string CustomerName, string Gift, int Quantity, DateTimeOffset IssuedAt);

    public sealed class Model
    {
        public required CounterQuery Query { get; init; }
        public required List<CounterContext.StoreChoice> Stores { get; init; }
        public CounterContext.StoreChoice? Store { get; init; }
        public required Guid CustomerId { get; init; }
        public required string Name { get; init; }
        public required string Document { get; init; }
        public string? TitularName { get; init; }

        /// <summary>A dependent's points, expiring points and recent operations are the titular's account's.</summary>
        public TitularAccount? TitularAccount { get; init; }
        public required string Category { get; init; }
        public string? Card { get; init; }
        public CardStatus? CardStatus { get; init; }
        public required CustomerFigures.Figures Figures { get; init; }
        public required bool Blocked { get; init; }

        /// <summary>The block that stops the customer redeeming (their own, else their titular's), shown above the disabled form.</summary>
        public BlockShown? Block { get; init; }
        public required List<Entry> Recent { get; init; }
        public required List<CampaignRow> Campaigns { get; init; }
        public CampaignRow? Campaign { get; init; }

        /// <summary>The rules (other than the points, which depend on the prizes chosen) broken now, as resource keys.</summary>
        public required IReadOnlyList<string> Broken { get; init; }

        public List<PrizeRow> Prizes { get; init; } = [];
        public List<RedemptionRow> Redemptions { get; init; } = [];
        public List<VoucherRow> Vouchers { get; init; } = [];

        /// <summary>The prizes form as posted (quantities kept when refused), with its one-time key.</summary>
        public RedeemPrizes.Command Redeem { get; set; } = new();
        public CancelRedemption.Command Cancel { get; set; } = new();
        public Guid? CancelRedemptionId { get; set; }
        public DeliverGifts.Command Gifts { get; set; } = new();

        public string Tab => Campaign?.Classification == CampaignClassification.Periodic ? CounterQuery.GiftsTab
            : Query.Tab == CounterQuery.CancellationsTab ? CounterQuery.CancellationsTab : CounterQuery.PrizesTab;
    }

    public sealed class Handler(LoyaltyDbContext db, CounterContext counter, CardNumberDisplay cards, StoreScope scope,
        CustomerFigures.Handler figures, RedemptionBlocks blocks)
    {
        /// <returns>Null when the customer (or the card named) is not the tenant's, or the store not one the user may use.</returns>
        public async Task<Model?> HandleAsync(Guid customerId, CounterQuery query, CancellationToken cancellationToken)
        {
            var customer = await counter.CustomerAsync(customerId, cancellationToken);
            var card = customer is null ? null : await counter.CardAsync(customer.Id, query.CardId, cancellationToken);
            var store = await counter.StoreAsync(query.StoreId, cancellationToken);
            if (customer is null || (query.CardId is not null && card is null) || (query.StoreId is not null && store is null))
            {
                return null;
            }
            var zone = await counter.ZoneAsync(cancellationToken);
            var open = store is null ? [] : await counter.OpenCampaignsAsync(store.Id, await counter.LocalNowAsync(cancellationToken), cancellationToken);
            var campaign = open.FirstOrDefault(c => c.Id == query.CampaignId) ?? (open.Count == 1 ? open[0] : null);
            // Only open campaigns are listed, so the store rule is met by whichever is chosen.
            var check = await counter.CheckAsync(customer, card, campaignOpen: true, 0, cancellationToken);
            var block = check.Blocked ? await blocks.BlockingAsync(customer.Id, cancellationToken) : null;
            return new Model
            {
                Query = query,
                Stores = await counter.StoresAsync(cancellationToken),
                Store = store,
                CustomerId = customer.Id,
                Name = customer.Name,
                Document = CustomerDocument.Masked(customer.PersonType, customer.Document),
                TitularName = customer.TitularName,
                TitularAccount = customer.TitularId is { } titularId ? new TitularAccount(titularId, customer.TitularName ?? "") : null,
                Category = await db.CustomerCategories.Where(c => c.Id == customer.CategoryId).Select(c => c.Name).SingleAsync(cancellationToken),
                Card = card is null ? null : cards.Show(card.Number),
                CardStatus = card?.Status,
                Figures = await figures.HandleAsync(customer.Id, customer.AccountId, zone, cancellationToken),
                Blocked = check.Blocked,
                Block = block is null ? null : new BlockShown(block.BlockedAt, block.BlockedBy, block.Reason, block.CustomerId != customer.Id),
                Recent = await RecentAsync(customer.AccountId, cancellationToken),
                Campaigns = [.. open.Select(Row)],
                Campaign = campaign is null ? null : Row(campaign),
                Broken = GiftDeliveryRules.Broken(check),
                Prizes = campaign?.Classification == CampaignClassification.Fixed ? await PrizesAsync(campaign.Id, cancellationToken) : [],
                Redemptions = campaign?.Classification == CampaignClassification.Fixed
                    ? await RedemptionsAsync(customer.AccountId, campaign.Id, cancellationToken) : [],
                Vouchers = campaign?.Classification == CampaignClassification.Periodic
                    ? await VouchersAsync(customer.AccountId, campaign.Id, cancellationToken) : [],
                Redeem = new RedeemPrizes.Command { RequestKey = Guid.NewGuid() },
            };
        }

        private static CampaignRow Row(Campaign c) => new(c.Id, c.Description, c.Classification, c.EndDate);

        private async Task<List<Entry>> RecentAsync(Guid accountId, CancellationToken cancellationToken) =>
            [.. (await db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == accountId)
                .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(RecentEntries)
                .Select(e => new { e.OccurredAt, e.Kind, e.Points }).ToListAsync(cancellationToken))
                .Select(e => new Entry(e.OccurredAt, CustomerStatement.OperationOf(e.Kind), e.Points))];

        private Task<List<PrizeRow>> PrizesAsync(Guid campaignId, CancellationToken cancellationToken) =>
            db.Prizes.AsNoTracking().Where(p => p.CampaignId == campaignId)
                .Join(db.Products, p => p.ProductId, k => k.Id, (p, k) => new { p.Id, k.Code, k.Description, p.PointsRequired, p.Stock })
                .OrderBy(p => p.PointsRequired).ThenBy(p => p.Description)
                .Select(p => new PrizeRow(p.Id, p.Code, p.Description, p.PointsRequired, p.Stock)).ToListAsync(cancellationToken);

        /// <summary>The account's redemptions in the campaign not yet cancelled, at the stores the user serves.</summary>
        private async Task<List<RedemptionRow>> RedemptionsAsync(Guid accountId, Guid campaignId, CancellationToken cancellationToken)
        {
            var stores = await scope.Apply(db.Stores.AsNoTracking()).Select(s => new { s.Id, Label = s.Code + " — " + s.Name })
                .ToDictionaryAsync(s => s.Id, s => s.Label, cancellationToken);
            var storeIds = stores.Keys.ToList();
            var rows = await db.Redemptions.AsNoTracking()
                .Where(r => r.AccountId == accountId && r.CampaignId == campaignId && r.CancelledAt == null && storeIds.Contains(r.StoreId))
                .OrderByDescending(r => r.RedeemedAt).Take(100)
                .Select(r => new
                {
                    r.Id, r.Number, r.RedeemedAt, r.StoreId, r.TotalPoints,
                    Operator = new OperatorNames.Operator(
                        db.LedgerEntries.Where(e => e.RedemptionId == r.Id && e.Kind == LedgerEntryKind.Redemption).Select(e => e.UserId).FirstOrDefault(),
                        r.RedeemedBy),
                    Items = r.Lines.Join(db.Products, x => x.ProductId, k => k.Id, (x, k) => new { x.Quantity, k.Description }).ToList(),
                })
                .ToListAsync(cancellationToken);
            var names = await OperatorNames.FindAsync(db, [.. rows.Select(r => r.Operator)], cancellationToken);
            return [.. rows.Select(r => new RedemptionRow(r.Id, DocumentNumber.Format(DocumentKind.Redemption, r.Number), r.RedeemedAt, stores[r.StoreId],
                string.Join(", ", r.Items.Select(i => $"{i.Quantity} × {i.Description}")), r.TotalPoints, names.GetValueOrDefault(r.Operator)))];
        }

        private Task<List<VoucherRow>> VouchersAsync(Guid accountId, Guid campaignId, CancellationToken cancellationToken) =>
            db.GiftVouchers.AsNoTracking()
                .Where(v => v.AccountId == accountId && v.CampaignId == campaignId && v.DeliveredAt == null && v.VoidedAt == null)
                .OrderBy(v => v.IssuedAt).Take(200)
                .Select(v => new VoucherRow(v.Id,
                    db.Customers.Where(c => c.Id == v.CustomerId).Select(c => c.Name).First(),
                    db.Products.Where(k => k.Id == v.GiftProductId).Select(k => k.Code + " — " + k.Description).First(),
                    v.Quantity, v.IssuedAt))
                .ToListAsync(cancellationToken);
    }
}
