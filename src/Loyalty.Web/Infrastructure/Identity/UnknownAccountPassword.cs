using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Loyalty.Web.Infrastructure.Identity;

/// <summary>
/// When the company or the e-mail is unknown, the typed password is still verified, against the hash of a random
/// password made once with the app's own hasher. An unknown account then costs the same PBKDF2 work as a wrong password,
/// so response times do not tell who exists.
/// </summary>
public sealed class UnknownAccountPassword
{
    private static readonly StaffUser Nobody = new();
    private string? _hash;

    public void Verify(IPasswordHasher<StaffUser> hasher, string password)
    {
        // A race on first use only means the hash is made twice; either value serves.
        _hash ??= hasher.HashPassword(Nobody, RandomNumberGenerator.GetHexString(32));
        hasher.VerifyHashedPassword(Nobody, _hash, password);
    }
}
