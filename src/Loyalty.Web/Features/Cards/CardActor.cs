using System.Security.Claims;
using Loyalty.Domain.Cards;
using Loyalty.Web.Infrastructure.Tenancy;

namespace Loyalty.Web.Features.Cards;

/// <summary>
/// Who changes a card in this request, for the card's history: the signed-in staff member by id and full name; a POS or
/// integration key, a job or a command has no user, and the history shows it as "Sistema".
/// </summary>
public sealed class CardActor(IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>What the history stores as the name when no staff member acts (shown translated as "Sistema").</summary>
    public const string SystemName = "Sistema";

    public CardChange Change(Guid? reasonId = null, string? reason = null, string? observation = null)
    {
        var user = http.HttpContext?.User;
        var userId = user?.Identity?.IsAuthenticated == true ? user.GetUserId() : null;
        var name = userId is null ? SystemName : user!.FindFirstValue(TenantClaims.FullName) ?? SystemName;
        return new CardChange(clock.GetUtcNow(), userId, name, reasonId, reason, observation);
    }
}
