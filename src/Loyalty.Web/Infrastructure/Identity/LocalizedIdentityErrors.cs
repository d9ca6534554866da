using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Infrastructure.Identity;

/// <summary>Identity's password and user-name messages in the user's language.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), l["Identity.PasswordTooShort", length]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), l["Identity.PasswordRequiresDigit"]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), l["Identity.PasswordRequiresLower"]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), l["Identity.PasswordRequiresUpper"]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), l["Identity.DuplicateEmail"]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), l["Identity.InvalidEmail"]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), l["Identity.InvalidEmail"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };

    /// <summary>Which form field an Identity error belongs to.</summary>
    public static string FieldOf(IdentityError error, string passwordField, string emailField) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField : emailField;
}
