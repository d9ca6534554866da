using System.Text.Json;
using System.Text.Json.Serialization;
using Loyalty.Domain.Common;

namespace Loyalty.Web.Infrastructure.TextInput;

/// <summary>
/// The same rule for JSON bodies: a string with a refused character fails the body's reading at that field, and
/// <see cref="Api.Customers.ApiBodyErrors"/> turns it into a 400 keyed by the request's field name. API fields are
/// single-line (codes, names, addresses), so line breaks and tab are refused too.
/// </summary>
public sealed class PlainTextJsonConverter : JsonConverter<string>
{
    public const string RefusedMessage = "plain-text: refused character";

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException();
        return PlainText.IsClean(value) ? value : throw new JsonException(RefusedMessage);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
