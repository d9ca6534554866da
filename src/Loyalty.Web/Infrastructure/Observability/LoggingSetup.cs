using System.Globalization;
using Loyalty.Web.Infrastructure.Tenancy;
using Serilog;
using Serilog.Events;

namespace Loyalty.Web.Infrastructure.Observability;

public static class LoggingSetup
{
    public static void AddLoyaltyLogging(this WebApplicationBuilder builder, bool commandLine)
    {
        builder.Services.AddSerilog((services, log) =>
        {
            log.ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .Enrich.With<MaskingEnricher>();
            if (commandLine)
            {
                // Management commands print their own result on stdout; logs go to stderr and only when they matter.
                log.MinimumLevel.Warning().WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: CultureInfo.InvariantCulture);
            }
            else
            {
                log.WriteTo.Console(outputTemplate:
                        "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}",
                        formatProvider: CultureInfo.InvariantCulture)
                    .WriteTo.File(
                        Path.Combine(builder.Configuration["Logging:Directory"] ?? "logs", "loyalty-.log"),
                        rollingInterval: RollingInterval.Day,
                        retainedFileCountLimit: 14,
                        outputTemplate:
                        "{Timestamp:o} [{Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}",
                        formatProvider: CultureInfo.InvariantCulture);
            }
        });
    }

    public static void UseLoyaltyRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(o =>
        {
            o.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("TenantId", http.User.GetTenantId()?.ToString() ?? "-");
                diagnostics.Set("UserId", http.User.GetUserId()?.ToString() ?? "-");
            };
            o.GetLevel = (http, _, ex) => ex is not null || http.Response.StatusCode >= 500
                ? LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose : LogEventLevel.Information;
        });
}
