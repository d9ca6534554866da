using Loyalty.Domain.Customers;
using Loyalty.Domain.Points;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class PointsAccountConfiguration : IEntityTypeConfiguration<PointsAccount>
{
    public void Configure(EntityTypeBuilder<PointsAccount> builder)
    {
        builder.ToTable("points_accounts");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasAlternateKey(a => new { a.TenantId, a.Id });
        // The account is the titular customer's: same id, same tenant.
        builder.HasOne<Customer>().WithOne()
            .HasForeignKey<PointsAccount>(a => new { a.TenantId, a.Id }).HasPrincipalKey<Customer>(c => new { c.TenantId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PointsLotConfiguration : IEntityTypeConfiguration<PointsLot>
{
    public void Configure(EntityTypeBuilder<PointsLot> builder)
    {
        builder.ToTable("points_lots", t => t.HasCheckConstraint("ck_points_lots_remaining", "remaining >= 0 AND remaining <= points"));
        builder.HasAlternateKey(l => new { l.TenantId, l.Id });
        builder.HasIndex(l => new { l.TenantId, l.AccountId, l.ExpiresAt });
        // The expiry step reads only lots that still hold points.
        builder.HasIndex(l => new { l.TenantId, l.ExpiresAt }).HasFilter("remaining > 0").HasDatabaseName("ix_points_lots_open_by_expiry");
        builder.HasOne<PointsAccount>().WithMany()
            .HasForeignKey(l => new { l.TenantId, l.AccountId }).HasPrincipalKey(a => new { a.TenantId, a.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("ledger_entries");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Reason).HasMaxLength(LedgerEntry.ReasonMaxLength);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.HasAlternateKey(e => new { e.TenantId, e.Id });
        builder.HasIndex(e => new { e.TenantId, e.AccountId, e.OccurredAt });
        builder.HasIndex(e => new { e.TenantId, e.CustomerId, e.OccurredAt });
        builder.HasIndex(e => new { e.TenantId, e.PurchaseId });
        builder.HasIndex(e => new { e.TenantId, e.RedemptionId });
        builder.HasOne<PointsAccount>().WithMany()
            .HasForeignKey(e => new { e.TenantId, e.AccountId }).HasPrincipalKey(a => new { a.TenantId, a.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany()
            .HasForeignKey(e => new { e.TenantId, e.CustomerId }).HasPrincipalKey(c => new { c.TenantId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LedgerLotMovementConfiguration : IEntityTypeConfiguration<LedgerLotMovement>
{
    public void Configure(EntityTypeBuilder<LedgerLotMovement> builder)
    {
        builder.ToTable("ledger_lot_movements");
        builder.HasIndex(m => new { m.TenantId, m.EntryId });
        builder.HasIndex(m => new { m.TenantId, m.LotId });
        builder.HasOne(m => m.Entry).WithMany()
            .HasForeignKey(m => new { m.TenantId, m.EntryId }).HasPrincipalKey(e => new { e.TenantId, e.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PointsLot>().WithMany()
            .HasForeignKey(m => new { m.TenantId, m.LotId }).HasPrincipalKey(l => new { l.TenantId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
