using System.Security.Cryptography;
using Loyalty.Domain.Common;

namespace Loyalty.Domain.Cards;

/// <summary>
/// A card's PIN (SPEC §8 "Manutenção de Senha"): 4 to 6 digits, kept only as a PBKDF2-SHA256 hash with its own salt.
/// Changing it requires the current PIN; three wrong tries in a row lock it, and only setting a new PIN at the back office
/// (a card operator or the tenant admin, with the customer present) unlocks it. Nothing here ever returns the PIN.
/// </summary>
public class CardPin : ITenantOwned, IAudited
{
    public const int MinLength = 4;
    public const int MaxLength = 6;
    public const int MaxWrongTries = 3;
    public const int Iterations = 150_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private CardPin()
    {
        PinHash = [];
        PinSalt = [];
    }

    public Guid TenantId { get; private set; }
    /// <summary>One PIN per card: the card's id is the PIN's key, so the audit log files PIN changes under the card.</summary>
    public Guid CardId { get; private set; }
    public byte[] PinHash { get; private set; }
    public byte[] PinSalt { get; private set; }
    public int PinIterations { get; private set; }
    public int WrongTries { get; private set; }
    public DateTimeOffset? LockedAt { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }

    public bool IsLocked => LockedAt is not null;

    public static bool IsWellFormed(string? pin) =>
        pin is { Length: >= MinLength and <= MaxLength } && pin.All(char.IsAsciiDigit);

    /// <summary>The first PIN of a card.</summary>
    public static CardPin Create(Guid cardId, string pin, DateTimeOffset now)
    {
        var created = new CardPin { CardId = cardId };
        created.Store(pin, now);
        return created;
    }

    /// <summary>The customer changes their PIN: the current one must match. A wrong one counts a try and says so.</summary>
    /// <returns>False when <paramref name="current"/> is wrong (the try is counted; the third locks the PIN).</returns>
    public bool Change(string current, string pin, DateTimeOffset now)
    {
        if (IsLocked)
        {
            throw new DomainException("CardPin.Locked");
        }
        if (!IsWellFormed(pin))
        {
            throw new DomainException("CardPin.Invalid");
        }
        if (!Matches(current))
        {
            WrongTries++;
            if (WrongTries >= MaxWrongTries)
            {
                LockedAt = now;
            }
            return false;
        }
        Store(pin, now);
        return true;
    }

    /// <summary>The back office sets a new PIN without the current one, unlocking a locked PIN.</summary>
    public void Reset(string pin, DateTimeOffset now) => Store(pin, now);

    private void Store(string pin, DateTimeOffset now)
    {
        if (!IsWellFormed(pin))
        {
            throw new DomainException("CardPin.Invalid");
        }
        PinSalt = RandomNumberGenerator.GetBytes(SaltBytes);
        PinIterations = Iterations;
        PinHash = Hash(pin, PinSalt, PinIterations);
        WrongTries = 0;
        LockedAt = null;
        ChangedAt = now;
    }

    private bool Matches(string? pin) =>
        pin is not null && pin.Length <= MaxLength * 4
        && CryptographicOperations.FixedTimeEquals(Hash(pin, PinSalt, PinIterations), PinHash);

    private static byte[] Hash(string pin, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(pin, salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
