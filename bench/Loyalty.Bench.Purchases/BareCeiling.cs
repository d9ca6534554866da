using System.Net;
using Loyalty.Testing;
using Loyalty.Web.Features.Purchases;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Bench.Purchases;

/// <summary>
/// The bare ceiling: not the product. A minimal API on its own Kestrel port that binds the same JSON body
/// (<see cref="PurchaseRequest"/>) and, per request, runs only "insert purchase, insert ledger entry, update balance" in one
/// transaction (one batch, one round trip) with raw Npgsql against three plain tables in a database of its own on the same
/// PostgreSQL cluster. No authentication, tenancy, validation, earning rules or idempotency.
/// </summary>
internal sealed class BareCeiling : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly NpgsqlDataSource _dataSource;

    private BareCeiling(WebApplication app, NpgsqlDataSource dataSource, Uri baseAddress, string databaseName)
    {
        _app = app;
        _dataSource = dataSource;
        BaseAddress = baseAddress;
        DatabaseName = databaseName;
    }

    public Uri BaseAddress { get; }

    public string DatabaseName { get; }

    public static async Task<BareCeiling> StartAsync(PostgresServer server, IReadOnlyList<string> cardNumbers)
    {
        var name = $"bare_ceiling_{Environment.ProcessId}";
        await server.ExecuteAsync("postgres", $"CREATE DATABASE {name}");
        await server.ExecuteAsync(name, """
            CREATE TABLE purchases (
                id uuid PRIMARY KEY, store_id uuid NOT NULL, pos_number text NOT NULL, coupon_number text NOT NULL,
                occurred_at timestamptz NOT NULL, card_number text NOT NULL, total_amount numeric(14,2) NOT NULL,
                UNIQUE (store_id, pos_number, coupon_number));
            CREATE TABLE ledger_entries (
                id uuid PRIMARY KEY, card_number text NOT NULL, purchase_id uuid NOT NULL REFERENCES purchases (id),
                points integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE balances (card_number text PRIMARY KEY, points bigint NOT NULL);
            """);
        var dataSource = NpgsqlDataSource.Create(server.SuperUserConnectionString(name));
        await using (var seed = dataSource.CreateCommand("INSERT INTO balances (card_number, points) SELECT unnest($1), 0"))
        {
            seed.Parameters.Add(new NpgsqlParameter { Value = cardNumbers.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await seed.ExecuteNonQueryAsync();
        }
        await using (var analyze = dataSource.CreateCommand("ANALYZE"))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var storeId = Guid.CreateVersion7();
        app.MapPost("/api/v1/purchases", async (PurchaseRequest request, CancellationToken cancellationToken) =>
        {
            var card = request.Customer?.CardNumber;
            if (card is null || request.PosNumber is null || request.CouponNumber is null || request.TotalAmount is not { } total
                || request.OccurredAt is not { } occurredAt)
            {
                return Results.BadRequest();
            }
            var purchaseId = Guid.CreateVersion7();
            var points = (int)Math.Floor(total);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("""
                        INSERT INTO purchases (id, store_id, pos_number, coupon_number, occurred_at, card_number, total_amount)
                        VALUES ($1, $2, $3, $4, $5, $6, $7)
                        """)
                    {
                        Parameters =
                        {
                            new() { Value = purchaseId }, new() { Value = storeId }, new() { Value = request.PosNumber },
                            new() { Value = request.CouponNumber }, new() { Value = occurredAt.ToUniversalTime() }, new() { Value = card },
                            new() { Value = total },
                        },
                    },
                    new NpgsqlBatchCommand("INSERT INTO ledger_entries (id, card_number, purchase_id, points) VALUES ($1, $2, $3, $4)")
                    {
                        Parameters = { new() { Value = Guid.CreateVersion7() }, new() { Value = card }, new() { Value = purchaseId }, new() { Value = points } },
                    },
                    new NpgsqlBatchCommand("UPDATE balances SET points = points + $1 WHERE card_number = $2")
                    {
                        Parameters = { new() { Value = (long)points }, new() { Value = card } },
                    },
                },
            };
            await batch.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Results.Json(new BareReceipt(purchaseId, points), statusCode: StatusCodes.Status201Created);
        });
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new BareCeiling(app, dataSource, new Uri(bound), name);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    internal sealed record BareReceipt(Guid Id, int Points);
}
