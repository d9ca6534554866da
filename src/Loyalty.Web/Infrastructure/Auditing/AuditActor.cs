using System.Security.Claims;
using Loyalty.Web.Infrastructure.Tenancy;

namespace Loyalty.Web.Infrastructure.Auditing;

/// <summary>Who is making the changes of the current scope: the signed-in user, the API key, or a named system actor
/// (a job or a management command) set explicitly.</summary>
public sealed class AuditActor(IHttpContextAccessor http)
{
    private string? _systemActor;

    public void UseSystemActor(string name) => _systemActor = name;

    public Guid? UserId => http.HttpContext?.User.GetUserId();

    public string Name
    {
        get
        {
            if (_systemActor is not null)
            {
                return _systemActor;
            }
            var user = http.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true)
            {
                return "anonymous";
            }
            return user.FindFirstValue(ClaimTypes.Email)
                ?? user.FindFirstValue(ClaimTypes.Name)
                ?? user.Identity.Name
                ?? "unknown";
        }
    }

    public string? CorrelationId => http.HttpContext?.TraceIdentifier;
}
