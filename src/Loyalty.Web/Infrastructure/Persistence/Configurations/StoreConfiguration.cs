using Loyalty.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    public void Configure(EntityTypeBuilder<Store> builder)
    {
        builder.ToTable("stores");
        builder.Property(s => s.Code).HasMaxLength(Store.CodeMaxLength);
        builder.Property(s => s.Name).HasMaxLength(Store.NameMaxLength);
        builder.Property(s => s.ReceiptFormat).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => new { s.TenantId, s.Code }).IsUnique();
        // (tenant_id, id) is the target of every tenant-scoped foreign key to a store.
        builder.HasAlternateKey(s => new { s.TenantId, s.Id });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
