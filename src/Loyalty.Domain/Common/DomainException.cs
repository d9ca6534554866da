namespace Loyalty.Domain.Common;

/// <summary>
/// An illegal state transition or a broken business rule. <see cref="Code"/> is a resource key, so the screens and the
/// API show the message in the user's language.
/// </summary>
public class DomainException(string code, string? detail = null) : Exception(detail ?? code)
{
    public string Code { get; } = code;

    /// <summary>Values for the message's placeholders (e.g. the campaigns that use a category).</summary>
    public object[] Arguments { get; init; } = [];
}
