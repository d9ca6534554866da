namespace Loyalty.Web.Api.OpenApi;

/// <summary>A header an action sends with one of its answers, for the document (ProducesResponseType has no headers).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ResponseHeaderAttribute(int statusCode, string name, string description) : Attribute
{
    public int StatusCode { get; } = statusCode;
    public string Name { get; } = name;
    public string Description { get; } = description;

    /// <summary>The header's value is the literal "true" (Idempotent-Replay); otherwise any string (a URL, seconds).</summary>
    public string? Const { get; init; }

    /// <summary>False when the answer carries the header only sometimes (a cancellation's 200 is first or replayed).</summary>
    public bool Required { get; init; } = true;
}
