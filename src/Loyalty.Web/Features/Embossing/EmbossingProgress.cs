using Loyalty.Domain.Cards.Embossing;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Embossing;

/// <summary>
/// Writes a request's progress on a connection of its own, committed at once, so that the page polling it sees the job
/// advance while the generation's own transaction is still open (and sees nothing of that transaction's work).
/// </summary>
public sealed class EmbossingProgress(TenantScopes scopes, TimeProvider clock)
{
    public Task StartedAsync(Guid tenantId, Guid requestId, int total, CancellationToken cancellationToken) =>
        UpdateAsync(tenantId, requestId, r => r
            .SetProperty(x => x.Status, EmbossingRequestStatus.Running).SetProperty(x => x.Total, total)
            .SetProperty(x => x.Processed, 0), cancellationToken);

    public Task AdvancedAsync(Guid tenantId, Guid requestId, int processed, CancellationToken cancellationToken) =>
        UpdateAsync(tenantId, requestId, r => r.SetProperty(x => x.Processed, processed), cancellationToken);

    public Task FinishedAsync(Guid tenantId, Guid requestId, EmbossingRequestStatus status, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return UpdateAsync(tenantId, requestId, r => r.SetProperty(x => x.Status, status).SetProperty(x => x.FinishedAt, now),
            cancellationToken);
    }

    private async Task UpdateAsync(Guid tenantId, Guid requestId,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<EmbossingRequest>> set, CancellationToken cancellationToken)
    {
        await using var scope = scopes.For(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        await db.Set<EmbossingRequest>().Where(r => r.Id == requestId).ExecuteUpdateAsync(set, cancellationToken);
    }
}
