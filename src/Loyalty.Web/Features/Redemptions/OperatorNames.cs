using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Redemptions;

/// <summary>
/// The staff member behind a redemption, a cancellation or a gift delivery, by name: the user who made the operation's
/// ledger entry, else the user whose e-mail was recorded on it. Receipts and the counter's lists name them the same way.
/// </summary>
public static class OperatorNames
{
    public sealed record Operator(Guid? UserId, string Recorded);

    /// <returns>Each operator's name; none for a job, the API, or a user no longer found.</returns>
    public static async Task<Dictionary<Operator, string>> FindAsync(LoyaltyDbContext db, IReadOnlyCollection<Operator> operators,
        CancellationToken cancellationToken)
    {
        var ids = operators.Select(o => o.UserId).OfType<Guid>().Distinct().ToList();
        var emails = operators.Select(o => o.Recorded.ToUpperInvariant()).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) || emails.Contains(u.NormalizedEmail!))
            .Select(u => new { u.Id, u.NormalizedEmail, u.FullName }).ToListAsync(cancellationToken);
        var byId = users.Where(u => !string.IsNullOrWhiteSpace(u.FullName)).ToDictionary(u => u.Id, u => u.FullName);
        var byEmail = users.Where(u => u.NormalizedEmail is not null && !string.IsNullOrWhiteSpace(u.FullName))
            .DistinctBy(u => u.NormalizedEmail).ToDictionary(u => u.NormalizedEmail!, u => u.FullName);
        var names = new Dictionary<Operator, string>();
        foreach (var o in operators.Distinct())
        {
            if ((o.UserId is { } id && byId.TryGetValue(id, out var name)) || byEmail.TryGetValue(o.Recorded.ToUpperInvariant(), out name))
            {
                names[o] = name;
            }
        }
        return names;
    }
}
