using Loyalty.Domain.Numbering;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Infrastructure.Numbering;

/// <summary>
/// Hands out the tenant's next number of a kind (SPEC §12). One upsert on the tenant's counter row, inside the
/// transaction that saves the numbered record: the row stays locked until that transaction ends, so two cashiers never
/// get the same number, and a transaction that rolls back takes its number back with it (the record and the counter
/// are undone together). Callers take it after their own row locks and before the account's, the one order every
/// numbered operation follows, and as late as they can, since the tenant's operations of that kind wait on it.
/// </summary>
public sealed class DocumentNumbers(LoyaltyDbContext db)
{
    public async Task<long> NextAsync(DocumentKind kind, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A number is taken inside the transaction that saves its record.");
        }
        var tenantId = db.Tenant.RequiredTenantId;
        var kindValue = (short)kind;
        var next = await db.Database.SqlQuery<long>($"""
            INSERT INTO document_sequences (tenant_id, kind, last_number) VALUES ({tenantId}, {kindValue}, 1)
            ON CONFLICT (tenant_id, kind) DO UPDATE SET last_number = document_sequences.last_number + 1
            RETURNING last_number AS "Value"
            """).ToListAsync(cancellationToken);
        return next.Single();
    }
}
