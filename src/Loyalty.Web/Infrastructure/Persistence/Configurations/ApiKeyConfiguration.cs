using Loyalty.Domain.Integration;
using Loyalty.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        builder.Property(k => k.DisplayPrefix).HasMaxLength(16);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        // Global on purpose: the hash of a 256-bit secret identifies the key before the tenant is known, and a
        // collision across tenants cannot happen in practice; the RLS policy only shows a row to whoever holds its secret.
        builder.HasIndex(k => k.SecretHash).IsUnique();
        builder.HasIndex(k => new { k.TenantId, k.CreatedAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Store>().WithMany()
            .HasForeignKey(k => new { k.TenantId, k.StoreId })
            .HasPrincipalKey(s => new { s.TenantId, s.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(k => k.IsRevoked);
        builder.Ignore(k => k.IsStoreKey);
    }
}
