using Loyalty.Domain.Numbering;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Numbering;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Loyalty.IntegrationTests.Operations;

/// <summary>
/// The ReadableNumbers migration numbers what was recorded before numbers existed: per tenant, from 1, in the order it
/// happened — redemptions by when they were taken, cancellations by when they were cancelled, gifts delivered together
/// as one delivery — and each tenant's counters carry on after the last number given.
/// </summary>
public sealed class ReadableNumbersMigrationTests
{
    private const string Before = "20261204153949_SignInFailures";
    private const string ReadableNumbers = "20261204184403_ReadableNumbers";

    private static readonly Guid North = Guid.Parse("0193b000-0000-7000-8000-00000000000a");
    private static readonly Guid South = Guid.Parse("0193b000-0000-7000-8000-00000000000b");
    private static readonly DateTimeOffset Day = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Backfill_Should_Number_Each_Tenants_Records_From_One_In_The_Order_They_Happened()
    {
        var server = await PostgresServer.GetAsync();
        var database = await server.CreateEmptyDatabaseAsync();
        await MigrateAsync(database, Before);
        var (northSecond, northFirst, northThird, southFirst, southSecond) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await AsSuperUserAsync(database, Tenants + """
            INSERT INTO redemptions (id, tenant_id, account_id, campaign_id, customer_id, store_id, request_key, redeemed_at, redeemed_by,
                                     total_points, cancelled_at, cancelled_by, cancellation_reason)
            VALUES (@northSecond, @north, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(),
                    @day + interval '1 hour', 'caixa@norte', 10, @day + interval '5 hours', 'caixa@norte', 'Devolvido'),
                   (@northFirst, @north, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(),
                    @day, 'caixa@norte', 20, NULL, NULL, NULL),
                   (@northThird, @north, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(),
                    @day + interval '2 hours', 'caixa@norte', 30, @day + interval '3 hours', 'caixa@norte', 'Troca'),
                   (@southSecond, @south, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(),
                    @day + interval '1 minute', 'caixa@sul', 40, NULL, NULL, NULL),
                   (@southFirst, @south, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(),
                    @day - interval '1 day', 'caixa@sul', 50, NULL, NULL, NULL);
            """, ("northFirst", northFirst), ("northSecond", northSecond), ("northThird", northThird), ("southFirst", southFirst),
            ("southSecond", southSecond));
        // Two gifts handed over together (same account, campaign, store and moment) are one delivery; one later is the next.
        var (account, campaign, store) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await AsSuperUserAsync(database, """
            INSERT INTO gift_vouchers (id, tenant_id, account_id, campaign_id, customer_id, purchase_id, gift_rule_id, gift_product_id,
                                       quantity, issued_at, delivered_at, delivered_by, delivered_store_id)
            VALUES (gen_random_uuid(), @north, @account, @campaign, @account, gen_random_uuid(), 1, gen_random_uuid(), 1, @day, @day + interval '4 hours', 'caixa@norte', @store),
                   (gen_random_uuid(), @north, @account, @campaign, @account, gen_random_uuid(), 1, gen_random_uuid(), 2, @day, @day + interval '4 hours', 'caixa@norte', @store),
                   (gen_random_uuid(), @north, @account, @campaign, @account, gen_random_uuid(), 1, gen_random_uuid(), 1, @day, @day + interval '6 hours', 'caixa@norte', @store),
                   (gen_random_uuid(), @north, @account, @campaign, @account, gen_random_uuid(), 1, gen_random_uuid(), 1, @day, NULL, NULL, NULL);
            """, ("account", account), ("campaign", campaign), ("store", store));

        await MigrateAsync(database, ReadableNumbers);
        await AsSuperUserAsync(database, "ALTER TABLE redemptions ENABLE TRIGGER ALL; ALTER TABLE gift_vouchers ENABLE TRIGGER ALL;");

        Assert.Equal(
            [(northFirst, 1L, (long?)null), (northSecond, 2, 2), (northThird, 3, 1), (southFirst, 1, null), (southSecond, 2, null)],
            await RowsAsync(database, "SELECT id, number, cancellation_number FROM redemptions ORDER BY tenant_id, number",
                r => (r.GetGuid(0), r.GetInt64(1), r.IsDBNull(2) ? (long?)null : r.GetInt64(2))));
        Assert.Equal([(long?)1, 1, 2, null],
            await RowsAsync(database, "SELECT delivery_number FROM gift_vouchers ORDER BY delivered_at NULLS LAST, quantity",
                r => r.IsDBNull(0) ? (long?)null : r.GetInt64(0)));
        Assert.Equal(
            [(North, (short)DocumentKind.Redemption, 3L), (North, (short)DocumentKind.RedemptionCancellation, 2L),
             (North, (short)DocumentKind.GiftDelivery, 2L), (South, (short)DocumentKind.Redemption, 2L)],
            await RowsAsync(database, "SELECT tenant_id, kind, last_number FROM document_sequences ORDER BY tenant_id, kind",
                r => (r.GetGuid(0), r.GetInt16(1), r.GetInt64(2))));

        // The app, once every migration ran, hands out the next number after the backfilled ones.
        await new DatabaseMigrator(MigrationSettings(database), NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        await using var app = new LoyaltyAppFactory(database);
        Assert.Equal(4, await NextAsync(app, North, DocumentKind.Redemption));
        Assert.Equal(3, await NextAsync(app, South, DocumentKind.Redemption));
        Assert.Equal(1, await NextAsync(app, South, DocumentKind.RedemptionCancellation));
    }

    private static async Task MigrateAsync(TestDatabase database, string target)
    {
        await using var db = DatabaseMigrator.OwnerContext(database.OwnerConnectionString);
        await db.GetService<IMigrator>().MigrateAsync(target);
    }

    /// <summary>The two tenants, as real rows (the counters the migration creates refer to them); the foreign keys of the
    /// numbered tables off until the migration ran: only the numbered rows matter here, not the customers, campaigns and
    /// stores they point at (the migration updates a row twice, which checks its keys again).</summary>
    private const string Tenants = """
        INSERT INTO tenants (id, code, name, time_zone_id, created_at)
        VALUES (@north, 'norte', 'Rede Norte', 'America/Sao_Paulo', @day), (@south, 'sul', 'Rede Sul', 'America/Sao_Paulo', @day);
        ALTER TABLE redemptions DISABLE TRIGGER ALL;
        ALTER TABLE gift_vouchers DISABLE TRIGGER ALL;

        """;

    private static async Task AsSuperUserAsync(TestDatabase database, string sql, params (string Name, Guid Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(database.SuperUserConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("north", North);
        command.Parameters.AddWithValue("south", South);
        command.Parameters.AddWithValue("day", Day);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<T>> RowsAsync<T>(TestDatabase database, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(database.SuperUserConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static async Task<long> NextAsync(LoyaltyAppFactory app, Guid tenantId, DocumentKind kind)
    {
        await using var scope = app.TenantScope(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        return await scope.ServiceProvider.GetRequiredService<DocumentNumbers>().NextAsync(kind, CancellationToken.None);
    }

    private static IConfiguration MigrationSettings(TestDatabase database) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:LoyaltyOwner"] = database.OwnerConnectionString,
            ["Database:AppRole"] = PostgresServer.AppRole,
        }).Build();
}
