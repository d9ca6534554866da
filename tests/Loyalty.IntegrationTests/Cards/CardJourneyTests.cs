using System.Net;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Credit;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Customers;
using Loyalty.IntegrationTests.Purchases;
using Loyalty.Testing;
using Loyalty.Web.Features.Embossing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Cards;

/// <summary>
/// Issue 11's "done means", as the back-office staff of a loyalty-and-credit tenant do it through their screens: a
/// customer registered at the counter is approved by score, embossed in a batch, received, earns at the POS once Active,
/// stops earning when blocked, and is cancelled and reissued — every step in the card's history and the audit log.
/// </summary>
public sealed class CardJourneyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task A_Registered_Customer_Goes_Through_Analysis_Embossing_And_Receipt_To_An_Earning_Card_Then_Blocked_Cancelled_And_Reissued()
    {
        var tenant = await App.CreateTenantAsync("journey");
        var store = await App.CreateStoreAsync(tenant.Id, "JR1");
        var pos = new Pos(App, await App.CreateApiKeyAsync(tenant.Id, store));
        var modality = await CreditTenantAsync(tenant.Id);
        var customer = await App.AddCustomerAsync(tenant.Id, "Joana Jornada", f =>
        {
            f.MaritalStatus = MaritalStatus.Married;
            f.ProvenIncome = true;
            f.MonthlyIncome = 4200m;
        }, storeId: store);
        Assert.Equal(CardStatus.Registered, await StatusAsync(tenant.Id, customer.CardNumber));
        await AssertEarnsAsync(pos, customer.CardNumber, "cardNotActive");

        // The analyst approves by score: the card waits for embossing.
        using (var analyst = await App.SignedInAsync(tenant, StaffRole.CreditAnalyst))
        {
            var page = $"/credito/analise/{customer.Id}";
            var approved = await analyst.PostFormFromPageAsync(page, $"{page}/aprovar", new Dictionary<string, string>
            {
                ["Command.Mode"] = nameof(CreditAnalysisMode.Score),
                ["Command.Shares[0].ModalityId"] = modality.ToString(), ["Command.Shares[0].Percent"] = "100",
            });
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }
        Assert.Equal(CardStatus.CreditApproved, await StatusAsync(tenant.Id, customer.CardNumber));

        // The operator generates the batch (the job runs it), downloads the file and confirms the plastics' receipt.
        using var cardOperator = await App.SignedInAsync(tenant, StaffRole.CardOperator);
        var filter = $"/cartoes/embossing?Filter.StoreId={store}";
        var request = Guid.Parse((await cardOperator.GetPageAsync(filter)).ValueOf("requestKey")!);
        var asked = await cardOperator.PostFormFromPageAsync(filter, "/cartoes/embossing/gerar", new Dictionary<string, string>
        {
            ["requestKey"] = request.ToString(), ["Filter.StoreId"] = store.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EmbossingJob>().GenerateAsync(tenant.Id, request, CancellationToken.None);
        }
        Assert.Equal(CardStatus.PlasticIssued, await StatusAsync(tenant.Id, customer.CardNumber));
        var file = await cardOperator.Http.GetAsync("/cartoes/lotes/1/arquivo");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Contains(customer.CardNumber, System.Text.Encoding.Latin1.GetString(await file.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        await AssertEarnsAsync(pos, customer.CardNumber, "cardNotActive");
        var received = await cardOperator.PostFormFromPageAsync("/cartoes/lotes/1", "/cartoes/lotes/1/recebimento", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
        Assert.Equal(CardStatus.Active, await StatusAsync(tenant.Id, customer.CardNumber));
        await AssertEarnsAsync(pos, customer.CardNumber, reason: null);

        // Lost: blocked (stops earning), cancelled, then reissued as a new card back at 07, linked to the old one.
        var cardId = await App.InTenantAsync(tenant.Id, db => db.Cards.Where(c => c.Number == customer.CardNumber).Select(c => c.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(cardOperator, tenant.Id, customer.CardNumber, cardId, "bloquear", "Perda ou roubo")).StatusCode);
        await AssertEarnsAsync(pos, customer.CardNumber, "cardBlocked");
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(cardOperator, tenant.Id, customer.CardNumber, cardId, "cancelar", "Perda ou roubo")).StatusCode);
        await AssertEarnsAsync(pos, customer.CardNumber, "cardCancelled");
        var reissued = await ActAsync(cardOperator, tenant.Id, customer.CardNumber, cardId, "reemitir", "Perda ou roubo");
        Assert.Equal(HttpStatusCode.Redirect, reissued.StatusCode);

        var cards = await App.InTenantAsync(tenant.Id, db => db.Cards.AsNoTracking().Where(c => c.CustomerId == customer.Id).ToListAsync());
        var replacement = Assert.Single(cards, c => c.Id != cardId);
        Assert.Equal((CardStatus.CreditApproved, cardId), (replacement.Status, replacement.ReplacesCardId!.Value));
        var history = await App.InTenantAsync(tenant.Id, db => db.CardHistory.AsNoTracking().Where(h => h.CardId == cardId)
            .OrderBy(h => h.At).Select(h => h.Event).ToListAsync());
        Assert.Equal(
            [CardEvent.Issued, CardEvent.CreditApproved, CardEvent.PlasticIssued, CardEvent.ReceiptConfirmed, CardEvent.Blocked,
                CardEvent.Cancelled, CardEvent.Reissued],
            history);
        var audited = await App.InTenantAsync(tenant.Id, db => db.AuditEntries.Select(e => e.EntityType).Distinct().ToListAsync());
        Assert.Contains("CreditDecision", audited);
        Assert.Contains("EmbossingBatch", audited);
        Assert.Contains("Card", audited);
    }

    private Task<Guid> CreditTenantAsync(Guid tenantId) => App.InTenantAsync(tenantId, async db =>
    {
        (await db.ProgramSettings.SingleAsync()).ChangeCardFlow(CardFlow.LoyaltyAndCredit, 60);
        var set = CreditScoreSet.Create(new DateOnly(2020, 1, 1), 60, 1m, DateTimeOffset.UtcNow);
        set.ReplaceWeights(
        [
            new(ScoreAttribute.MaritalStatus, (int)MaritalStatus.Married, null, null, 30),
            new(ScoreAttribute.ProvenIncome, ScoreAttributes.Yes, null, null, 40),
            new(ScoreAttribute.MonthlyIncome, null, 0, null, 10),
        ]);
        set.ReplaceBands([new(0, 59, 0m), new(60, null, 1500m)]);
        db.CreditScoreSets.Add(set);
        var modality = CreditModality.Create("Compras à vista", DateTimeOffset.UtcNow);
        db.CreditModalities.Add(modality);
        await db.SaveChangesAsync();
        return modality.Id;
    });

    private Task<CardStatus> StatusAsync(Guid tenantId, string number) =>
        App.InTenantAsync(tenantId, db => db.Cards.Where(c => c.Number == number).Select(c => c.Status).SingleAsync());

    private async Task<HttpResponseMessage> ActAsync(StaffClient cardOperator, Guid tenantId, string number, Guid cardId, string route, string reason)
    {
        var reasonId = await App.InTenantAsync(tenantId, db => db.CardReasons.Where(r => r.Description == reason).Select(r => r.Id).SingleAsync());
        return await cardOperator.PostFormFromPageAsync($"/cartoes/{number}", $"/cartoes/{cardId}/{route}",
            new Dictionary<string, string> { ["ReasonId"] = reasonId.ToString(), ["Observation"] = "Cliente ligou" });
    }

    /// <summary>A purchase on the card is always recorded; it earns only when no reason says otherwise.</summary>
    private static async Task AssertEarnsAsync(Pos pos, string card, string? reason)
    {
        var response = await pos.PostAsync(Pos.Purchase(card, 50m));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Pos.BodyAsync(response);
        Assert.Equal(reason is null ? "credited" : "none", body.GetProperty("pointsStatus").GetString());
        if (reason is not null)
        {
            Assert.Equal(reason, body.GetProperty("reason").GetString());
        }
    }
}
