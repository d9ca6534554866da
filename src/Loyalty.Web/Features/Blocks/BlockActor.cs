using System.Security.Claims;
using Loyalty.Web.Infrastructure.Tenancy;

namespace Loyalty.Web.Features.Blocks;

/// <summary>Who blocks or unblocks, as the block keeps it for its history: the user's id and the name people know them by.</summary>
public sealed record BlockActor(Guid? UserId, string Name)
{
    public static BlockActor Of(ClaimsPrincipal user) => new(user.GetUserId(),
        user.FindFirstValue(TenantClaims.FullName) ?? user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "?");
}
