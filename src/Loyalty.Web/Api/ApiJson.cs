using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loyalty.Web.Api;

/// <summary>
/// The API's JSON: camelCase names, enums by camelCase name. MVC serializes with its own options and the OpenAPI
/// document describes schemas with the minimal-API options; both get these, or the document tells another story
/// (an enum documented as an integer and sent as "accrual").
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }
}
