using Loyalty.Testing;

namespace Loyalty.BrowserTests;

/// <summary>Odd addresses typed or tampered on the card screens: an unknown card or reason is a 404, a bad filter is
/// read as a filter, never a server error.</summary>
public sealed class CardScreensBadInputTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    public static TheoryData<string, int> Addresses() => new()
    {
        { "/cartoes/0000000000000000", 404 },
        { "/cartoes/00000000-0000-0000-0000-000000000000", 404 },
        { "/cartoes/motivos/00000000-0000-0000-0000-000000000000/editar", 404 },
        { "/cartoes?q=%27%20OR%201%3D1%20--", 200 },
        { "/cartoes?q=" + new string('9', 5000), 200 },
        { "/cartoes/vencidos?Expired=false&Days=0", 200 },
        { "/cartoes/vencidos?Expired=false&Days=abc", 200 },
        { "/cartoes/vencidos?Expired=false&Days=99999999999", 200 },
        { "/cartoes/vencidos?Expired=false&Days=-5", 200 },
        { "/cartoes/vencidos?Page=999999999", 200 },
        { "/cartoes/movimento?From=2026-12-10&To=2026-12-01", 200 },
        { "/cartoes/movimento?From=abc&StoreId=nope&Page=-5", 200 },
        { "/cartoes/movimento?Page=999999999", 200 },
        { "/cartoes/movimento?From=0001-01-01&To=9999-12-31", 200 },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public Task Card_Screens_Answer_Odd_Addresses_Without_A_Server_Error(string url, int expected) =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync("demo", "admin@demo.local");
            var response = await page.Context.APIRequest.GetAsync(url);
            var body = await response.TextAsync();
            Assert.True(response.Status == expected, $"{url} answered {response.Status}");
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        });
}
