using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.CardMaintenance;

/// <summary>
/// The next number of the tenant's card numbering (prefix, length, Luhn digit) for a reissued card, as registration takes
/// one: the settings row is locked so two generators never take the same sequence, and a number typed by hand earlier
/// that happens to equal the next one is skipped. Call inside the transaction that saves the card.
/// </summary>
public static class NewCardNumber
{
    public static async Task<string> TakeAsync(LoyaltyDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = db.Tenant.RequiredTenantId;
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM program_settings WHERE tenant_id = {tenantId} FOR UPDATE", cancellationToken);
        var settings = await db.ProgramSettings.SingleAsync(cancellationToken);
        string number;
        do
        {
            number = settings.TakeNextCardNumber();
        }
        while (await db.Cards.AnyAsync(c => c.Number == number, cancellationToken));
        return number;
    }
}
