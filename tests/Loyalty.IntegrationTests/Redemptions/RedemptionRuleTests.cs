using System.Net;
using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Customers;
using Loyalty.IntegrationTests.Points;
using Loyalty.IntegrationTests.Purchases;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Redemptions;

/// <summary>SPEC §7: a prize is taken only when every rule holds; each rule broken is told to the cashier, and nothing moves.</summary>
public sealed class RedemptionRuleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Redeem_Should_Debit_The_Points_At_Once_And_Take_The_Stock()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 120, stock: 5);
        var customer = await counter.CustomerWithPointsAsync("Joana Conceição", 500);

        var redemptionId = Counter.RedemptionOf(await counter.RedeemAsync(customer.Id, quantity: 2));

        var totals = await counter.TotalsAsync(customer.Id);
        Assert.Equal(260, totals.Balance);
        Assert.Equal(totals.Balance, totals.SumOfEntries);
        Assert.Equal(3, await counter.StockAsync(counter.PrizeId));
        var redemption = await App.InTenantAsync(counter.Tenant.Id, db => db.Redemptions.Include(r => r.Lines).SingleAsync(r => r.Id == redemptionId));
        Assert.Equal(240, redemption.TotalPoints);
        Assert.Equal(customer.CardNumber, redemption.CardNumber);
        Assert.Equal(counter.StoreId, redemption.StoreId);
    }

    [Fact]
    public async Task Redeem_Should_Refuse_When_The_Points_Do_Not_Cover_The_Total()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 100);
        var customer = await counter.CustomerWithPointsAsync("Pouco Saldo", 150);

        var errors = await Counter.ErrorsAsync(await counter.RedeemAsync(customer.Id, quantity: 2));

        Assert.Contains("Saldo de pontos insuficiente.", errors);
        Assert.Equal(150, (await counter.TotalsAsync(customer.Id)).Balance);
    }

    [Fact]
    public async Task Redeem_Should_Refuse_When_A_Purchase_Cancellation_Left_The_Balance_Negative()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 10);
        var pos = new Pos(App, await App.CreateApiKeyAsync(counter.Tenant.Id, counter.StoreId));
        var customer = await App.AddCustomerAsync(counter.Tenant.Id, "Saldo Negativo");
        var coupon = Pos.NextCoupon();
        await pos.PostAsync(Pos.Purchase(customer.CardNumber, 100m, coupon));
        Counter.RedemptionOf(await counter.RedeemAsync(customer.Id, quantity: 8));
        await pos.CancelAsync(coupon);
        Assert.Equal(-80, (await counter.TotalsAsync(customer.Id)).Balance);

        var errors = await Counter.ErrorsAsync(await counter.RedeemAsync(customer.Id));

        Assert.Contains("Saldo de pontos insuficiente.", errors);
        Assert.Equal(-80, (await counter.TotalsAsync(customer.Id)).Balance);
    }

    [Fact]
    public async Task Redeem_Should_Refuse_A_Dependent_When_The_Titular_Is_Blocked()
    {
        var counter = await Counter.OpenAsync(App);
        var titular = await App.AddCustomerAsync(counter.Tenant.Id, "Titular Bloqueado", f => f.RedeemScope = RedeemScope.AllCards);
        var dependent = await App.AddDependentAsync(counter.Tenant.Id, "Dependente Dele", titular.Id);
        await App.CreditAsync(counter.Tenant.Id, titular.Id, 1000);
        await App.InTenantAsync(counter.Tenant.Id, db =>
        {
            db.RedemptionBlocks.Add(RedemptionBlock.Block(titular.Id, "Fraude em análise", null, "Gerente", DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });

        var errors = await Counter.ErrorsAsync(await counter.RedeemAsync(dependent.Id));

        Assert.Equal(["Cliente bloqueado para resgate."], errors);
        Assert.Equal(1000, (await counter.TotalsAsync(titular.Id)).Balance);
    }

    [Fact]
    public async Task Counter_Should_Disable_The_Prizes_Form_Of_A_Blocked_Customer_And_Say_Why()
    {
        var counter = await Counter.OpenAsync(App);
        var customer = await counter.CustomerWithPointsAsync("Cliente Bloqueada", 1000);
        await App.InTenantAsync(counter.Tenant.Id, db =>
        {
            db.RedemptionBlocks.Add(RedemptionBlock.Block(customer.Id, "Troca de cartão suspeita", null, "Gerente",
                new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero)));
            return db.SaveChangesAsync();
        });
        var free = await counter.CustomerWithPointsAsync("Cliente Liberada", 1000);

        var page = Support.Html.Parse(await counter.Cashier.Http.GetStringAsync(counter.CounterUrl(customer.Id)));
        var freePage = Support.Html.Parse(await counter.Cashier.Http.GetStringAsync(counter.CounterUrl(free.Id)));

        Assert.True(page.QuerySelector("[data-testid=confirm-redeem]")!.HasAttribute("disabled"));
        Assert.True(page.QuerySelector("[data-testid=prizes-fieldset]")!.HasAttribute("disabled"));
        var reason = page.QuerySelector("[data-testid=counter-block-reason]")!.TextContent;
        Assert.Contains("bloqueado para resgate desde 10/03/2026", reason);
        Assert.Contains("Troca de cartão suspeita", reason);
        Assert.False(freePage.QuerySelector("[data-testid=confirm-redeem]")!.HasAttribute("disabled"));
        Assert.Null(freePage.QuerySelector("[data-testid=counter-block-reason]"));
    }

    [Fact]
    public async Task Redeem_Should_Refuse_When_The_Card_Presented_Is_Not_Active()
    {
        var counter = await Counter.OpenAsync(App);
        var customer = await counter.CustomerWithPointsAsync("Cartão Bloqueado", 1000);
        var cardId = await App.InTenantAsync(counter.Tenant.Id, async db =>
        {
            var id = await db.Cards.Where(k => k.CustomerId == customer.Id).Select(k => k.Id).SingleAsync();
            // The card life cycle arrives with the cards feature; a temporary block is written as that feature will.
            await db.Database.ExecuteSqlAsync($"UPDATE cards SET status = 'TemporarilyBlocked' WHERE id = {id}");
            return id;
        });

        var errors = await Counter.ErrorsAsync(await counter.RedeemAsync(customer.Id, cardId: cardId));

        Assert.Equal(["O cartão não está ativo."], errors);
    }

    [Fact]
    public async Task Redeem_Should_Refuse_When_The_Store_Does_Not_Take_Part_In_The_Campaign()
    {
        var counter = await Counter.OpenAsync(App);
        var customer = await counter.CustomerWithPointsAsync("Outra Loja", 1000);
        var elsewhere = await App.CreateCampaignAsync(counter.Tenant.Id, CampaignClassification.Fixed, [counter.OtherStoreId], "Só na LJ2");
        var prize = await counter.AddPrizeAsync(elsewhere, "Brinde LJ2", 10, null);
        var (page, key) = await counter.PrizesFormAsync(customer.Id);

        var errors = await Counter.ErrorsAsync(await counter.PostPrizesAsync(customer.Id, page, key, [(prize, 1)], campaignId: elsewhere));

        Assert.Equal(["A loja não participa desta campanha agora."], errors);
        Assert.Equal(1000, (await counter.TotalsAsync(customer.Id)).Balance);
    }

    [Fact]
    public async Task Redeem_Should_Refuse_Outside_The_Stores_Campaign_Hours()
    {
        var counter = await Counter.OpenAsync(App);
        var customer = await counter.CustomerWithPointsAsync("Fora do Horário", 1000);
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"));
        var later = TimeOnly.FromDateTime(local.DateTime).AddHours(2);
        var closed = await App.CreateCampaignAsync(counter.Tenant.Id, CampaignClassification.Fixed, [counter.StoreId], "Happy hour",
            hours: new TestCampaigns.CampaignHours(later, later.AddHours(1)));
        var prize = await counter.AddPrizeAsync(closed, "Brinde da noite", 10, null);
        var (page, key) = await counter.PrizesFormAsync(customer.Id);

        var errors = await Counter.ErrorsAsync(await counter.PostPrizesAsync(customer.Id, page, key, [(prize, 1)], campaignId: closed));

        Assert.Equal(["A loja não participa desta campanha agora."], errors);
    }

    [Fact]
    public async Task Redeem_Should_Refuse_When_DependentCard_And_TitularOnly()
    {
        var counter = await Counter.OpenAsync(App);
        var titular = await App.AddCustomerAsync(counter.Tenant.Id, "Titular Só Ele", f => f.RedeemScope = RedeemScope.TitularOnly);
        var dependent = await App.AddDependentAsync(counter.Tenant.Id, "Filha Dependente", titular.Id);
        await App.CreditAsync(counter.Tenant.Id, titular.Id, 1000);

        var errors = await Counter.ErrorsAsync(await counter.RedeemAsync(dependent.Id));

        Assert.Equal(["O titular não permite resgate com os cartões associados."], errors);
        Assert.Equal(1000, (await counter.TotalsAsync(titular.Id)).Balance);
    }

    [Fact]
    public async Task Redeem_Should_Debit_The_Titular_When_DependentCard_And_AllCards()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 300);
        var titular = await App.AddCustomerAsync(counter.Tenant.Id, "Titular Generoso", f => f.RedeemScope = RedeemScope.AllCards);
        var dependent = await App.AddDependentAsync(counter.Tenant.Id, "Filho Dependente", titular.Id);
        await App.CreditAsync(counter.Tenant.Id, titular.Id, 1000);

        Counter.RedemptionOf(await counter.RedeemAsync(dependent.Id));

        Assert.Equal(700, (await counter.TotalsAsync(titular.Id)).Balance);
    }

    [Fact]
    public async Task Redeem_Should_Refuse_More_Than_The_Stock_Left()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 10, stock: 2);
        var customer = await counter.CustomerWithPointsAsync("Estoque Curto", 1000);

        var errors = await Counter.ErrorsAsync(await counter.RedeemAsync(customer.Id, quantity: 3));

        Assert.Equal(["Estoque insuficiente do prêmio."], errors);
        Assert.Equal(2, await counter.StockAsync(counter.PrizeId));
        Assert.Equal(1000, (await counter.TotalsAsync(customer.Id)).Balance);
    }

    [Fact]
    public async Task Redeem_Should_Tell_Every_Rule_Broken_At_Once()
    {
        var counter = await Counter.OpenAsync(App);
        var titular = await App.AddCustomerAsync(counter.Tenant.Id, "Titular Restrito");
        var dependent = await App.AddDependentAsync(counter.Tenant.Id, "Dependente Sem Saldo", titular.Id);
        await App.InTenantAsync(counter.Tenant.Id, db =>
        {
            db.RedemptionBlocks.Add(RedemptionBlock.Block(dependent.Id, "Teste", null, "Gerente", DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });

        var errors = await Counter.ErrorsAsync(await counter.RedeemAsync(dependent.Id));

        Assert.Equal(["Cliente bloqueado para resgate.", "O titular não permite resgate com os cartões associados.", "Saldo de pontos insuficiente."], errors);
    }

    [Fact]
    public async Task Redeem_Should_Refuse_When_No_Prize_Was_Chosen()
    {
        var counter = await Counter.OpenAsync(App);
        var customer = await counter.CustomerWithPointsAsync("Nada Escolhido", 1000);

        var errors = await Counter.ErrorsAsync(await counter.RedeemAsync(customer.Id, quantity: 0));

        Assert.Equal(["Escolha ao menos um prêmio e a quantidade."], errors);
    }

    [Theory]
    [InlineData("2,5", "\"2,5\" não é um número inteiro. Escreva, por exemplo, 1.200.")]
    [InlineData("dois", "\"dois\" não é um número. Escreva, por exemplo, 1.200.")]
    public async Task Redeem_Should_Refuse_A_Quantity_It_Cannot_Read_And_Keep_What_Was_Typed(string typed, string message)
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 10);
        var customer = await counter.CustomerWithPointsAsync("Quantidade Estranha", 1000);
        var (page, key) = await counter.PrizesFormAsync(customer.Id);

        var response = await counter.PostTypedPrizesAsync(customer.Id, page, key, [(counter.PrizeId, typed)]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var refused = Support.Html.Parse(await response.Content.ReadAsStringAsync());
        var quantity = refused.QuerySelector("[data-testid=prize-quantity]")!;
        Assert.Equal(("text", "numeric", typed, "true"),
            (quantity.GetAttribute("type"), quantity.GetAttribute("inputmode"), quantity.GetAttribute("value"), quantity.GetAttribute("aria-invalid")));
        Assert.Equal(message, refused.GetElementById(quantity.GetAttribute("aria-describedby")!)!.TextContent.Trim());
        Assert.Equal(1000, (await counter.TotalsAsync(customer.Id)).Balance);
    }

    [Fact]
    public async Task Counter_Finds_By_Name_Words_And_Lists_Several_To_Pick_From()
    {
        var counter = await Counter.OpenAsync(App);
        var first = await counter.CustomerWithPointsAsync("Maria Aparecida Souza", 10);
        var second = await counter.CustomerWithPointsAsync("Maria Souza Lima", 10);
        await counter.CustomerWithPointsAsync("Maria Lima Prado", 10);
        var single = await counter.CustomerWithPointsAsync("Zuleica Brandão", 10);

        var several = await counter.Cashier.Http.GetAsync("/resgates?Q=maria+souza");
        var one = await counter.Cashier.Http.GetAsync("/resgates?Q=zuleica+bran");
        var none = await counter.Cashier.Http.GetStringAsync("/resgates?Q=ninguem+assim");

        Assert.Equal(HttpStatusCode.OK, several.StatusCode);
        var page = Support.Html.Parse(await several.Content.ReadAsStringAsync());
        var picks = page.QuerySelectorAll("[data-testid=counter-candidate]").ToList();
        Assert.Equal(["Maria Aparecida Souza", "Maria Souza Lima"], picks.Select(p => p.QuerySelector("strong")!.TextContent.Trim()));
        Assert.StartsWith($"/resgates/{first.Id}", picks[0].QuerySelector("[data-testid=counter-pick]")!.GetAttribute("href"));
        Assert.StartsWith($"/resgates/{second.Id}", picks[1].QuerySelector("[data-testid=counter-pick]")!.GetAttribute("href"));
        Assert.All(picks, p => Assert.Contains("***.", p.TextContent, StringComparison.Ordinal)); // documents masked at the counter
        Assert.Null(page.QuerySelector("[data-testid=counter-not-found]"));
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.StartsWith($"/resgates/{single.Id}", one.Headers.Location!.OriginalString);
        Assert.Contains("Nenhum cliente", Support.Html.Text(none));
    }

    [Fact]
    public async Task Counter_Finds_By_The_Last_Four_Digits_Of_A_Card_And_Lists_Every_Holder_To_Pick_From()
    {
        var counter = await Counter.OpenAsync(App);
        // Luhn-valid numbers whose last four digits (three of the body and the check digit) are the same.
        var alike = Enumerable.Range(1, 30).Select(j => TestDocuments.CardNumber("6062", 987 + 1000L * j))
            .GroupBy(n => n[^4..]).First(g => g.Count() >= 2).Take(2).ToList();
        var first = await App.AddCustomerAsync(counter.Tenant.Id, "Rosa Amarela Dias", f => f.CardNumber = alike[0]);
        var second = await App.AddCustomerAsync(counter.Tenant.Id, "Rosa Branca Dias", f => f.CardNumber = alike[1]);
        var single = await App.AddCustomerAsync(counter.Tenant.Id, "Zuleica Brandão", f => f.CardNumber = TestDocuments.CardNumber("6062", 555));

        var several = await counter.Cashier.Http.GetAsync("/resgates?Q=" + Uri.EscapeDataString("•••• " + alike[0][^4..]));
        var one = await counter.Cashier.Http.GetAsync("/resgates?Q=" + single.CardNumber[^4..]);

        Assert.Equal(HttpStatusCode.OK, several.StatusCode);
        var page = Support.Html.Parse(await several.Content.ReadAsStringAsync());
        var picks = page.QuerySelectorAll("[data-testid=counter-candidate]").ToList();
        Assert.Equal(["Rosa Amarela Dias", "Rosa Branca Dias"], picks.Select(p => p.QuerySelector("strong")!.TextContent.Trim()));
        Assert.StartsWith($"/resgates/{first.Id}", picks[0].QuerySelector("[data-testid=counter-pick]")!.GetAttribute("href"));
        Assert.StartsWith($"/resgates/{second.Id}", picks[1].QuerySelector("[data-testid=counter-pick]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.StartsWith($"/resgates/{single.Id}", one.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Counter_Shows_The_Summary_Of_The_Customer_Found_By_Card_Or_Document()
    {
        var counter = await Counter.OpenAsync(App);
        var customer = await counter.CustomerWithPointsAsync("Márcia Conceição", 1234);

        var byCard = await counter.Cashier.Http.GetAsync($"/resgates?Q={customer.CardNumber}");
        var byDocument = await counter.Cashier.Http.GetAsync($"/resgates?Q={customer.Document}");
        var unknown = await counter.Cashier.Http.GetStringAsync("/resgates?Q=00000000000");

        Assert.Equal(HttpStatusCode.Redirect, byCard.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, byDocument.StatusCode);
        Assert.StartsWith($"/resgates/{customer.Id}", byDocument.Headers.Location!.OriginalString);
        Assert.Contains("Nenhum cliente", Support.Html.Text(unknown));
        var page = Support.Html.Parse(await counter.Cashier.Http.GetStringAsync(byCard.Headers.Location!.OriginalString));
        Assert.Equal("Márcia Conceição", page.QuerySelector("[data-testid=counter-customer]")!.TextContent.Trim());
        Assert.Equal("1.234", page.QuerySelector("[data-testid=counter-balance]")!.TextContent.Trim());
        Assert.StartsWith("***.", page.QuerySelector("[data-testid=counter-document]")!.TextContent.Trim());
        Assert.Contains(Counter.PrizeName, page.QuerySelector("[data-testid=prizes]")!.TextContent);
    }
}
