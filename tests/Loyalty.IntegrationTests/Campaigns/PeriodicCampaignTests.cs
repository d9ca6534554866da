using System.Net;
using Loyalty.Domain.Campaigns;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Campaigns;

/// <summary>The tabs of a periodic campaign (seed 001): "Período" and its four sub-tabs, "Descontos" and "Vale Brinde".
/// Each grid is saved as a whole and shows what was saved when opened again.</summary>
public sealed class PeriodicCampaignTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    private static List<KeyValuePair<string, string>> Rows(params (int Row, string Field, string Value)[] cells) =>
        [.. cells.Select(c => new KeyValuePair<string, string>($"Rows[{c.Row}].{c.Field}", c.Value))];

    private static string? Cell(string html, int row, string field) => Html.InputValue(html, $"Rows_{row}__{field}");

    private static string? Selected(string html, int row, string field) =>
        Html.Parse(html).GetElementById($"Rows_{row}__{field}")?.QuerySelector("option[selected]")?.GetAttribute("value");

    [Fact]
    public async Task Extra_Points_Period_Should_Be_Saved_And_Reloaded_And_Must_Lie_In_The_Campaign()
    {
        var w = await CampaignWorld.CreateAsync(App, "cp-a");
        var id = await w.CampaignAsync(App, CampaignClassification.Periodic);
        var url = $"/campanhas/{id}/periodo";

        var outside = await w.PostForPageAsync(url, Rows((0, "StartDate", "2026-11-20"), (0, "EndDate", "2026-12-20"), (0, "ThresholdPoints", "500"), (0, "ExtraPoints", "0")));
        Assert.Equal("O período da premiação extra deve estar dentro do período da campanha.", Html.FieldMessage(outside, "Rows_0__StartDate"));
        Assert.NotEmpty(Html.FieldMessage(outside, "Rows_0__ExtraPoints"));

        Assert.Equal(HttpStatusCode.Redirect, (await w.PostAsync(url, Rows((0, "StartDate", "2026-12-01"), (0, "EndDate", "2026-12-24"),
            (0, "ThresholdPoints", "500"), (0, "ExtraPoints", "100")))).StatusCode);

        var award = Assert.Single((await w.LoadAsync(App, id)).ThresholdAwards);
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 24), 500L, 100L), (award.StartDate, award.EndDate, award.ThresholdPoints, award.ExtraPoints));
        var page = await w.Client.Http.GetStringAsync(url);
        Assert.Equal(("2026-12-24", "500", ""), (Cell(page, 0, "EndDate"), Cell(page, 0, "ThresholdPoints"), Cell(page, 1, "ThresholdPoints")));
    }

    [Fact]
    public async Task Product_Points_Should_Name_Catalogue_Products_Once_Each()
    {
        var w = await CampaignWorld.CreateAsync(App, "cp-b");
        var id = await w.CampaignAsync(App, CampaignClassification.Periodic);
        var url = $"/campanhas/{id}/periodo/produto-comprado";

        var refused = await w.PostForPageAsync(url, Rows((0, "ProductCode", "GASC"), (0, "PointsPerUnit", "2"), (1, "ProductCode", "XYZ"), (1, "PointsPerUnit", "1"),
            (2, "ProductCode", "gasc"), (2, "PointsPerUnit", "3")));
        Assert.Equal("Produto não encontrado no cadastro de produtos.", Html.FieldMessage(refused, "Rows_1__ProductCode"));
        Assert.NotEmpty(Html.FieldMessage(refused, "Rows_2__ProductCode"));
        Assert.Empty(Html.FieldMessage(refused, "Rows_0__ProductCode"));

        Assert.Equal(HttpStatusCode.Redirect, (await w.PostAsync(url, Rows((0, "ProductCode", "GASC"), (0, "PointsPerUnit", "2,5"), (1, "ProductCode", ""), (1, "PointsPerUnit", "")))).StatusCode);

        var rule = Assert.Single((await w.LoadAsync(App, id)).ProductPoints);
        Assert.Equal((w.Products["GASC"], 2.5m), (rule.ProductId, rule.PointsPerUnit));
        var page = await w.Client.Http.GetStringAsync(url);
        Assert.Equal(("GASC", "2,50"), (Cell(page, 0, "ProductCode"), Cell(page, 0, "PointsPerUnit")));
    }

    [Fact]
    public async Task Store_Bonus_Should_Only_Name_Participating_Stores()
    {
        var w = await CampaignWorld.CreateAsync(App, "cp-c");
        var id = await w.CampaignAsync(App, CampaignClassification.Periodic);
        var url = $"/campanhas/{id}/periodo/estabelecimento";
        var other = await App.CreateStoreAsync(w.Tenant.Id, "LJC");

        var refused = await w.PostForPageAsync(url, Rows((0, "StoreId", other.ToString()), (0, "ExtraPoints", "10")));
        Assert.Equal("A loja não participa da campanha.", Html.FieldMessage(refused, "Rows_0__StoreId"));

        Assert.Equal(HttpStatusCode.Redirect, (await w.PostAsync(url, Rows((0, "StoreId", w.StoreB.ToString()), (0, "ExtraPoints", "25")))).StatusCode);

        var bonus = Assert.Single((await w.LoadAsync(App, id)).StoreBonuses);
        Assert.Equal((w.StoreB, 25L), (bonus.StoreId, bonus.ExtraPoints));
        Assert.Equal(w.StoreB.ToString(), Selected(await w.Client.Http.GetStringAsync(url), 0, "StoreId"));
    }

    [Fact]
    public async Task Frequency_Bonus_Should_Be_Saved_With_Or_Without_A_Window()
    {
        var w = await CampaignWorld.CreateAsync(App, "cp-d");
        var id = await w.CampaignAsync(App, CampaignClassification.Periodic);
        var url = $"/campanhas/{id}/periodo/frequencia";

        var refused = await w.PostForPageAsync(url, Rows((0, "Purchases", "0"), (0, "MinimumAmount", "100"), (0, "WindowDays", "0"), (0, "BonusPoints", "50")));
        Assert.NotEmpty(Html.FieldMessage(refused, "Rows_0__Purchases"));
        Assert.NotEmpty(Html.FieldMessage(refused, "Rows_0__WindowDays"));
        Assert.Empty(Html.FieldMessage(refused, "Rows_0__BonusPoints"));

        Assert.Equal(HttpStatusCode.Redirect, (await w.PostAsync(url, Rows((0, "Purchases", "4"), (0, "MinimumAmount", "200,00"), (0, "WindowDays", "30"),
            (0, "BonusPoints", "50"), (1, "Purchases", "10"), (1, "MinimumAmount", ""), (1, "WindowDays", ""), (1, "BonusPoints", "300")))).StatusCode);

        var bonuses = (await w.LoadAsync(App, id)).FrequencyBonuses.OrderBy(b => b.PurchasesRequired)
            .Select(b => (b.PurchasesRequired, b.MinimumAmount, b.WindowDays, b.BonusPoints)).ToList();
        Assert.Equal([(4, 200m, (int?)30, 50L), (10, 0m, (int?)null, 300L)], bonuses);
        var page = await w.Client.Http.GetStringAsync(url);
        Assert.Equal(("10", ""), (Cell(page, 1, "Purchases"), Cell(page, 1, "WindowDays")));
    }

    [Fact]
    public async Task Discounts_Should_Be_Saved_For_All_Stores_Or_One()
    {
        var w = await CampaignWorld.CreateAsync(App, "cp-e");
        var id = await w.CampaignAsync(App, CampaignClassification.Periodic);
        var url = $"/campanhas/{id}/descontos";

        var refused = await w.PostForPageAsync(url, Rows((0, "ProductCode", "AGUA"), (0, "StoreId", ""), (0, "Percent", "150")));
        Assert.NotEmpty(Html.FieldMessage(refused, "Rows_0__Percent"));

        Assert.Equal(HttpStatusCode.Redirect, (await w.PostAsync(url, Rows((0, "ProductCode", "AGUA"), (0, "StoreId", ""), (0, "Percent", "10"),
            (1, "ProductCode", "AGUA"), (1, "StoreId", w.StoreA.ToString()), (1, "Percent", "15,5")))).StatusCode);

        var discounts = (await w.LoadAsync(App, id)).Discounts.Select(d => (d.ProductId, d.StoreId, d.Percent)).OrderBy(d => d.Percent).ToList();
        Assert.Equal([(w.Products["AGUA"], (Guid?)null, 10m), (w.Products["AGUA"], (Guid?)w.StoreA, 15.5m)], discounts);
        var page = await w.Client.Http.GetStringAsync(url);
        Assert.Equal((null, w.StoreA.ToString()), (Selected(page, 0, "StoreId"), Selected(page, 1, "StoreId")));
    }

    [Fact]
    public async Task Gift_Rules_Should_Be_Saved_And_Reloaded()
    {
        var w = await CampaignWorld.CreateAsync(App, "cp-f");
        var id = await w.CampaignAsync(App, CampaignClassification.Periodic);
        var url = $"/campanhas/{id}/vale-brinde";

        var refused = await w.PostForPageAsync(url, Rows((0, "ProductCode", "GASC"), (0, "QuantityPerGift", "40"), (0, "GiftProductCode", ""), (0, "GiftQuantity", "1")));
        Assert.NotEmpty(Html.FieldMessage(refused, "Rows_0__GiftProductCode"));

        Assert.Equal(HttpStatusCode.Redirect, (await w.PostAsync(url, Rows((0, "ProductCode", "GASC"), (0, "QuantityPerGift", "40"),
            (0, "GiftProductCode", "AGUA"), (0, "GiftQuantity", "2")))).StatusCode);

        var rule = Assert.Single((await w.LoadAsync(App, id)).GiftRules);
        Assert.Equal((w.Products["GASC"], 40m, w.Products["AGUA"], 2), (rule.ProductId, rule.QuantityPerGift, rule.GiftProductId, rule.GiftQuantity));
        var page = await w.Client.Http.GetStringAsync(url);
        Assert.Equal(("GASC", "AGUA", "2"), (Cell(page, 0, "ProductCode"), Cell(page, 0, "GiftProductCode"), Cell(page, 0, "GiftQuantity")));
    }

    [Fact]
    public async Task Adding_And_Removing_Rows_Should_Keep_What_Was_Typed_And_Save_Nothing()
    {
        var w = await CampaignWorld.CreateAsync(App, "cp-g");
        var id = await w.CampaignAsync(App, CampaignClassification.Periodic);
        var url = $"/campanhas/{id}/periodo/produto-comprado";
        var typed = Rows((0, "ProductCode", "GASC"), (0, "PointsPerUnit", "2"), (1, "ProductCode", "AGUA"), (1, "PointsPerUnit", "um"),
            (2, "ProductCode", "BONE"), (2, "PointsPerUnit", "4"));

        var added = await w.PostForPageAsync(url, [.. typed, new("command", "add")]);
        Assert.Equal(4, Html.Parse(added).QuerySelectorAll("[data-testid=rule-row]").Length);
        Assert.Equal(("AGUA", "um", ""), (Cell(added, 1, "ProductCode"), Cell(added, 1, "PointsPerUnit"), Cell(added, 3, "ProductCode")));

        var removed = await w.PostForPageAsync(url, [.. typed, new("command", "remove:0")]);
        Assert.Equal(2, Html.Parse(removed).QuerySelectorAll("[data-testid=rule-row]").Length);
        Assert.Equal(("AGUA", "um", "BONE", "4"), (Cell(removed, 0, "ProductCode"), Cell(removed, 0, "PointsPerUnit"), Cell(removed, 1, "ProductCode"),
            Cell(removed, 1, "PointsPerUnit")));
        Assert.Empty((await w.LoadAsync(App, id)).ProductPoints);
    }

    [Fact]
    public async Task Rules_Of_The_Other_Classification_Should_Be_Refused_On_The_Grid()
    {
        var w = await CampaignWorld.CreateAsync(App, "cp-h");
        var id = await w.CampaignAsync(App, CampaignClassification.Fixed);

        var html = await w.PostForPageAsync($"/campanhas/{id}/periodo/estabelecimento", Rows((0, "StoreId", w.StoreA.ToString()), (0, "ExtraPoints", "10")));

        Assert.NotNull(Html.Parse(html).QuerySelector("[data-testid=grid-error]"));
        Assert.Empty((await w.LoadAsync(App, id)).StoreBonuses);
    }
}
