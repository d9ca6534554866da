namespace Loyalty.Web.Infrastructure.Identity;

/// <summary>
/// A signed-in session kept on the server: the cookie holds only this row's key, so signing out deletes the row and
/// the cookie is worthless afterwards, even if it was copied.
/// </summary>
public class AuthSession
{
    public string Id { get; set; } = string.Empty;
    public Guid? UserId { get; set; }
    public byte[] Ticket { get; set; } = [];
    public DateTimeOffset ExpiresAt { get; set; }
}
