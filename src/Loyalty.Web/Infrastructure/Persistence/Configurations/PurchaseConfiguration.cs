using Loyalty.Domain.Customers;
using Loyalty.Domain.Purchases;
using Loyalty.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public const string CouponIndex = "ux_purchases_store_pos_coupon";

    public void Configure(EntityTypeBuilder<Purchase> builder)
    {
        builder.ToTable("purchases");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasAlternateKey(p => new { p.TenantId, p.Id });
        builder.Property(p => p.PosNumber).HasMaxLength(Purchase.PosNumberMaxLength);
        builder.Property(p => p.CouponNumber).HasMaxLength(Purchase.CouponNumberMaxLength);
        builder.Property(p => p.CardNumber).HasMaxLength(32);
        builder.Property(p => p.TotalAmount).HasPrecision(12, 2);
        builder.Property(p => p.ReturnedAmount).HasPrecision(12, 2);
        builder.Property(p => p.PointsStatus).HasConversion<string>().HasMaxLength(16);
        // A default in the database too, so an insert that names no origin (hand-written SQL on the POS path) is a POS one.
        builder.Property(p => p.Origin).HasConversion<string>().HasMaxLength(16).HasDefaultValue(PurchaseOrigin.Pos).HasSentinel(PurchaseOrigin.Pos);
        builder.Property(p => p.AuditReasons).HasMaxLength(300);
        builder.Property(p => p.RejectionReason).HasMaxLength(Purchase.ReasonMaxLength);
        builder.Property(p => p.RequestHash).HasMaxLength(Purchase.HashLength).IsFixedLength();
        // The idempotency key of SPEC §10: a second identical post waits on this index and then reads the first answer.
        builder.HasIndex(p => new { p.TenantId, p.StoreId, p.PosNumber, p.CouponNumber }).IsUnique().HasDatabaseName(CouponIndex);
        // The antifraud rules count the card's purchases of a day.
        builder.HasIndex(p => new { p.TenantId, p.CustomerId, p.OccurredAt });
        builder.HasIndex(p => new { p.TenantId, p.OccurredAt }).HasFilter("points_status = 'PendingAudit'").HasDatabaseName("ix_purchases_audit_queue");
        // The back-office list: a period of the tenant's purchases, newest first.
        builder.HasIndex(p => new { p.TenantId, p.OccurredAt }, "ix_purchases_tenant_occurred_at");
        builder.HasMany(p => p.Items).WithOne()
            .HasForeignKey(i => new { i.TenantId, i.PurchaseId }).HasPrincipalKey(p => new { p.TenantId, p.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Payments).WithOne()
            .HasForeignKey(i => new { i.TenantId, i.PurchaseId }).HasPrincipalKey(p => new { p.TenantId, p.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Store>().WithMany()
            .HasForeignKey(p => new { p.TenantId, p.StoreId }).HasPrincipalKey(s => new { s.TenantId, s.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany()
            .HasForeignKey(p => new { p.TenantId, p.CustomerId }).HasPrincipalKey(c => new { c.TenantId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PurchaseItemConfiguration : IEntityTypeConfiguration<PurchaseItem>
{
    public void Configure(EntityTypeBuilder<PurchaseItem> builder)
    {
        builder.ToTable("purchase_items");
        builder.Property(i => i.ProductCode).HasMaxLength(PurchaseItem.ProductCodeMaxLength);
        builder.Property(i => i.Quantity).HasPrecision(12, 3);
        builder.Property(i => i.UnitPrice).HasPrecision(12, 3);
        builder.Property(i => i.TotalPrice).HasPrecision(12, 2);
        builder.HasIndex(i => new { i.TenantId, i.PurchaseId });
        builder.HasIndex(i => new { i.TenantId, i.ProductCode });
    }
}

internal sealed class PurchasePaymentConfiguration : IEntityTypeConfiguration<PurchasePayment>
{
    public void Configure(EntityTypeBuilder<PurchasePayment> builder)
    {
        builder.ToTable("purchase_payments");
        builder.Property(p => p.Method).HasMaxLength(PurchasePayment.MethodMaxLength);
        builder.Property(p => p.Amount).HasPrecision(12, 2);
        builder.HasIndex(p => new { p.TenantId, p.PurchaseId });
    }
}

internal sealed class PurchaseReturnConfiguration : IEntityTypeConfiguration<PurchaseReturn>
{
    public void Configure(EntityTypeBuilder<PurchaseReturn> builder)
    {
        builder.ToTable("purchase_returns");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ReturnNumber).HasMaxLength(PurchaseReturn.ReturnNumberMaxLength);
        builder.Property(r => r.Amount).HasPrecision(12, 2);
        builder.HasIndex(r => new { r.TenantId, r.PurchaseId, r.ReturnNumber }).IsUnique();
        builder.HasOne<Purchase>().WithMany()
            .HasForeignKey(r => new { r.TenantId, r.PurchaseId }).HasPrincipalKey(p => new { p.TenantId, p.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
