using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Loyalty.IntegrationTests.Api;

/// <summary>
/// The published /openapi/v1.json as a JSON Schema registry: a real answer is checked against the schema its operation
/// documents for that status, with every $ref resolved inside the document, and its documented headers must be there.
/// </summary>
internal sealed class PublishedContract
{
    private static readonly Uri DocumentUri = new("https://loyalty.test/openapi/v1.json");
    private readonly BuildOptions _build;

    private PublishedContract(JsonElement document)
    {
        Document = document;
        _build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        _build.SchemaRegistry.Register(new JsonElementBaseDocument(document, DocumentUri));
    }

    public JsonElement Document { get; }

    public static async Task<PublishedContract> LoadAsync(HttpClient client)
    {
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        // For the linters (see the report of issue 9): LOYALTY_OPENAPI_DUMP=/path writes the document there.
        if (Environment.GetEnvironmentVariable("LOYALTY_OPENAPI_DUMP") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, document.GetRawText());
        }
        return new PublishedContract(document);
    }

    public IReadOnlySet<string> DocumentedStatuses(string method, string path) =>
        Operation(method, path).GetProperty("responses").EnumerateObject().Select(p => p.Name).ToHashSet();

    public JsonElement Operation(string method, string path) =>
        Document.GetProperty("paths").GetProperty(path).GetProperty(method.ToLowerInvariant());

    /// <summary>Fails unless the answer's status, headers, media type and body are what the document says.</summary>
    public async Task AssertAnswerAsync(string method, string path, HttpResponseMessage response)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = await response.Content.ReadAsStringAsync();
        var where = $"{method} {path} → {status}";
        Assert.True(Operation(method, path).GetProperty("responses").TryGetProperty(status, out var documented),
            $"{where} is not documented. Body: {body}");
        var pointer = $"#/paths/{Escape(path)}/{method.ToLowerInvariant()}/responses/{status}";
        if (documented.TryGetProperty("headers", out var headers))
        {
            foreach (var header in headers.EnumerateObject())
            {
                var values = response.Headers.TryGetValues(header.Name, out var sent) ? sent.ToList() : [];
                if (header.Value.TryGetProperty("required", out var required) && required.GetBoolean())
                {
                    Assert.True(values.Count > 0, $"{where}: documented header {header.Name} is missing.");
                }
                foreach (var value in values)
                {
                    var asJson = header.Value.GetProperty("schema").GetProperty("type").GetString() == "integer" && long.TryParse(value, out var number)
                        ? JsonValue.Create(number).ToJsonString()
                        : JsonValue.Create(value).ToJsonString();
                    AssertValid($"{pointer}/headers/{Escape(header.Name)}/schema", JsonDocument.Parse(asJson).RootElement, $"{where} header {header.Name}");
                }
            }
        }
        if (!documented.TryGetProperty("content", out var content))
        {
            Assert.True(body.Length == 0, $"{where}: no body documented, but got {body}");
            return;
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        Assert.True(mediaType is not null && content.TryGetProperty(mediaType, out _),
            $"{where}: media type {mediaType} is not one of {string.Join(", ", content.EnumerateObject().Select(p => p.Name))}.");
        AssertValid($"{pointer}/content/{Escape(mediaType!)}/schema", JsonDocument.Parse(body).RootElement, $"{where} body {body}");
    }

    private void AssertValid(string pointer, JsonElement instance, string what)
    {
        var reference = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { ["$ref"] = DocumentUri + pointer }));
        var schema = JsonSchema.Build(reference.RootElement, _build);
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"{what}\ndoes not match the document:\n" + string.Join("\n",
            (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .Select(d => $"  {d.InstanceLocation} ({d.EvaluationPath}): {string.Join("; ", d.Errors!.Values)}")));
    }

    // JSON pointer escaping, then URI escaping: the pointer travels in a URI fragment, where "+" would not survive.
    private static string Escape(string segment) =>
        Uri.EscapeDataString(segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
}
