using System.Net;
using System.Text.RegularExpressions;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Customers;
using Loyalty.IntegrationTests.Identity;
using Loyalty.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Home;

/// <summary>Each role lands on its own home page: the cashier on the counter's search and shortcuts, the other roles on
/// their shortcuts, and the roles whose screens have not arrived on a page that says so.</summary>
public sealed partial class HomePageTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    public static TheoryData<StaffRole, string?, string, string[]> Homes => new()
    {
        { StaffRole.Cashier, "demo", "caixa@demo.local", ["register-customer", "new-purchase", "redemption"] },
        { StaffRole.StoreManager, "demo", "gerente@demo.local", ["register-customer", "customers", "purchases", "redemption", "blocks", "points-audit"] },
        { StaffRole.TenantAdmin, "demo", "admin@demo.local", ["customers", "purchases", "points-audit", "campaigns", "users", "dailyclose", "audit"] },
        { StaffRole.PlatformAdmin, null, DemoSeeder.PlatformEmail, ["tenants", "jobs"] },
        { StaffRole.CreditAnalyst, "demo", "credito@demo.local", [] },
        { StaffRole.CardOperator, "demo", "cartoes@demo.local", [] },
    };

    [Theory]
    [MemberData(nameof(Homes))]
    public async Task Home_Should_OfferTheShortcutsOfTheRole_EachOpeningForIt(StaffRole role, string? company, string email, string[] shortcuts)
    {
        using var client = fixture.App.CreateStaffClient();
        await client.SignInOrThrowAsync(company, email, DemoSeeder.Password);

        var html = await client.Http.GetStringAsync("/");

        var links = ShortcutRegex().Matches(html).ToDictionary(m => m.Groups["id"].Value, m => m.Groups["href"].Value);
        Assert.Equal(shortcuts, links.Keys);
        foreach (var href in links.Values)
        {
            var response = await client.Http.GetAsync(href);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role}: {href} answered {(int)response.StatusCode}");
        }
        Assert.Equal(role == StaffRole.Cashier, html.Contains("data-testid=\"home-search\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CashierSearch_Should_FindTheCustomerByNameOnTheCustomerList()
    {
        using var client = fixture.App.CreateStaffClient();
        await client.SignInOrThrowAsync("demo", "caixa@demo.local", DemoSeeder.Password);

        var home = await client.Http.GetStringAsync("/");
        var form = SearchFormRegex().Match(home);

        Assert.True(form.Success, "the cashier's home has no search form");
        Assert.Equal("/clientes", form.Groups["action"].Value);
        var results = WebUtility.HtmlDecode(await client.Http.GetStringAsync($"/clientes?{form.Groups["name"].Value}=Jo%C3%A3o"));
        Assert.Contains("João da Silva", results, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("credito@demo.local", "Análise de crédito", new[] { "pending-analysis", "rejected" })]
    [InlineData("cartoes@demo.local", "Cartões", new[] { "awaiting-embossing", "awaiting-receipt", "blocked" })]
    public async Task Home_Should_CountTheCardsWaitingAtTheRolesSteps(string email, string title, string[] tiles)
    {
        using var client = fixture.App.CreateStaffClient();
        await client.SignInOrThrowAsync("demo", email, DemoSeeder.Password);

        var html = WebUtility.HtmlDecode(await client.Http.GetStringAsync("/"));

        Assert.Contains("data-testid=\"home-desk\"", html, StringComparison.Ordinal);
        Assert.Contains(title, html, StringComparison.Ordinal);
        foreach (var tile in tiles)
        {
            Assert.Matches($@"data-testid=""desk-count-{tile}"">\d+<", html);
        }
        Assert.DoesNotContain("Suas telas estão a caminho", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCardOperatorsHome_Should_CountTheTenantsBlockedCards_AndOpenTheirList()
    {
        var tenant = await fixture.App.CreateTenantAsync($"hd{Guid.NewGuid():N}"[..10]);
        var customer = await fixture.App.AddCustomerAsync(tenant.Id, "Cliente Bloqueado");
        await fixture.App.AddCustomerAsync(tenant.Id, "Cliente Ativo");
        var other = await fixture.App.CreateTenantAsync($"hd{Guid.NewGuid():N}"[..10]);
        var stranger = await fixture.App.AddCustomerAsync(other.Id, "Outro Bloqueado");
        await fixture.App.InTenantAsync(other.Id, async db =>
        {
            (await db.Cards.SingleAsync(k => k.Number == stranger.CardNumber)).BlockTemporarily(new Loyalty.Domain.Cards.CardChange(DateTimeOffset.UtcNow, null, "Teste"));
            return await db.SaveChangesAsync();
        });
        await fixture.App.InTenantAsync(tenant.Id, async db =>
        {
            var card = await db.Cards.SingleAsync(k => k.Number == customer.CardNumber);
            card.BlockTemporarily(new Loyalty.Domain.Cards.CardChange(DateTimeOffset.UtcNow, null, "Teste"));
            return await db.SaveChangesAsync();
        });
        var email = await fixture.App.CreateUserAsync(tenant.Id, Loyalty.Domain.Staff.StaffRole.CardOperator);
        using var client = fixture.App.CreateStaffClient();
        await client.SignInOrThrowAsync(tenant.Code, email, TestData.Password);

        var html = await client.Http.GetStringAsync("/");

        Assert.Contains("data-testid=\"desk-count-blocked\">1<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"desk-count-awaiting-embossing\">0<", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/cartoes?situacao=BT\"", html, StringComparison.Ordinal);

        var list = await client.GetPageAsync("/cartoes?situacao=BT");
        var row = Assert.Single(list.QuerySelectorAll("[data-testid=card-row]"));
        Assert.Contains("Cliente Bloqueado", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("BT", list.QuerySelector("[data-testid=card-status-filter]")!.QuerySelector("option[selected]")!.GetAttribute("value"));
        var narrowed = await client.GetPageAsync("/cartoes?q=Cliente&situacao=01");
        Assert.Equal("Cliente Ativo", Assert.Single(narrowed.QuerySelectorAll("[data-testid=card-row]")).QuerySelectorAll("td")[3].TextContent.Trim());
    }

    [GeneratedRegex(@"href=""(?<href>[^""]+)"" data-testid=""shortcut-(?<id>[^""]+)""")]
    private static partial Regex ShortcutRegex();

    [GeneratedRegex(@"<form method=""get"" action=""(?<action>[^""]+)""[^>]*data-testid=""home-search""[\s\S]*?<input id=""home-q"" name=""(?<name>[^""]+)""")]
    private static partial Regex SearchFormRegex();
}
