using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Points;
using Loyalty.Domain.Purchases;
using Loyalty.Web.Features.Customers.Lookup;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Infrastructure.Persistence.Interceptors;
using Loyalty.Web.Infrastructure.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// The SQL of a POS purchase, written by hand because the path runs thousands of times a second and EF's change tracking
/// and one-statement-per-round-trip cost far more than they give here (README, Performance). A purchase is one
/// connection and one transaction in two round trips: <see cref="OpenAsync"/> (begin, set the tenant, lock the
/// account, read the customer and any earlier answer for the coupon) and <see cref="CommitAsync"/> (the purchase, its
/// items and payments, the accrual, commit) — plus <see cref="CardDayAsync"/> in between when antifraud rules need it.
/// It only loads and stores: what a purchase earns is decided by the domain (<see cref="Earning"/>) and the ledger
/// (<see cref="Accrual.For"/>). Row-level security applies as everywhere: the connection works for the
/// scope's tenant, and a connection without it sees and writes nothing.
/// </summary>
public sealed partial class PurchaseStore(NpgsqlDataSource dataSource, TenantContext tenant) : IAsyncDisposable
{
    /// <summary>Who the purchase's identifier names, whose account earns (the titular's) and its balance under the lock.</summary>
    public sealed record Holder(Guid CustomerId, Guid AccountId, Guid CategoryId, string? CardNumber, long Balance);

    /// <summary>What an earlier post of the same store + POS + coupon stored.</summary>
    public sealed record Earlier(string RequestHash, string? Response);

    public sealed record Opening(Holder? Holder, Earlier? Earlier);

    // A card number wins over a document when the same digits could be both (as in the POS lookup); a dependent's
    // points go to the titular's account. Used twice in the opening batch, so it stays one text.
    private const string HolderSql = """
        SELECT customer_id, account_id, category_id, card_number FROM (
            SELECT c.id AS customer_id, c.account_holder_id AS account_id, c.category_id, k.number AS card_number, 0 AS preference
            FROM cards k JOIN customers c ON c.tenant_id = k.tenant_id AND c.id = k.customer_id
            WHERE k.tenant_id = $1 AND k.number = $2
            UNION ALL
            SELECT c.id, c.account_holder_id, c.category_id, NULL, 1
            FROM customers c
            WHERE c.tenant_id = $1 AND c.document = $3
        ) found
        ORDER BY preference
        LIMIT 1
        """;

    private NpgsqlConnection? _connection;
    private IReadOnlyDictionary<string, CatalogueEntry>? _catalogue;
    private bool _inTransaction;

    private Guid TenantId => tenant.RequiredTenantId;

