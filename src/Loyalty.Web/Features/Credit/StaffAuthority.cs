using System.Security.Claims;
using Loyalty.Domain.Credit;
using Loyalty.Web.Features.Cards;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Credit;

/// <summary>The signed-in analyst as the credit decision needs them: id, name and approval authority (alçada), read
/// from the database at the moment of deciding, so a lowered authority applies at once.</summary>
public sealed class StaffAuthority(LoyaltyDbContext db)
{
    public async Task<CreditAnalyst> AnalystAsync(ClaimsPrincipal user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = user.GetUserId();
        var row = id is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.FullName, u.ApprovalAuthority }).SingleOrDefaultAsync(cancellationToken);
        return new CreditAnalyst(id, row?.FullName ?? CardActor.SystemName, row?.ApprovalAuthority ?? 0m, now);
    }
}
