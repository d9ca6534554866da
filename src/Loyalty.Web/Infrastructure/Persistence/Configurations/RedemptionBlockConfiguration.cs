using Loyalty.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class RedemptionBlockConfiguration : IEntityTypeConfiguration<RedemptionBlock>
{
    public void Configure(EntityTypeBuilder<RedemptionBlock> builder)
    {
        builder.ToTable("redemption_blocks");
        builder.Property(b => b.Reason).HasMaxLength(RedemptionBlock.ReasonMaxLength);
        builder.Property(b => b.BlockedBy).HasMaxLength(256);
        builder.Property(b => b.RemovedBy).HasMaxLength(256);
        builder.Ignore(b => b.IsInForce);
        // Removing writes "WHERE removed_at IS NULL": of two people removing the same block at once, one wins.
        builder.Property(b => b.RemovedAt).IsConcurrencyToken();
        // One block in force per customer; removed blocks stay as history.
        builder.HasIndex(b => new { b.TenantId, b.CustomerId }).IsUnique().HasFilter("removed_at IS NULL")
            .HasDatabaseName("ux_redemption_blocks_in_force");
        builder.HasIndex(b => new { b.TenantId, b.BlockedAt });
        builder.HasOne<Customer>().WithMany()
            .HasForeignKey(b => new { b.TenantId, b.CustomerId }).HasPrincipalKey(c => new { c.TenantId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
