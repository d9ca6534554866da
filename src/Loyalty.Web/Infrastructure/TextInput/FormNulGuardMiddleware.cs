using System.Text;

namespace Loyalty.Web.Infrastructure.TextInput;

/// <summary>
/// ASP.NET's form reader refuses a form whose values hold NUL (%00) altogether — the antiforgery check then cannot
/// find its token and the person gets an error page instead of their form. So NUL is taken out of a URL-encoded
/// form before anything reads it, and the fields that held it are named for <see cref="PlainTextModelBinder"/>, which
/// gives them the same message as any other refused character. Other characters reach the binder as they are.
/// </summary>
public sealed class FormNulGuardMiddleware(RequestDelegate next)
{
    public const string FieldsItem = "plain-text-nul-fields";

    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method)
            && context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            && !context.Request.Path.StartsWithSegments("/api"))
        {
            await GuardAsync(context);
        }
        await next(context);
    }

    private static async Task GuardAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        // URL-encoded forms are ASCII on the wire; Latin-1 maps every byte to one char and back unchanged.
        var body = Encoding.Latin1.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var fields = new List<string>();
        var pairs = body.Split('&');
        for (var i = 0; i < pairs.Length; i++)
        {
            var pair = pairs[i];
            if (!pair.Contains("%00", StringComparison.Ordinal) && !pair.Contains('\0', StringComparison.Ordinal))
            {
                continue;
            }
            var cleaned = pair.Replace("%00", string.Empty, StringComparison.Ordinal).Replace("\0", string.Empty, StringComparison.Ordinal);
            var separator = cleaned.IndexOf('=', StringComparison.Ordinal);
            fields.Add(Uri.UnescapeDataString((separator < 0 ? cleaned : cleaned[..separator]).Replace('+', ' ')));
            pairs[i] = cleaned;
        }
        var bytes = fields.Count == 0 ? buffer.ToArray() : Encoding.Latin1.GetBytes(string.Join('&', pairs));
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        if (fields.Count > 0)
        {
            context.Items[FieldsItem] = fields;
        }
    }
}
