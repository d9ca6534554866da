using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Customers;
using Loyalty.Domain.Points;
using Loyalty.Domain.Purchases;
using Loyalty.Web.Features.Customers.Lookup;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Persistence.Interceptors;
using Loyalty.Web.Infrastructure.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// The SQL of a POS purchase, written by hand because the path runs thousands of times a second and EF's change tracking
/// and one-statement-per-round-trip cost far more than they give here (README, Performance). A purchase is one
/// connection and one transaction in two round trips: <see cref="OpenAsync"/> (begin, set the tenant, lock the
/// account, read the customer, any earlier answer for the coupon and what the campaigns need) and
/// <see cref="CommitAsync"/> (the purchase, its items and payments, the campaigns' rows, the accrual, commit) — plus
/// <see cref="CardDayAsync"/> in between when antifraud rules need it.
/// It only loads and stores: what a purchase earns is decided by the domain (<see cref="Earning"/>) and the ledger
/// (<see cref="Accrual.For"/>). Row-level security applies as everywhere: the connection works for the
/// scope's tenant, and a connection without it sees and writes nothing.
/// </summary>
public sealed partial class PurchaseStore(NpgsqlDataSource dataSource, TenantContext tenant) : IAsyncDisposable
{
    /// <summary>Who the purchase's identifier names, whose account earns (the titular's) and its balance under the lock.</summary>
    /// <param name="CardStatus">The card presented or, by document, the customer's best card (Active first); null without one.</param>
    public sealed record Holder(Guid CustomerId, Guid AccountId, Guid CategoryId, string? CardNumber, long Balance,
        CustomerStatus CustomerStatus, CardStatus? CardStatus, DateOnly? CardExpiresOn);

    /// <summary>What an earlier post of the same store + POS + coupon stored.</summary>
    public sealed record Earlier(string RequestHash, string? Response);

    public sealed record Opening(Holder? Holder, Earlier? Earlier);

    // A card number wins over a document when the same digits could be both (as in the POS lookup); the account that
    // earns is the customer's account_holder_id (the titular's for a dependent). Used by each statement of the opening, so
    // it stays one text. The card's status and expiry and the customer's status come along, so the rule of which cards
    // earn (SPEC §8) costs no round trip; by document, the customer's best card counts: an Active one, the latest expiry.
    private static string HolderSql(string tenantId, SqlArguments sql, CustomerIdentifier identifier) => $"""
        SELECT customer_id, account_id, category_id, card_number, card_status, card_expires_on, customer_status FROM (
            SELECT c.id AS customer_id, c.account_holder_id AS account_id, c.category_id, k.number AS card_number,
                   k.status AS card_status, k.expires_on AS card_expires_on, c.status AS customer_status, 0 AS preference
            FROM cards k JOIN customers c ON c.tenant_id = k.tenant_id AND c.id = k.customer_id
            WHERE k.tenant_id = {tenantId} AND k.number = {sql.Add(identifier.CardNumber, NpgsqlDbType.Text)}
            UNION ALL
            SELECT c.id, c.account_holder_id, c.category_id, NULL, best.status, best.expires_on, c.status, 1
            FROM customers c
            LEFT JOIN LATERAL (
                SELECT k.status, k.expires_on FROM cards k
                WHERE k.tenant_id = {tenantId} AND k.customer_id = c.id
                ORDER BY k.status = 'Active' DESC, k.expires_on DESC, k.issued_at DESC
                LIMIT 1) best ON true
            WHERE c.tenant_id = {tenantId} AND c.document = {sql.Add(identifier.Document, NpgsqlDbType.Text)}
        ) found
        ORDER BY preference
        LIMIT 1
        """;

    private NpgsqlConnection? _connection;
    private IReadOnlyDictionary<string, CatalogueEntry>? _catalogue;
    private bool _inTransaction;

    private Guid TenantId => tenant.RequiredTenantId;

