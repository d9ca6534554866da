using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Loyalty.Web.Api.OpenApi;

/// <summary>
/// Documents the X-Api-Key header as two security schemes, store key and tenant key (the same header, told apart by
/// the key), and gives each operation the one its authorization policy asks for, so a generated client knows which key
/// to send where.
/// </summary>
public sealed class ApiKeyOpenApiTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string StoreKeyScheme = "StoreKey";
    public const string TenantKeyScheme = "TenantKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[StoreKeyScheme] = Scheme("A store's key, for the POS endpoints: the store and tenant come from the key.");
        document.Components.SecuritySchemes[TenantKeyScheme] = Scheme("A tenant (company) key, for the integration endpoints.");
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var (schemes, sentence) = KeyOf(context) switch
        {
            KeyKind.Store => ([StoreKeyScheme], "Key: a **store key** (POS)."),
            KeyKind.Tenant => ([TenantKeyScheme], "Key: a **tenant key** (integration); a store key gets 403."),
            KeyKind.Any => (new[] { StoreKeyScheme, TenantKeyScheme }, "Key: a store key or a tenant key."),
            _ => (Array.Empty<string>(), null),
        };
        if (sentence is null)
        {
            return Task.CompletedTask;
        }
        // One requirement per accepted scheme: alternatives, not both at once.
        operation.Security = schemes
            .Select(s => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(s, context.Document)] = [] })
            .ToList();
        operation.Description = string.IsNullOrEmpty(operation.Description) ? sentence : $"{operation.Description}\n\n{sentence}";
        return Task.CompletedTask;
    }

    public enum KeyKind
    {
        None,
        Store,
        Tenant,
        Any,
    }

    public static KeyKind KeyOf(OpenApiOperationTransformerContext context) =>
        context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().LastOrDefault(a => a.Policy is not null)?.Policy switch
        {
            ApiKeyAuthenticationHandler.StoreKeyPolicy => KeyKind.Store,
            ApiKeyAuthenticationHandler.TenantKeyPolicy => KeyKind.Tenant,
            ApiKeyAuthenticationHandler.AnyKeyPolicy => KeyKind.Any,
            _ => KeyKind.None,
        };

    private static OpenApiSecurityScheme Scheme(string description) => new()
    {
        Type = SecuritySchemeType.ApiKey,
        In = ParameterLocation.Header,
        Name = ApiKeyAuthenticationHandler.Header,
        Description = description,
    };
}
