using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loyalty.Web.Api;

/// <summary>
/// API date-times must carry their UTC offset (SPEC §10): the framework reads "2026-12-01T10:00:00" as the server's zone
/// (UTC), which shifts a POS clock in Brasília by three hours. A value without "Z" or ±hh:mm is refused; the
/// <see cref="Message"/> lets <see cref="Customers.ApiBodyErrors"/> give that field the Portuguese message.
/// </summary>
public sealed class OffsetRequiredConverter : JsonConverter<DateTimeOffset>
{
    public const string Message = "date-time without a UTC offset";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException();
        }
        var text = reader.GetString()!;
        if (!HasOffset(text))
        {
            throw new JsonException(Message);
        }
        // A message-less JsonException gets the serializer's generic text, which ApiBodyErrors turns into "invalid value".
        return reader.TryGetDateTimeOffset(out var value) ? value : throw new JsonException();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <summary>Ends in "Z" or "±hh:mm" after a time ("2026-12-01" alone has no time, hence no offset).</summary>
    public static bool HasOffset(string text)
    {
        var time = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (time < 0)
        {
            return false;
        }
        var clock = text.AsSpan(time + 1);
        if (clock.EndsWith("Z", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return clock.Length > 6 && clock[^6] is '+' or '-' && char.IsAsciiDigit(clock[^5]) && char.IsAsciiDigit(clock[^4])
               && clock[^3] == ':' && char.IsAsciiDigit(clock[^2]) && char.IsAsciiDigit(clock[^1]);
    }
}
