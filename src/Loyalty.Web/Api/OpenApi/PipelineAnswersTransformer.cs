using System.Globalization;
using System.Text.Json.Nodes;
using Loyalty.Web.Api.Pipeline;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Loyalty.Web.Api.OpenApi;

/// <summary>
/// Documents what the pipeline answers around every API action, so no controller repeats it: 401 without a valid key,
/// 403 for a key of the other kind, 429 with Retry-After, and for a body 413 (over the size limit) and 415 (not JSON);
/// a body is required where there is one. Also the headers an action declares with <see cref="ResponseHeaderAttribute"/>.
/// </summary>
public sealed class PipelineAnswersTransformer : IOpenApiOperationTransformer
{
    public const string RetryAfterHeader = "Retry-After";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= new OpenApiResponses();
        var key = ApiKeyOpenApiTransformer.KeyOf(context);
        if (key != ApiKeyOpenApiTransformer.KeyKind.None)
        {
            Problem(operation, context, StatusCodes.Status401Unauthorized, "No key, or an unknown or revoked one.");
            if (key != ApiKeyOpenApiTransformer.KeyKind.Any)
            {
                Problem(operation, context, StatusCodes.Status403Forbidden, "A key of the other kind (store key where a tenant key is needed, or the reverse).");
            }
            var tooMany = Problem(operation, context, StatusCodes.Status429TooManyRequests, "Too many calls with this key in one second.");
            Header(tooMany, RetryAfterHeader, "Seconds to wait before calling again.", JsonSchemaType.Integer);
        }
        if (operation.RequestBody is OpenApiRequestBody body)
        {
            body.Required = true;
            var limit = metadata.OfType<IRequestSizeLimitMetadata>().LastOrDefault()?.MaxRequestBodySize;
            Problem(operation, context, StatusCodes.Status413PayloadTooLarge, limit is { } bytes
                ? $"The body is larger than {(bytes / 1024).ToString(CultureInfo.InvariantCulture)} KiB."
                : "The body is larger than the server accepts.");
            Problem(operation, context, StatusCodes.Status415UnsupportedMediaType, "The body is not JSON (Content-Type other than application/json, or none).");
        }
        foreach (var header in metadata.OfType<ResponseHeaderAttribute>())
        {
            if (operation.Responses.TryGetValue(header.StatusCode.ToString(CultureInfo.InvariantCulture), out var response) && response is OpenApiResponse answer)
            {
                Header(answer, header.Name, header.Description, JsonSchemaType.String, header.Const, header.Required);
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiResponse Problem(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description)
    {
        var code = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(code, out var existing) && existing is OpenApiResponse declared)
        {
            // Declared on the action with its schema: keep it, give it the pipeline's words.
            declared.Description = description;
            return declared;
        }
        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ApiProblem.ContentType] = new() { Schema = new OpenApiSchemaReference(nameof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.Document) },
            },
        };
        operation.Responses[code] = response;
        return response;
    }

    private static void Header(OpenApiResponse response, string name, string description, JsonSchemaType type, string? constant = null, bool required = true)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        var schema = new OpenApiSchema { Type = type };
        if (constant is not null)
        {
            schema.Enum = [JsonValue.Create(constant)];
        }
        response.Headers[name] = new OpenApiHeader { Description = description, Required = required, Schema = schema };
    }
}
