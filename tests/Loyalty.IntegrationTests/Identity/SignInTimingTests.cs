using System.Diagnostics;
using System.Net;
using Loyalty.Domain.Staff;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Identity;

/// <summary>
/// An unknown company or e-mail must cost what a wrong password costs (the PBKDF2 work), or response times tell who
/// exists. Measured as ratios of medians over interleaved tries, never absolute times, so a loaded machine slows every
/// kind alike. The factory's sign-in rate limit is 10,000 a minute, and each try comes from its own address, so
/// neither the rate limiter nor the lockout takes part.
/// </summary>
public sealed class SignInTimingTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const int Rounds = 9;

    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Unknown_Company_And_Unknown_Email_Should_Take_As_Long_As_A_Wrong_Password()
    {
        var t = await App.CreateTenantAsync("time-a");
        var email = await App.CreateUserAsync(t.Id, StaffRole.CreditAnalyst);
        using var client = App.CreateStaffClient();
        (string Tenant, string Email)[] kinds = [("nao-existe", email), (t.Code, "ninguem@time-a.test"), (t.Code, email)];
        var times = kinds.Select(_ => new List<double>()).ToArray();

        for (var round = 0; round <= Rounds; round++)
        {
            for (var k = 0; k < kinds.Length; k++)
            {
                client.From($"192.0.2.{(round * kinds.Length) + k + 1}");
                var elapsed = await TimeSignInAsync(client, kinds[k].Tenant, kinds[k].Email);
                if (round > 0) // the first round warms up (JIT, the dummy hash made once)
                {
                    times[k].Add(elapsed);
                }
            }
        }

        var known = Median(times[2]);
        Assert.InRange(Median(times[0]) / known, 0.5, 2.0);
        Assert.InRange(Median(times[1]) / known, 0.5, 2.0);
    }

    private static async Task<double> TimeSignInAsync(StaffClient client, string tenantCode, string email)
    {
        var page = await client.Http.GetStringAsync("/entrar");
        var watch = Stopwatch.StartNew();
        var response = await client.PostFormAsync("/entrar", page, new Dictionary<string, string>
        {
            ["TenantCode"] = tenantCode, ["Email"] = email, ["Password"] = "Errada@12345",
        });
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
