using Loyalty.Domain.Numbering;
using Loyalty.Web.Features.Stores;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Redemptions;

/// <summary>
/// "Localizar recibo": a redemption, cancellation or gift delivery found by the number on its receipt — typed as printed
/// (RES-000123, CAN-000004, BRI-000012) or as bare digits for a redemption, the common case — to show it or print it
/// again. Only operations of the stores the user serves are found, like their receipts.
/// </summary>
public static class FindReceipt
{
    public sealed record Screen(string? Number, bool NotFound);

    public sealed class Handler(LoyaltyDbContext db, StoreScope scope)
    {
        /// <returns>The receipt page of the operation; null when no operation the user may see has that number.</returns>
        public async Task<string?> UrlAsync(string? text, CancellationToken cancellationToken)
        {
            if (DocumentNumber.Parse(text, bare: DocumentKind.Redemption) is not { } number)
            {
                return null;
            }
            switch (number.Kind)
            {
                case DocumentKind.Redemption:
                    var redemption = await db.Redemptions.AsNoTracking().Where(r => r.Number == number.Value)
                        .Select(r => new { r.Id, r.StoreId }).SingleOrDefaultAsync(cancellationToken);
                    return redemption is not null && scope.Allows(redemption.StoreId) ? $"/resgates/{redemption.Id}/recibo" : null;
                case DocumentKind.RedemptionCancellation:
                    var cancelled = await db.Redemptions.AsNoTracking().Where(r => r.CancellationNumber == number.Value)
                        .Select(r => new { r.Id, r.StoreId }).SingleOrDefaultAsync(cancellationToken);
                    return cancelled is not null && scope.Allows(cancelled.StoreId) ? $"/resgates/{cancelled.Id}/cancelamento" : null;
                case DocumentKind.GiftDelivery:
                    var vouchers = await db.GiftVouchers.AsNoTracking().Where(v => v.DeliveryNumber == number.Value)
                        .OrderBy(v => v.Id).Select(v => new { v.Id, v.DeliveredStoreId }).ToListAsync(cancellationToken);
                    return vouchers.Count > 0 && vouchers.All(v => v.DeliveredStoreId is { } store && scope.Allows(store))
                        ? ReceiptsController.GiftsUrl(vouchers.Select(v => v.Id)) : null;
                default:
                    return null;
            }
        }
    }
}
