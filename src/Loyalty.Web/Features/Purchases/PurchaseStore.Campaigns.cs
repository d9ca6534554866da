using Loyalty.Domain.Campaigns;
using Loyalty.Web.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// The reads and writes the campaigns add to a purchase, on the purchase's connection and inside its transaction, only
/// when the tenant's open campaigns need them: the departments and sections of the coupon's products for concessions,
/// and the running totals of the frequency and threshold rules (<see cref="CampaignProgress"/>). Both are read with the
/// opening round trip and the totals are written with the commit's, so campaigns add no round trip of their own.
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

    /// <summary>A purchase added to a running total, and when its award is given (this purchase reached it).</summary>
    public sealed record ProgressAdvance(ProgressStep Step, DateTimeOffset? AwardedAt);

    private IReadOnlyDictionary<ProgressKey, ProgressTotals> _progress = new Dictionary<ProgressKey, ProgressTotals>();
    private HashSet<ProgressKey> _progressKeys = [];

    /// <summary>
    /// The account's running totals for these keys before this purchase: what the opening round trip read (the
    /// candidates, <see cref="CampaignEarning.ProgressCandidates"/>), or a round trip of its own for a key it was not asked
    /// (the rules were reloaded since). Only the purchase path writes these totals, and always under the account's row
    /// lock taken in <see cref="OpenAsync"/>: what is read here stays true until this transaction commits.
    /// </summary>
    public async Task<IReadOnlyDictionary<ProgressKey, ProgressTotals>> ProgressAsync(Guid accountId, IReadOnlyList<ProgressKey> keys,
        CancellationToken cancellationToken)
    {
        if (keys.All(_progressKeys.Contains))
        {
            return _progress;
        }
        var sql = new SqlArguments();
        await using var batch = new NpgsqlBatch(Connection)
        {
            BatchCommands =
            {
                sql.Command($"""
                    SELECT p.kind, p.rule_id, p.window_start, p.purchases, p.amount, p.points, p.awarded_at IS NOT NULL
                    FROM campaign_progress p
                    WHERE p.tenant_id = {sql.Add(TenantId)} AND p.account_id = {sql.Add(accountId)} AND {ProgressKeysSql(keys, sql)}
                    """),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var found = new Dictionary<ProgressKey, ProgressTotals>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ReadProgress(reader, 0, found);
        }
        return found;
    }

    /// <summary>The condition on <c>p</c> (campaign_progress) that picks these keys.</summary>
    private static string ProgressKeysSql(IReadOnlyList<ProgressKey> keys, SqlArguments sql) => $"""
        (p.kind, p.rule_id, p.window_start) IN (
            SELECT * FROM unnest({sql.Add(keys.Select(k => (short)k.Kind).ToArray())}::smallint[],
                {sql.Add(keys.Select(k => k.RuleId).ToArray())}::bigint[], {sql.Add(keys.Select(k => k.WindowStart).ToArray())}::date[]))
        """;

    /// <summary>Reads one running total from the reader's columns <paramref name="first"/> onwards (kind, rule, window,
    /// purchases, amount, points, awarded); a row without one (the opening's outer join found none) adds nothing.</summary>
    private static void ReadProgress(NpgsqlDataReader reader, int first, Dictionary<ProgressKey, ProgressTotals> into)
    {
        if (reader.IsDBNull(first))
        {
            return;
        }
        into[new ProgressKey((CampaignProgressKind)reader.GetInt16(first), reader.GetInt64(first + 1), reader.GetFieldValue<DateOnly>(first + 2))] =
            new ProgressTotals(reader.GetInt32(first + 3), reader.GetDecimal(first + 4), reader.GetInt64(first + 5), reader.GetBoolean(first + 6));
    }

    /// <summary>
    /// The running totals' part of the commit statement: each total advanced by this purchase (created on the account's
    /// first purchase in the window), its award marked when this purchase gave it — in the commit's round trip rather
    /// than one of its own.
    /// </summary>
    private static string ProgressSql(Guid accountId, IReadOnlyList<ProgressAdvance> progress, SqlArguments sql, CommitKeys keys) =>
        progress.Count == 0 ? string.Empty : $"""
            , progress AS (
                INSERT INTO campaign_progress (tenant_id, account_id, purchases, campaign_id, kind, rule_id, window_start, amount, points, awarded_at)
                SELECT {keys.Tenant}, {sql.Add(accountId)}, 1, step.* FROM unnest({sql.Add(progress.Select(p => p.Step.CampaignId).ToArray())}::uuid[],
                    {sql.Add(progress.Select(p => (short)p.Step.Kind).ToArray())}::smallint[], {sql.Add(progress.Select(p => p.Step.RuleId).ToArray())}::bigint[],
                    {sql.Add(progress.Select(p => p.Step.WindowStart).ToArray())}::date[], {sql.Add(progress.Select(p => p.Step.Amount).ToArray())}::numeric[],
                    {sql.Add(progress.Select(p => p.Step.Points).ToArray())}::bigint[], {sql.Add(progress.Select(p => p.AwardedAt).ToArray())}::timestamptz[]) AS step
                ON CONFLICT (tenant_id, kind, rule_id, account_id, window_start) DO UPDATE
                   SET purchases = campaign_progress.purchases + 1,
                       amount = campaign_progress.amount + EXCLUDED.amount,
                       points = campaign_progress.points + EXCLUDED.points,
                       awarded_at = coalesce(campaign_progress.awarded_at, EXCLUDED.awarded_at)
            )
            """;

    /// <summary>The gift vouchers' part of the commit statement: one INSERT … unnest for all of them. A voucher is issued
    /// neither delivered nor voided (<see cref="GiftVoucher.Issue"/>), so those columns start empty.</summary>
    private static string VouchersSql(IReadOnlyList<GiftVoucher> vouchers, SqlArguments sql, CommitKeys keys) =>
        vouchers.Count == 0 ? string.Empty : $"""
            , vouchers AS (
                INSERT INTO gift_vouchers (tenant_id, purchase_id, customer_id, delivered_at, delivered_by, delivered_store_id, voided_at, delivery_number,
                    id, campaign_id, gift_rule_id, gift_product_id, quantity, issued_at, account_id)
                SELECT {keys.Tenant}, {keys.Purchase}, {keys.Customer}, NULL, NULL, NULL, NULL, NULL, voucher.* FROM unnest({sql.Add(vouchers.Select(v => v.Id).ToArray())}::uuid[],
                    {sql.Add(vouchers.Select(v => v.CampaignId).ToArray())}::uuid[], {sql.Add(vouchers.Select(v => v.GiftRuleId).ToArray())}::bigint[],
                    {sql.Add(vouchers.Select(v => v.GiftProductId).ToArray())}::uuid[], {sql.Add(vouchers.Select(v => v.Quantity).ToArray())}::integer[],
                    {sql.Add(vouchers.Select(v => v.IssuedAt).ToArray())}::timestamptz[], {sql.Add(vouchers.Select(v => v.AccountId).ToArray())}::uuid[]) AS voucher
            )
            """;
}
