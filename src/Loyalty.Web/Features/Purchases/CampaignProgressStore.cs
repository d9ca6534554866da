using Loyalty.Domain.Campaigns;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// The running totals of the frequency and threshold rules (<see cref="CampaignProgress"/>), advanced by one purchase in
/// one round trip inside the purchase's transaction. The upsert takes the row's lock, so two purchases of one account at
/// once add up one after the other, and the once-only award is marked in the same transaction that credits it.
/// </summary>
public static class CampaignProgressStore
{
    private const string Advance = """
        INSERT INTO campaign_progress (tenant_id, campaign_id, kind, rule_id, account_id, window_start, purchases, amount, points)
        VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8)
        ON CONFLICT (tenant_id, kind, rule_id, account_id, window_start) DO UPDATE
           SET purchases = campaign_progress.purchases + 1,
               amount = campaign_progress.amount + EXCLUDED.amount,
               points = campaign_progress.points + EXCLUDED.points
        RETURNING purchases, amount, points, awarded_at IS NOT NULL
        """;

    private const string MarkAwarded = """
        UPDATE campaign_progress SET awarded_at = $1
         WHERE tenant_id = $2 AND kind = $3 AND rule_id = $4 AND account_id = $5 AND window_start = $6 AND awarded_at IS NULL
        """;

    public static async Task<IReadOnlyList<ProgressTotals>> AdvanceAsync(
        LoyaltyDbContext db, Guid accountId, IReadOnlyList<ProgressStep> steps, CancellationToken cancellationToken)
    {
        if (steps.Count == 0)
        {
            return [];
        }
        var tenantId = db.Tenant.RequiredTenantId;
        await using var batch = Batch(db);
        foreach (var step in steps)
        {
            batch.BatchCommands.Add(Command(Advance, tenantId, step.CampaignId, (short)step.Kind, step.RuleId, accountId, step.WindowStart, step.Amount, step.Points));
        }
        var totals = new List<ProgressTotals>(steps.Count);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        do
        {
            await reader.ReadAsync(cancellationToken);
            totals.Add(new ProgressTotals(reader.GetInt32(0), reader.GetDecimal(1), reader.GetInt64(2), reader.GetBoolean(3)));
        }
        while (await reader.NextResultAsync(cancellationToken));
        return totals;
    }

    public static async Task MarkAwardedAsync(
        LoyaltyDbContext db, Guid accountId, IReadOnlyList<AwardDue> awards, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (awards.Count == 0)
        {
            return;
        }
        var tenantId = db.Tenant.RequiredTenantId;
        await using var batch = Batch(db);
        foreach (var award in awards)
        {
            batch.BatchCommands.Add(Command(MarkAwarded, now, tenantId, (short)award.Step.Kind, award.Step.RuleId, accountId, award.Step.WindowStart));
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatch Batch(LoyaltyDbContext db) => new((NpgsqlConnection)db.Database.GetDbConnection())
    {
        Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Campaign progress moves only inside the purchase's transaction."),
    };

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value is DateOnly date ? new NpgsqlParameter { Value = date, NpgsqlDbType = NpgsqlDbType.Date } : new NpgsqlParameter { Value = value });
        }
        return command;
    }
}
