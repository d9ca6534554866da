using Loyalty.Domain.Tenancy;
using Loyalty.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.ToTable("staff_users");
        builder.Property(u => u.FullName).HasMaxLength(StaffUser.FullNameMaxLength);
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.Culture).HasMaxLength(10);
        builder.Property(u => u.ApprovalAuthority).HasPrecision(12, 2);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Restrict);
        // Identity's own index on the normalised user name is replaced by one that includes the tenant; PlatformAdmins
        // (no tenant) are kept unique among themselves by NULLS NOT DISTINCT.
        builder.Metadata.RemoveIndex([builder.Property(u => u.NormalizedUserName).Metadata]);
        builder.HasIndex(u => new { u.TenantId, u.NormalizedUserName }).IsUnique().AreNullsDistinct(false)
            .HasDatabaseName("ux_staff_users_tenant_user_name");
        // A user's store links also carry a (tenant_id, user_id) foreign key, added in SQL by the migration: EF cannot
        // model a key over the nullable tenant_id of PlatformAdmins.
        builder.HasMany(u => u.Stores).WithOne().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffUserStoreConfiguration : IEntityTypeConfiguration<StaffUserStore>
{
    public void Configure(EntityTypeBuilder<StaffUserStore> builder)
    {
        builder.ToTable("staff_user_stores");
        builder.HasKey(s => new { s.TenantId, s.UserId, s.StoreId });
        builder.HasOne<Store>().WithMany()
            .HasForeignKey(s => new { s.TenantId, s.StoreId })
            .HasPrincipalKey(s => new { s.TenantId, s.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
