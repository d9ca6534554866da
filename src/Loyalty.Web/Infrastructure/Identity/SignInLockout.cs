using System.Net;
using System.Text.Json;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Infrastructure.Identity;

/// <summary>
/// The sign-in lockout, counted per account and client address so that a stranger who knows an e-mail cannot lock its
/// owner out: 5 wrong passwords from one address within 15 minutes refuse that account to that address only, until
/// those failures are 15 minutes old; 50 from any addresses within 15 minutes refuse the account everywhere (the backstop
/// against guessing spread over many addresses). A refused attempt is not counted, so it does not prolong the lock.
/// A correct password clears its address's failures; a TenantAdmin's unlock clears them all.
/// </summary>
public sealed class SignInLockout(LoyaltyDbContext db, TimeProvider clock, AuditActor actor, ILogger<SignInLockout> logger)
{
    public const int MaxFailuresPerAddress = 5;
    public const int MaxFailuresPerAccount = 50;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public const string UnknownAddress = "unknown";

    /// <summary>The text stored for a client address: IPv4 clients seen through an IPv6 socket count as IPv4.</summary>
    public static string AddressOf(IPAddress? address) =>
        address is null ? UnknownAddress : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    public async Task<bool> IsLockedAsync(StaffUser user, string address, CancellationToken cancellationToken)
    {
        var (fromAddress, all) = await CountAsync(user.Id, address, cancellationToken);
        return fromAddress >= MaxFailuresPerAddress || all >= MaxFailuresPerAccount;
    }

    public async Task RecordFailureAsync(StaffUser user, string address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.SignInFailures.Where(f => f.UserId == user.Id && f.FailedAt <= now - Window).ExecuteDeleteAsync(cancellationToken);
        db.SignInFailures.Add(new SignInFailure { TenantId = user.TenantId, UserId = user.Id, ClientAddress = address, FailedAt = now });
        await db.SaveChangesAsync(cancellationToken);

        var (fromAddress, all) = await CountAsync(user.Id, address, cancellationToken);
        if (fromAddress == MaxFailuresPerAddress)
        {
            await RecordLockoutAsync(user, address, "address", now + Window, cancellationToken);
        }
        if (all == MaxFailuresPerAccount)
        {
            await RecordLockoutAsync(user, address, "account", now + Window, cancellationToken);
        }
    }

    /// <summary>A correct password from an address forgets that address's failures (the others still count).</summary>
    public Task ClearAsync(StaffUser user, string address, CancellationToken cancellationToken) =>
        db.SignInFailures.Where(f => f.UserId == user.Id && f.ClientAddress == address).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The TenantAdmin's unlock: every failure of the user is forgotten, and the log says who did it.</summary>
    public async Task UnlockAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var locked = await LockedAddressesAsync(user.Id, cancellationToken);
        await db.SignInFailures.Where(f => f.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        if (locked.Count > 0)
        {
            AddAuditEntry(user, new { SignInLockout = locked }, new { SignInLockout = Array.Empty<string>() }, actor.UserId, actor.Name);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The users of the current tenant refused at the moment, to any address.</summary>
    public async Task<HashSet<Guid>> LockedUserIdsAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - Window;
        var recent = db.SignInFailures.Where(f => f.FailedAt > since);
        var byAddress = await recent.GroupBy(f => new { f.UserId, f.ClientAddress })
            .Where(g => g.Count() >= MaxFailuresPerAddress).Select(g => g.Key.UserId).ToListAsync(cancellationToken);
        var byAccount = await recent.GroupBy(f => f.UserId)
            .Where(g => g.Count() >= MaxFailuresPerAccount).Select(g => g.Key).ToListAsync(cancellationToken);
        return [.. byAddress, .. byAccount];
    }

    /// <summary>The addresses the user is refused to ("*" for every address when the backstop holds).</summary>
    public async Task<List<string>> LockedAddressesAsync(Guid userId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - Window;
        var counts = await db.SignInFailures.Where(f => f.UserId == userId && f.FailedAt > since)
            .GroupBy(f => f.ClientAddress).Select(g => new { Address = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var locked = counts.Where(c => c.Count >= MaxFailuresPerAddress).Select(c => c.Address).Order().ToList();
        if (counts.Sum(c => c.Count) >= MaxFailuresPerAccount)
        {
            locked.Insert(0, "*");
        }
        return locked;
    }

    private async Task<(int FromAddress, int All)> CountAsync(Guid userId, string address, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - Window;
        var counts = await db.SignInFailures.Where(f => f.UserId == userId && f.FailedAt > since)
            .GroupBy(f => f.UserId)
            .Select(g => new { FromAddress = g.Count(f => f.ClientAddress == address), All = g.Count() })
            .SingleOrDefaultAsync(cancellationToken);
        return counts is null ? (0, 0) : (counts.FromAddress, counts.All);
    }

    // The sign-in page says nothing about a lock (it would tell a stranger the account exists), so the audit log is
    // where the TenantAdmin, and through them the user, learns of it.
    private async Task RecordLockoutAsync(StaffUser user, string address, string scope, DateTimeOffset until, CancellationToken cancellationToken)
    {
        logger.LogWarning("Sign-in of user {UserId} locked for {Scope} {ClientAddress} until {Until}", user.Id, scope, address, until);
        if (user.TenantId is null)
        {
            return; // PlatformAdmins have no tenant log; the warning above is their record
        }
        AddAuditEntry(user, new { SignInLockout = Array.Empty<string>() },
            new { SignInLockout = new[] { scope == "account" ? "*" : address }, ClientAddress = address, LockedUntil = until },
            userId: null, actorName: "sign-in");
        await db.SaveChangesAsync(cancellationToken);
    }

    private void AddAuditEntry(StaffUser user, object before, object after, Guid? userId, string actorName) =>
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(), UserId = userId, Actor = actorName, CorrelationId = actor.CorrelationId,
            EntityType = nameof(StaffUser), EntityId = user.Id.ToString(), Action = AuditAction.Updated,
            Before = JsonSerializer.Serialize(before), After = JsonSerializer.Serialize(after),
        });
}
