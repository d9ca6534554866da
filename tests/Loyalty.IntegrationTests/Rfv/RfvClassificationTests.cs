using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Domain.DailyClose;
using Loyalty.IntegrationTests.Purchases;
using Loyalty.Testing;
using Loyalty.Web.Features.DailyClose;
using Loyalty.Web.Features.Rfv;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Rfv;

/// <summary>
/// SPEC §9 RFV, checked against classes this test computes on its own from the purchases it made: the window, NTILE(5)
/// with the first groups taking the extra members (12 holders: 3, 3, 2, 2, 2), best first with ties by the lower customer
/// id, a dependent's purchases counted for the titular, cancelled purchases left out, returns netted, no class outside
/// the window; one history row per classified holder per close; the POS lookup answers the class.
/// </summary>
public sealed class RfvClassificationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    private sealed record Bought(Guid Holder, DateTimeOffset At, decimal Net);

    [Fact]
    public async Task The_Close_Classifies_Every_Holder_With_Purchases_In_The_Window_As_The_Definition_Says()
    {
        var tenant = await App.CreateTenantAsync("rfv-a");
        var store = await App.CreateStoreAsync(tenant.Id, "RF1");
        var key = await App.CreateApiKeyAsync(tenant.Id, store);
        var pos = new Pos(App, key);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime).AddDays(-1);
        var end = BusinessDay.Of(date, zone).End;

        var holders = new List<NewCustomers.Registered>();
        for (var i = 0; i < 12; i++)
        {
            holders.Add(await App.AddCustomerAsync(tenant.Id, $"Cliente RFV {i:00}"));
        }
        var dependent = await App.AddDependentAsync(tenant.Id, "Dependente RFV", holders[0].Id);
        var outside = await App.AddCustomerAsync(tenant.Id, "Fora da Janela");
        var bought = new List<Bought>();

        async Task BuyAsync(NewCustomers.Registered buyer, Guid holder, double daysBeforeEnd, decimal total, decimal returned = 0m, bool cancel = false)
        {
            var coupon = Pos.NextCoupon();
            Assert.Equal(HttpStatusCode.Created, (await pos.PostAsync(Pos.Purchase(buyer.CardNumber, total, coupon))).StatusCode);
            var at = end.AddDays(-daysBeforeEnd);
            await App.InTenantAsync(tenant.Id, db => db.Database.ExecuteSqlAsync(
                $"UPDATE purchases SET occurred_at = {at}, returned_amount = {returned} WHERE coupon_number = {coupon}"));
            if (cancel)
            {
                Assert.Equal(HttpStatusCode.OK, (await pos.CancelAsync(coupon)).StatusCode);
            }
            else if (daysBeforeEnd <= 365)
            {
                bought.Add(new Bought(holder, at, total - returned));
            }
        }

        // Holder i buys (i % 4) + 1 times, the last one i days before the end; holders 5 and 6 share their last instant and
        // straddle the second boundary (3, 3 | 2), so only the id decides who is in the better fifth.
        for (var i = 0; i < 12; i++)
        {
            var last = i == 6 ? 5.5 : i + 0.5;
            for (var n = 0; n < i % 4 + 1; n++)
            {
                await BuyAsync(holders[i], holders[i].Id, last + n * 30, 10m * (12 - i) + n);
            }
        }
        await BuyAsync(dependent, holders[0].Id, 0.25, 500m, returned: 120m); // the titular's: most recent, with a return
        await BuyAsync(holders[11], holders[11].Id, 1, 9_999m, cancel: true); // cancelled: counts for nothing
        await BuyAsync(outside, outside.Id, 400, 80m); // before the window

        await using (var scope = App.TenantScope(tenant.Id))
        {
            var run = await scope.ServiceProvider.GetRequiredService<DailyCloseRunner>().RunAsync(date, DailyCloseTrigger.Manual, CancellationToken.None);
            Assert.Equal(DailyCloseStatus.Completed, run.Status);
            Assert.Equal(12, run.Steps.Single(s => s.Key == RfvClassificationStep.StepKey).Counts[0]);
        }

        var expected = Expected(bought);
        var history = await App.InTenantAsync(tenant.Id, db => db.RfvClassifications.AsNoTracking().Where(r => r.BusinessDate == date)
            .ToDictionaryAsync(r => r.CustomerId, r => r.Class));
        Assert.Equal(expected.OrderBy(e => e.Key), history.OrderBy(h => h.Key));
        var current = await App.InTenantAsync(tenant.Id, db => db.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.RfvClass));
        Assert.All(holders, h => Assert.Equal(expected[h.Id], current[h.Id]));
        Assert.Null(current[dependent.Id]);
        Assert.Null(current[outside.Id]);
        var value = await App.InTenantAsync(tenant.Id, db => db.RfvClassifications.Where(r => r.CustomerId == holders[0].Id).Select(r => r.Value).SingleAsync());
        Assert.Equal(bought.Where(b => b.Holder == holders[0].Id).Sum(b => b.Net), value);

        // The POS sees the class; a dependent's card answers its titular's.
        Assert.Equal(expected[holders[3].Id], await LookupRfvAsync(key, holders[3].CardNumber));
        Assert.Equal(expected[holders[0].Id], await LookupRfvAsync(key, dependent.CardNumber));
        Assert.Null(await LookupRfvAsync(key, outside.CardNumber));
    }

    [Fact]
    public async Task Running_The_Step_Again_For_A_Date_Rewrites_The_Same_Classes_Once()
    {
        var tenant = await App.CreateTenantAsync("rfv-b");
        var store = await App.CreateStoreAsync(tenant.Id, "RF2");
        var pos = new Pos(App, await App.CreateApiKeyAsync(tenant.Id, store));
        var buyer = await App.AddCustomerAsync(tenant.Id, "Comprador Único");
        Assert.Equal(HttpStatusCode.Created, (await pos.PostAsync(Pos.Purchase(buyer.CardNumber, 42m, at: DateTimeOffset.UtcNow.AddDays(-2)))).StatusCode);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var day = BusinessDay.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime).AddDays(-1), zone);

        for (var i = 0; i < 2; i++)
        {
            await using var scope = App.TenantScope(tenant.Id);
            await scope.ServiceProvider.GetServices<IDailyCloseStep>().OfType<RfvClassificationStep>().Single().RunAsync(day, CancellationToken.None);
        }

        var rows = await App.InTenantAsync(tenant.Id, db => db.RfvClassifications.AsNoTracking().ToListAsync());
        Assert.Equal("555", Assert.Single(rows).Class); // alone, the holder is the best fifth of every measure
        Assert.Equal("555", await App.InTenantAsync(tenant.Id, db => db.Customers.Where(c => c.Id == buyer.Id).Select(c => c.RfvClass).SingleAsync()));
    }

    /// <summary>The definition, computed here: per measure, best first with ties by the lower id, NTILE(5), first fifth 5.</summary>
    private static Dictionary<Guid, string> Expected(List<Bought> bought)
    {
        var measures = bought.GroupBy(b => b.Holder)
            .Select(g => (Id: g.Key, Last: g.Max(b => b.At), Count: g.Count(), Value: g.Sum(b => b.Net))).ToList();
        // PostgreSQL orders uuids byte by byte, which is the order of their lower-case text.
        int ById((Guid Id, DateTimeOffset, int, decimal) a, (Guid Id, DateTimeOffset, int, decimal) b) =>
            string.CompareOrdinal(a.Id.ToString(), b.Id.ToString());
        Dictionary<Guid, int> Scores(Comparison<(Guid Id, DateTimeOffset Last, int Count, decimal Value)> better)
        {
            var sorted = measures.ToList();
            sorted.Sort((a, b) => better(a, b) is var c && c != 0 ? c : ById(a, b));
            var scores = new Dictionary<Guid, int>();
            int n = sorted.Count, size = n / 5, extra = n % 5, position = 0;
            for (var group = 0; group < 5; group++)
            {
                for (var k = 0; k < size + (group < extra ? 1 : 0); k++)
                {
                    scores[sorted[position++].Id] = 5 - group;
                }
            }
            return scores;
        }
        var r = Scores((a, b) => b.Last.CompareTo(a.Last));
        var f = Scores((a, b) => b.Count.CompareTo(a.Count));
        var v = Scores((a, b) => b.Value.CompareTo(a.Value));
        return measures.ToDictionary(m => m.Id, m => $"{r[m.Id]}{f[m.Id]}{v[m.Id]}");
    }

    private async Task<string?> LookupRfvAsync(string key, string card)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/customers/{card}");
        request.Headers.Add("X-Api-Key", key);
        var body = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("rfv").GetString();
    }
}
