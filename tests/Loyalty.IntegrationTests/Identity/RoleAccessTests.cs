using System.Net;
using Loyalty.Domain.Staff;
using Loyalty.Testing;
using Loyalty.Web.Features.Demo;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Identity;

/// <summary>The demo tenant (one user per role, a PlatformAdmin) and the ids its pages need.</summary>
public sealed class DemoFixture : IAsyncLifetime
{
    public LoyaltyAppFactory App { get; private set; } = default!;
    public Guid StoreId { get; private set; }
    public Guid AdminId { get; private set; }
    public Guid CampaignId { get; private set; }

    public async Task InitializeAsync()
    {
        App = await LoyaltyAppFactory.CreateAsync();
        await App.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        await using var platform = App.PlatformScope();
        var tenantId = await platform.ServiceProvider.GetRequiredService<LoyaltyDbContext>()
            .Tenants.Where(t => t.Code == DemoSeeder.TenantCode).Select(t => t.Id).SingleAsync();
        StoreId = await App.InTenantAsync(tenantId, db => db.Stores.Where(s => s.Code == "LJ01").Select(s => s.Id).SingleAsync());
        AdminId = await App.UserIdAsync(tenantId, "admin@demo.local");
        CampaignId = await App.InTenantAsync(tenantId, db => db.Campaigns.Where(c => c.Description == "Natal Premiado").Select(c => c.Id).SingleAsync());
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class RoleAccessTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    private const string Anonymous = "Anonymous";

    private static readonly Dictionary<string, string> Emails = new()
    {
        [nameof(StaffRole.PlatformAdmin)] = DemoSeeder.PlatformEmail,
        [nameof(StaffRole.TenantAdmin)] = "admin@demo.local",
        [nameof(StaffRole.StoreManager)] = "gerente@demo.local",
        [nameof(StaffRole.Cashier)] = "caixa@demo.local",
        [nameof(StaffRole.CreditAnalyst)] = "credito@demo.local",
        [nameof(StaffRole.CardOperator)] = "cartoes@demo.local",
    };

    private const string Everyone = "PlatformAdmin TenantAdmin StoreManager Cashier CreditAnalyst CardOperator";
    private const string StoreStaff = "TenantAdmin StoreManager Cashier";

    /// <summary>Each page and the roles that may open it; every other signed-in role is refused, anonymous is sent to sign in.</summary>
    private (string Url, string AllowedRoles)[] Pages =>
    [
        ("/", Everyone),
        ("/lojas", StoreStaff),
        ($"/lojas/{fixture.StoreId}", StoreStaff),
        ("/lojas/nova", "TenantAdmin"),
        ($"/lojas/{fixture.StoreId}/editar", "TenantAdmin"),
        ("/usuarios", "TenantAdmin"),
        ("/usuarios/novo", "TenantAdmin"),
        ($"/usuarios/{fixture.AdminId}/editar", "TenantAdmin"),
        ("/chaves-api", "TenantAdmin"),
        ("/chaves-api/nova", "TenantAdmin"),
        ("/auditoria", "TenantAdmin"),
        ("/fechamento-diario", "TenantAdmin"),
        ("/produtos", "TenantAdmin"),
        ("/produtos/novo", "TenantAdmin"),
        ("/produtos/importar", "TenantAdmin"),
        ("/departamentos", "TenantAdmin"),
        ("/campanhas", "TenantAdmin"),
        ("/campanhas/nova", "TenantAdmin"),
        ("/campanhas/tipos", "TenantAdmin"),
        ($"/campanhas/{fixture.CampaignId}", "TenantAdmin"),
        ($"/campanhas/{fixture.CampaignId}/filiais", "TenantAdmin"),
        ($"/campanhas/{fixture.CampaignId}/descontos", "TenantAdmin"),
        ("/configuracoes/pontuacao", "TenantAdmin"),
        ("/auditoria-pontos", "TenantAdmin StoreManager"),
        ("/compras", "TenantAdmin StoreManager"),
        ("/compras/nova", StoreStaff),
        ("/resgates", StoreStaff),
        ("/plataforma/empresas", "PlatformAdmin"),
        ("/plataforma/empresas/nova", "PlatformAdmin"),
        ("/hangfire", "PlatformAdmin"),
    ];

    public static TheoryData<string> Roles => [Anonymous, .. Emails.Keys];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Role_Should_Reach_Its_Pages_And_Be_Refused_The_Others(string role)
    {
        using var client = fixture.App.CreateStaffClient();
        if (role != Anonymous)
        {
            await client.SignInOrThrowAsync(role == nameof(StaffRole.PlatformAdmin) ? null : DemoSeeder.TenantCode, Emails[role], DemoSeeder.Password);
        }

        var expected = new List<string>();
        var actual = new List<string>();
        foreach (var (url, allowed) in Pages)
        {
            expected.Add($"{url} {(role == Anonymous ? "sign-in" : allowed.Split(' ').Contains(role) ? "200" : "refused")}");
            actual.Add($"{url} {Outcome(await client.Http.GetAsync(url))}");
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Refused_Page_Should_Answer_403()
    {
        using var client = fixture.App.CreateStaffClient();
        await client.SignInOrThrowAsync(DemoSeeder.TenantCode, Emails[nameof(StaffRole.Cashier)], DemoSeeder.Password);

        var refused = await client.Http.GetAsync("/usuarios");
        var page = await client.Http.GetAsync(refused.Headers.Location);

        Assert.Equal("/acesso-negado", refused.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Fact]
    public async Task Sign_In_Page_Should_Be_Open_To_Anonymous()
    {
        using var client = fixture.App.CreateStaffClient();

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/entrar")).StatusCode);
    }

    /// <summary>"refused" is a 403 or the cookie handler's redirect to the access-denied page (which answers 403).</summary>
    private static string Outcome(HttpResponseMessage response) => response switch
    {
        { StatusCode: HttpStatusCode.OK } => "200",
        { StatusCode: HttpStatusCode.Forbidden } => "refused",
        { StatusCode: HttpStatusCode.Redirect, Headers.Location: { } to } when Path(to) == "/acesso-negado" => "refused",
        { StatusCode: HttpStatusCode.Redirect, Headers.Location: { } to } when Path(to) == "/entrar" => "sign-in",
        _ => $"{(int)response.StatusCode} {response.Headers.Location}",
    };

    private static string Path(Uri location) => location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
}
