using System.Net;
using Loyalty.Domain.Points;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Redemptions;

/// <summary>SPEC §7: two cashiers at the same moment never take the balance below zero, and a double click never redeems twice.</summary>
public sealed class RedemptionConcurrencyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Twenty_Parallel_Redemptions_Never_Overdraw_The_Account()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 100, stock: 50);
        var customer = await counter.CustomerWithPointsAsync("Conta Disputada", 1000);
        var forms = new List<(string Page, string Key)>();
        for (var i = 0; i < 20; i++)
        {
            forms.Add(await counter.PrizesFormAsync(customer.Id));
        }

        var responses = await Task.WhenAll(forms.Select(f => counter.PostPrizesAsync(customer.Id, f.Page, f.Key, [(counter.PrizeId, 1)])));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity));
        var totals = await counter.TotalsAsync(customer.Id);
        Assert.Equal(0, totals.Balance);
        Assert.Equal(totals.Balance, totals.SumOfEntries);
        Assert.Equal(totals.Balance, totals.SumOfOpenLots);
        Assert.Equal(40, await counter.StockAsync(counter.PrizeId));
        Assert.Equal(10, await App.InTenantAsync(counter.Tenant.Id, db => db.Redemptions.CountAsync(r => r.AccountId == customer.Id)));
    }

    [Fact]
    public async Task The_Same_Form_Posted_Twice_Redeems_Once()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 100);
        var customer = await counter.CustomerWithPointsAsync("Clique Duplo", 1000);
        var (page, key) = await counter.PrizesFormAsync(customer.Id);

        var first = Counter.RedemptionOf(await counter.PostPrizesAsync(customer.Id, page, key, [(counter.PrizeId, 2)]));
        var replay = Counter.RedemptionOf(await counter.PostPrizesAsync(customer.Id, page, key, [(counter.PrizeId, 2)]));

        Assert.Equal(first, replay);
        Assert.Equal(800, (await counter.TotalsAsync(customer.Id)).Balance);
        Assert.Equal(1, await RedemptionEntriesAsync(counter, customer.Id));
    }

    [Fact]
    public async Task The_Same_Form_Posted_In_Parallel_Redeems_Once()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 100, stock: 10);
        var customer = await counter.CustomerWithPointsAsync("Clique Simultâneo", 1000);
        var (page, key) = await counter.PrizesFormAsync(customer.Id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => counter.PostPrizesAsync(customer.Id, page, key, [(counter.PrizeId, 1)])));

        Assert.Single(responses.Select(Counter.RedemptionOf).Distinct());
        Assert.Equal(900, (await counter.TotalsAsync(customer.Id)).Balance);
        Assert.Equal(9, await counter.StockAsync(counter.PrizeId));
        Assert.Equal(1, await RedemptionEntriesAsync(counter, customer.Id));
    }

    private Task<int> RedemptionEntriesAsync(Counter counter, Guid accountId) =>
        App.InTenantAsync(counter.Tenant.Id, db => db.LedgerEntries.CountAsync(e => e.AccountId == accountId && e.Kind == LedgerEntryKind.Redemption));
}
