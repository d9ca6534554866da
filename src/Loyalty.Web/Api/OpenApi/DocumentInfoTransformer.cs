using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Loyalty.Web.Api.OpenApi;

/// <summary>Title, description, licence, tags and server of the document.</summary>
public sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public const string CustomersTag = "Customers";
    public const string PurchasesTag = "Purchases";
    public const string KeysTag = "Keys";

    private const string Description = """
        POS and integration endpoints of the loyalty programme. Every call carries an `X-Api-Key` header: a **store key**
        (POS endpoints; the store and tenant come from the key) or a **tenant key** (integration endpoints); each operation
        says which. JSON in camelCase, date-times in ISO-8601 with their offset, money as numbers with up to two decimals,
        points as whole numbers. Every error is RFC 9457 problem details; validation errors (400) are keyed by the
        request's field names (`items[0].totalPrice`). A body over the endpoint's size limit is 413, a body that is not
        JSON is 415, and more than the allowed calls per key per second is 429 with `Retry-After`.
        """;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Loyalty API";
        document.Info.Description = Description;
        // Sold with the back-office under its contract; there is no public licence to link to.
        document.Info.License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Loyalty-Proprietary" };
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = CustomersTag, Description = "Look a customer up at the POS, register customers and read their points statement." },
            new() { Name = PurchasesTag, Description = "Purchases from the POS (points earned at once), their cancellation and returns, and a legacy system's purchase history." },
            new() { Name = KeysTag, Description = "Check which tenant and store a key speaks for." },
        };
        // The server is the address the document was read from; "http://host/" + "/api/v1/me" would double the slash.
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }
        return Task.CompletedTask;
    }
}
