using System.Net;
using Loyalty.Domain.Categories;
using Loyalty.Domain.Points;
using Loyalty.Domain.Purchases;
using Loyalty.IntegrationTests.Points;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Purchases;

/// <summary>Cancellation and returns from the POS (SPEC §5, §10): idempotent, never reversing more than was earned.</summary>
public sealed class PurchaseReversalTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private LoyaltyAppFactory App => fixture.App;
    private TestData.TestTenant _tenant = default!;
    private Pos _pos = default!;

    public async Task InitializeAsync()
    {
        _tenant = await App.CreateTenantAsync($"rev{Guid.NewGuid():N}"[..10]);
        var store = await App.CreateStoreAsync(_tenant.Id, "P01");
        _pos = new Pos(App, await App.CreateApiKeyAsync(_tenant.Id, store));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Cancel_Twice_Reverses_Once_And_May_Leave_The_Balance_Negative()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Marcos Cancela");
        var coupon = Pos.NextCoupon();
        await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 100m, coupon));
        await App.InLedgerAsync(_tenant.Id, l => l.RedeemAsync(customer.Id, 80, Guid.NewGuid(), DateTimeOffset.UtcNow, default));

        var first = await _pos.CancelAsync(coupon);
        var second = await _pos.CancelAsync(coupon);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replay").Single());
        Assert.Equal(100, (await Pos.BodyAsync(first)).GetProperty("pointsReversed").GetInt64());
        Assert.Equal(100, (await Pos.BodyAsync(second)).GetProperty("pointsReversed").GetInt64());
        var totals = await App.TotalsAsync(_tenant.Id, customer.Id);
        Assert.Equal(-80, totals.Balance);
        Assert.Equal(totals.Balance, totals.SumOfEntries);
        Assert.Equal(1, await App.InTenantAsync(_tenant.Id, db => db.LedgerEntries.CountAsync(e => e.Kind == LedgerEntryKind.PurchaseCancellation && e.AccountId == customer.Id)));
    }

    [Fact]
    public async Task Cancel_Of_An_Unknown_Coupon_Is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _pos.CancelAsync("no-such-coupon")).StatusCode);
    }

    [Fact]
    public async Task Cancel_Of_A_Pending_Purchase_Rejects_It_From_The_Queue()
    {
        var category = await App.InTenantAsync(_tenant.Id, async db =>
        {
            var c = CustomerCategory.Create("Aprovar", null, 1m, 365, AuditParameter.RequireApproval, null, DateTimeOffset.UtcNow);
            db.CustomerCategories.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var customer = await App.AddCustomerAsync(_tenant.Id, "Nina Pendente", f => f.CategoryId = category);
        var coupon = Pos.NextCoupon();
        await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 50m, coupon));

        var response = await _pos.CancelAsync(coupon);

        Assert.Equal(0, (await Pos.BodyAsync(response)).GetProperty("pointsReversed").GetInt64());
        var purchase = await App.InTenantAsync(_tenant.Id, db => db.Purchases.SingleAsync(p => p.CustomerId == customer.Id));
        Assert.Equal(PointsStatus.Rejected, purchase.PointsStatus);
        Assert.Equal(0, (await App.TotalsAsync(_tenant.Id, customer.Id)).Entries);
    }

    [Fact]
    public async Task Returns_Reverse_In_Proportion_And_The_Completing_Return_Reverses_What_Is_Left()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Otavio Devolve");
        var coupon = Pos.NextCoupon();
        await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 99.99m, coupon)); // 99 points

        var a = await _pos.ReturnAsync(coupon, "D1", 10m);     // floor(99 × 10 / 99.99) = 9
        var b = await _pos.ReturnAsync(coupon, "D2", 20m);     // floor(99 × 30 / 99.99) = 29 → 20
        var c = await _pos.ReturnAsync(coupon, "D3", 69.99m);  // completes the total: 99 − 29 = 70

        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        long[] reversed =
        [
            (await Pos.BodyAsync(a)).GetProperty("pointsReversed").GetInt64(),
            (await Pos.BodyAsync(b)).GetProperty("pointsReversed").GetInt64(),
            (await Pos.BodyAsync(c)).GetProperty("pointsReversed").GetInt64(),
        ];
        var totals = await App.TotalsAsync(_tenant.Id, customer.Id);
        Assert.Equal([9L, 20L, 70L], reversed);
        Assert.Equal(0, totals.Balance);
        Assert.Equal(0, totals.SumOfEntries);
        var purchase = await App.InTenantAsync(_tenant.Id, db => db.Purchases.SingleAsync(p => p.CouponNumber == coupon));
        Assert.Equal(99.99m, purchase.ReturnedAmount);
    }

    [Fact]
    public async Task A_Return_Is_Idempotent_On_Its_Number_And_Over_Returning_Is_422()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Paula Volta");
        var coupon = Pos.NextCoupon();
        await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 50m, coupon));

        var first = await _pos.ReturnAsync(coupon, "R1", 20m);
        var again = await _pos.ReturnAsync(coupon, "R1", 20m);
        var other = await _pos.ReturnAsync(coupon, "R1", 25m);
        var over = await _pos.ReturnAsync(coupon, "R2", 30.01m);
        var invalid = await _pos.ReturnAsync(coupon, "", 1m);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replay").Single());
        Assert.Equal(20, (await Pos.BodyAsync(again)).GetProperty("pointsReversed").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("returnNumber", (await Pos.ErrorsAsync(invalid)).Keys);
        Assert.Equal(30, (await App.TotalsAsync(_tenant.Id, customer.Id)).Balance);
    }

    [Fact]
    public async Task Another_Stores_Key_Does_Not_See_The_Coupon()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Quitéria Loja");
        var coupon = Pos.NextCoupon();
        await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 10m, coupon));
        var otherStore = await App.CreateStoreAsync(_tenant.Id, $"S{Pos.NextCoupon()}"[..6]);
        var otherPos = new Pos(App, await App.CreateApiKeyAsync(_tenant.Id, otherStore));
        var otherTenant = await App.CreateTenantAsync($"ot{Guid.NewGuid():N}"[..10]);
        var foreignPos = new Pos(App, await App.CreateApiKeyAsync(otherTenant.Id, await App.CreateStoreAsync(otherTenant.Id, "P01")));

        Assert.Equal(HttpStatusCode.NotFound, (await otherPos.CancelAsync(coupon)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreignPos.CancelAsync(coupon)).StatusCode);
        Assert.Equal(10, (await App.TotalsAsync(_tenant.Id, customer.Id)).Balance);
    }
}
