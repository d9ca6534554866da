using Loyalty.Domain.Cards;
using Loyalty.Domain.Staff;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Home;

/// <summary>
/// The home of the credit and card back-office (SPEC §8): how many cards wait at each step of the credit flow. A
/// CreditAnalyst sees the customers pending analysis (06) and the rejected ones (08); a CardOperator the cards approved
/// and waiting for embossing (07), the plastics issued waiting for receipt (09) and the blocked cards. One grouped count.
/// </summary>
public static class CardDesk
{
    /// <param name="Href">The list the tile opens, once that screen exists; null until then (never a link to a 404).</param>
    public sealed record Tile(string Id, CardStatus Status, string LabelKey, string Icon, int Count, string? Href);

    /// <summary>The steps each role works on, and the screen that lists each (null while it does not exist).</summary>
    public static IReadOnlyList<(string Id, CardStatus Status, string LabelKey, string Icon, string? Href)> StepsOf(StaffRole? role) => role switch
    {
        StaffRole.CreditAnalyst =>
        [
            ("pending-analysis", CardStatus.Registered, "Home.Desk.PendingAnalysis", "bi-hourglass-split", "/credito/analise"),
            ("rejected", CardStatus.CreditNotApproved, "Home.Desk.Rejected", "bi-x-octagon", "/credito/analise?situacao=08"),
        ],
        StaffRole.CardOperator =>
        [
            ("awaiting-embossing", CardStatus.CreditApproved, "Home.Desk.AwaitingEmbossing", "bi-printer", "/cartoes/embossing"),
            ("awaiting-receipt", CardStatus.PlasticIssued, "Home.Desk.AwaitingReceipt", "bi-truck", "/cartoes/lotes"),
            ("blocked", CardStatus.TemporarilyBlocked, "Home.Desk.Blocked", "bi-lock", $"/cartoes?situacao={CardStatus.TemporarilyBlocked.Code()}"),
        ],
        _ => [],
    };

    public sealed class Handler(LoyaltyDbContext db)
    {
        public async Task<IReadOnlyList<Tile>> TilesAsync(StaffRole? role, CancellationToken cancellationToken)
        {
            var steps = StepsOf(role);
            if (steps.Count == 0)
            {
                return [];
            }
            var statuses = steps.Select(s => s.Status).ToList();
            var counts = await db.Cards.AsNoTracking().Where(k => statuses.Contains(k.Status))
                .GroupBy(k => k.Status).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            return [.. steps.Select(s => new Tile(s.Id, s.Status, s.LabelKey, s.Icon, counts.GetValueOrDefault(s.Status), s.Href))];
        }
    }
}
