using System.Net;
using Loyalty.Domain.Campaigns;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Campaigns;

/// <summary>The tabs of a fixed campaign: "Concessão" per store and the "Prêmios" catalogue (seed 001).</summary>
public sealed class FixedCampaignTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    /// <summary>The concession grid of one store: rows are the departments and their sections, in code order
    /// (COMB, COMB/AUTO, CONV).</summary>
    private static List<KeyValuePair<string, string>> Concession(CampaignWorld w, Guid store, string fuel, string auto, string shop) =>
    [
        new("StoreId", store.ToString()),
        new("Rows[0].DepartmentId", w.Fuel.ToString()), new("Rows[0].PointsPerReal", fuel),
        new("Rows[1].DepartmentId", w.Fuel.ToString()), new("Rows[1].SectionId", w.FuelAuto.ToString()), new("Rows[1].PointsPerReal", auto),
        new("Rows[2].DepartmentId", w.Shop.ToString()), new("Rows[2].PointsPerReal", shop),
    ];

    [Fact]
    public async Task Concessions_Should_Be_Saved_Per_Store_Keeping_The_Other_Stores()
    {
        var w = await CampaignWorld.CreateAsync(App, "cf-a");
        var id = await w.CampaignAsync(App, CampaignClassification.Fixed);

        Assert.Equal(HttpStatusCode.Redirect, (await w.PostAsync($"/campanhas/{id}/concessao", Concession(w, w.StoreA, "2", "3,5", ""))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await w.PostAsync($"/campanhas/{id}/concessao", Concession(w, w.StoreB, "1", "", "0,5"))).StatusCode);

        var concessions = (await w.LoadAsync(App, id)).Concessions
            .Select(c => (c.StoreId == w.StoreA ? "A" : "B", c.SectionId is null ? c.DepartmentId == w.Fuel ? "COMB" : "CONV" : "AUTO", c.PointsPerReal))
            .Order().ToList();
        Assert.Equal([("A", "AUTO", 3.5m), ("A", "COMB", 2m), ("B", "COMB", 1m), ("B", "CONV", 0.5m)], concessions);
        var page = await w.Client.Http.GetStringAsync($"/campanhas/{id}/concessao?loja={w.StoreB}");
        Assert.Equal(("1,00", "", "0,50"), (Html.InputValue(page, "Rows_0__PointsPerReal"), Html.InputValue(page, "Rows_1__PointsPerReal"),
            Html.InputValue(page, "Rows_2__PointsPerReal")));
    }

    [Fact]
    public async Task Concession_Rate_Out_Of_Range_Should_Be_Shown_On_Its_Row_And_Nothing_Saved()
    {
        var w = await CampaignWorld.CreateAsync(App, "cf-b");
        var id = await w.CampaignAsync(App, CampaignClassification.Fixed);

        var html = await w.PostForPageAsync($"/campanhas/{id}/concessao", Concession(w, w.StoreA, "2", "1,234", "x"));

        Assert.NotEmpty(Html.FieldMessage(html, "Rows_1__PointsPerReal"));
        Assert.NotEmpty(Html.FieldMessage(html, "Rows_2__PointsPerReal"));
        Assert.Equal(("2", "1,234", "x"), (Html.InputValue(html, "Rows_0__PointsPerReal"), Html.InputValue(html, "Rows_1__PointsPerReal"),
            Html.InputValue(html, "Rows_2__PointsPerReal")));
        Assert.Empty((await w.LoadAsync(App, id)).Concessions);
    }

    [Fact]
    public async Task Prizes_Should_Be_Added_By_Product_Code_Edited_And_Removed()
    {
        var w = await CampaignWorld.CreateAsync(App, "cf-c");
        var id = await w.CampaignAsync(App, CampaignClassification.Fixed);
        var prizes = $"/campanhas/{id}/premios";

        Assert.Equal(HttpStatusCode.Redirect, (await w.PostAsync(prizes, [new("ProductCode", " caneca "), new("PointsRequired", "500"), new("Stock", "10")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await w.PostAsync(prizes, [new("ProductCode", "BONE"), new("PointsRequired", "300"), new("Stock", "")])).StatusCode);
        var unknown = await w.PostForPageAsync(prizes, [new("ProductCode", "NAOEXISTE"), new("PointsRequired", "0"), new("Stock", "")]);
        Assert.Equal("Produto não encontrado no cadastro de produtos.", Html.FieldMessage(unknown, "ProductCode"));
        Assert.Equal("NAOEXISTE", Html.InputValue(unknown, "ProductCode"));

        var stored = (await w.LoadAsync(App, id)).Prizes.ToDictionary(p => p.ProductId);
        Assert.Equal((500L, (int?)10), (stored[w.Products["CANECA"]].PointsRequired, stored[w.Products["CANECA"]].Stock));
        Assert.Null(stored[w.Products["BONE"]].Stock);

        var caneca = stored[w.Products["CANECA"]].Id;
        var refused = await w.PostForPageAsync($"{prizes}/{caneca}", [new("PointsRequired", "0"), new("Stock", "-1")], prizes);
        Assert.NotEmpty(Html.FieldMessage(refused, $"points-{caneca}"));
        Assert.Equal(HttpStatusCode.Redirect, (await w.PostAsync($"{prizes}/{caneca}", [new("PointsRequired", "650"), new("Stock", "")], prizes)).StatusCode);
        Assert.Equal((650L, (int?)null), (await w.LoadAsync(App, id)).Prizes.Where(p => p.Id == caneca).Select(p => (p.PointsRequired, p.Stock)).Single());

        Assert.Equal(HttpStatusCode.Redirect, (await w.PostAsync($"{prizes}/{caneca}/excluir", [], prizes)).StatusCode);
        Assert.Equal([w.Products["BONE"]], (await w.LoadAsync(App, id)).Prizes.Select(p => p.ProductId));
    }

    [Fact]
    public async Task Prize_Already_Redeemed_Should_Not_Be_Removed()
    {
        var w = await CampaignWorld.CreateAsync(App, "cf-d");
        var id = await w.CampaignAsync(App, CampaignClassification.Fixed);
        await w.PostAsync($"/campanhas/{id}/premios", [new("ProductCode", "CANECA"), new("PointsRequired", "500"), new("Stock", "")]);
        var customer = await App.RegisterTitularAsync(w.Tenant.Id, "Maria Resgate", 11);
        await using (var scope = App.TenantScope(w.Tenant.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
            var prize = await db.Prizes.SingleAsync();
            db.Redemptions.Add(Redemption.Of(new RedemptionHeader(id, customer.CustomerId, customer.CustomerId, null, w.StoreA, Guid.NewGuid(), "Caixa"), 1,
                [(prize, 1)], DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var prizeId = (await w.LoadAsync(App, id)).Prizes.Single().Id;

        var response = await w.PostAsync($"/campanhas/{id}/premios/{prizeId}/excluir", [], $"/campanhas/{id}/premios");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Single((await w.LoadAsync(App, id)).Prizes);
        Assert.Contains("Este prêmio já foi resgatado e não pode ser removido", Html.Text(await w.Client.Http.GetStringAsync($"/campanhas/{id}/premios")));
    }
}
