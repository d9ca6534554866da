using Loyalty.Domain.Cards;
using Loyalty.Domain.Cards.Embossing;
using Loyalty.Domain.Common;
using Loyalty.Domain.Numbering;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Documents.Embossing;
using Loyalty.Web.Infrastructure.Numbering;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Web.Features.Embossing;

/// <summary>
/// Generates the batch a request asked for, all or nothing (SPEC §8): in ONE transaction it takes the batch number,
/// lists the selected 07 cards in the batch, writes the §11 file into the database piece by piece, records the batch and
/// moves its cards 07 → 09 with their history — set-based statements, never a loop over entities. A job killed midway
/// leaves nothing; a retried or duplicated job finds its request done under the tenant's generation lock and stops.
/// </summary>
public sealed class EmbossingBatchGenerator(LoyaltyDbContext db, DocumentNumbers numbers, EmbossingProgress progress,
    EmbossingFaults faults, AuditActor actor, TimeProvider clock, ILogger<EmbossingBatchGenerator> logger)
{
    /// <summary>Cards read per round trip while writing the file: bounds the memory whatever the batch's size.</summary>
    public const int PageSize = 5_000;

    private static readonly string Approved = CardStatus.CreditApproved.ToString();
    private static readonly string Issued = CardStatus.PlasticIssued.ToString();

    public async Task RunAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var tenantId = db.Tenant.RequiredTenantId;
        try
        {
            await GenerateAsync(tenantId, requestId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The transaction is rolled back: nothing of the batch exists. The request says so; the operator asks again.
            logger.LogError(ex, "Embossing request {RequestId} failed", requestId);
            db.ChangeTracker.Clear();
            await progress.FinishedAsync(tenantId, requestId, EmbossingRequestStatus.Failed, CancellationToken.None);
            throw;
        }
    }

    private async Task GenerateAsync(Guid tenantId, Guid requestId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();

        // One generation at a time per tenant: two batches never race for the same cards, and a duplicated job waits here
        // until the first commits, then reads the request as done.
        await ExecuteAsync(connection, npgsqlTransaction, "SELECT pg_advisory_xact_lock(hashtextextended('embossing:' || @tenant::text, 0))",
            cancellationToken, new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = tenantId });
        var request = await db.Set<EmbossingRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || request.Status is EmbossingRequestStatus.Completed or EmbossingRequestStatus.NothingToEmboss
            || await db.Set<EmbossingBatch>().AnyAsync(b => b.RequestKey == requestId, cancellationToken))
        {
            return;
        }
        var tenant = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => new { t.Code, t.TimeZoneId }).SingleAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZoneId);
        var selection = new EmbossingSelection(request.Filter, zone);

        // Counted without locking: the statements below move only cards still at 07 and refuse to commit unless they
        // touch exactly this many, so a card cancelled meanwhile fails the generation whole instead of half-entering it.
        var phases = System.Diagnostics.Stopwatch.StartNew();
        var total = Convert.ToInt32(await ScalarAsync(connection, npgsqlTransaction,
            $"SELECT count(*) FROM {EmbossingSelection.From} WHERE {selection.Where}",
            cancellationToken, selection.Parameters), System.Globalization.CultureInfo.InvariantCulture);
        if (total == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            await progress.FinishedAsync(tenantId, requestId, EmbossingRequestStatus.NothingToEmboss, cancellationToken);
            return;
        }
        if (total > MaxCards)
        {
            throw new DomainException("Embossing.TooManyCards");
        }
        await progress.StartedAsync(tenantId, requestId, total, cancellationToken);

        var now = clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var number = await numbers.NextAsync(DocumentKind.EmbossingBatch, cancellationToken);
        var batch = EmbossingBatch.Generated(Guid.CreateVersion7(now), number, requestId, now, DateOnly.FromDateTime(local.DateTime),
            request.RequestedByUserId, request.RequestedByName, total,
            EmbossingFileWriter.FileName(tenant.Code, number, local.DateTime), fileSize: 0);
        actor.UseSystemActor(request.RequestedByName); // the audit log names the operator who asked, not the job
        db.Add(batch);
        await db.SaveChangesAsync(cancellationToken);

        var batchParameter = selection.Add(batch.Id, NpgsqlDbType.Uuid);
        var inserted = await ExecuteAsync(connection, npgsqlTransaction, $"""
            INSERT INTO embossing_batch_cards (id, tenant_id, batch_id, card_id, line, checked_at, checked_by_name)
            SELECT gen_random_uuid(), c.tenant_id, {batchParameter}, c.id, row_number() OVER (ORDER BY c.number), NULL, NULL
            FROM {EmbossingSelection.From} WHERE {selection.Where}
            """, cancellationToken, selection.Parameters);
        EnsureAll(inserted, total);
        var listed = phases.Elapsed;

        var size = await WriteFileAsync(connection, npgsqlTransaction, tenantId, tenant.Code, batch, local.DateTime, requestId, cancellationToken);
        var written = phases.Elapsed;

        var tenantParam = new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = tenantId };
        var batchParam = new NpgsqlParameter("batch", NpgsqlDbType.Uuid) { Value = batch.Id };
        await ExecuteAsync(connection, npgsqlTransaction, "UPDATE embossing_batches SET file_size = @size WHERE tenant_id = @tenant AND id = @batch",
            cancellationToken, new NpgsqlParameter("size", NpgsqlDbType.Bigint) { Value = size }, tenantParam.Clone(), batchParam.Clone());
        EnsureAll(await ExecuteAsync(connection, npgsqlTransaction, $"""
            UPDATE cards c SET status = '{Issued}', embossing_batch_id = bc.batch_id
            FROM embossing_batch_cards bc
            WHERE bc.tenant_id = @tenant AND bc.batch_id = @batch AND c.tenant_id = bc.tenant_id AND c.id = bc.card_id
              AND c.status = '{Approved}'
            """, cancellationToken, tenantParam.Clone(), batchParam.Clone()), total);
        await ExecuteAsync(connection, npgsqlTransaction, $"""
            INSERT INTO card_history (id, tenant_id, card_id, event, from_status, to_status, at, by_user_id, by_name, observation)
            SELECT gen_random_uuid(), bc.tenant_id, bc.card_id, '{CardEvent.PlasticIssued}', '{Approved}', '{Issued}', @at, @user, @name, @observation
            FROM embossing_batch_cards bc WHERE bc.tenant_id = @tenant AND bc.batch_id = @batch
            """, cancellationToken, tenantParam.Clone(), batchParam.Clone(),
            new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = now },
            new NpgsqlParameter("user", NpgsqlDbType.Uuid) { Value = (object?)request.RequestedByUserId ?? DBNull.Value },
            new NpgsqlParameter("name", NpgsqlDbType.Varchar) { Value = request.RequestedByName },
            new NpgsqlParameter("observation", NpgsqlDbType.Varchar) { Value = DocumentNumber.Format(DocumentKind.EmbossingBatch, number) });
        await ExecuteAsync(connection, npgsqlTransaction, """
            UPDATE embossing_requests SET status = @status, processed = total, batch_id = @batch, finished_at = @at
            WHERE tenant_id = @tenant AND id = @request
            """, cancellationToken, tenantParam.Clone(), batchParam.Clone(),
            new NpgsqlParameter("status", NpgsqlDbType.Varchar) { Value = EmbossingRequestStatus.Completed.ToString() },
            new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = clock.GetUtcNow() },
            new NpgsqlParameter("request", NpgsqlDbType.Uuid) { Value = requestId });
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Embossing batch {Number} generated with {Cards} cards: listed in {ListedMs} ms, file by {WrittenMs} ms, committed by {TotalMs} ms",
            number, total, (long)listed.TotalMilliseconds, (long)written.TotalMilliseconds, phases.ElapsedMilliseconds);
    }

    /// <summary>The most cards a batch may hold: what the layout's record count can say.</summary>
    public static int MaxCards { get; } = (int)Math.Pow(10, EmbosserLayout.Standard.Trailer.Fields[0].Width) - 1;

    private async Task<long> WriteFileAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, string tenantCode,
        EmbossingBatch batch, DateTime generatedAt, Guid requestId, CancellationToken cancellationToken)
    {
        var chunks = new ChunkedFileStream(connection, transaction, tenantId, batch.Id);
        var writer = new EmbossingFileWriter(EmbosserLayout.Standard, chunks) { AfterCard = faults.AfterCard };
        await writer.WriteHeaderAsync(new EmbossingFileHeader(batch.Number, generatedAt, tenantCode, batch.CardCount), cancellationToken);
        // A cursor runs the query once and hands its rows out a page at a time; between pages the connection is free to
        // store the file's pieces, and the memory held is one page whatever the batch's size.
        await ExecuteAsync(connection, transaction, $"""
            DECLARE embossing_cards NO SCROLL CURSOR FOR
            SELECT c.number, cu.name, c.expires_on, cu.document, s.code, {EmbossingCustomerTypes.CompanyOnCard}
            FROM {EmbossingSelection.From}
            JOIN embossing_batch_cards bc ON bc.tenant_id = c.tenant_id AND bc.card_id = c.id
            WHERE bc.tenant_id = @tenant AND bc.batch_id = @batch
            ORDER BY bc.line
            """, cancellationToken, new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = tenantId },
            new NpgsqlParameter("batch", NpgsqlDbType.Uuid) { Value = batch.Id });
        while (true)
        {
            var page = await FetchAsync(connection, transaction, cancellationToken);
            foreach (var card in page)
            {
                await writer.WriteCardAsync(card, cancellationToken);
            }
            if (page.Count < PageSize)
            {
                break;
            }
            await progress.AdvancedAsync(tenantId, requestId, writer.CardsWritten, cancellationToken);
        }
        await ExecuteAsync(connection, transaction, "CLOSE embossing_cards", cancellationToken);
        await writer.WriteTrailerAsync(cancellationToken);
        await chunks.FlushAsync(cancellationToken);
        return chunks.Length;
    }

    private static async Task<List<EmbossedCard>> FetchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"FETCH {PageSize} FROM embossing_cards", connection, transaction);
        var page = new List<EmbossedCard>(PageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(new EmbossedCard(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return page;
    }

    // Some other change took a selected card meanwhile (it was locked, so this means a bug): never commit a partial batch.
    private static void EnsureAll(int affected, int expected)
    {
        if (affected != expected)
        {
            throw new InvalidOperationException($"Expected {expected} cards, the statement touched {affected}.");
        }
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