    /// <summary>
    /// Opens the purchase's connection and transaction and, in the same round trip, locks the holder's account (opening
    /// it on its first purchase), reads the holder with the balance and any earlier post of the coupon. The account's
    /// row lock is what serialises two purchases of one card: the second waits here until the first commits, then reads
    /// the first's coupon (an identical post answers the first's receipt) and counts it in the card's day.
    /// <paramref name="catalogueCodes"/>, when a concession could use them, are looked up in the same round trip
    /// (<see cref="CatalogueAsync"/> then answers them).
    /// </summary>
    public async Task<Opening> OpenAsync(Guid storeId, string pos, string coupon, CustomerIdentifier identifier,
        IReadOnlyCollection<string>? catalogueCodes, CancellationToken cancellationToken)
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
                // Opens the account on its first purchase. No conflict target, so every unique index arbitrates: two first
                // purchases at once both insert-or-ignore (one waits for the other) instead of one failing on the
                // (tenant_id, id) key that a target naming only the primary key would leave unguarded.
                Command($"""
                    INSERT INTO points_accounts (id, tenant_id, balance)
                    SELECT account_id, $1, 0 FROM ({HolderSql}) holder
                    ON CONFLICT DO NOTHING
                    """, HolderParameters(identifier)),
                Command($"""
                    SELECT 1 FROM points_accounts a JOIN ({HolderSql}) h ON a.id = h.account_id WHERE a.tenant_id = $1 FOR UPDATE OF a
                    """, HolderParameters(identifier)),
                // After the lock, so a purchase that waited on it reads what the one before it committed.
                Command($"""
                    SELECT h.customer_id, h.account_id, h.category_id, h.card_number, a.balance, e.request_hash, e.response
                    FROM (SELECT 1) one
                    LEFT JOIN ({HolderSql}) h ON true
                    LEFT JOIN points_accounts a ON a.tenant_id = $1 AND a.id = h.account_id
                    LEFT JOIN purchases e ON e.tenant_id = $1 AND e.store_id = $4 AND e.pos_number = $5 AND e.coupon_number = $6
                    """, [.. HolderParameters(identifier), Value(storeId), Value(pos), Value(coupon)]),
            },
        };
        if (catalogueCodes is not null)
        {
            batch.BatchCommands.Add(CatalogueCommand(catalogueCodes));
        }
        _inTransaction = true;
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken); // past set_config's row; statements without rows have no result
        await reader.NextResultAsync(cancellationToken); // past the lock's row
        await reader.ReadAsync(cancellationToken);
        var holder = reader.IsDBNull(0) ? null
            : new Holder(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt64(4));
        var earlier = reader.IsDBNull(5) ? null : new Earlier(reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6));
        if (catalogueCodes is not null)
        {
            await reader.NextResultAsync(cancellationToken);
            _catalogue = await ReadCatalogueAsync(reader, cancellationToken);
        }
        return new Opening(holder, earlier);
    }

    /// <summary>The card's other live purchases of the local day [start, end) and, when a minimum interval applies, one
    /// within it — one aggregate over the (tenant, customer, occurred_at) index, never the card's history.</summary>
    public async Task<CardDay> CardDayAsync(Guid customerId, Guid storeId, (DateTimeOffset Start, DateTimeOffset End) day,
        (DateTimeOffset From, DateTimeOffset To)? interval, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT count(*)::int, (count(*) FILTER (WHERE store_id = $3))::int,
                   coalesce(sum(points_earned) FILTER (WHERE points_status IN ('Credited', 'PendingAudit')), 0)::bigint,
                   (SELECT occurred_at FROM purchases
                    WHERE tenant_id = $1 AND customer_id = $2 AND cancelled_at IS NULL AND occurred_at > $6 AND occurred_at < $7
                    LIMIT 1)
            FROM purchases
            WHERE tenant_id = $1 AND customer_id = $2 AND cancelled_at IS NULL AND occurred_at >= $4 AND occurred_at < $5
            """, Connection)
        {
            Parameters =
            {
                Value(TenantId), Value(customerId), Value(storeId), Value(day.Start), Value(day.End),
                Nullable(interval?.From, NpgsqlDbType.TimestampTz), Nullable(interval?.To, NpgsqlDbType.TimestampTz),
            },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new CardDay(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3));
    }

    /// <summary>
    /// Writes the purchase (its answer included), items and payments and, when credited, the accrual's lot, entry and
    /// balance, and commits — one round trip, one statement (data-modifying CTEs) plus the commit, because each statement
    /// costs the server and the driver more than a row does. A coupon recorded meanwhile by another transaction fails the
    /// insert on the unique index (<see cref="IsCouponTaken"/>); the caller then rolls back and answers what that one stored.
    /// </summary>
    public async Task CommitAsync(Purchase purchase, Accrual? accrual, IReadOnlyList<GiftVoucher> vouchers, CancellationToken cancellationToken)
    {
        var items = purchase.Items.OrderBy(i => i.LineNumber).ToList();
        var payments = purchase.Payments.ToList();
        // $1 tenant, $2 purchase; the lines go as arrays, one INSERT … SELECT unnest for all of them however many.
        var parameters = new List<NpgsqlParameter>
        {
            Value(TenantId), Value(purchase.Id), Value(purchase.StoreId), Value(purchase.PosNumber), Value(purchase.CouponNumber),
            Value(purchase.OccurredAt), Value(purchase.RecordedAt), Value(purchase.CustomerId), Nullable(purchase.CardNumber, NpgsqlDbType.Text),
            Value(purchase.TotalAmount), Value(purchase.PointsEarned), Value(purchase.PointsStatus.ToString()),
            Nullable(purchase.AuditReasons, NpgsqlDbType.Text), Value(purchase.RequestHash), Nullable(purchase.Response, NpgsqlDbType.Text),
            Value(items.Select(i => i.LineNumber).ToArray()), Value(items.Select(i => i.ProductCode).ToArray()),
            Value(items.Select(i => i.Quantity).ToArray()), Value(items.Select(i => i.UnitPrice).ToArray()),
            Value(items.Select(i => i.TotalPrice).ToArray()),
            Value(payments.Select(p => p.Method).ToArray()), Value(payments.Select(p => p.Amount).ToArray()),
            Value(purchase.Origin.ToString()),
        };
        var sql = """
            WITH purchase AS (
                INSERT INTO purchases (id, tenant_id, store_id, pos_number, coupon_number, occurred_at, recorded_at,
                    customer_id, card_number, total_amount, returned_amount, points_earned, points_status, audit_reasons,
                    points_reversed, request_hash, response, origin)
                VALUES ($2, $1, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11, $12, $13, 0, $14, $15, $23)
            ), items AS (
                INSERT INTO purchase_items (tenant_id, purchase_id, line_number, product_code, quantity, unit_price, total_price)
                SELECT $1, $2, line.* FROM unnest($16::integer[], $17::text[], $18::numeric[], $19::numeric[], $20::numeric[]) AS line
            ), payments AS (
                INSERT INTO purchase_payments (tenant_id, purchase_id, method, amount)
                SELECT $1, $2, payment.* FROM unnest($21::text[], $22::numeric[]) AS payment
            )
            """;
        sql += VouchersSql(vouchers, parameters);
        if (accrual is null)
        {
            sql += "SELECT 1";
        }
        else
        {
            var (entry, lot) = (accrual.Entry, accrual.Lot);
            var n = parameters.Count; // the accrual's parameters follow the purchase's and the vouchers'
            parameters.AddRange([
                Value(lot.Id), Value(lot.AccountId), Value(lot.Points), Value(lot.Remaining), Value(lot.CreditedAt),
                Nullable(lot.ExpiresAt, NpgsqlDbType.TimestampTz),
                Value(entry.CustomerId), Value(entry.Kind.ToString()), Value(entry.Points), Value(entry.OccurredAt), Value(entry.RecordedAt),
                Nullable(entry.PurchaseId, NpgsqlDbType.Uuid), Nullable(entry.Reason, NpgsqlDbType.Text),
                Nullable(entry.UserId, NpgsqlDbType.Uuid), Value(entry.Actor), Value(accrual.Balance),
            ]);
            // The account row is locked since OpenAsync: the balance the domain computed from is still the account's.
            sql += $"""
                , lot AS (
                    INSERT INTO points_lots (id, tenant_id, account_id, points, remaining, credited_at, expires_at)
                    VALUES (${n + 1}, $1, ${n + 2}, ${n + 3}, ${n + 4}, ${n + 5}, ${n + 6})
                ), entry AS (
                    INSERT INTO ledger_entries (tenant_id, account_id, customer_id, kind, points, occurred_at, recorded_at,
                        purchase_id, lot_id, reason, user_id, actor)
                    VALUES ($1, ${n + 2}, ${n + 7}, ${n + 8}, ${n + 9}, ${n + 10}, ${n + 11}, ${n + 12}, ${n + 1}, ${n + 13}, ${n + 14}, ${n + 15})
                )
                UPDATE points_accounts SET balance = ${n + 16} WHERE tenant_id = $1 AND id = ${n + 2}
                """;
        }
        await using var batch = new NpgsqlBatch(Connection) { BatchCommands = { Command(sql, [.. parameters]), new NpgsqlBatchCommand("COMMIT") } };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        _inTransaction = false;
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

    private NpgsqlParameter[] HolderParameters(CustomerIdentifier identifier) =>
        [Value(TenantId), Nullable(identifier.CardNumber, NpgsqlDbType.Text), Nullable(identifier.Document, NpgsqlDbType.Text)];

    private NpgsqlBatchCommand EarlierCommand(Guid storeId, string pos, string coupon) => Command("""
        SELECT request_hash, response FROM purchases
        WHERE tenant_id = $1 AND store_id = $2 AND pos_number = $3 AND coupon_number = $4
        """, Value(TenantId), Value(storeId), Value(pos), Value(coupon));

    private static async Task<Earlier?> ReadEarlierAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken) ? new Earlier(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter<T> Value<T>(T value) => new() { TypedValue = value };

    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
