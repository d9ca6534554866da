using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Loyalty.Web.Api;
using Loyalty.Web.Api.OpenApi;
using Loyalty.Web.Api.Pipeline;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Jobs;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Observability;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Security;
using Loyalty.Web.Infrastructure.Tenancy;
using Loyalty.Web.Infrastructure.WarmUp;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.Razor;
using Scalar.AspNetCore;

namespace Loyalty.Web.Infrastructure;

/// <summary>The composition root: what the web app, the job worker and the management commands all share.</summary>
public static class LoyaltyApp
{
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;
    public const long MaxApiRequestBodyBytes = 1024 * 1024;

    public static void AddLoyalty(this WebApplicationBuilder builder, bool commandLine = false)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        builder.AddLoyaltyLogging(commandLine);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        services.AddSingleton(TimeProvider.System);
        Pdf.PdfFonts.EnsureConfigured();
        services.AddHttpContextAccessor();
        services.AddScoped<TenantContext>();
        services.AddSingleton<TenantScopes>();
        services.AddPersistence(configuration);
        services.AddLoyaltyDataProtection(configuration, builder.Environment, commandLine);
        services.AddScoped<DatabaseMigrator>();
        services.AddStaffIdentity(configuration);
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthenticationHandler.AnyKeyPolicy, p => p
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireClaim(TenantClaims.ApiKeyId))
            .AddPolicy(ApiKeyAuthenticationHandler.StoreKeyPolicy, p => p
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireClaim(TenantClaims.ApiKeyId)
                .RequireClaim(TenantClaims.StoreId))
            .AddPolicy(ApiKeyAuthenticationHandler.TenantKeyPolicy, p => p
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireClaim(TenantClaims.ApiKeyId)
                .RequireAssertion(c => !c.User.HasClaim(x => x.Type == TenantClaims.StoreId)));
        services.AddLoyaltyRateLimits(configuration);
        services.AddLoyaltyLocalization();
        services.ConfigureOptions<LocalizedModelBindingMessages>();
        services.AddJobs(configuration, runServer: !commandLine && configuration.GetValue("Jobs:RunServer", true));
        services.AddValidatorsFromAssemblyContaining<SharedResource>(includeInternalTypes: true);
        services.AddFeatureHandlers();
        services.AddScoped<Features.Stores.StoreScope>();
        services.AddScoped<Features.Users.UserStores>();
        services.AddSingleton<Features.Demo.DemoSeeder>();
        services.AddScoped<Localization.DisplayFormat>();
        services.AddScoped<Features.Customers.CustomerRules>();
        services.AddScoped<Api.Customers.ApiCustomerRegistration>();
        services.AddScoped<Features.Customers.CustomerSearch>();
        services.AddScoped<Features.Customers.CardNumberDisplay>();
        services.AddScoped<Features.Cards.CardActor>();
        services.AddScoped<Features.Credit.CreditScoring>();
        services.AddScoped<Features.Credit.StaffAuthority>();
        services.AddScoped<Features.Credit.AnalyseAll.AnalyseAllRunner>();
        services.AddTransient<Features.Credit.AnalyseAll.AnalyseAllJob>();
        services.AddScoped<Features.Audit.RecordNames>();
        services.AddScoped<Features.Customers.Statement.StatementLedger>();
        services.AddScoped<Features.Blocks.RedemptionBlocks>();
        services.AddScoped<Features.Catalog.Import.ImportFileStore>();
        services.AddScoped<Features.Points.PointsLedger>();
        services.AddScoped<Features.Purchases.PurchaseEarning>();
        services.AddScoped<Features.Points.AccountPoints>();
        services.AddScoped<Features.Redemptions.CounterContext>();
        services.AddScoped<Features.Redemptions.ReceiptPdf>();
        services.AddSingleton<Features.Purchases.TenantRulesCache>();
        services.AddSingleton<ITenantCache>(sp => sp.GetRequiredService<Features.Purchases.TenantRulesCache>());
        services.AddSingleton<WarmUp.ITenantWarmUp>(sp => sp.GetRequiredService<Features.Purchases.TenantRulesCache>());
        services.AddScoped<Features.DailyClose.DailyCloseRunner>();
        services.AddTransient<Features.DailyClose.DailyCloseJob>();
        services.AddScoped<Features.DailyClose.IDailyCloseStep, Features.Points.PointsExpiryStep>();
        services.AddScoped<Features.DailyClose.IDailyCloseStep, Features.Rfv.RfvClassificationStep>();
        services.AddTransient<Features.Points.PointsExpiryJob>();
        services.AddSingleton<Features.DailyClose.DailyCloseScheduler>();
        services.AddHostedService<Features.DailyClose.DailyCloseScheduleSync>();
        Features.Embossing.EmbossingServices.Add(services);

        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<DomainExceptionFilter>();
                o.Filters.Add<TextInput.PlainTextApiFilter>();
                o.ModelBinderProviders.Insert(0, new TextInput.PlainTextModelBinderProvider());
                o.ModelBinderProviders.Insert(0, new Localization.LocalNumberModelBinderProvider());
                o.ModelMetadataDetailsProviders.Add(new SystemTextJsonValidationMetadataProvider());
                // A [FromBody] that no formatter reads (no Content-Type) is 415, not "body required"; only API
                // controllers bind bodies, the screens post forms.
                o.Filters.Add(new UnsupportedContentTypeFilter());
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)))
            .AddJsonOptions(o =>
            {
                ApiJson.Configure(o.JsonSerializerOptions);
                // Reading rules only (what a body may hold), so they stay off the options the OpenAPI document reads.
                o.JsonSerializerOptions.Converters.Add(new TextInput.PlainTextJsonConverter());
                o.JsonSerializerOptions.Converters.Add(new OffsetRequiredConverter());
            })
            .AddRazorOptions(o => o.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml"))
            .AddRazorOptions(o => o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml"));
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.IHtmlGenerator, CspHtmlGenerator>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "loyalty.antiforgery";
            // The antiforgery cookie protects nothing by being Secure (its token must also be in the form), and Always would
            // make every form answer 500 over plain http; the session cookie is the one that must never travel in clear.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddExceptionHandler<DatabaseBusyHandler>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier);
        services.AddLoyaltyOpenApi();
        services.AddHealthChecks()
            .AddNpgSql(sp => sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), name: "database")
            .AddCheck<JobServerHealthCheck>("jobs")
            .AddWarmUp(configuration, serveRequests: !commandLine);
    }

    public static void UseLoyalty(this WebApplication app)
    {
        // Behind a TLS-terminating proxy the app must see the original scheme, or its Secure cookies cannot be issued.
        if (app.Configuration.GetValue("Proxy:TrustForwardedHeaders", false))
        {
            var forwarded = new ForwardedHeadersOptions
            {
                ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
                                   | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        }
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseLoyaltyRequestLogging();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/erro");
            app.UseHsts();
        }
        // API callers get problem details (from the controllers, or from ApiStatusAnswers for bare status codes);
        // only the screens get the friendly error pages.
        app.UseWhen(c => !c.Request.IsApi(), b => b.UseStatusCodePagesWithReExecute("/erro/{0}"));
        app.UseApiStatusAnswers();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<NoStoreMiddleware>();
        app.UseMiddleware<TextInput.FormNulGuardMiddleware>();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseMiddleware<FailedApiKeyAttemptsMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        // The default policy is the staff cookie, so SignedIn means any staff user; API keys do not open the document.
        if (ApiDocumentPublishing.Access(app.Configuration, app.Environment) is var apiDocument and not ApiDocumentAccess.Off)
        {
            app.MapOpenApi("/openapi/{documentName}.json").WithAccess(apiDocument);
            app.MapScalarApiReference("/scalar").WithAccess(apiDocument);
        }
        app.MapJobsDashboard();
        app.MapControllers();
    }
}
