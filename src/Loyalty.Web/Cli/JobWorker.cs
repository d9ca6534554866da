using Hangfire;
using Loyalty.Web.Infrastructure;
using Loyalty.Web.Infrastructure.Jobs;

namespace Loyalty.Web.Cli;

/// <summary>
/// `Loyalty.Web worker`: a process that only runs background jobs (set Jobs__RunServer to false on the web processes to
/// move all job work here). It answers /health on its own port so an orchestrator can watch it.
/// </summary>
internal static class JobWorker
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["Jobs:RunServer"] = "true";
        builder.WebHost.UseUrls(builder.Configuration["Jobs:WorkerUrls"] ?? "http://127.0.0.1:5081");
        builder.AddLoyalty();
        var app = builder.Build();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
        await app.RunAsync();
        return 0;
    }
}
