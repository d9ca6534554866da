using Loyalty.Domain.Rfv;
using Loyalty.Web.Features.DailyClose;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Rfv;

/// <summary>
/// The daily close's RFV step (SPEC §9), set-based in PostgreSQL: over the purchases of the window ending with the
/// business day (cancelled ones left out, returns netted, a dependent's purchases counted for its titular), each account
/// holder's last purchase, number of purchases and value are ranked best first — ties by the lower customer id — and cut
/// into five groups by NTILE(5), the first groups taking the extra members; the first fifth scores 5. One history row per
/// classified holder for the date; the holders' current class follows the latest date closed. Running it again for a
/// date rewrites that date's rows with the same result.
/// </summary>
public sealed class RfvClassificationStep(LoyaltyDbContext db) : IDailyCloseStep
{
    public const string StepKey = "rfv";

    public string Key => StepKey;
    public int Order => 20;

    public async Task<DailyCloseStepSummary> RunAsync(BusinessDay day, CancellationToken cancellationToken)
    {
        var tenant = db.Tenant.RequiredTenantId;
        var from = RfvWindow.StartOf(day.End);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM rfv_classifications WHERE tenant_id = {tenant} AND business_date = {day.Date}", cancellationToken);
        var classified = await db.Database.ExecuteSqlAsync($"""
            WITH measures AS (
                SELECT cu.account_holder_id AS customer_id, max(p.occurred_at) AS last_at, count(*) AS frequency,
                       sum(p.total_amount - p.returned_amount) AS value
                FROM purchases p
                JOIN customers cu ON cu.tenant_id = p.tenant_id AND cu.id = p.customer_id
                WHERE p.tenant_id = {tenant} AND p.occurred_at >= {from} AND p.occurred_at < {day.End} AND p.cancelled_at IS NULL
                GROUP BY cu.account_holder_id
            ), scored AS (
                SELECT m.*,
                       6 - ntile(5) OVER (ORDER BY last_at DESC, customer_id) AS r,
                       6 - ntile(5) OVER (ORDER BY frequency DESC, customer_id) AS f,
                       6 - ntile(5) OVER (ORDER BY value DESC, customer_id) AS v
                FROM measures m
            )
            INSERT INTO rfv_classifications (id, tenant_id, business_date, customer_id, last_purchase_at, frequency, value,
                                             recency, frequency_score, value_score, class)
            SELECT gen_random_uuid(), {tenant}, {day.Date}, customer_id, last_at, frequency, value, r, f, v, concat(r, f, v)
            FROM scored
            """, cancellationToken);
        // The current class follows the latest date closed: closing an earlier date on demand leaves it alone.
        await db.Database.ExecuteSqlAsync($"""
            UPDATE customers c SET rfv_class = r.class, rfv_date = r.business_date
            FROM rfv_classifications r
            WHERE r.tenant_id = {tenant} AND r.business_date = {day.Date} AND c.tenant_id = r.tenant_id AND c.id = r.customer_id
              AND (c.rfv_date IS NULL OR c.rfv_date <= {day.Date})
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE customers c SET rfv_class = NULL, rfv_date = {day.Date}
            WHERE c.tenant_id = {tenant} AND c.rfv_class IS NOT NULL AND c.rfv_date <= {day.Date}
              AND NOT EXISTS (SELECT 1 FROM rfv_classifications r
                              WHERE r.tenant_id = c.tenant_id AND r.business_date = {day.Date} AND r.customer_id = c.id)
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DailyCloseStepSummary("DailyClose.Summary.Rfv", classified);
    }
}
