using System.Net;
using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Staff;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Campaigns;

/// <summary>Another tenant's campaign is as unknown as a missing one, and only the tenant's administrators reach campaigns.</summary>
public sealed class CampaignTenantIsolationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string[] Pages =
        ["", "/editar", "/filiais", "/concessao", "/premios", "/periodo", "/periodo/produto-comprado", "/periodo/estabelecimento", "/periodo/frequencia",
            "/descontos", "/vale-brinde"];

    private static readonly string[] Posts =
        ["/editar", "/situacao", "/filiais", "/concessao", "/premios", "/periodo", "/periodo/produto-comprado", "/periodo/estabelecimento",
            "/periodo/frequencia", "/descontos", "/vale-brinde"];

    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Campaign_Of_Another_Tenant_Should_Answer_404_On_Every_Page_And_Change()
    {
        var other = await CampaignWorld.CreateAsync(App, "ci-a");
        var foreign = await other.CampaignAsync(App, CampaignClassification.Fixed);
        await other.PostAsync($"/campanhas/{foreign}/premios", [new("ProductCode", "BONE"), new("PointsRequired", "100"), new("Stock", "")]);
        var prize = (await other.LoadAsync(App, foreign)).Prizes.Single().Id;
        var w = await CampaignWorld.CreateAsync(App, "ci-b");
        var token = await w.Client.Http.GetStringAsync("/campanhas");

        var outcomes = new List<string>();
        foreach (var id in new[] { foreign, Guid.NewGuid() })
        {
            foreach (var page in Pages)
            {
                outcomes.Add($"GET {page} {(int)(await w.Client.Http.GetAsync($"/campanhas/{id}{page}")).StatusCode}");
            }
            foreach (var post in Posts.Concat([$"/premios/{prize}", $"/premios/{prize}/excluir"]))
            {
                var fields = new Dictionary<string, string> { ["Description"] = "Tomada", ["Situation"] = "Cancelled", ["PointsRequired"] = "1" };
                outcomes.Add($"POST {post} {(int)(await w.Client.PostFormAsync($"/campanhas/{id}{post}", token, fields)).StatusCode}");
            }
        }

        Assert.All(outcomes, o => Assert.EndsWith(" 404", o));
        var untouched = await other.LoadAsync(App, foreign);
        Assert.Equal((CampaignSituation.Active, "Campanha de teste", 1), (untouched.Situation, untouched.Description, untouched.Prizes.Count));
        Assert.DoesNotContain("Campanha de teste", token);
    }

    [Fact]
    public async Task Campaign_Type_Of_Another_Tenant_Should_Answer_404_And_Not_Be_Listed()
    {
        var other = await CampaignWorld.CreateAsync(App, "ci-c");
        var w = await CampaignWorld.CreateAsync(App, "ci-d");
        await w.PostAsync("/campanhas/tipos", [new("Name", "Relâmpago")]);
        var otherType = await App.InTenantAsync(other.Tenant.Id, db => db.CampaignTypes.Select(t => t.Id).SingleAsync());
        var page = await w.Client.Http.GetStringAsync("/campanhas/tipos");

        Assert.Equal(HttpStatusCode.NotFound, (await w.Client.PostFormAsync($"/campanhas/tipos/{otherType}", page, new Dictionary<string, string> { ["Name"] = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Client.PostFormAsync($"/campanhas/tipos/{otherType}/excluir", page, new Dictionary<string, string>())).StatusCode);
        Assert.Equal("Promocional", await App.InTenantAsync(other.Tenant.Id, db => db.CampaignTypes.Select(t => t.Name).SingleAsync()));

        // A campaign cannot be given another tenant's type either: the type is not found in the tenant.
        var created = await w.PostAsync("/campanhas/nova", new Dictionary<string, string>
        {
            ["Description"] = "Com tipo alheio", ["StartDate"] = "2026-12-01", ["EndDate"] = "2026-12-31", ["TypeId"] = otherType.ToString(),
            ["Situation"] = "Pending", ["Classification"] = "Fixed",
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.False(await App.InTenantAsync(w.Tenant.Id, db => db.Campaigns.AnyAsync()));
    }

    [Theory]
    [InlineData(StaffRole.StoreManager)]
    [InlineData(StaffRole.Cashier)]
    [InlineData(StaffRole.CreditAnalyst)]
    public async Task Staff_Other_Than_The_Tenant_Admin_Should_Be_Refused(StaffRole role)
    {
        var w = await CampaignWorld.CreateAsync(App, $"ci-{(int)role}");
        var id = await w.CampaignAsync(App, CampaignClassification.Fixed);
        var email = await App.CreateUserAsync(w.Tenant.Id, role, w.StoreA);
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(w.Tenant.Code, email, TestData.Password);
        var home = await client.Http.GetStringAsync("/");

        foreach (var url in new[] { "/campanhas", "/campanhas/tipos", $"/campanhas/{id}", $"/campanhas/{id}/filiais", $"/campanhas/{id}/premios" })
        {
            var response = await client.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.AbsolutePath == "/acesso-negado", url);
        }
        var post = await client.PostFormAsync($"/campanhas/{id}/situacao", home, new Dictionary<string, string> { ["Situation"] = "Cancelled" });
        Assert.True(post.StatusCode == HttpStatusCode.Forbidden || post.Headers.Location?.AbsolutePath == "/acesso-negado");
        Assert.Equal(CampaignSituation.Active, (await w.LoadAsync(App, id)).Situation);
        Assert.DoesNotContain("nav-campaigns", home);
    }
}
