using Loyalty.Web.Infrastructure.WarmUp;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Loyalty.UnitTests.Web.WarmUp;

public sealed class WarmUpHealthCheckTests
{
    [Fact]
    public async Task A_Process_Warming_Up_Is_Unhealthy_Until_The_Warm_Up_Finishes()
    {
        var state = new WarmUpState(enabled: true);
        var check = new WarmUpHealthCheck(state);

        var before = await check.CheckHealthAsync(new HealthCheckContext());
        state.Finish();
        var after = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    [Fact]
    public async Task A_Process_Without_Warm_Up_Is_Healthy_From_The_Start()
    {
        var check = new WarmUpHealthCheck(new WarmUpState(enabled: false));

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }
}
