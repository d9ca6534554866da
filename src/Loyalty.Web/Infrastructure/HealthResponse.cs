using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Loyalty.Web.Infrastructure;

/// <summary>/health answers JSON with one entry per check, so an operator sees which part is down.</summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
