using System.Text.RegularExpressions;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Cards.Embossing;
using Loyalty.Domain.Credit;
using Loyalty.Web.Features.Credit.AnalyseAll;
using Loyalty.Web.Features.Customers;
using Loyalty.Testing;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.BrowserTests;

/// <summary>The credit, embossing, agreement and card-settings screens of the `credito` demo tenant (score set,
/// modalities, decisions, an agreement and two batches seeded by the fixture) as each role that may reach them sees
/// them: none answers with a server error, shows an id (GUID) or a resource key where a label should be; the roles that
/// may not open them are refused, never answered with a server error; a tampered address is a 404 or the default list.</summary>
public sealed partial class BackOfficeScreensWalkTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Tenant = "credito";

    private static readonly string[] Credit = ["/credito/analise", "/credito/analise?situacao=08", "/credito/analise/{customer}",
        "/credito/analise?situacao=zz&pagina=-3", "/credito/analise?q=%27%22%3C"];

    private static readonly string[] Embossing = ["/cartoes/embossing", "/cartoes/lotes", "/cartoes/lotes?situacao=Delivered",
        "/cartoes/lotes?situacao=1", "/cartoes/lotes?situacao=99&pagina=-1", "/cartoes/lotes/{batch}",
        "/cartoes/lotes/{batch}?conferidos=true", "/cartoes/lotes/{batch}?pagina=999"];

    private static readonly string[] Administration = ["/credito/parametros", "/credito/parametros/novo", "/credito/parametros/{scoreSet}",
        "/credito/modalidades", "/convenios", "/convenios/novo", "/convenios/{agreement}/editar", "/configuracoes/cartoes"];

    /// <summary>The screens each role may open.</summary>
    private static readonly Dictionary<string, string[]> Screens = new()
    {
        ["admin@credito.local"] = [.. Credit, .. Embossing, .. Administration],
        ["credito@credito.local"] = Credit,
        ["cartoes@credito.local"] = Embossing,
    };

    /// <summary>Addresses that must be a 404, not a server error.</summary>
    private static readonly string[] Missing = ["/credito/analise/analisar-todos/{random}", "/credito/analise/{random}",
        "/credito/parametros/{random}", "/convenios/{random}/editar", "/cartoes/lotes/987654321"];

    [Theory]
    [InlineData("admin@credito.local")]
    [InlineData("credito@credito.local")]
    [InlineData("cartoes@credito.local")]
    public Task Back_Office_Screens_Show_No_Server_Error_Id_Or_Resource_Key(string email) =>
        InBrowserAsync(async page =>
        {
            var ids = await IdsAsync();
            await page.SignInAsync(Tenant, email);
            foreach (var url in Screens[email].Select(ids))
            {
                var response = await page.GotoAsync(url);
                Assert.True(response is { Status: < 400 }, $"{url} answered {response?.Status}");
                var text = await page.Locator("body").InnerTextAsync();
                Assert.False(Guid().IsMatch(text), $"{url} shows an id: {Guid().Match(text).Value}");
                Assert.False(ResourceKey().IsMatch(text), $"{url} shows a resource key: {ResourceKey().Match(text).Value}");
                var unlabeled = await page.EvaluateAsync<string[]>(UnlabeledFields);
                Assert.True(unlabeled.Length == 0, $"{url} has fields without a label: {string.Join(", ", unlabeled)}");
                Dump(email, url, text);
            }
            // Through the session's request context: a 404 page in the browser is logged as a console error.
            foreach (var url in Missing.Select(ids))
            {
                var response = await page.APIRequest.GetAsync(url);
                var allowed = Screens[email].Any(s => url.StartsWith(s.Split('{')[0].TrimEnd('/'), StringComparison.Ordinal));
                Assert.True(response.Status is 404 or 403 || (!allowed && response.Status < 500), $"{url} answered {response.Status}");
            }
            if (Screens[email].Contains("/credito/analise"))
            {
                // The rejected list's PDF link, with the session's cookies.
                await page.GotoAsync("/credito/analise?situacao=08");
                var pdf = await page.APIRequest.GetAsync("/credito/analise/reprovados.pdf");
                Assert.Equal(200, pdf.Status);
                Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]));
                Assert.DoesNotMatch(Guid(), pdf.Headers["content-disposition"]);
            }
        });

    [Theory]
    [InlineData("gerente@credito.local")]
    [InlineData("caixa@credito.local")]
    [InlineData("credito@credito.local")]
    [InlineData("cartoes@credito.local")]
    public Task Roles_That_May_Not_Open_A_Screen_Are_Refused_Never_Answered_With_A_Server_Error(string email) =>
        InBrowserAsync(async page =>
        {
            var ids = await IdsAsync();
            await page.SignInAsync(Tenant, email);
            var mine = Screens.GetValueOrDefault(email, []);
            foreach (var url in Screens["admin@credito.local"].Except(mine).Select(ids))
            {
                // Through the session's request context: the refusal page is a 403, logged by the browser as a console error.
                var response = await page.APIRequest.GetAsync(url);
                Assert.True(response.Status < 500, $"{url} answered {response.Status} to {email}");
                var refused = response.Status is 403 or 404 || !response.Url.Contains(url.Split('?')[0], StringComparison.Ordinal);
                Assert.True(refused, $"{email} opened {url}");
            }
        });

    /// <summary>Portuguese words of these screens' own labels (not of tenant data such as modality or company names).</summary>
    private static readonly string[] PortugueseLabels = ["Análise", "Situação", "Limite", "Reprovados",
        "Pendentes", "Convênio", "Parâmetros", "Modalidade", "Salvar", "Nenhum", "Entregue", "Cartões", "Não"];

    [Theory]
    [InlineData("en-US")]
    [InlineData("es-MX")]
    public Task Back_Office_Screens_Speak_The_Users_Language(string culture) =>
        InBrowserAsync(async page =>
        {
            var tenantId = await TenantIdAsync();
            // An admin of its own, so that the language left on the profile cannot leak into other tests.
            var email = await Fixture.App.CreateUserAsync(tenantId, Loyalty.Domain.Staff.StaffRole.TenantAdmin);
            var ids = await IdsAsync();
            await page.SignInAsync(Tenant, email, TestData.Password);
            await page.GetByTestId("language-select").SelectOptionAsync(culture);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
            foreach (var url in Screens["admin@credito.local"].Select(ids))
            {
                var response = await page.GotoAsync(url);
                Assert.True(response is { Status: < 400 }, $"{url} answered {response?.Status}");
                var text = await page.Locator("main").InnerTextAsync();
                Assert.False(ResourceKey().IsMatch(text), $"{url} shows a resource key: {ResourceKey().Match(text).Value}");
                var portuguese = PortugueseLabels.Where(w => Regex.IsMatch(text, $@"(?<!\w){w}(?!\w)")).ToList();
                Assert.True(portuguese.Count == 0, $"{url} in {culture} shows Portuguese: {string.Join(", ", portuguese)}");
                Dump(culture, url, text);
            }
        });

    private static readonly string[] Cultures = ["pt-BR", "en-US", "es-MX"];

    [Fact]
    public Task Analyse_All_Result_Shows_No_Id_Or_Resource_Key_In_Any_Language() =>
        InBrowserAsync(async page =>
        {
            // A tenant of its own: "Analisar todos" decides every pending customer, the demo tenant's included.
            var app = Fixture.App;
            var tenant = await app.CreateTenantAsync("walk-all");
            await app.InTenantAsync(tenant.Id, async db =>
            {
                (await db.ProgramSettings.SingleAsync()).ChangeCardFlow(CardFlow.LoyaltyAndCredit, 60);
                var set = CreditScoreSet.Create(new DateOnly(2020, 1, 1), 60, 1m, DateTimeOffset.UtcNow);
                set.ReplaceWeights([new(ScoreAttribute.MonthlyIncome, null, 2000, null, 60)]);
                set.ReplaceBands([new(0, 59, 0m), new(60, null, 1500m)]);
                db.CreditScoreSets.Add(set);
                db.CreditModalities.Add(CreditModality.Create("Compras", DateTimeOffset.UtcNow));
                return await db.SaveChangesAsync();
            });
            await app.RegisterCustomerAsync(tenant.Id, new CustomerForm { Document = TestDocuments.Cpf(7301), Name = "Walter Aprovado", MonthlyIncome = 3000m });
            await app.RegisterCustomerAsync(tenant.Id, new CustomerForm { Document = TestDocuments.Cpf(7302), Name = "Wilma Reprovada", MonthlyIncome = 900m });
            var email = await app.CreateUserAsync(tenant.Id, Loyalty.Domain.Staff.StaffRole.TenantAdmin);
            await page.SignInAsync(tenant.Code, email, TestData.Password);
            await page.GotoAsync("/credito/analise");
            // Its form once lacked the antiforgery token and answered 400.
            await page.GetByTestId("analyse-all").ClickAsync();
            await Expect(page.GetByTestId("analyse-all-run")).ToBeVisibleAsync();
            var key = System.Guid.Parse(page.Url.Split('/')[^1]);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<AnalyseAllJob>().RunAsync(tenant.Id, key, CancellationToken.None);
            }
            foreach (var culture in Cultures)
            {
                if (culture != "pt-BR")
                {
                    await page.GetByTestId("language-select").SelectOptionAsync(culture);
                    await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
                }
                await page.GotoAsync($"/credito/analise/analisar-todos/{key}");
                await Expect(page.GetByTestId("analyse-all-done")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("count-approved")).ToHaveTextAsync("1");
                await Expect(page.GetByTestId("count-rejected")).ToHaveTextAsync("1");
                var text = await page.Locator("main").InnerTextAsync();
                Assert.False(Guid().IsMatch(text), $"the result in {culture} shows an id: {Guid().Match(text).Value}");
                Assert.False(ResourceKey().IsMatch(text), $"the result in {culture} shows a resource key: {ResourceKey().Match(text).Value}");
                var portuguese = culture == "pt-BR" ? [] : PortugueseLabels.Where(w => Regex.IsMatch(text, $@"(?<!\w){w}(?!\w)")).ToList();
                Assert.True(portuguese.Count == 0, $"the result in {culture} shows Portuguese: {string.Join(", ", portuguese)}");
                Dump(culture, "/credito/analise/analisar-todos", text);
            }
        });

    /// <summary>The names of the visible fields a screen reader would announce without a label.</summary>
    private const string UnlabeledFields = """
        () => [...document.querySelectorAll('input, select, textarea')]
            .filter(e => !['hidden', 'submit', 'button'].includes(e.type) && e.offsetParent !== null)
            .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby') && !e.title)
            .map(e => e.name || e.id || e.outerHTML.slice(0, 80))
        """;

    private async Task<Guid> TenantIdAsync()
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Loyalty.Web.Infrastructure.Persistence.LoyaltyDbContext>().Tenants
            .Where(t => t.Code == Tenant).Select(t => t.Id).SingleAsync();
    }

    /// <summary>Fills an address's placeholders with records of the demo tenant: a customer waiting for analysis, the
    /// score set, an agreement company and a batch.</summary>
    private async Task<Func<string, string>> IdsAsync()
    {
        var tenantId = await TenantIdAsync();
        var customer = await Fixture.App.InTenantAsync(tenantId, db => db.Cards
            .Where(c => c.Status == CardStatus.Registered || c.Status == CardStatus.CreditNotApproved)
            .OrderBy(c => c.Status).Select(c => c.CustomerId).FirstAsync());
        var scoreSet = await Fixture.App.InTenantAsync(tenantId, db => db.CreditScoreSets.Select(s => s.Id).FirstAsync());
        var agreement = await Fixture.App.InTenantAsync(tenantId, db => db.AgreementCompanies.Select(a => a.Id).FirstAsync());
        var batch = await Fixture.App.InTenantAsync(tenantId, db => db.Set<EmbossingBatch>().OrderBy(b => b.Number).Select(b => b.Number).FirstAsync());
        var random = System.Guid.NewGuid();
        return url => url.Replace("{customer}", customer.ToString()).Replace("{scoreSet}", scoreSet.ToString())
            .Replace("{agreement}", agreement.ToString()).Replace("{batch}", batch.ToString(CultureInfo.InvariantCulture)).Replace("{random}", random.ToString());
    }

    private static void Dump(string who, string url, string text)
    {
        if (Environment.GetEnvironmentVariable("WALK_DUMP") is { Length: > 0 } dir)
        {
            File.AppendAllText(Path.Combine(dir, "backoffice-" + who + ".txt"), $"==== {url}\n{text}\n");
        }
    }

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    /// <summary>A missing resource shows its key, e.g. "Credit.Pending.Title".</summary>
    [GeneratedRegex(@"\b[A-Z][a-z]+[A-Z]?[A-Za-z]*\.[A-Z][A-Za-z.]*\b")]
    private static partial Regex ResourceKey();
}
