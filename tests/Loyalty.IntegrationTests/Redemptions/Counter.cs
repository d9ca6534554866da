using System.Globalization;
using System.Net;
using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Points;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Redemptions;

/// <summary>
/// A tenant with two stores, a cashier of the first, a fixed campaign at the first with one prize, and the counter
/// screen driven as a cashier drives it: open the customer's page, type quantities, confirm.
/// </summary>
internal sealed class Counter(LoyaltyAppFactory app, TestData.TestTenant tenant, Guid storeId, Guid otherStoreId, StaffClient cashier)
{
    public const string PrizeName = "Cafeteira Elétrica Açaí";

    public LoyaltyAppFactory App { get; } = app;
    public TestData.TestTenant Tenant { get; } = tenant;
    public Guid StoreId { get; } = storeId;
    public Guid OtherStoreId { get; } = otherStoreId;
    public StaffClient Cashier { get; } = cashier;
    public Guid CampaignId { get; private set; }
    public Guid PrizeId { get; private set; }

    public static async Task<Counter> OpenAsync(LoyaltyAppFactory app, long prizePoints = 100, int? stock = null)
    {
        var tenant = await app.CreateTenantAsync($"res{Guid.NewGuid():N}"[..10]);
        var store = await app.CreateStoreAsync(tenant.Id, "LJ1");
        var other = await app.CreateStoreAsync(tenant.Id, "LJ2");
        var cashier = await SignInAsync(app, tenant, await app.CreateUserAsync(tenant.Id, StaffRole.Cashier, store));
        var counter = new Counter(app, tenant, store, other, cashier);
        counter.CampaignId = await app.CreateCampaignAsync(tenant.Id, CampaignClassification.Fixed, [store]);
        counter.PrizeId = await counter.AddPrizeAsync(counter.CampaignId, PrizeName, prizePoints, stock);
        return counter;
    }

    public static async Task<StaffClient> SignInAsync(LoyaltyAppFactory app, TestData.TestTenant tenant, string email)
    {
        var client = app.CreateStaffClient();
        await client.SignInOrThrowAsync(tenant.Code, email, TestData.Password);
        return client;
    }

    public async Task<Guid> AddPrizeAsync(Guid campaignId, string name, long points, int? stock)
    {
        var product = await App.CreateProductAsync(Tenant.Id, $"P{Guid.NewGuid():N}"[..10], name);
        return await App.AddPrizeAsync(Tenant.Id, campaignId, product, points, stock);
    }

    public async Task<NewCustomers.Registered> CustomerWithPointsAsync(string name, long points)
    {
        var customer = await App.AddCustomerAsync(Tenant.Id, name);
        if (points > 0)
        {
            await App.CreditAsync(Tenant.Id, customer.Id, points);
        }
        return customer;
    }

    public string CounterUrl(Guid customerId, Guid? campaignId = null, Guid? storeId = null, Guid? cardId = null, string? tab = null) =>
        new Loyalty.Web.Features.Redemptions.CounterQuery { StoreId = storeId ?? StoreId, CampaignId = campaignId ?? CampaignId, CardId = cardId, Tab = tab }
            .Url(customerId);

    /// <summary>The prizes form as the counter renders it, with its antiforgery token and one-time key.</summary>
    public async Task<(string Page, string RequestKey)> PrizesFormAsync(Guid customerId, StaffClient? client = null, Guid? campaignId = null,
        Guid? cardId = null)
    {
        var page = await (client ?? Cashier).Http.GetStringAsync(CounterUrl(customerId, campaignId, cardId: cardId));
        var key = Html.Parse(page).QuerySelector("input[name='Redeem.RequestKey']")?.GetAttribute("value")
                  ?? throw new InvalidOperationException("The counter shows no prizes form.");
        return (page, key);
    }

    public Task<HttpResponseMessage> PostPrizesAsync(Guid customerId, string page, string requestKey, (Guid PrizeId, int Quantity)[] lines,
        StaffClient? client = null, Guid? campaignId = null, Guid? cardId = null, Guid? storeId = null) =>
        PostTypedPrizesAsync(customerId, page, requestKey, [.. lines.Select(x => (x.PrizeId, x.Quantity.ToString(CultureInfo.InvariantCulture)))],
            client, campaignId, cardId, storeId);

    /// <summary>The prizes form with the quantities as the cashier typed them.</summary>
    public async Task<HttpResponseMessage> PostTypedPrizesAsync(Guid customerId, string page, string requestKey, (Guid PrizeId, string Quantity)[] lines,
        StaffClient? client = null, Guid? campaignId = null, Guid? cardId = null, Guid? storeId = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Redeem.StoreId", (storeId ?? StoreId).ToString()),
            new("Redeem.CampaignId", (campaignId ?? CampaignId).ToString()),
            new("Redeem.RequestKey", requestKey),
        };
        if (cardId is { } card)
        {
            fields.Add(new("Redeem.CardId", card.ToString()));
        }
        for (var i = 0; i < lines.Length; i++)
        {
            fields.Add(new($"Redeem.Lines[{i}].PrizeId", lines[i].PrizeId.ToString()));
            fields.Add(new($"Redeem.Lines[{i}].Quantity", lines[i].Quantity));
        }
        return await (client ?? Cashier).PostFormAsync($"/resgates/{customerId}/premios", page, fields);
    }

    /// <summary>Opens the counter and confirms the prizes, as one cashier's click.</summary>
    public async Task<HttpResponseMessage> RedeemAsync(Guid customerId, int quantity = 1, Guid? prizeId = null, StaffClient? client = null,
        Guid? campaignId = null, Guid? cardId = null)
    {
        var (page, key) = await PrizesFormAsync(customerId, client, campaignId, cardId);
        return await PostPrizesAsync(customerId, page, key, [(prizeId ?? PrizeId, quantity)], client, campaignId, cardId);
    }

    /// <summary>"Cancelamentos de Resgates": the cancel button of one redemption, with its reason.</summary>
    public async Task<HttpResponseMessage> CancelAsync(Guid customerId, Guid redemptionId, string reason, StaffClient? client = null)
    {
        client ??= Cashier;
        var page = await client.Http.GetStringAsync(CounterUrl(customerId, tab: "cancelamentos"));
        return await client.PostFormAsync($"/resgates/{redemptionId}/cancelar", page, new Dictionary<string, string>
        {
            ["customerId"] = customerId.ToString(),
            ["Cancel.StoreId"] = StoreId.ToString(),
            ["Cancel.CampaignId"] = CampaignId.ToString(),
            ["Cancel.Reason"] = reason,
        });
    }

    /// <summary>The messages of the rules broken, as the refused counter shows them.</summary>
    public static async Task<List<string>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        return [.. page.QuerySelectorAll("[data-testid=counter-errors] li, .invalid-feedback").Select(e => e.TextContent.Trim())];
    }

    /// <summary>The redemption the counter redirected to after a success (PRG to its receipt page).</summary>
    public static Guid RedemptionOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var path = response.Headers.Location!.OriginalString;
        Assert.EndsWith("/recibo", path);
        return Guid.Parse(path.Split('/')[2]);
    }

    public Task<Ledger.Totals> TotalsAsync(Guid accountId) => App.TotalsAsync(Tenant.Id, accountId);

    public Task<int?> StockAsync(Guid prizeId) =>
        App.InTenantAsync(Tenant.Id, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Prizes.Where(p => p.Id == prizeId).Select(p => p.Stock)));
}
