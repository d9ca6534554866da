using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Common;
using Loyalty.Domain.Numbering;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Numbering;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Loyalty.Web.Features.Redemptions;

/// <summary>
/// "Prêmios" (SPEC §7, seed 001): the prizes of a fixed campaign taken with the points of the titular's account, debited
/// at once. Every rule is checked here, on the server, and each one broken is answered. One transaction locks the prize
/// rows in id order, takes the stock, and debits the account through the ledger (which locks the account row and checks
/// the balance again), so neither two cashiers nor a double click can overdraw the account or the stock. The form's
/// one-time <see cref="Command.RequestKey"/> makes a replayed post answer the first redemption instead of a second.
/// </summary>
public static class RedeemPrizes
{
    public const int MaxQuantity = 999;

    public sealed class Line
    {
        public Guid PrizeId { get; set; }

        public int? Quantity { get; set; }
    }

    public sealed class Command : CounterQuery
    {
        public Guid RequestKey { get; set; }

        public List<Line> Lines { get; set; } = [];
    }

    public sealed class Handler(LoyaltyDbContext db, CounterContext counter, PointsLedger ledger, DocumentNumbers numbers, AuditActor actor,
        IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        /// <returns>The redemption's id (the first one, for a replayed form); null when the customer, store, card or
        /// campaign is not one the user may use.</returns>
        public async Task<CommandResult<Guid>?> HandleAsync(Guid customerId, Command command, CancellationToken cancellationToken)
        {
            if (command.RequestKey != Guid.Empty && await FirstAsync(command.RequestKey, cancellationToken) is { } first)
            {
                return first.CustomerId == customerId ? CommandResult<Guid>.Success(first.Id) : null;
            }
            var store = await counter.StoreAsync(command.StoreId, cancellationToken);
            var customer = await counter.CustomerAsync(customerId, cancellationToken);
            var card = customer is null ? null : await counter.CardAsync(customer.Id, command.CardId, cancellationToken);
            var campaign = command.CampaignId is { } campaignId ? await counter.CampaignAsync(campaignId, cancellationToken) : null;
            if (store is null || customer is null || (command.CardId is not null && card is null)
                || campaign is not { Classification: CampaignClassification.Fixed })
            {
                return null;
            }
            var chosen = command.Lines.Select((line, index) => (Line: line, Index: index)).Where(x => x.Line.Quantity is not (null or 0)).ToList();
            var errors = chosen.Where(x => x.Line.Quantity is < 0 or > MaxQuantity)
                .Select(x => new FieldError($"Lines[{x.Index}].Quantity", l["Counter.QuantityRange", MaxQuantity])).ToList();
            if (command.RequestKey == Guid.Empty || chosen.Count == 0 || chosen.Select(x => x.Line.PrizeId).Distinct().Count() != chosen.Count)
            {
                errors.Add(new FieldError(string.Empty, l["Redemption.NothingChosen"]));
            }
            if (errors.Count > 0)
            {
                return CommandResult<Guid>.Failure(errors);
            }
            var prizeIds = chosen.Select(x => x.Line.PrizeId).ToArray();
            var prices = await db.Prizes.AsNoTracking().Where(p => p.CampaignId == campaign.Id && prizeIds.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => p.PointsRequired, cancellationToken);
            if (prices.Count != prizeIds.Length)
            {
                return CommandResult<Guid>.Failure(string.Empty, l["Redemption.PrizeNotInCampaign"]);
            }
            var total = chosen.Sum(x => prices[x.Line.PrizeId] * x.Line.Quantity!.Value);
            var open = campaign.IsOpenAt(store.Id, await counter.LocalNowAsync(cancellationToken));
            var broken = RedemptionRules.Broken(await counter.CheckAsync(customer, card, open, total, cancellationToken));
            if (broken.Count > 0)
            {
                return CommandResult<Guid>.Failure([.. broken.Select(rule => new FieldError(string.Empty, l[rule]))]);
            }
            var header = new RedemptionHeader(campaign.Id, customer.Id, customer.AccountId, card?.Number, store.Id, command.RequestKey, actor.Name);
            return await RedeemAsync(header, [.. chosen.Select(x => (x.Index, x.Line.PrizeId, x.Line.Quantity!.Value))], cancellationToken);
        }

        private async Task<CommandResult<Guid>> RedeemAsync(RedemptionHeader header, List<(int Index, Guid PrizeId, int Quantity)> lines,
            CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var prizes = await PrizeLocks.LockAsync(db, [.. lines.Select(x => x.PrizeId)], cancellationToken);
                // A twin post that waited on the prize locks finds the redemption its first copy committed.
                if (await FirstAsync(header.RequestKey, cancellationToken) is { } first)
                {
                    return CommandResult<Guid>.Success(first.Id);
                }
                var outOfStock = lines.Where(x => prizes[x.PrizeId].Stock < x.Quantity)
                    .Select(x => new FieldError($"Lines[{x.Index}].Quantity", l["Redemption.OutOfStock"])).ToList();
                if (outOfStock.Count > 0)
                {
                    return CommandResult<Guid>.Failure(outOfStock);
                }
                // Numbered after the prize locks and before the account's; a refusal below rolls the number back too.
                var number = await numbers.NextAsync(DocumentKind.Redemption, cancellationToken);
                var redemption = Redemption.Of(header, number, [.. lines.Select(x => (prizes[x.PrizeId], x.Quantity))], now);
                db.Redemptions.Add(redemption);
                // Saves the redemption and the stock with the ledger entry, under the account's lock, in this transaction.
                await ledger.RedeemAsync(header.CustomerId, redemption.TotalPoints, redemption.Id, now, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return CommandResult<Guid>.Success(redemption.Id);
            }
            catch (DomainException ex)
            {
                db.ChangeTracker.Clear();
                return CommandResult<Guid>.Failure(string.Empty, l[ex.Code == "Points.InsufficientBalance" ? "Redemption.InsufficientBalance" : ex.Code]);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
                                               && unique.ConstraintName == RequestKeyIndex)
            {
                // The same form posted twice at the same instant: the first insert won; this one debited nothing.
                db.ChangeTracker.Clear();
                await transaction.RollbackAsync(cancellationToken);
                var winner = await FirstAsync(header.RequestKey, cancellationToken);
                return CommandResult<Guid>.Success(winner!.Id);
            }
        }

        private Task<Redemption?> FirstAsync(Guid requestKey, CancellationToken cancellationToken) =>
            db.Redemptions.AsNoTracking().SingleOrDefaultAsync(r => r.RequestKey == requestKey, cancellationToken);
    }

    private const string RequestKeyIndex = "ix_redemptions_tenant_id_request_key";
}
