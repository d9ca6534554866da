using System.Text.Json.Nodes;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Purchases;
using Loyalty.Web.Api.Customers;
using Loyalty.Web.Features.Customers.Lookup;
using Loyalty.Web.Features.Customers.Statement;
using Loyalty.Web.Features.Purchases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Loyalty.Web.Api.OpenApi;

/// <summary>
/// Makes the schemas say what the server does, for clients generated in strict languages:
/// numbers are numbers (the reader's tolerance of "12.50" in quotes is not part of the contract: the server always
/// sends numbers); text codes list their values; a request's fields are required where its rules require them; an
/// answer's fields are all required, since the server always sends them (null where nullable).
/// </summary>
public sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>Request fields whose absence is a 400 "required" (the request rules of each use case), and the fields
    /// every problem answer carries.</summary>
    public static readonly IReadOnlyDictionary<Type, string[]> RequiredFields = new Dictionary<Type, string[]>
    {
        [typeof(ProblemDetails)] = ["type", "title", "status"],
        [typeof(ValidationProblemDetails)] = ["type", "title", "status", "errors"],
        [typeof(CustomerExistsProblem)] = ["type", "title", "status", "customerId"],
        [typeof(PurchaseRequest)] = ["posNumber", "couponNumber", "occurredAt", "customer", "totalAmount", "items", "payments"],
        [typeof(PurchaseRequestItem)] = ["productCode", "quantity", "unitPrice", "totalPrice"],
        [typeof(PurchaseRequestPayment)] = ["method", "amount"],
        [typeof(PurchaseReversal.ReturnRequest)] = ["returnNumber", "occurredAt", "amount"],
        [typeof(PurchaseHistoryRequest)] = ["purchases"],
        [typeof(PurchaseHistoryEntry)] = ["storeCode", "posNumber", "couponNumber", "occurredAt", "customer", "totalAmount", "items", "payments"],
        [typeof(RegisterCustomerRequest)] = ["personType", "document", "name"],
    };

    /// <summary>Answers: every property is always sent.</summary>
    public static readonly IReadOnlySet<Type> Answers = new HashSet<Type>
    {
        typeof(RecordPurchase.Receipt), typeof(Loyalty.Domain.Campaigns.DiscountGiven), typeof(PurchaseEarning.IssuedGift),
        typeof(PurchaseReversal.Reversed), typeof(ImportPurchaseHistory.Result), typeof(ImportPurchaseHistory.EntryResult),
        typeof(CustomerLookup.CustomerSummary), typeof(CustomersApiController.CustomerCreated), typeof(AccountStatement.Answer),
        typeof(AccountStatement.Entry), typeof(WhoAmIController.KeyInfo),
    };

    /// <summary>Properties sent as text codes, with every value they take.</summary>
    public static readonly IReadOnlyDictionary<(Type, string), string[]> TextCodes = new Dictionary<(Type, string), string[]>
    {
        [(typeof(RecordPurchase.Receipt), "pointsStatus")] = Enum.GetValues<PointsStatus>().Select(RecordPurchase.StatusName).Distinct().ToArray(),
        [(typeof(CustomerLookup.CustomerSummary), "cardStatus")] = Enum.GetValues<CardStatus>().Select(s => s.Code()).ToArray(),
        [(typeof(WhoAmIController.KeyInfo), "keyKind")] = [WhoAmIController.StoreKeyKind, WhoAmIController.TenantKeyKind],
        [(typeof(ImportPurchaseHistory.EntryResult), "status")] = ["created", "replayed", "conflict"],
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        NumbersAreNumbers(schema);
        if (context.JsonPropertyInfo is { } property)
        {
            if (TextCodes.TryGetValue((property.DeclaringType, property.Name), out var codes))
            {
                schema.Enum = codes.Select(c => (JsonNode)JsonValue.Create(c)).ToList();
            }
            return Task.CompletedTask;
        }
        var type = context.JsonTypeInfo.Type;
        if ((Nullable.GetUnderlyingType(type) ?? type).IsEnum && schema.Enum is { Count: > 0 } values)
        {
            // An enum's own schema is a string; where a property may be null, its oneOf says so.
            schema.Type = JsonSchemaType.String;
            schema.Enum = values.Where(v => v is not null).ToList();
        }
        if (RequiredFields.TryGetValue(type, out var required))
        {
            Require(schema, required, nullable: false);
        }
        else if (Answers.Contains(type) && schema.Properties is { } properties)
        {
            Require(schema, properties.Keys, nullable: true);
        }
        return Task.CompletedTask;
    }

    private static void NumbersAreNumbers(OpenApiSchema schema)
    {
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String)
            && (type.HasFlag(JsonSchemaType.Number) || type.HasFlag(JsonSchemaType.Integer)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
    }

    private static void Require(OpenApiSchema schema, IEnumerable<string> names, bool nullable)
    {
        schema.Required ??= new HashSet<string>();
        foreach (var name in names)
        {
            schema.Required.Add(name);
            // A required request field sent as null is refused like a missing one: documented as not nullable.
            if (nullable || schema.Properties is not { } properties || !properties.TryGetValue(name, out var property))
            {
                continue;
            }
            if (property is OpenApiSchema { Type: { } type } field)
            {
                field.Type = type & ~JsonSchemaType.Null;
            }
            else if (property is OpenApiSchema { OneOf: { Count: 2 } oneOf } && oneOf.SingleOrDefault(s => s.Type != JsonSchemaType.Null) is { } notNull)
            {
                properties[name] = notNull;
            }
        }
    }
}
