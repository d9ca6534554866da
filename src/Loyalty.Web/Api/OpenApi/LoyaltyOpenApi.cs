namespace Loyalty.Web.Api.OpenApi;

/// <summary>The published OpenAPI document (/openapi/v1.json): what a POS integrator generates a typed client from.</summary>
public static class LoyaltyOpenApi
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddLoyaltyOpenApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddOpenApi(DocumentName, o =>
        {
            o.AddDocumentTransformer<DocumentInfoTransformer>();
            o.AddDocumentTransformer<ApiKeyOpenApiTransformer>();
            o.AddOperationTransformer<ApiKeyOpenApiTransformer>();
            o.AddOperationTransformer<PipelineAnswersTransformer>();
            o.AddSchemaTransformer<ContractSchemaTransformer>();
        });
        return services;
    }
}
