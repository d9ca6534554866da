using System.Net;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Cards.Embossing;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Customers;
using Loyalty.Testing;
using Loyalty.Web.Features.Embossing;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Documents.Embossing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Loyalty.IntegrationTests.Embossing;

/// <summary>SPEC §8 embossing batches and §11 file: generation all or nothing, one batch per request, receipt,
/// conference, the audited download and the printouts.</summary>
public sealed class EmbossingBatchTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    private sealed record Setup(TestData.TestTenant Tenant, Guid Store, Guid OtherStore, List<NewCustomers.Registered> InStore,
        NewCustomers.Registered Elsewhere, NewCustomers.Registered ActiveOne, StaffClient Operator);

    private async Task<Setup> SetUpAsync(string code)
    {
        var tenant = await App.CreateTenantAsync(code);
        var store = await App.CreateStoreAsync(tenant.Id, "EM1");
        var other = await App.CreateStoreAsync(tenant.Id, "EM2");
        var inStore = new List<NewCustomers.Registered>
        {
            await App.AddCustomerAsync(tenant.Id, "João Conceição", storeId: store),
            await App.AddCustomerAsync(tenant.Id, "Ana Paula Ribeiro", storeId: store),
            await App.AddCustomerAsync(tenant.Id, "Maria Aparecida dos Santos Oliveira Pereira", storeId: store),
        };
        var elsewhere = await App.AddCustomerAsync(tenant.Id, "Bruno Lima", storeId: other);
        var active = await App.AddCustomerAsync(tenant.Id, "Carla Dias", storeId: store);
        foreach (var customer in inStore.Append(elsewhere))
        {
            await App.InTenantAsync(tenant.Id, db => db.Database.ExecuteSqlAsync(
                $"UPDATE cards SET status = {CardStatus.CreditApproved.ToString()} WHERE customer_id = {customer.Id}"));
        }
        return new Setup(tenant, store, other, inStore, elsewhere, active, await App.SignedInAsync(tenant, StaffRole.CardOperator));
    }

    private static async Task<Guid> RequestAsync(Setup s, Guid? key = null)
    {
        var url = $"/cartoes/embossing?Filter.StoreId={s.Store}";
        var page = await s.Operator.GetPageAsync(url);
        var requestKey = key ?? Guid.Parse(page.ValueOf("requestKey")!);
        var response = await s.Operator.PostFormFromPageAsync(url, "/cartoes/embossing/gerar", new Dictionary<string, string>
        {
            ["requestKey"] = requestKey.ToString(), ["Filter.StoreId"] = s.Store.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/cartoes/embossing/pedidos/{requestKey}", response.Headers.Location!.OriginalString);
        return requestKey;
    }

    private async Task RunJobAsync(Guid tenantId, Guid key)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EmbossingJob>().GenerateAsync(tenantId, key, CancellationToken.None);
    }

    private Task<Dictionary<string, string>> StatusesAsync(Guid tenantId) =>
        App.InTenantAsync(tenantId, db => db.Cards.Join(db.Customers, c => c.CustomerId, cu => cu.Id, (c, cu) => new { cu.Name, c.Status })
            .ToDictionaryAsync(x => x.Name, x => x.Status.ToString()));

    private async Task<byte[]> StoredFileAsync(Guid tenantId) =>
        [.. (await App.InTenantAsync(tenantId, db => db.Set<EmbossingFileChunk>().OrderBy(c => c.Sequence).Select(c => c.Data).ToListAsync()))
            .SelectMany(d => d)];

    [Fact]
    public async Task Filter_Lists_Only_Approved_Cards_Of_The_Store_And_Generation_Moves_Them_To_09_With_The_File()
    {
        var s = await SetUpAsync("emb-gen");
        using var _ = s.Operator;

        var page = await s.Operator.GetPageAsync($"/cartoes/embossing?Filter.StoreId={s.Store}");
        Assert.Equal("3 cartões com crédito aprovado", page.QuerySelector("[data-testid=embossing-count]")!.TextContent.Trim());
        Assert.Equal(3, page.QuerySelectorAll("[data-testid=embossing-row]").Length);

        var key = await RequestAsync(s);
        var queued = await s.Operator.GetPageAsync($"/cartoes/embossing/pedidos/{key}");
        Assert.Equal("Queued", queued.QuerySelector("[data-testid=embossing-progress]")!.GetAttribute("data-status"));
        await RunJobAsync(s.Tenant.Id, key);

        var done = await s.Operator.GetPageAsync($"/cartoes/embossing/pedidos/{key}");
        Assert.Equal("Lote LOT-000001 gerado com 3 cartões.", done.QuerySelector("[data-testid=embossing-done]")!.TextContent.Trim());
        var statuses = await StatusesAsync(s.Tenant.Id);
        Assert.All(InStoreNames, name => Assert.Equal("PlasticIssued", statuses[name]));
        Assert.Equal("CreditApproved", statuses["Bruno Lima"]);
        Assert.Equal("Active", statuses["Carla Dias"]);
        var history = await App.InTenantAsync(s.Tenant.Id, db => db.Set<CardHistoryEntry>().Where(h => h.Event == CardEvent.PlasticIssued).ToListAsync());
        Assert.Equal(3, history.Count);
        Assert.All(history, h => Assert.Equal("LOT-000001", h.Observation));

        var batch = await App.InTenantAsync(s.Tenant.Id, db => db.Set<EmbossingBatch>().SingleAsync());
        Assert.Equal(3, batch.CardCount);
        Assert.Matches(@"^EMB_emb-gen_000001_\d{14}\.txt$", batch.FileName);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-3)).AddDays(EmbossingBatch.ReturnDays), batch.ExpectedReturnOn);
        var records = EmbossingFileParser.Parse(await StoredFileAsync(s.Tenant.Id), EmbosserLayout.Standard);
        Assert.Equal("HDDDT", string.Concat(records.Select(r => r.Type)));
        Assert.Equal("000001", records[0][FieldSource.BatchNumber]);
        Assert.Equal("EMB-GEN   ", records[0][FieldSource.TenantCode]);
        Assert.Equal("000003", records[0][FieldSource.RecordCount]);
        Assert.Equal("T000003", records[^1].Line);
        var names = records.Where(r => r.Type == 'D').Select(r => r[FieldSource.EmbossName]).ToList();
        Assert.Contains("JOAO CONCEICAO".PadRight(26), names);
        Assert.Contains("MARIA APARECIDA DOS SANTOS", names);
        var joao = records.Single(r => r.Type == 'D' && r.Trimmed(FieldSource.EmbossName) == "JOAO CONCEICAO");
        Assert.Equal(s.InStore[0].CardNumber, joao.Trimmed(FieldSource.CardNumber));
        Assert.Equal(s.InStore[0].Document, joao.Trimmed(FieldSource.CustomerDocument));
        Assert.Equal("EM1   ", joao[FieldSource.StoreCode]);
        Assert.Matches(@"^\d\d/\d\d$", joao[FieldSource.CardExpiry]);
        Assert.Equal(batch.FileSize, (await StoredFileAsync(s.Tenant.Id)).Length);
    }

    private static readonly string[] InStoreNames = ["João Conceição", "Ana Paula Ribeiro", "Maria Aparecida dos Santos Oliveira Pereira"];

    [Fact]
    public async Task A_Failure_In_The_Middle_Of_The_File_Changes_Nothing_And_A_Retry_Makes_One_Batch()
    {
        var s = await SetUpAsync("emb-fail");
        using var _ = s.Operator;
        var key = await RequestAsync(s);
        var faults = App.Services.GetRequiredService<EmbossingFaults>();
        faults.AfterCard = n => throw new IOException($"disk full after card {n}");
        try
        {
            await Assert.ThrowsAsync<IOException>(() => RunJobAsync(s.Tenant.Id, key));
        }
        finally
        {
            faults.AfterCard = null;
        }

        Assert.Equal(0, await App.InTenantAsync(s.Tenant.Id, db => db.Set<EmbossingBatch>().CountAsync()));
        Assert.Equal(0, await App.InTenantAsync(s.Tenant.Id, db => db.Set<EmbossingBatchCard>().CountAsync()));
        Assert.Equal(0, await App.InTenantAsync(s.Tenant.Id, db => db.Set<EmbossingFileChunk>().CountAsync()));
        Assert.Equal(0, await App.InTenantAsync(s.Tenant.Id, db => db.Set<CardHistoryEntry>().CountAsync(h => h.Event == CardEvent.PlasticIssued)));
        Assert.DoesNotContain("PlasticIssued", (await StatusesAsync(s.Tenant.Id)).Values);
        var failed = await s.Operator.GetPageAsync($"/cartoes/embossing/pedidos/{key}");
        Assert.NotNull(failed.QuerySelector("[data-testid=embossing-failed]"));

        // The same form posted again and the job run twice more: one batch, and its number is still the first.
        await RequestAsync(s, key);
        await RunJobAsync(s.Tenant.Id, key);
        await RunJobAsync(s.Tenant.Id, key);

        var batch = await App.InTenantAsync(s.Tenant.Id, db => db.Set<EmbossingBatch>().SingleAsync());
        Assert.Equal(1, batch.Number);
        Assert.Equal(3, await App.InTenantAsync(s.Tenant.Id, db => db.Set<EmbossingBatchCard>().CountAsync()));
        Assert.Equal(1, await App.InTenantAsync(s.Tenant.Id, db => db.Set<EmbossingRequest>().CountAsync()));
        Assert.Equal(3, await App.InTenantAsync(s.Tenant.Id, db => db.Set<CardHistoryEntry>().CountAsync(h => h.Event == CardEvent.PlasticIssued)));
    }

    [Fact]
    public async Task Duplicated_Jobs_Running_At_Once_Make_One_Batch()
    {
        var s = await SetUpAsync("emb-dup");
        using var _ = s.Operator;
        var key = await RequestAsync(s);

        await Task.WhenAll(RunJobAsync(s.Tenant.Id, key), RunJobAsync(s.Tenant.Id, key), RunJobAsync(s.Tenant.Id, key));

        Assert.Equal(1, await App.InTenantAsync(s.Tenant.Id, db => db.Set<EmbossingBatch>().CountAsync()));
        Assert.Equal(3, await App.InTenantAsync(s.Tenant.Id, db => db.Set<CardHistoryEntry>().CountAsync(h => h.Event == CardEvent.PlasticIssued)));
    }

    [Fact]
    public async Task Confirming_Receipt_Activates_The_Cards_Once_With_History_And_Audit()
    {
        var s = await SetUpAsync("emb-rec");
        using var _ = s.Operator;
        await RunJobAsync(s.Tenant.Id, await RequestAsync(s));

        var confirm = await s.Operator.PostFormFromPageAsync("/cartoes/lotes/1", "/cartoes/lotes/1/recebimento", new Dictionary<string, string>());
        var again = await s.Operator.PostFormFromPageAsync("/cartoes/lotes/1", "/cartoes/lotes/1/recebimento", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode); // refused with the rule's message, nothing changes
        var statuses = await StatusesAsync(s.Tenant.Id);
        Assert.Equal(4, statuses.Values.Count(v => v == "Active"));
        Assert.Equal("CreditApproved", statuses["Bruno Lima"]);
        Assert.Equal(3, await App.InTenantAsync(s.Tenant.Id, db => db.Set<CardHistoryEntry>().CountAsync(h => h.Event == CardEvent.ReceiptConfirmed)));
        var page = await s.Operator.GetPageAsync("/cartoes/lotes/1");
        Assert.Equal("Entregue", page.QuerySelector("[data-testid=batch-status]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=confirm-receipt]"));
        Assert.All(page.QuerySelectorAll("[data-testid=batch-card]"), row => Assert.Equal("01", row.GetAttribute("data-status")));
        var delivered = await App.InTenantAsync(s.Tenant.Id, db => db.Set<EmbossingBatch>().SingleAsync());
        Assert.Equal(EmbossingBatchStatus.Delivered, delivered.Status);
        Assert.Equal("CardOperator user", delivered.DeliveredByName);
        var updates = await App.InTenantAsync(s.Tenant.Id, db => db.AuditEntries
            .Where(e => e.EntityType == "EmbossingBatch" && e.Action == AuditAction.Updated).Select(e => e.After!).ToListAsync());
        Assert.Contains("DeliveredAt", Assert.Single(updates), StringComparison.Ordinal);
        var list = await s.Operator.GetPageAsync("/cartoes/lotes?situacao=Delivered");
        Assert.Single(list.QuerySelectorAll("[data-testid=batch-row]"));
        Assert.Empty((await s.Operator.GetPageAsync("/cartoes/lotes")).QuerySelectorAll("[data-testid=batch-row]"));
    }

    [Fact]
    public async Task A_Checked_Card_Leaves_The_List_Still_To_Check()
    {
        var s = await SetUpAsync("emb-chk");
        using var _ = s.Operator;
        await RunJobAsync(s.Tenant.Id, await RequestAsync(s));

        var response = await s.Operator.PostFormFromPageAsync("/cartoes/lotes/1", "/cartoes/lotes/1/conferencia/2", new Dictionary<string, string>());
        var missing = await s.Operator.PostFormFromPageAsync("/cartoes/lotes/1", "/cartoes/lotes/1/conferencia/9", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var toCheck = await s.Operator.GetPageAsync("/cartoes/lotes/1");
        Assert.Equal(["1", "3"], toCheck.QuerySelectorAll("[data-testid=batch-card] td:first-child").Select(td => td.TextContent.Trim()));
        var checkedCards = await s.Operator.GetPageAsync("/cartoes/lotes/1?conferidos=true");
        Assert.Equal(["2"], checkedCards.QuerySelectorAll("[data-testid=batch-card] td:first-child").Select(td => td.TextContent.Trim()));
        Assert.Equal(1, await App.InTenantAsync(s.Tenant.Id, db => db.AuditEntries.CountAsync(e => e.EntityType == "EmbossingBatchCard")));
    }

    [Fact]
    public async Task Download_Sends_The_Stored_File_Uncached_And_Is_Audited()
    {
        var s = await SetUpAsync("emb-dl");
        using var _ = s.Operator;
        await RunJobAsync(s.Tenant.Id, await RequestAsync(s));

        var response = await s.Operator.Http.GetAsync("/cartoes/lotes/1/arquivo");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("EMB_emb-dl_000001_", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        Assert.Equal(await StoredFileAsync(s.Tenant.Id), bytes);
        var batch = await App.InTenantAsync(s.Tenant.Id, db => db.Set<EmbossingBatch>().SingleAsync());
        Assert.Equal(1, batch.DownloadCount);
        Assert.Equal("CardOperator user", batch.LastDownloadedByName);
        var updates = await App.InTenantAsync(s.Tenant.Id, db => db.AuditEntries
            .Where(e => e.EntityType == "EmbossingBatch" && e.Action == AuditAction.Updated).Select(e => e.After!).ToListAsync());
        Assert.Contains("LastDownloadedAt", Assert.Single(updates), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letters_And_Vouchers_Read_Back_With_The_Customers()
    {
        var s = await SetUpAsync("emb-pdf");
        using var _ = s.Operator;
        await RunJobAsync(s.Tenant.Id, await RequestAsync(s));

        var letters = await s.Operator.Http.GetByteArrayAsync("/cartoes/lotes/1/cartas?parte=1");
        var vouchers = await s.Operator.Http.GetByteArrayAsync("/cartoes/lotes/1/comprovantes");

        using (var pdf = PdfDocument.Open(letters))
        {
            Assert.Equal(3, pdf.NumberOfPages);
            var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            Assert.Contains("Prezado(a) João Conceição,", text, StringComparison.Ordinal);
            Assert.DoesNotContain(s.InStore[0].CardNumber, text, StringComparison.Ordinal);
        }
        using (var pdf = PdfDocument.Open(vouchers))
        {
            var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            Assert.Contains("Ana Paula Ribeiro", text, StringComparison.Ordinal);
            Assert.Contains("LOT-000001", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Another_Tenant_And_Other_Roles_Never_Reach_A_Batch()
    {
        var s = await SetUpAsync("emb-iso");
        using var _ = s.Operator;
        await RunJobAsync(s.Tenant.Id, await RequestAsync(s));
        var other = await App.CreateTenantAsync("emb-iso2");
        using var stranger = await App.SignedInAsync(other, StaffRole.CardOperator);
        using var cashier = await App.SignedInAsync(s.Tenant, StaffRole.Cashier, s.Store);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync("/cartoes/lotes/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync("/cartoes/lotes/1/arquivo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync("/cartoes/lotes/1/cartas")).StatusCode);
        Assert.Empty((await stranger.GetPageAsync("/cartoes/lotes?situacao=All")).QuerySelectorAll("[data-testid=batch-row]"));
        Assert.NotEqual(HttpStatusCode.OK, (await cashier.Http.GetAsync("/cartoes/lotes/1")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await cashier.Http.GetAsync("/cartoes/embossing")).StatusCode);
    }

    [Fact]
    public async Task An_Inverted_Period_Is_Refused_Next_To_The_Field_Keeping_What_Was_Typed()
    {
        var s = await SetUpAsync("emb-val");
        using var _ = s.Operator;

        var page = await s.Operator.GetPageAsync("/cartoes/embossing?Filter.RegisteredFrom=2026-12-10&Filter.RegisteredTo=2026-12-01&Filter.Name=Ana");

        Assert.Equal("O dia final não pode ser anterior ao inicial.", page.FieldError("Filter_RegisteredTo"));
        Assert.Equal("Ana", page.ValueOf("Filter.Name"));
        Assert.Null(page.QuerySelector("[data-testid=embossing-generate]"));
    }
}
