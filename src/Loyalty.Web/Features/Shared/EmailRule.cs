using System.Text.RegularExpressions;
using FluentValidation;

namespace Loyalty.Web.Features.Shared;

/// <summary>
/// E-mail syntax as people mistype it at a counter: one @, no spaces, a dot in the domain. FluentValidation's default
/// only looks for an @, which lets "a@b" or "jo ao@x.com" through.
/// </summary>
public static partial class EmailRule
{
    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsValid);

    public static bool IsValid(string? email) => email is not null && Pattern().IsMatch(email.Trim());

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex Pattern();
}
