using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Common;
using Loyalty.Domain.Numbering;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Numbering;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Redemptions;

/// <summary>
/// "Brinde por Produto Comprado" (SPEC §7, seed 001): the gifts the account's purchases earned in a periodic campaign
/// (the titular's and the dependents'), marked delivered at the counter — once: the voucher rows are locked in id order
/// and read after the lock, so a second cashier (or a second click) finds them delivered and is told so.
/// </summary>
public static class DeliverGifts
{
    public sealed class Command : CounterQuery
    {
        public List<Guid> VoucherIds { get; set; } = [];
    }

    public sealed class Handler(LoyaltyDbContext db, CounterContext counter, DocumentNumbers numbers, AuditActor actor,
        IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        /// <returns>The vouchers delivered; null when the customer, store, card or campaign is not one the user may use.</returns>
        public async Task<CommandResult<List<Guid>>?> HandleAsync(Guid customerId, Command command, CancellationToken cancellationToken)
        {
            var store = await counter.StoreAsync(command.StoreId, cancellationToken);
            var customer = await counter.CustomerAsync(customerId, cancellationToken);
            var card = customer is null ? null : await counter.CardAsync(customer.Id, command.CardId, cancellationToken);
            var campaign = command.CampaignId is { } campaignId ? await counter.CampaignAsync(campaignId, cancellationToken) : null;
            if (store is null || customer is null || (command.CardId is not null && card is null)
                || campaign is not { Classification: CampaignClassification.Periodic })
            {
                return null;
            }
            var ids = command.VoucherIds.Distinct().Order().ToArray();
            if (ids.Length == 0)
            {
                return CommandResult<List<Guid>>.Failure(nameof(Command.VoucherIds), l["GiftVoucher.NoneChosen"]);
            }
            var open = campaign.IsOpenAt(store.Id, await counter.LocalNowAsync(cancellationToken));
            var broken = GiftDeliveryRules.Broken(await counter.CheckAsync(customer, card, open, 0, cancellationToken));
            if (broken.Count > 0)
            {
                return CommandResult<List<Guid>>.Failure([.. broken.Select(rule => new FieldError(string.Empty, l[rule]))]);
            }
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var accountId = customer.AccountId;
            var locked = await db.Database.SqlQuery<Guid>($"""
                SELECT id AS "Value" FROM gift_vouchers
                WHERE id = ANY({ids}) AND account_id = {accountId} AND campaign_id = {campaign.Id} ORDER BY id FOR UPDATE
                """).ToListAsync(cancellationToken);
            if (locked.Count != ids.Length)
            {
                return CommandResult<List<Guid>>.Failure(nameof(Command.VoucherIds), l["GiftVoucher.NotFound"]);
            }
            var vouchers = await db.GiftVouchers.Where(v => ids.Contains(v.Id)).OrderBy(v => v.Id).ToListAsync(cancellationToken);
            // One number for the vouchers handed over together: they are one delivery, on one receipt. A refusal below
            // rolls it back with the transaction.
            var number = await numbers.NextAsync(DocumentKind.GiftDelivery, cancellationToken);
            try
            {
                foreach (var voucher in vouchers)
                {
                    voucher.Deliver(store.Id, actor.Name, number, now);
                }
            }
            catch (DomainException ex)
            {
                db.ChangeTracker.Clear();
                return CommandResult<List<Guid>>.Failure(nameof(Command.VoucherIds), l[ex.Code]);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CommandResult<List<Guid>>.Success([.. ids]);
        }
    }
}
