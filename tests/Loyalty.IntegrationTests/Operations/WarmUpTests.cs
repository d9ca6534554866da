using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Loyalty.Testing;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Loyalty.IntegrationTests.Operations;

/// <summary>
/// A freshly started process reports healthy only once it is warm, so a load balancer sends it no traffic before: the
/// pool holds open connections, and the pipeline has served its first requests.
/// </summary>
public sealed class WarmUpTests
{
    [Fact]
    public async Task Health_Should_Report_The_Warm_Up_And_Turn_Healthy_With_The_Pool_Already_Open()
    {
        await using var app = await LoyaltyAppFactory.CreateAsync(new Dictionary<string, string?>
        {
            ["WarmUp:Enabled"] = "true",
            ["WarmUp:Connections"] = "12",
            // No job server: every connection of the app role then comes from the web pool.
            ["Jobs:RunServer"] = "false",
        });
        app.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        using var client = app.CreateClient();

        var deadline = Stopwatch.StartNew();
        var status = await WarmUpCheckAsync(client);
        while (status != "Healthy" && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
            status = await WarmUpCheckAsync(client);
        }

        Assert.Equal("Healthy", status);
        Assert.True(await AppConnectionsAsync(app.Database) >= 12, "the warm-up leaves the pool's connections open for the first burst");
    }

    [Fact]
    public async Task Health_Should_Not_Wait_For_A_Warm_Up_That_Is_Switched_Off()
    {
        await using var app = await LoyaltyAppFactory.CreateAsync(new Dictionary<string, string?> { ["WarmUp:Enabled"] = "false" });
        using var client = app.CreateClient();

        Assert.Equal("Healthy", await WarmUpCheckAsync(client));
    }

    private static async Task<string?> WarmUpCheckAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("checks").GetProperty("warm-up").GetProperty("status").GetString();
    }

    private static async Task<long> AppConnectionsAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.SuperUserConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND usename = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = PostgresServer.AppRole });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