    /// <summary>
    /// Opens the purchase's connection and transaction and, in the same round trip, locks the holder's account, reads the
    /// holder with the balance and any earlier post of the coupon. The account's row lock is what serialises two purchases
    /// of one card: the second waits here until the first commits, then reads the first's coupon (an identical post
    /// answers the first's receipt) and counts it in the card's day. An account opens on its holder's first purchase: that
    /// one finds no account to lock and takes a second round trip to open it (<see cref="OpenAccountAsync"/>), so that
    /// every later purchase — nearly all of them — skips the insert.
    /// <paramref name="catalogueCodes"/>, when a concession could use them, are looked up in the same round trip
    /// (<see cref="CatalogueAsync"/> then answers them), and so are the account's running totals for
    /// <paramref name="progressKeys"/> (<see cref="ProgressAsync"/>).
    /// </summary>
    public async Task<Opening> OpenAsync(Guid storeId, string pos, string coupon, CustomerIdentifier identifier,
        IReadOnlyCollection<string>? catalogueCodes, IReadOnlyList<ProgressKey> progressKeys, CancellationToken cancellationToken)
    {
        _connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(_connection)
        {
            BatchCommands =
            {
                // Plain BEGIN/COMMIT inside the batches rather than an NpgsqlTransaction, whose commit is a round trip of its own.
                new NpgsqlBatchCommand("BEGIN"),
                // The tenant rides in this batch instead of the interceptor's own round trip on open; Npgsql's reset
                // on return to the pool clears it as it clears the interceptor's.
                TenantConnectionInterceptor.ForTenant(TenantId),
                LockAccountCommand(identifier),
                // After the lock, so a purchase that waited on it reads what the one before it committed.
                HolderAndEarlierCommand(identifier, storeId, pos, coupon, progressKeys),
            },
        };
        if (catalogueCodes is not null)
        {
            batch.BatchCommands.Add(CatalogueCommand(catalogueCodes));
        }
        _inTransaction = true;
        Read opening;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.NextResultAsync(cancellationToken); // past set_config's row; statements without rows have no result
            opening = await ReadLockedHolderAsync(reader, progressKeys, cancellationToken);
            if (catalogueCodes is not null)
            {
                await reader.NextResultAsync(cancellationToken);
                _catalogue = await ReadCatalogueAsync(reader, cancellationToken);
            }
        }
        if (opening.AccountMissing)
        {
            opening = await OpenAccountAsync(identifier, storeId, pos, coupon, progressKeys, cancellationToken);
        }
        return new Opening(opening.Holder, opening.Earlier);
    }

    /// <summary>What the holder statement read; <paramref name="AccountMissing"/> when the holder exists but no account was
    /// locked for it.</summary>
    private sealed record Read(Holder? Holder, Earlier? Earlier, bool AccountMissing);

    /// <summary>
    /// The holder's first purchase: opens the account, locks it and reads again, in the same transaction. No conflict
    /// target, so every unique index arbitrates: two first purchases at once both insert-or-ignore (one waits for the
    /// other) instead of one failing on the (tenant_id, id) key that a target naming only the primary key would leave
    /// unguarded. The read is repeated after the lock: a first purchase that waited reads what the other committed.
    /// </summary>
    private async Task<Read> OpenAccountAsync(CustomerIdentifier identifier, Guid storeId, string pos, string coupon,
        IReadOnlyList<ProgressKey> progressKeys, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(Connection)
        {
            BatchCommands =
            {
                OpenAccountCommand(identifier),
                LockAccountCommand(identifier),
                HolderAndEarlierCommand(identifier, storeId, pos, coupon, progressKeys),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var read = await ReadLockedHolderAsync(reader, progressKeys, cancellationToken);
        return read.AccountMissing
            ? throw new InvalidOperationException("The holder's points account could not be opened.")
            : read;
    }

    /// <summary>
    /// Reads the lock's answer, then the holder's. What counts is whether the lock took the account, not whether the read
    /// saw one: an account another transaction opens and commits between the two statements is visible to the read but
    /// was not locked, and a purchase carrying on with it would write a balance computed without the lock.
    /// </summary>
    private async Task<Read> ReadLockedHolderAsync(NpgsqlDataReader reader, IReadOnlyList<ProgressKey> progressKeys, CancellationToken cancellationToken)
    {
        var locked = await reader.ReadAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var earlier = reader.IsDBNull(5) ? null : new Earlier(reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6));
        if (reader.IsDBNull(0))
        {
            return new Read(null, earlier, false);
        }
        if (!locked || reader.IsDBNull(4))
        {
            return new Read(null, earlier, true);
        }
        var holder = new Holder(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt64(4),
            Enum.Parse<CustomerStatus>(reader.GetString(9)), reader.IsDBNull(7) ? null : Enum.Parse<CardStatus>(reader.GetString(7)),
            reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8));
        if (progressKeys.Count > 0)
        {
            // One row per running total found (holder and coupon repeated), or one row without any.
            var progress = new Dictionary<ProgressKey, ProgressTotals>();
            do
            {
                ReadProgress(reader, 10, progress);
            }
            while (await reader.ReadAsync(cancellationToken));
            (_progress, _progressKeys) = (progress, [.. progressKeys]);
        }
        return new Read(holder, earlier, false);
    }

    private NpgsqlBatchCommand OpenAccountCommand(CustomerIdentifier identifier)
    {
        var sql = new SqlArguments();
        var tenantId = sql.Add(TenantId);
        return sql.Command($"""
            INSERT INTO points_accounts (id, tenant_id, balance)
            SELECT account_id, {tenantId}, 0 FROM ({HolderSql(tenantId, sql, identifier)}) holder
            ON CONFLICT DO NOTHING
            """);
    }

    private NpgsqlBatchCommand LockAccountCommand(CustomerIdentifier identifier)
    {
        var sql = new SqlArguments();
        var tenantId = sql.Add(TenantId);
        return sql.Command($"""
            SELECT 1 FROM points_accounts a JOIN ({HolderSql(tenantId, sql, identifier)}) h ON a.id = h.account_id
            WHERE a.tenant_id = {tenantId} FOR UPDATE OF a
            """);
    }

    /// <summary>The holder, the balance and an earlier post of the coupon, with the account's running totals for
    /// <paramref name="progressKeys"/> joined on (one row per total found).</summary>
    private NpgsqlBatchCommand HolderAndEarlierCommand(CustomerIdentifier identifier, Guid storeId, string pos, string coupon,
        IReadOnlyList<ProgressKey> progressKeys)
    {
        var sql = new SqlArguments();
        var tenantId = sql.Add(TenantId);
        var text = $"""
            SELECT h.customer_id, h.account_id, h.category_id, h.card_number, a.balance, e.request_hash, e.response,
                h.card_status, h.card_expires_on, h.customer_status
                {(progressKeys.Count == 0 ? "" : ", p.kind, p.rule_id, p.window_start, p.purchases, p.amount, p.points, p.awarded_at IS NOT NULL")}
            FROM (SELECT 1) one
            LEFT JOIN ({HolderSql(tenantId, sql, identifier)}) h ON true
            LEFT JOIN points_accounts a ON a.tenant_id = {tenantId} AND a.id = h.account_id
            LEFT JOIN purchases e ON e.tenant_id = {tenantId} AND e.store_id = {sql.Add(storeId)} AND e.pos_number = {sql.Add(pos)}
                AND e.coupon_number = {sql.Add(coupon)}
            """;
        if (progressKeys.Count > 0)
        {
            text += $"""

                LEFT JOIN campaign_progress p ON p.tenant_id = {tenantId} AND p.account_id = h.account_id AND {ProgressKeysSql(progressKeys, sql)}
                """;
        }
        return sql.Command(text);
    }

    /// <summary>The card's other live purchases of the local day [start, end) and, when a minimum interval applies, one
    /// within it — one aggregate over the (tenant, customer, occurred_at) index, never the card's history.</summary>
    public async Task<CardDay> CardDayAsync(Guid customerId, Guid storeId, (DateTimeOffset Start, DateTimeOffset End) day,
        (DateTimeOffset From, DateTimeOffset To)? interval, CancellationToken cancellationToken)
    {
        var sql = new SqlArguments();
        var (tenantId, customer) = (sql.Add(TenantId), sql.Add(customerId));
        await using var batch = new NpgsqlBatch(Connection)
        {
            BatchCommands =
            {
                sql.Command($"""
                    SELECT count(*)::int, (count(*) FILTER (WHERE store_id = {sql.Add(storeId)}))::int,
                           coalesce(sum(points_earned) FILTER (WHERE points_status IN ('Credited', 'PendingAudit')), 0)::bigint,
                           (SELECT occurred_at FROM purchases
                            WHERE tenant_id = {tenantId} AND customer_id = {customer} AND cancelled_at IS NULL
                              AND occurred_at > {sql.Add(interval?.From, NpgsqlDbType.TimestampTz)}
                              AND occurred_at < {sql.Add(interval?.To, NpgsqlDbType.TimestampTz)}
                            LIMIT 1)
                    FROM purchases
                    WHERE tenant_id = {tenantId} AND customer_id = {customer} AND cancelled_at IS NULL
                      AND occurred_at >= {sql.Add(day.Start)} AND occurred_at < {sql.Add(day.End)}
                    """),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new CardDay(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3));
    }

    /// <summary>
    /// Writes the purchase (its answer included), items and payments, its gift vouchers and running totals and, when
    /// credited, the accrual's lot, entry and balance, and commits — one round trip, one statement (data-modifying CTEs) plus the commit, because each statement
    /// costs the server and the driver more than a row does. A coupon recorded meanwhile by another transaction fails the
    /// insert on the unique index (<see cref="IsCouponTaken"/>); the caller then rolls back and answers what that one stored.
    /// </summary>
    public async Task CommitAsync(Purchase purchase, Guid accountId, Accrual? accrual, IReadOnlyList<GiftVoucher> vouchers,
        IReadOnlyList<ProgressAdvance> progress, CancellationToken cancellationToken)
    {
        var items = purchase.Items.OrderBy(i => i.LineNumber).ToList();
        var payments = purchase.Payments.ToList();
        var sql = new SqlArguments();
        var keys = new CommitKeys(sql.Add(TenantId), sql.Add(purchase.Id), sql.Add(purchase.CustomerId));
        // The lines go as arrays, one INSERT … SELECT unnest for all of them however many.
        var text = $"""
            WITH purchase AS (
                INSERT INTO purchases (id, tenant_id, store_id, pos_number, coupon_number, occurred_at, recorded_at,
                    customer_id, card_number, total_amount, returned_amount, points_earned, points_status, audit_reasons,
                    points_reversed, request_hash, response, origin, rejection_reason, audited_at, cancelled_at, cancellation_points_reversed)
                VALUES ({keys.Purchase}, {keys.Tenant}, {sql.Add(purchase.StoreId)}, {sql.Add(purchase.PosNumber)}, {sql.Add(purchase.CouponNumber)},
                    {sql.Add(purchase.OccurredAt)}, {sql.Add(purchase.RecordedAt)}, {keys.Customer}, {sql.Add(purchase.CardNumber, NpgsqlDbType.Text)},
                    {sql.Add(purchase.TotalAmount)}, 0, {sql.Add(purchase.PointsEarned)}, {sql.Add(purchase.PointsStatus.ToString())},
                    {sql.Add(purchase.AuditReasons, NpgsqlDbType.Text)}, 0, {sql.Add(purchase.RequestHash)}, {sql.Add(purchase.Response, NpgsqlDbType.Text)},
                    {sql.Add(purchase.Origin.ToString())}, {sql.Add(purchase.RejectionReason, NpgsqlDbType.Text)},
                    {sql.Add(purchase.AuditedAt, NpgsqlDbType.TimestampTz)}, {sql.Add(purchase.CancelledAt, NpgsqlDbType.TimestampTz)},
                    {sql.Add(purchase.CancellationPointsReversed, NpgsqlDbType.Bigint)})
            ), items AS (
                INSERT INTO purchase_items (tenant_id, purchase_id, line_number, product_code, quantity, unit_price, total_price)
                SELECT {keys.Tenant}, {keys.Purchase}, line.* FROM unnest({sql.Add(items.Select(i => i.LineNumber).ToArray())}::integer[],
                    {sql.Add(items.Select(i => i.ProductCode).ToArray())}::text[], {sql.Add(items.Select(i => i.Quantity).ToArray())}::numeric[],
                    {sql.Add(items.Select(i => i.UnitPrice).ToArray())}::numeric[], {sql.Add(items.Select(i => i.TotalPrice).ToArray())}::numeric[]) AS line
            ), payments AS (
                INSERT INTO purchase_payments (tenant_id, purchase_id, method, amount)
                SELECT {keys.Tenant}, {keys.Purchase}, payment.* FROM unnest({sql.Add(payments.Select(p => p.Method).ToArray())}::text[],
                    {sql.Add(payments.Select(p => p.Amount).ToArray())}::numeric[]) AS payment
            )
            {VouchersSql(vouchers, sql, keys)}
            {ProgressSql(accountId, progress, sql, keys)}
            """;
        text += accrual is null ? "SELECT 1" : AccrualSql(accrual, sql, keys);
        await using var batch = new NpgsqlBatch(Connection) { BatchCommands = { sql.Command(text), new NpgsqlBatchCommand("COMMIT") } };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        _inTransaction = false;
    }

    /// <summary>The placeholders every part of the commit statement refers to.</summary>
    private sealed record CommitKeys(string Tenant, string Purchase, string Customer);

    /// <summary>The accrual's part of the commit statement: its lot, its entry and the account's balance. The account row
    /// is locked since <see cref="OpenAsync"/>, so the balance the domain computed from is still the account's.</summary>
    private static string AccrualSql(Accrual accrual, SqlArguments sql, CommitKeys keys)
    {
        var (entry, lot) = (accrual.Entry, accrual.Lot);
        var (lotId, accountId) = (sql.Add(lot.Id), sql.Add(lot.AccountId));
        return $"""
            , lot AS (
                INSERT INTO points_lots (id, tenant_id, account_id, points, remaining, credited_at, expires_at)
                VALUES ({lotId}, {keys.Tenant}, {accountId}, {sql.Add(lot.Points)}, {sql.Add(lot.Remaining)}, {sql.Add(lot.CreditedAt)},
                    {sql.Add(lot.ExpiresAt, NpgsqlDbType.TimestampTz)})
            ), entry AS (
                INSERT INTO ledger_entries (tenant_id, account_id, customer_id, kind, points, occurred_at, recorded_at,
                    purchase_id, redemption_id, lot_id, reason, user_id, actor)
                VALUES ({keys.Tenant}, {accountId}, {sql.Add(entry.CustomerId)}, {sql.Add(entry.Kind.ToString())}, {sql.Add(entry.Points)},
                    {sql.Add(entry.OccurredAt)}, {sql.Add(entry.RecordedAt)}, {sql.Add(entry.PurchaseId, NpgsqlDbType.Uuid)},
                    {sql.Add(entry.RedemptionId, NpgsqlDbType.Uuid)}, {lotId}, {sql.Add(entry.Reason, NpgsqlDbType.Text)},
                    {sql.Add(entry.UserId, NpgsqlDbType.Uuid)}, {sql.Add(entry.Actor)})
            )
            UPDATE points_accounts SET balance = {sql.Add(accrual.Balance)} WHERE tenant_id = {keys.Tenant} AND id = {accountId}
            """;
    }

    public static bool IsCouponTaken(PostgresException e) =>
        e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: Infrastructure.Persistence.Configurations.PurchaseConfiguration.CouponIndex };

    /// <summary>Undoes the opened transaction (an early answer, a taken coupon); nothing of the purchase was written.</summary>
    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (_inTransaction && _connection is not null)
        {
            _inTransaction = false;
            await using var rollback = new NpgsqlCommand("ROLLBACK", _connection);
            await rollback.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>What another transaction stored for the coupon, read after <see cref="RollbackAsync"/> (which undid the
    /// tenant setting made inside the transaction, so it is set again).</summary>
    public async Task<Earlier?> EarlierAsync(Guid storeId, string pos, string coupon, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(Connection) { BatchCommands = { TenantConnectionInterceptor.ForTenant(TenantId), EarlierCommand(storeId, pos, coupon) } };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        return await ReadEarlierAsync(reader, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }
        try
        {
            await RollbackAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // A broken connection: it is not returned to the pool, and the exception that broke it is the one to see.
        }
        finally
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private NpgsqlConnection Connection => _connection ?? throw new InvalidOperationException("OpenAsync first.");

    private NpgsqlBatchCommand EarlierCommand(Guid storeId, string pos, string coupon)
    {
        var sql = new SqlArguments();
        return sql.Command($"""
            SELECT request_hash, response FROM purchases
            WHERE tenant_id = {sql.Add(TenantId)} AND store_id = {sql.Add(storeId)} AND pos_number = {sql.Add(pos)} AND coupon_number = {sql.Add(coupon)}
            """);
    }

    private static async Task<Earlier?> ReadEarlierAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken) ? new Earlier(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
}
