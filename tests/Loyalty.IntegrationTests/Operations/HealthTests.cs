using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Operations;

/// <summary>/health reports the database and the job server; each test runs its own app on its own database.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Health_Should_Be_Healthy_When_A_Job_Server_Runs()
    {
        await using var app = await LoyaltyAppFactory.CreateAsync(new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = "true",
            ["Jobs:WorkerCount"] = "1",
        });
        using var client = app.CreateClient();

        // The server announces itself shortly after start-up; poll with a deadline rather than sleep.
        var deadline = Stopwatch.StartNew();
        HttpResponseMessage response;
        do
        {
            response = await client.GetAsync("/health");
            if (response.StatusCode == HttpStatusCode.OK || deadline.Elapsed > TimeSpan.FromSeconds(15))
            {
                break;
            }
            await Task.Delay(250);
        }
        while (true);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", Check(body, "database"));
        Assert.Equal("Healthy", Check(body, "jobs"));
    }

    [Fact]
    public async Task Health_Should_Answer_503_Unhealthy_When_No_Job_Server_Has_A_Heartbeat()
    {
        await using var app = await LoyaltyAppFactory.CreateAsync(new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", Check(body, "database"));
        Assert.Equal("Unhealthy", Check(body, "jobs"));
    }

    private static string? Check(JsonDocument body, string name) =>
        body.RootElement.GetProperty("checks").GetProperty(name).GetProperty("status").GetString();
}
