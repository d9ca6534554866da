using System.Net;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Jobs;

/// <summary>The jobs dashboard polls /hangfire/stats (a POST with the metric names) to refresh its counters.</summary>
public sealed class JobsDashboardTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Stats_Should_Answer_200_To_The_PlatformAdmin_By_Get_And_By_Post()
    {
        var email = await App.CreatePlatformAdminAsync();
        using var admin = App.CreateStaffClient();
        await admin.SignInOrThrowAsync(null, email, TestData.Password);
        var dashboard = await admin.Http.GetAsync("/hangfire");
        var page = Html.Parse(await dashboard.Content.ReadAsStringAsync());
        string Meta(string name) => page.QuerySelector($"meta[name={name}]")!.GetAttribute("content")!;

        var get = await admin.Http.GetAsync("/hangfire/stats");
        // As the dashboard's script polls: the metric names as a form, the antiforgery token in the header it names.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hangfire/stats")
        {
            Content = new FormUrlEncodedContent([new("metrics[]", "enqueued:count"), new("metrics[]", "succeeded:count")]),
        };
        request.Headers.Add(Meta("csrf-header"), Meta("csrf-token"));
        var post = await admin.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("succeeded:count", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
