using Loyalty.Domain.Campaigns;
using Loyalty.Web.Infrastructure.Persistence;
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
        var sql = new SqlArguments();
        return sql.Command($"SELECT code, department_id, section_id FROM products WHERE tenant_id = {sql.Add(TenantId)} AND code = ANY({sql.Add(codes.ToArray())})");
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
            batch.BatchCommands.Add(AdvanceCommand(accountId, step));
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
            var sql = new SqlArguments();
            batch.BatchCommands.Add(sql.Command($"""
                UPDATE campaign_progress SET awarded_at = {sql.Add(now)}
                 WHERE tenant_id = {sql.Add(TenantId)} AND kind = {sql.Add((short)award.Step.Kind)} AND rule_id = {sql.Add(award.Step.RuleId)}
                   AND account_id = {sql.Add(accountId)} AND window_start = {sql.Add(award.Step.WindowStart, NpgsqlDbType.Date)} AND awarded_at IS NULL
                """));
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Adds one purchase to a running total (an upsert that takes the row's lock) and answers the total after it.</summary>
    private NpgsqlBatchCommand AdvanceCommand(Guid accountId, ProgressStep step)
    {
        var sql = new SqlArguments();
        return sql.Command($"""
            INSERT INTO campaign_progress (tenant_id, campaign_id, kind, rule_id, account_id, window_start, purchases, amount, points, awarded_at)
            VALUES ({sql.Add(TenantId)}, {sql.Add(step.CampaignId)}, {sql.Add((short)step.Kind)}, {sql.Add(step.RuleId)}, {sql.Add(accountId)},
                {sql.Add(step.WindowStart, NpgsqlDbType.Date)}, 1, {sql.Add(step.Amount)}, {sql.Add(step.Points)}, NULL)
            ON CONFLICT (tenant_id, kind, rule_id, account_id, window_start) DO UPDATE
               SET purchases = campaign_progress.purchases + 1,
                   amount = campaign_progress.amount + EXCLUDED.amount,
                   points = campaign_progress.points + EXCLUDED.points
            RETURNING purchases, amount, points, awarded_at IS NOT NULL
            """);
    }

    /// <summary>The gift vouchers' part of the commit statement: one INSERT … unnest for all of them. A voucher is issued
    /// neither delivered nor voided (<see cref="GiftVoucher.Issue"/>), so those columns start empty.</summary>
    private static string VouchersSql(IReadOnlyList<GiftVoucher> vouchers, SqlArguments sql, CommitKeys keys) =>
        vouchers.Count == 0 ? string.Empty : $"""
            , vouchers AS (
                INSERT INTO gift_vouchers (tenant_id, purchase_id, customer_id, delivered_at, delivered_by, delivered_store_id, voided_at,
                    id, campaign_id, gift_rule_id, gift_product_id, quantity, issued_at, account_id)
                SELECT {keys.Tenant}, {keys.Purchase}, {keys.Customer}, NULL, NULL, NULL, NULL, voucher.* FROM unnest({sql.Add(vouchers.Select(v => v.Id).ToArray())}::uuid[],
                    {sql.Add(vouchers.Select(v => v.CampaignId).ToArray())}::uuid[], {sql.Add(vouchers.Select(v => v.GiftRuleId).ToArray())}::bigint[],
                    {sql.Add(vouchers.Select(v => v.GiftProductId).ToArray())}::uuid[], {sql.Add(vouchers.Select(v => v.Quantity).ToArray())}::integer[],
                    {sql.Add(vouchers.Select(v => v.IssuedAt).ToArray())}::timestamptz[], {sql.Add(vouchers.Select(v => v.AccountId).ToArray())}::uuid[]) AS voucher
            )
            """;
}
