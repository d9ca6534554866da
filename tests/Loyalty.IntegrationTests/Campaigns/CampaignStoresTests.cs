using System.Net;
using Loyalty.Domain.Campaigns;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Campaigns;

/// <summary>"Filiais participantes" (seed 001): every store listed, shares adding up to 100 %, and the two fill buttons.</summary>
public sealed class CampaignStoresTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    /// <summary>The grid as posted: the stores in the page's order (LJA, LJB) with their typed cells.</summary>
    private static List<KeyValuePair<string, string>> Grid(CampaignWorld w, params (bool Participates, string Share)[] rows)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var stores = new[] { w.StoreA, w.StoreB };
        for (var i = 0; i < rows.Length; i++)
        {
            fields.Add(new($"Rows[{i}].StoreId", stores[i].ToString()));
            fields.Add(new($"Rows[{i}].Participates", rows[i].Participates ? "true" : "false"));
            fields.Add(new($"Rows[{i}].SharePercent", rows[i].Share));
        }
        return fields;
    }

    [Fact]
    public async Task Grid_Should_List_Every_Store_Of_The_Tenant_With_The_Participating_Ones_Ticked()
    {
        var w = await CampaignWorld.CreateAsync(App, "cs-a");
        var id = await w.CampaignAsync(App, CampaignClassification.Fixed, withStores: false);

        var html = Html.Parse(await w.Client.Http.GetStringAsync($"/campanhas/{id}/filiais"));

        Assert.Equal(["LJA — Loja LJA", "LJB — Loja LJB"], html.QuerySelectorAll("[data-testid=store-row] td:nth-child(2)").Select(td => td.TextContent.Trim()));
        Assert.All(html.QuerySelectorAll("[data-testid=store-row] input[type=checkbox]"), box => Assert.False(box.HasAttribute("checked")));
    }

    [Fact]
    public async Task Shares_Not_Adding_Up_To_100_Should_Be_Refused_On_The_Grid_Keeping_What_Was_Typed()
    {
        var w = await CampaignWorld.CreateAsync(App, "cs-b");
        var id = await w.CampaignAsync(App, CampaignClassification.Fixed, withStores: false);

        var html = await w.PostForPageAsync($"/campanhas/{id}/filiais", Grid(w, (true, "60"), (true, "27,5")));

        Assert.Equal("As participações somam 87,50 %; precisam somar 100 %.", Html.Parse(html).QuerySelector("[data-testid=grid-error]")?.TextContent.Trim());
        Assert.Equal("60", Html.InputValue(html, "Rows_0__SharePercent"));
        Assert.Equal("27,5", Html.InputValue(html, "Rows_1__SharePercent"));
        Assert.Empty((await w.LoadAsync(App, id)).Stores);
    }

    [Fact]
    public async Task Removing_The_Last_Store_Of_An_Active_Campaign_Should_Be_Refused_On_The_Grid()
    {
        var w = await CampaignWorld.CreateAsync(App, "cs-s");
        var id = await w.CampaignAsync(App, CampaignClassification.Fixed);

        var html = await w.PostForPageAsync($"/campanhas/{id}/filiais", Grid(w, (false, "50"), (false, "50")));

        Assert.StartsWith("Uma campanha ativa precisa de pelo menos uma loja participante",
            Html.Parse(html).QuerySelector("[data-testid=grid-error]")?.TextContent.Trim());
        Assert.Equal(2, (await w.LoadAsync(App, id)).Stores.Count);
    }

    [Fact]
    public async Task Shares_Of_100_Should_Be_Saved_With_Each_Stores_Period_And_Hours()
    {
        var w = await CampaignWorld.CreateAsync(App, "cs-c");
        var id = await w.CampaignAsync(App, CampaignClassification.Fixed, withStores: false);
        var fields = Grid(w, (true, "50"), (true, "50"));
        fields.AddRange([new("Rows[1].StartDate", "2026-12-10"), new("Rows[1].EndDate", "2026-12-24"), new("Rows[1].StartTime", "22:00"),
            new("Rows[1].EndTime", "06:00"), new("Rows[1].ForecastSales", "1.234,56")]);

        var response = await w.PostAsync($"/campanhas/{id}/filiais", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stores = (await w.LoadAsync(App, id)).Stores.OrderBy(s => s.SharePercent).ThenBy(s => s.StartDate).ToList();
        Assert.Equal(2, stores.Count);
        var b = stores.Single(s => s.StoreId == w.StoreB);
        Assert.Equal((new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 24), new TimeOnly(22, 0), new TimeOnly(6, 0), 50m, 1234.56m),
            (b.StartDate!.Value, b.EndDate!.Value, b.StartTime!.Value, b.EndTime!.Value, b.SharePercent, b.ForecastSales!.Value));
        // Each participating store is audited as a row naming its campaign.
        var audited = await App.InTenantAsync(w.Tenant.Id, db => db.AuditEntries.Where(a => a.EntityType == nameof(CampaignStore))
            .Select(a => new { a.EntityId, a.After }).ToListAsync());
        Assert.Equal(2, audited.Count);
        Assert.All(audited, a => Assert.Contains(id.ToString(), a.After, StringComparison.Ordinal));
        // A new row's key comes from the database after the log is written: the entry is filed under its campaign.
        Assert.All(audited, a => Assert.Equal($"Campaign:{id}", a.EntityId));
    }

    [Fact]
    public async Task Row_Errors_Should_Sit_Next_To_The_Rows_Field()
    {
        var w = await CampaignWorld.CreateAsync(App, "cs-d");
        var id = await w.CampaignAsync(App, CampaignClassification.Fixed, withStores: false);
        var fields = Grid(w, (true, "50"), (true, "50"));
        fields.AddRange([new("Rows[0].StartDate", "2026-11-01"), new("Rows[1].StartTime", "08:00")]);

        var html = await w.PostForPageAsync($"/campanhas/{id}/filiais", fields);

        Assert.Equal("O período da loja deve estar dentro do período da campanha.", Html.FieldMessage(html, "Rows_0__StartDate"));
        Assert.NotEmpty(Html.FieldMessage(html, "Rows_1__EndTime"));
        Assert.Equal("08:00", Html.InputValue(html, "Rows_1__StartTime"));
    }

    [Fact]
    public async Task Update_Forecast_Should_Split_The_Campaigns_Forecasts_Without_Saving()
    {
        var w = await CampaignWorld.CreateAsync(App, "cs-e");
        var id = await w.CampaignAsync(App, CampaignClassification.Fixed, withStores: false);
        var fields = Grid(w, (true, "70"), (true, "30"));
        fields.Add(new("command", "forecast"));

        var html = await w.PostForPageAsync($"/campanhas/{id}/filiais", fields);

        // Campaign forecasts: R$ 10.000,00 sales, R$ 2.000,00 profit, 300 customers.
        Assert.Equal(("7.000,00", "1.400,00", "210"), (Html.InputValue(html, "Rows_0__ForecastSales"), Html.InputValue(html, "Rows_0__ForecastProfit"),
            Html.InputValue(html, "Rows_0__ForecastCustomers")));
        Assert.Equal(("3.000,00", "600,00", "90"), (Html.InputValue(html, "Rows_1__ForecastSales"), Html.InputValue(html, "Rows_1__ForecastProfit"),
            Html.InputValue(html, "Rows_1__ForecastCustomers")));
        Assert.NotNull(Html.Parse(html).QuerySelector("[data-testid=grid-notice]"));
        Assert.Empty((await w.LoadAsync(App, id)).Stores);
    }

    [Fact]
    public async Task Update_Period_Should_Fill_The_Campaigns_Period_Without_Saving()
    {
        var w = await CampaignWorld.CreateAsync(App, "cs-f");
        var id = await w.CampaignAsync(App, CampaignClassification.Fixed, withStores: false);
        var fields = Grid(w, (true, "50"), (false, ""));
        fields.AddRange([new("Rows[0].StartTime", "08:00"), new("Rows[0].EndTime", "12:00"), new("command", "period")]);

        var html = await w.PostForPageAsync($"/campanhas/{id}/filiais", fields);

        Assert.Equal(("2026-12-01", "2027-01-31"), (Html.InputValue(html, "Rows_0__StartDate"), Html.InputValue(html, "Rows_0__EndDate")));
        Assert.Equal(string.Empty, Html.InputValue(html, "Rows_0__StartTime") ?? string.Empty);
        Assert.Equal(string.Empty, Html.InputValue(html, "Rows_1__StartDate") ?? string.Empty);
        Assert.Equal("50", Html.InputValue(html, "Rows_0__SharePercent"));
        Assert.Empty((await w.LoadAsync(App, id)).Stores);
    }
}
