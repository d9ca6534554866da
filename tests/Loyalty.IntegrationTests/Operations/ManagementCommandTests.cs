using System.Globalization;
using System.Net;
using System.Text.Json;
using Loyalty.Domain.DailyClose;
using Loyalty.Testing;
using Loyalty.Web.Cli;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Operations;

/// <summary>The commands change process-wide state (environment, console), so they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ManagementCommandsCollection
{
    public const string Name = "Management commands";
}

/// <summary>`./loyalty &lt;command&gt;` as scripts see it: exit code, stdout, and one line on stderr when it fails (SPEC §13).</summary>
[Collection(ManagementCommandsCollection.Name)]
public sealed class ManagementCommandTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Tenant_Create_Should_Succeed_Once_And_Refuse_A_Duplicate_With_One_Line()
    {
        var created = await RunAsync("tenant", "create", "--code", "cli-a", "--name", "Rede CLI", "--admin-email", "admin@cli-a.test",
            "--admin-password", TestData.Password);
        var duplicate = await RunAsync("tenant", "create", "--code", "cli-a", "--name", "Outra", "--admin-email", "outro@cli-a.test",
            "--admin-password", TestData.Password);

        Assert.Equal(0, created.Exit);
        Assert.Empty(created.Err);
        Assert.Equal(1, duplicate.Exit);
        var reason = Assert.Single(duplicate.Err);
        Assert.Equal("error: Code: This code is already in use.", reason); // operators read commands in English
        Assert.Empty(duplicate.Out);
        using var admin = App.CreateStaffClient();
        await admin.SignInOrThrowAsync("cli-a", "admin@cli-a.test", TestData.Password);
    }

    [Fact]
    public async Task Store_And_Key_Created_By_Command_Should_Work_Against_The_Api()
    {
        var t = await App.CreateTenantAsync("cli-b");

        var store = await RunAsync("store", "create", "--tenant", t.Code, "--code", "s01", "--name", "Loja do Script");
        var storeKey = await RunAsync("apikey", "create", "--tenant", t.Code, "--store", "S01", "--name", "PDV 1");
        var tenantKey = await RunAsync("apikey", "create", "--tenant", t.Code, "--name", "ERP");

        Assert.Equal(0, store.Exit);
        Assert.Equal(0, storeKey.Exit);
        Assert.Equal(0, tenantKey.Exit);
        Assert.StartsWith("lk_", storeKey.Out[^1]);
        Assert.StartsWith("lk_", tenantKey.Out[^1]);
        var asStore = await MeAsync(storeKey.Out[^1]);
        var asTenant = await MeAsync(tenantKey.Out[^1]);
        Assert.Equal(("S01", "store"), (asStore.GetProperty("store").GetString(), asStore.GetProperty("keyKind").GetString()));
        Assert.Equal("tenant", asTenant.GetProperty("keyKind").GetString());
        Assert.Equal(["S01"], await App.InTenantAsync(t.Id, db => db.Stores.Select(s => s.Code).ToListAsync()));
    }

    [Fact]
    public async Task Daily_Close_Should_Close_The_Date_And_Do_Nothing_When_Run_Again()
    {
        var t = await App.CreateTenantAsync("cli-c");

        var first = await RunAsync("daily-close", "--tenant", t.Code, "--date", "2026-01-31");
        var again = await RunAsync("daily-close", "--tenant", t.Code, "--date", "2026-01-31");
        var runs = await App.InTenantAsync(t.Id, db => db.DailyCloseRuns.ToListAsync());

        Assert.Equal((0, 0), (first.Exit, again.Exit));
        Assert.StartsWith("daily close 2026-01-31 completed", first.Out[^1]);
        Assert.EndsWith("(attempt 1)", again.Out[^1]);
        var run = Assert.Single(runs);
        Assert.Equal((new DateOnly(2026, 1, 31), DailyCloseStatus.Completed, DailyCloseTrigger.CommandLine, 1),
            (run.BusinessDate, run.Status, run.Trigger, run.Attempts));
    }

    [Fact]
    public async Task Daily_Close_Should_Refuse_A_Date_That_Has_Not_Ended()
    {
        var t = await App.CreateTenantAsync("cli-e");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
            TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo")).DateTime);

        foreach (var date in new[] { today, today.AddDays(1), new DateOnly(2099, 1, 1) })
        {
            var result = await RunAsync("daily-close", "--tenant", t.Code, "--date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

            Assert.Equal(1, result.Exit);
            Assert.StartsWith("error: This day has not ended yet", Assert.Single(result.Err), StringComparison.Ordinal);
        }
        Assert.Empty(await App.InTenantAsync(t.Id, db => db.DailyCloseRuns.ToListAsync()));
    }

    [Theory]
    [InlineData("daily-close", "--tenant", "nao-existe", "--date", "2026-01-31")]
    [InlineData("store", "create", "--tenant", "nao-existe", "--code", "S01", "--name", "Loja")]
    [InlineData("apikey", "create", "--tenant", "nao-existe", "--name", "ERP")]
    public async Task Command_Should_Exit_1_With_One_Line_When_The_Tenant_Does_Not_Exist(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(1, result.Exit);
        Assert.Equal(["error: tenant 'nao-existe' not found"], result.Err);
    }

    [Theory]
    [InlineData("daily-close", "--tenant", "cli-d", "--date", "31/01/2026")]
    [InlineData("store", "create", "--tenant", "cli-d", "--code", "LOJA-1", "--name", "Loja")]
    [InlineData("store", "create", "--tenant", "cli-d", "--name", "Loja")]
    [InlineData("apikey", "create", "--tenant", "cli-d", "--store", "Z99", "--name", "PDV")]
    [InlineData("tenant", "remove", "--code", "cli-d")]
    public async Task Command_Should_Exit_1_With_One_Line_When_The_Input_Is_Wrong(params string[] args)
    {
        await EnsureTenantAsync("cli-d");

        var result = await RunAsync(args);

        Assert.Equal(1, result.Exit);
        Assert.StartsWith("error: ", Assert.Single(result.Err));
    }

    [Fact]
    public async Task Migrate_Should_Succeed_When_The_Database_Is_Already_Migrated()
    {
        var result = await RunAsync("migrate");

        Assert.Equal(0, result.Exit);
        Assert.Empty(result.Err);
    }

    private async Task EnsureTenantAsync(string code)
    {
        await using var platform = App.PlatformScope();
        var db = platform.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        if (!await db.Tenants.AnyAsync(t => t.Code == code))
        {
            await App.CreateTenantAsync(code);
        }
    }

    private async Task<JsonElement> MeAsync(string key)
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var response = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private sealed record Result(int Exit, string[] Out, string[] Err);

    /// <summary>Runs the command in-process against this class's database, as `./loyalty` would with ConnectionStrings__*.</summary>
    private async Task<Result> RunAsync(params string[] args)
    {
        string[] variables = ["ConnectionStrings__Loyalty", "ConnectionStrings__LoyaltyOwner"];
        var saved = variables.Select(Environment.GetEnvironmentVariable).ToArray();
        var (savedOut, savedErr) = (Console.Out, Console.Error);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Environment.SetEnvironmentVariable(variables[0], App.Database.AppConnectionString);
        Environment.SetEnvironmentVariable(variables[1], App.Database.OwnerConnectionString);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var exit = await ManagementCli.RunAsync(args);
            return new Result(exit, Lines(stdout), Lines(stderr));
        }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedErr);
            for (var i = 0; i < variables.Length; i++)
            {
                Environment.SetEnvironmentVariable(variables[i], saved[i]);
            }
        }
    }

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
