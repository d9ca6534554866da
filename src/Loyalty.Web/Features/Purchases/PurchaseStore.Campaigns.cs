using Loyalty.Domain.Campaigns;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// The reads and writes the campaigns add to a purchase, on the purchase's connection and inside its transaction; each is
/// one round trip and runs only when the tenant's open campaigns need it: the departments and sections of the coupon's
/// products for concessions, and the running totals of the frequency and threshold rules (<see cref="CampaignProgress"/>).
/// </summary>
public sealed partial class PurchaseStore
{
    /// <summary>The department and section of the coupon's product codes the catalogue knows.</summary>
    public sealed record CatalogueEntry(Guid? DepartmentId, Guid? SectionId);

    private HashSet<string> _catalogueCodes = new(StringComparer.Ordinal);

    private const string AdvanceSql = """
        INSERT INTO campaign_progress (tenant_id, campaign_id, kind, rule_id, account_id, window_start, purchases, amount, points)
        VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8)
        ON CONFLICT (tenant_id, kind, rule_id, account_id, window_start) DO UPDATE
           SET purchases = campaign_progress.purchases + 1,
               amount = campaign_progress.amount + EXCLUDED.amount,
               points = campaign_progress.points + EXCLUDED.points
        RETURNING purchases, amount, points, awarded_at IS NOT NULL
        """;

    private const string MarkAwardedSql = """
        UPDATE campaign_progress SET awarded_at = $1
         WHERE tenant_id = $2 AND kind = $3 AND rule_id = $4 AND account_id = $5 AND window_start = $6 AND awarded_at IS NULL
        """;

    /// <summary>What the opening round trip read for these codes, or a round trip of its own when it was not asked.</summary>
    public async Task<IReadOnlyDictionary<string, CatalogueEntry>> CatalogueAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        if (_catalogue is { } read && _catalogueCodes.IsSupersetOf(codes))
        {
            return read;
        }
        await using var batch = new NpgsqlBatch(Connection) { BatchCommands = { CatalogueCommand(codes) } };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await ReadCatalogueAsync(reader, cancellationToken);
    }

    private NpgsqlBatchCommand CatalogueCommand(IReadOnlyCollection<string> codes)
    {
        _catalogueCodes = [.. codes];
        return Command("SELECT code, department_id, section_id FROM products WHERE tenant_id = $1 AND code = ANY($2)",
            Value(TenantId), Value(codes.ToArray()));
    }

    private static async Task<IReadOnlyDictionary<string, CatalogueEntry>> ReadCatalogueAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, CatalogueEntry>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = new CatalogueEntry(
                reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2));
        }
        return found;
    }

    /// <summary>Adds the purchase to each running total and answers the totals after it. The upsert takes the row's lock:
    /// two purchases of one account add up one after the other, and the award is marked in the transaction that credits it.</summary>
    public async Task<IReadOnlyList<ProgressTotals>> AdvanceAsync(Guid accountId, IReadOnlyList<ProgressStep> steps, CancellationToken cancellationToken)
    {
        if (steps.Count == 0)
        {
            return [];
        }
        await using var batch = new NpgsqlBatch(Connection);
        foreach (var step in steps)
        {
            batch.BatchCommands.Add(Command(AdvanceSql, Value(TenantId), Value(step.CampaignId), Value((short)step.Kind), Value(step.RuleId),
                Value(accountId), Date(step.WindowStart), Value(step.Amount), Value(step.Points)));
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

    public async Task MarkAwardedAsync(Guid accountId, IReadOnlyList<AwardDue> awards, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (awards.Count == 0)
        {
            return;
        }
        await using var batch = new NpgsqlBatch(Connection);
        foreach (var award in awards)
        {
            batch.BatchCommands.Add(Command(MarkAwardedSql, Value(now), Value(TenantId), Value((short)award.Step.Kind), Value(award.Step.RuleId),
                Value(accountId), Date(award.Step.WindowStart)));
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The gift vouchers' part of the commit statement: one INSERT … unnest for all of them.</summary>
    private static string VouchersSql(IReadOnlyList<GiftVoucher> vouchers, List<NpgsqlParameter> parameters)
    {
        if (vouchers.Count == 0)
        {
            return string.Empty;
        }
        var first = parameters.Count + 1;
        parameters.AddRange([
            Value(vouchers.Select(v => v.Id).ToArray()), Value(vouchers.Select(v => v.CampaignId).ToArray()),
            Value(vouchers.Select(v => v.GiftRuleId).ToArray()), Value(vouchers.Select(v => v.GiftProductId).ToArray()),
            Value(vouchers.Select(v => v.Quantity).ToArray()), Value(vouchers.Select(v => v.IssuedAt).ToArray()),
            Value(vouchers.Select(v => v.AccountId).ToArray()),
        ]);
        // $2 is the purchase and $8 its customer (CommitAsync's numbering).
        return $"""
            , vouchers AS (
                INSERT INTO gift_vouchers (tenant_id, purchase_id, customer_id, id, campaign_id, gift_rule_id, gift_product_id, quantity, issued_at, account_id)
                SELECT $1, $2, $8, voucher.* FROM unnest(${first}::uuid[], ${first + 1}::uuid[], ${first + 2}::bigint[],
                    ${first + 3}::uuid[], ${first + 4}::integer[], ${first + 5}::timestamptz[], ${first + 6}::uuid[]) AS voucher
            )
            """;
    }

    private static NpgsqlParameter Date(DateOnly date) => new() { Value = date, NpgsqlDbType = NpgsqlDbType.Date };
}
