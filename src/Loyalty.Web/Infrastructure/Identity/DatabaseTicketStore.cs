using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Npgsql;

namespace Loyalty.Web.Infrastructure.Identity;

/// <summary>Keeps authentication tickets in PostgreSQL (table <c>auth_sessions</c>); see <see cref="AuthSession"/>.</summary>
public sealed class DatabaseTicketStore(NpgsqlDataSource dataSource, TimeProvider clock) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using var command = dataSource.CreateCommand(
            "INSERT INTO auth_sessions (id, user_id, ticket, expires_at) VALUES (@id, @user, @ticket, @expires)");
        command.Parameters.AddWithValue("id", key);
        command.Parameters.AddWithValue("user", (object?)UserId(ticket) ?? DBNull.Value);
        command.Parameters.AddWithValue("ticket", TicketSerializer.Default.Serialize(ticket));
        command.Parameters.AddWithValue("expires", Expiry(ticket));
        await command.ExecuteNonQueryAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE auth_sessions SET ticket = @ticket, expires_at = @expires WHERE id = @id");
        command.Parameters.AddWithValue("id", key);
        command.Parameters.AddWithValue("ticket", TicketSerializer.Default.Serialize(ticket));
        command.Parameters.AddWithValue("expires", Expiry(ticket));
        await command.ExecuteNonQueryAsync();
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT ticket FROM auth_sessions WHERE id = @id AND expires_at > @now");
        command.Parameters.AddWithValue("id", key);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        return await command.ExecuteScalarAsync() is byte[] bytes ? TicketSerializer.Default.Deserialize(bytes) : null;
    }

    public async Task RemoveAsync(string key)
    {
        // Expired rows of anyone are swept on each sign-out, which keeps the table small without a job.
        await using var command = dataSource.CreateCommand("DELETE FROM auth_sessions WHERE id = @id OR expires_at < @now");
        command.Parameters.AddWithValue("id", key);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        await command.ExecuteNonQueryAsync();
    }

    private DateTimeOffset Expiry(AuthenticationTicket ticket) =>
        ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddHours(1);

    private static Guid? UserId(AuthenticationTicket ticket) =>
        Guid.TryParse(ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var id) ? id : null;
}

/// <summary>Wires the ticket store into the staff cookie once DI can build it.</summary>
public sealed class TicketStoreCookieSetup(DatabaseTicketStore store) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options) => options.SessionStore = store;
}
