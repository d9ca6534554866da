using System.Net;
using System.Text.Json;
using Loyalty.Domain.Numbering;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Customers;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Numbering;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Redemptions;

/// <summary>SPEC §12 "numbers people read": redemptions, cancellations and gift deliveries are numbered per tenant
/// (RES-000123), never twice, with no number lost to an operation that was refused, and found by that number.</summary>
public sealed class RedemptionNumberTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Parallel_Redemptions_Of_Two_Tenants_Get_Consecutive_Numbers_Per_Tenant_Never_Repeated()
    {
        var first = await Counter.OpenAsync(App, prizePoints: 100);
        var second = await Counter.OpenAsync(App, prizePoints: 100);
        var posts = new List<Func<Task<HttpResponseMessage>>>();
        foreach (var (counter, customers) in new[] { (first, 20), (second, 8) })
        {
            for (var i = 0; i < customers; i++)
            {
                var customer = await counter.CustomerWithPointsAsync($"Cliente Paralelo {i}", 500);
                var (page, key) = await counter.PrizesFormAsync(customer.Id);
                posts.Add(() => counter.PostPrizesAsync(customer.Id, page, key, [(counter.PrizeId, 1)]));
            }
        }

        var responses = await Task.WhenAll(posts.Select(post => Task.Run(post)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(Enumerable.Range(1, 20).Select(n => (long)n), await NumbersAsync(first));
        Assert.Equal(Enumerable.Range(1, 8).Select(n => (long)n), await NumbersAsync(second));
    }

    [Fact]
    public async Task Redemptions_Refused_Inside_The_Transaction_Leave_No_Record_And_No_Gap()
    {
        // 20 cashiers at once on an account that pays for 10: the late ones are refused after taking a number.
        var counter = await Counter.OpenAsync(App, prizePoints: 100, stock: 50);
        var customer = await counter.CustomerWithPointsAsync("Conta Numerada", 1000);
        var forms = new List<(string Page, string Key)>();
        for (var i = 0; i < 20; i++)
        {
            forms.Add(await counter.PrizesFormAsync(customer.Id));
        }

        var responses = await Task.WhenAll(forms.Select(f => counter.PostPrizesAsync(customer.Id, f.Page, f.Key, [(counter.PrizeId, 1)])));
        var next = Counter.RedemptionOf(await counter.RedeemAsync((await counter.CustomerWithPointsAsync("Depois", 100)).Id));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(Enumerable.Range(1, 11).Select(n => (long)n), await NumbersAsync(counter));
        Assert.Equal(11, await App.InTenantAsync(counter.Tenant.Id, db => db.Redemptions.Where(r => r.Id == next).Select(r => r.Number).SingleAsync()));
    }

    [Fact]
    public async Task A_Number_Is_Taken_Only_Inside_A_Transaction_And_Given_Again_When_It_Rolls_Back()
    {
        var tenant = await App.CreateTenantAsync($"num{Guid.NewGuid():N}"[..10]);
        await using var scope = App.TenantScope(tenant.Id);
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        var numbers = scope.ServiceProvider.GetRequiredService<DocumentNumbers>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => numbers.NextAsync(DocumentKind.Redemption, CancellationToken.None));
        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(1, await numbers.NextAsync(DocumentKind.Redemption, CancellationToken.None));
            Assert.Equal(2, await numbers.NextAsync(DocumentKind.Redemption, CancellationToken.None));
            await rolledBack.RollbackAsync();
        }
        await using var kept = await db.Database.BeginTransactionAsync();
        var again = await numbers.NextAsync(DocumentKind.Redemption, CancellationToken.None);
        var batch = await numbers.NextAsync(DocumentKind.EmbossingBatch, CancellationToken.None);
        await kept.CommitAsync();

        Assert.Equal(1, again);
        Assert.Equal(1, batch); // each kind counts on its own
    }

    [Fact]
    public async Task The_Counter_Finds_A_Receipt_By_The_Number_Printed_On_It()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 100);
        var customer = await counter.CustomerWithPointsAsync("Cliente do Recibo", 1000);
        var redemption = Counter.RedemptionOf(await counter.RedeemAsync(customer.Id));
        var cancelled = Counter.RedemptionOf(await counter.RedeemAsync(customer.Id));
        await counter.CancelAsync(customer.Id, cancelled, "Devolvido");
        using var otherStore = await Counter.SignInAsync(App, counter.Tenant,
            await App.CreateUserAsync(counter.Tenant.Id, StaffRole.Cashier, counter.OtherStoreId));

        Assert.Equal($"/resgates/{redemption}/recibo", await FoundAsync(counter.Cashier, "RES-000001"));
        Assert.Equal($"/resgates/{redemption}/recibo", await FoundAsync(counter.Cashier, "1"));
        Assert.Equal($"/resgates/{cancelled}/recibo", await FoundAsync(counter.Cashier, "res 2"));
        Assert.Equal($"/resgates/{cancelled}/cancelamento", await FoundAsync(counter.Cashier, "CAN-000001"));
        var missing = await counter.Cashier.Http.GetAsync("/resgates/recibos?numero=RES-000003");
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.NotNull(Html.Parse(await missing.Content.ReadAsStringAsync()).QuerySelector("[data-testid=find-receipt-not-found]"));
        Assert.Null(await FoundAsync(otherStore, "RES-000001")); // another store's receipt is not theirs to print
        var cancellations = Html.Parse(await counter.Cashier.Http.GetStringAsync(counter.CounterUrl(customer.Id, tab: "cancelamentos")));
        Assert.Equal(["RES-000001"], cancellations.QuerySelectorAll("[data-testid=redemption-number]").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task The_Statement_Names_Redemptions_And_Cancellations_By_Their_Numbers_On_Screen_In_Csv_And_In_The_Api()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 100);
        var customer = await counter.CustomerWithPointsAsync("Cliente do Extrato", 1000);
        var redemption = Counter.RedemptionOf(await counter.RedeemAsync(customer.Id));
        await counter.CancelAsync(customer.Id, redemption, "Desistiu");
        using var admin = await App.SignedInAsync(counter.Tenant, StaffRole.TenantAdmin);

        var profile = Html.Parse(await admin.Http.GetStringAsync($"/clientes/{customer.Id}")).QuerySelector("main")!.TextContent;
        var csv = await admin.Http.GetStringAsync($"/clientes/{customer.Id}/extrato.csv");
        using var api = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        api.DefaultRequestHeaders.Add("X-Api-Key", await App.CreateApiKeyAsync(counter.Tenant.Id, null));
        using var statement = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/customers/{customer.CardNumber}/statement"));

        Assert.Contains("Resgate nº RES-000001", profile);
        Assert.Contains("Cancelamento nº CAN-000001 · Resgate nº RES-000001", profile);
        Assert.Contains("Resgate nº RES-000001", csv);
        Assert.DoesNotMatch(RedemptionReceiptTests.Guids, csv);
        Assert.Equal(["RES-000001", "RES-000001"], statement.RootElement.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("redemptionNumber").ValueKind == JsonValueKind.String)
            .Select(e => e.GetProperty("redemptionNumber").GetString()));
    }

    private Task<List<long>> NumbersAsync(Counter counter) =>
        App.InTenantAsync(counter.Tenant.Id, db => db.Redemptions.OrderBy(r => r.Number).Select(r => r.Number).ToListAsync());

    private static async Task<string?> FoundAsync(StaffClient client, string number)
    {
        var response = await client.Http.GetAsync($"/resgates/recibos?numero={Uri.EscapeDataString(number)}");
        return response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location!.OriginalString : null;
    }
}
