using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Customers;
using Loyalty.Domain.Purchases;
using Loyalty.IntegrationTests.Purchases;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Cards;

/// <summary>
/// Which cards earn (SPEC §8): POST /api/v1/purchases records every purchase but earns only on an Active, unexpired card
/// (or, by document, a customer with one), answering 201 with pointsStatus "none" and the reason otherwise; the POS lookup
/// reports the presented card's status and expiry.
/// </summary>
public sealed class CardEarningTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private static CardChange Operator => new(DateTimeOffset.UtcNow, null, "Teste");

    private LoyaltyAppFactory App => fixture.App;
    private TestData.TestTenant _tenant = default!;
    private Pos _pos = default!;
    private string _key = default!;

    public async Task InitializeAsync()
    {
        _tenant = await App.CreateTenantAsync($"ce{Guid.NewGuid():N}"[..10]);
        var store = await App.CreateStoreAsync(_tenant.Id, "C01");
        _key = await App.CreateApiKeyAsync(_tenant.Id, store);
        _pos = new Pos(App, _key);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<CardStatus, string?> Statuses() => new()
    {
        { CardStatus.Active, null },
        { CardStatus.Registered, "cardNotActive" },
        { CardStatus.CreditApproved, "cardNotActive" },
        { CardStatus.CreditNotApproved, "cardNotActive" },
        { CardStatus.PlasticIssued, "cardNotActive" },
        { CardStatus.TemporarilyBlocked, "cardBlocked" },
        { CardStatus.Cancelled, "cardCancelled" },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task APurchase_Should_BeRecorded_OnACardInEveryStatus_AndEarnOnlyWhenActive(CardStatus status, string? reason)
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Cliente " + status);
        await PutCardInAsync(customer.CardNumber, status);

        var response = await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 80m));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Pos.BodyAsync(response);
        Assert.Equal(reason is null ? "credited" : "none", body.GetProperty("pointsStatus").GetString());
        Assert.Equal(reason is null ? 80 : 0, body.GetProperty("pointsEarned").GetInt64());
        Assert.Equal(reason, body.GetProperty("reason").GetString());
        var purchaseId = body.GetProperty("purchaseId").GetGuid();
        var purchase = await App.InTenantAsync(_tenant.Id, db => db.Purchases.SingleAsync(p => p.Id == purchaseId));
        Assert.Equal(customer.Id, purchase.CustomerId);
        Assert.Equal(reason is null ? PointsStatus.Credited : PointsStatus.None, purchase.PointsStatus);
        Assert.Equal(reason is null ? 1 : 0, await App.InTenantAsync(_tenant.Id, db => db.LedgerEntries.CountAsync(e => e.PurchaseId == purchaseId)));
    }

    [Fact]
    public async Task AnExpiredActiveCard_Should_NotEarn()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Cliente Vencido");
        await ExpireAsync(customer.CardNumber);

        var body = await Pos.BodyAsync(await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 50m)));

        Assert.Equal(("none", "cardNotActive"), (body.GetProperty("pointsStatus").GetString(), body.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task AnInactiveCustomer_Should_NotEarn_WithAnActiveCard()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Cliente Inativo");
        await App.InTenantAsync(_tenant.Id, async db =>
            await db.Customers.Where(c => c.Id == customer.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CustomerStatus.Inactive)));

        var body = await Pos.BodyAsync(await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 50m)));

        Assert.Equal(("none", "customerInactive"), (body.GetProperty("pointsStatus").GetString(), body.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task ByDocument_Should_Earn_WhenTheCustomerHasAnActiveCard_AndNotOtherwise()
    {
        var active = await App.AddCustomerAsync(_tenant.Id, "Doc Ativo");
        var blocked = await App.AddCustomerAsync(_tenant.Id, "Doc Bloqueado");
        await PutCardInAsync(blocked.CardNumber, CardStatus.TemporarilyBlocked);

        var earned = await Pos.BodyAsync(await _pos.PostAsync(ByDocument(active.Document, 40m)));
        var refused = await Pos.BodyAsync(await _pos.PostAsync(ByDocument(blocked.Document, 40m)));

        Assert.Equal(("credited", 40L), (earned.GetProperty("pointsStatus").GetString(), earned.GetProperty("pointsEarned").GetInt64()));
        Assert.Equal(JsonValueKind.Null, earned.GetProperty("reason").ValueKind);
        Assert.Equal(("none", "cardBlocked"), (refused.GetProperty("pointsStatus").GetString(), refused.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task ByDocument_Should_Earn_WithTheReissuedActiveCard_EvenWhenAnOldOneIsCancelled()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Doc Reemitido");
        await App.InTenantAsync(_tenant.Id, async db =>
        {
            var card = await db.Cards.SingleAsync(k => k.Number == customer.CardNumber);
            var replacement = card.Reissue(TestDocuments.CardNumber("6062", NewCustomers.NextSeed()), true,
                DateOnly.FromDateTime(DateTime.UtcNow), 60, Operator);
            replacement.IssuePlastic(Guid.NewGuid(), Operator);
            replacement.ConfirmReceipt(Operator);
            db.Cards.Add(replacement);
            return await db.SaveChangesAsync();
        });

        var body = await Pos.BodyAsync(await _pos.PostAsync(ByDocument(customer.Document, 30m)));

        Assert.Equal("credited", body.GetProperty("pointsStatus").GetString());
    }

    [Fact]
    public async Task TheLookup_Should_Report_ThePresentedCardsStatus_AndExpiry()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Cliente Consulta");
        await PutCardInAsync(customer.CardNumber, CardStatus.TemporarilyBlocked);

        var body = await LookupAsync(customer.CardNumber);

        Assert.Equal("BT", body.GetProperty("cardStatus").GetString());
        Assert.Equal("Bloqueado temporariamente", body.GetProperty("cardStatusName").GetString());
        var expected = Card.ExpiryFor(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
            TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo")).DateTime), 60);
        Assert.Equal(expected.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("cardExpiresOn").GetString());
        Assert.False(body.GetProperty("cardExpired").GetBoolean());

        await App.InTenantAsync(_tenant.Id, async db =>
        {
            var card = await db.Cards.SingleAsync(k => k.Number == customer.CardNumber);
            card.Unblock(Operator);
            return await db.SaveChangesAsync();
        });
        await ExpireAsync(customer.CardNumber);
        var expired = await LookupAsync(customer.CardNumber);
        Assert.Equal("01", expired.GetProperty("cardStatus").GetString());
        Assert.True(expired.GetProperty("cardExpired").GetBoolean());
    }

    [Fact]
    public async Task EveryTransition_Should_LeaveAHistoryRow()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Cliente Historico");
        await PutCardInAsync(customer.CardNumber, CardStatus.Cancelled);

        var history = await App.InTenantAsync(_tenant.Id, db => db.CardHistory.Where(h => h.CardId == db.Cards.Single(k => k.Number == customer.CardNumber).Id)
            .OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => h.Event).ToListAsync());

        Assert.Equal([CardEvent.Issued, CardEvent.Cancelled], history);
    }

    private static object ByDocument(string document, decimal total) => new
    {
        posNumber = "2", couponNumber = Pos.NextCoupon(), occurredAt = DateTimeOffset.UtcNow, customer = new { document },
        totalAmount = total,
        items = new[] { new { productCode = "7891000100103", quantity = 1m, unitPrice = total, totalPrice = total } },
        payments = new[] { new { method = "dinheiro", amount = total } },
    };

    private async Task<JsonElement> LookupAsync(string identifier)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/customers/{Uri.EscapeDataString(identifier)}");
        request.Headers.Add("X-Api-Key", _key);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<int> ExpireAsync(string number) =>
        App.InTenantAsync(_tenant.Id, async db => await db.Database.ExecuteSqlAsync(
            $"UPDATE cards SET expires_on = current_date - 40 WHERE number = {number}"));

    /// <summary>Takes a counter card (Active on a loyalty-only tenant) to <paramref name="status"/> by legal steps.</summary>
    private Task<int> PutCardInAsync(string number, CardStatus status) =>
        App.InTenantAsync(_tenant.Id, async db =>
        {
            if (status is CardStatus.Registered or CardStatus.CreditApproved or CardStatus.CreditNotApproved or CardStatus.PlasticIssued)
            {
                // A card of the credit flow: the status it would have reached, set as the registration would.
                await db.Database.ExecuteSqlAsync($"UPDATE cards SET status = 'Registered' WHERE number = {number}");
            }
            var card = await db.Cards.SingleAsync(k => k.Number == number);
            switch (status)
            {
                case CardStatus.CreditApproved: card.ApproveCredit(Operator); break;
                case CardStatus.CreditNotApproved: card.RejectCredit(Operator); break;
                case CardStatus.PlasticIssued: card.ApproveCredit(Operator); card.IssuePlastic(Guid.NewGuid(), Operator); break;
                case CardStatus.TemporarilyBlocked: card.BlockTemporarily(Operator); break;
                case CardStatus.Cancelled: card.Cancel(Operator); break;
            }
            return await db.SaveChangesAsync();
        });
}
