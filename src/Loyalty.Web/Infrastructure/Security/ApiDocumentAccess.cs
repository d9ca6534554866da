namespace Loyalty.Web.Infrastructure.Security;

/// <summary>Who may read the OpenAPI document and the /scalar reference (setting Api:PublishDocument).</summary>
public enum ApiDocumentAccess
{
    /// <summary>Anyone: the default in Development.</summary>
    Anonymous,

    /// <summary>Any signed-in staff user, whatever the role: the default everywhere else. The document lists every
    /// endpoint and field of the API, which is a map for an attacker, not something to hand to the Internet.</summary>
    SignedIn,

    /// <summary>Not served at all.</summary>
    Off,
}

public static class ApiDocumentPublishing
{
    public const string Setting = "Api:PublishDocument";

    public static ApiDocumentAccess Access(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<ApiDocumentAccess?>(Setting)
        ?? (environment.IsDevelopment() ? ApiDocumentAccess.Anonymous : ApiDocumentAccess.SignedIn);

    public static TBuilder WithAccess<TBuilder>(this TBuilder endpoints, ApiDocumentAccess access)
        where TBuilder : IEndpointConventionBuilder =>
        access == ApiDocumentAccess.Anonymous ? endpoints.AllowAnonymous() : endpoints.RequireAuthorization();
}
