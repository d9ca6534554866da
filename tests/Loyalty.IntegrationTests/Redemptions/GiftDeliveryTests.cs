using System.Net;
using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Customers;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Purchases;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Loyalty.IntegrationTests.Redemptions;

/// <summary>SPEC §7 "Brinde por Produto Comprado": the account's gifts of a periodic campaign are handed over once, with a receipt.</summary>
public sealed class GiftDeliveryTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string GiftName = "Caneca Térmica São João";

    private LoyaltyAppFactory App => fixture.App;

    private sealed record Gifts(Counter Counter, Guid CampaignId, NewCustomers.Registered Titular, NewCustomers.Registered Dependent, Guid[] VoucherIds);

    /// <summary>A periodic campaign at the counter's store giving a mug per product bought; one gift each to a titular and their dependent.</summary>
    private async Task<Gifts> GiftsAsync()
    {
        var counter = await Counter.OpenAsync(App);
        var tenantId = counter.Tenant.Id;
        var bought = await App.CreateProductAsync(tenantId, "CAFE500", "Café 500 g");
        var gift = await App.CreateProductAsync(tenantId, "CANECA", GiftName);
        var campaignId = await App.CreateCampaignAsync(tenantId, CampaignClassification.Periodic, [counter.StoreId], "Compre e Ganhe",
            rules: c => c.SetGiftRules([(bought, 1m, gift, 1)]));
        var titular = await App.AddCustomerAsync(tenantId, "Titular dos Brindes", f => f.RedeemScope = RedeemScope.AllCards);
        var dependent = await App.AddDependentAsync(tenantId, "Dependente dos Brindes", titular.Id);
        var pos = new Pos(App, await App.CreateApiKeyAsync(tenantId, counter.StoreId));
        await pos.PostAsync(Pos.Purchase(titular.CardNumber, 30m));
        await pos.PostAsync(Pos.Purchase(dependent.CardNumber, 30m));
        var purchases = await App.InTenantAsync(tenantId, db => db.Purchases.ToDictionaryAsync(p => p.CustomerId, p => p.Id));
        Guid[] vouchers =
        [
            await App.IssueGiftVoucherAsync(tenantId, campaignId, purchases[titular.Id], titular.Id, titular.Id),
            await App.IssueGiftVoucherAsync(tenantId, campaignId, purchases[dependent.Id], dependent.Id, titular.Id, quantity: 2),
        ];
        return new Gifts(counter, campaignId, titular, dependent, vouchers);
    }

    private static async Task<HttpResponseMessage> DeliverAsync(Gifts gifts, Guid customerId, Guid[] voucherIds, StaffClient? client = null)
    {
        var counter = gifts.Counter;
        client ??= counter.Cashier;
        var page = await client.Http.GetStringAsync(counter.CounterUrl(customerId, gifts.CampaignId));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Gifts.StoreId", counter.StoreId.ToString()),
            new("Gifts.CampaignId", gifts.CampaignId.ToString()),
        };
        fields.AddRange(voucherIds.Select(id => new KeyValuePair<string, string>("Gifts.VoucherIds", id.ToString())));
        return await client.PostFormAsync($"/resgates/{customerId}/brindes", page, fields);
    }

    [Fact]
    public async Task The_Counter_Lists_The_Accounts_Gifts_And_Delivers_Them_With_A_Receipt()
    {
        var gifts = await GiftsAsync();
        var page = Html.Parse(await gifts.Counter.Cashier.Http.GetStringAsync(gifts.Counter.CounterUrl(gifts.Titular.Id, gifts.CampaignId)));
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=voucher-row]").Length);

        var response = await DeliverAsync(gifts, gifts.Titular.Id, gifts.VoucherIds);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var receiptUrl = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/resgates/brindes/recibo?", receiptUrl);
        var delivered = await App.InTenantAsync(gifts.Counter.Tenant.Id, db => db.GiftVouchers.Where(v => gifts.VoucherIds.Contains(v.Id)).ToListAsync());
        Assert.All(delivered, v => Assert.Equal(gifts.Counter.StoreId, v.DeliveredStoreId));
        Assert.All(delivered, v => Assert.NotNull(v.DeliveredAt));
        var pdf = await gifts.Counter.Cashier.Http.GetByteArrayAsync(receiptUrl.Replace("/recibo?", "/recibo.pdf?", StringComparison.Ordinal));
        using var document = PdfDocument.Open(pdf);
        var text = ContentOrderTextExtractor.GetText(document.GetPage(1));
        Assert.Contains("Recibo de entrega de brindes", text);
        Assert.Contains("Recibo nº: BRI-000001", text); // one number for the gifts handed over together
        Assert.All(delivered, v => Assert.Equal(1, v.DeliveryNumber));
        Assert.Contains(GiftName, text);
        Assert.Contains("Titular dos Brindes", text);
        Assert.Contains("Assinatura do cliente", text);
        var after = Html.Parse(await gifts.Counter.Cashier.Http.GetStringAsync(gifts.Counter.CounterUrl(gifts.Titular.Id, gifts.CampaignId)));
        Assert.Empty(after.QuerySelectorAll("[data-testid=voucher-row]"));
    }

    [Fact]
    public async Task A_Gift_Is_Delivered_Once_Even_When_Two_Cashiers_Confirm_At_Once()
    {
        var gifts = await GiftsAsync();
        var voucher = gifts.VoucherIds[0];

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => DeliverAsync(gifts, gifts.Titular.Id, [voucher])));
        var late = await DeliverAsync(gifts, gifts.Titular.Id, [voucher]);

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect).Append(late),
            r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        Assert.Equal(["Este brinde já foi entregue."], await Counter.ErrorsAsync(late));
    }

    [Fact]
    public async Task Delivery_Should_Follow_The_Counter_Rules()
    {
        var gifts = await GiftsAsync();
        await App.InTenantAsync(gifts.Counter.Tenant.Id, db =>
        {
            db.RedemptionBlocks.Add(RedemptionBlock.Block(gifts.Titular.Id, "Bloqueio", null, "Gerente", DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });

        var errors = await Counter.ErrorsAsync(await DeliverAsync(gifts, gifts.Dependent.Id, gifts.VoucherIds));
        var none = await Counter.ErrorsAsync(await DeliverAsync(gifts, gifts.Titular.Id, []));

        Assert.Equal(["Cliente bloqueado para resgate."], errors);
        Assert.Equal(["Marque ao menos um brinde."], none);
        Assert.False(await App.InTenantAsync(gifts.Counter.Tenant.Id, db => db.GiftVouchers.AnyAsync(v => v.DeliveredAt != null)));
    }

    [Fact]
    public async Task Another_Stores_Cashier_Cannot_See_The_Gift_Receipt()
    {
        var gifts = await GiftsAsync();
        var receiptUrl = (await DeliverAsync(gifts, gifts.Titular.Id, gifts.VoucherIds)).Headers.Location!.OriginalString;
        using var elsewhere = await Counter.SignInAsync(App, gifts.Counter.Tenant,
            await App.CreateUserAsync(gifts.Counter.Tenant.Id, StaffRole.Cashier, gifts.Counter.OtherStoreId));

        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.Http.GetAsync(receiptUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gifts.Counter.Cashier.Http.GetAsync(receiptUrl)).StatusCode);
    }
}
