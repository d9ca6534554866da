using System.Text.RegularExpressions;
using Loyalty.Testing;

namespace Loyalty.BrowserTests;

/// <summary>The card screens as each role that may reach them sees them: none answers with a server error, shows an id
/// (GUID) or a resource key where a label should be.</summary>
public sealed partial class CardScreensWalkTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>The card screens each role may open (the others answer "access denied", checked by the menu tests).</summary>
    private static readonly Dictionary<string, string[]> Screens = new()
    {
        ["admin@demo.local"] = ["/cartoes", "/cartoes?q={last4}", "/cartoes/{number}", "/cartoes/vencidos",
            "/cartoes/vencidos?Expired=false&Days=400", "/cartoes/movimento", "/cartoes/motivos", "/cartoes/motivos/novo"],
        ["cartoes@demo.local"] = ["/cartoes", "/cartoes?q={last4}", "/cartoes/{number}", "/cartoes/vencidos",
            "/cartoes/vencidos?Expired=false&Days=400"],
        ["gerente@demo.local"] = ["/cartoes/movimento"],
    };

    [Theory]
    [InlineData("admin@demo.local")]
    [InlineData("cartoes@demo.local")]
    [InlineData("gerente@demo.local")]
    public Task Card_Screens_Show_No_Server_Error_Id_Or_Resource_Key(string email) =>
        InBrowserAsync(async page =>
        {
            var customer = await Fixture.App.AddCustomerAsync(Fixture.DemoTenantId, "Wanderleia Passeio Cartões", f =>
            {
                f.Gender = Loyalty.Domain.Customers.Gender.Female;
                f.BirthDate = new DateOnly(1985, 1, 20);
                f.MobilePhone = "11987654321";
            });
            var number = customer.CardNumber!;
            await page.SignInAsync("demo", email);
            foreach (var url in Screens[email].Select(u => u.Replace("{last4}", number[^4..]).Replace("{number}", number)))
            {
                var response = await page.GotoAsync(url);
                Assert.True(response is { Status: < 400 }, $"{url} answered {response?.Status}");
                var text = await page.Locator("body").InnerTextAsync();
                Assert.False(Guid().IsMatch(text), $"{url} shows an id: {Guid().Match(text).Value}");
                Assert.False(ResourceKey().IsMatch(text), $"{url} shows a resource key: {ResourceKey().Match(text).Value}");
                Dump(email, url, text);
            }
        });

    /// <summary>Portuguese words of the card screens' own labels (not of tenant data such as reasons or store names).</summary>
    private static readonly string[] PortugueseLabels = ["Histórico", "Validade", "Senha", "Observação", "Nenhum", "Situação do cartão"];

    [Theory]
    [InlineData("en-US")]
    [InlineData("es-MX")]
    public Task Card_Screens_Speak_The_Users_Language(string culture) =>
        InBrowserAsync(async page =>
        {
            // An admin of its own, so that the language left on the profile cannot leak into other tests.
            var email = await Fixture.App.CreateUserAsync(Fixture.DemoTenantId, Loyalty.Domain.Staff.StaffRole.TenantAdmin);
            var customer = await Fixture.App.AddCustomerAsync(Fixture.DemoTenantId, "Xerxes Idioma Cartões", f =>
            {
                f.Gender = Loyalty.Domain.Customers.Gender.Male;
                f.BirthDate = new DateOnly(1990, 4, 2);
                f.MobilePhone = "11987654321";
            });
            var number = customer.CardNumber!;
            await page.SignInAsync("demo", email, TestData.Password);
            await page.GetByTestId("language-select").SelectOptionAsync(culture);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
            foreach (var url in Screens["admin@demo.local"].Select(u => u.Replace("{last4}", number[^4..]).Replace("{number}", number)))
            {
                var response = await page.GotoAsync(url);
                Assert.True(response is { Status: < 400 }, $"{url} answered {response?.Status}");
                var text = await page.Locator("main").InnerTextAsync();
                Assert.False(ResourceKey().IsMatch(text), $"{url} shows a resource key: {ResourceKey().Match(text).Value}");
                var portuguese = PortugueseLabels.Where(w => Regex.IsMatch(text, $@"\b{w}\b")).ToList();
                Assert.True(portuguese.Count == 0, $"{url} in {culture} shows Portuguese: {string.Join(", ", portuguese)}");
                Dump(culture, url, text);
            }
        });

    private static void Dump(string email, string url, string text)
    {
        if (Environment.GetEnvironmentVariable("WALK_DUMP") is { Length: > 0 } dir)
        {
            File.AppendAllText(Path.Combine(dir, email + ".txt"), $"==== {url}\n{text}\n");
        }
    }

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    /// <summary>A missing resource shows its key, e.g. "CardStatus.Active" or "CardAction.Done.Block".</summary>
    [GeneratedRegex(@"\b[A-Z][a-z]+[A-Z][A-Za-z]*\.[A-Z][A-Za-z.]*\b")]
    private static partial Regex ResourceKey();
}
