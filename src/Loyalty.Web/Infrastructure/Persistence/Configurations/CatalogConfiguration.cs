using Loyalty.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("departments");
        builder.Property(d => d.Code).HasMaxLength(Department.CodeMaxLength);
        builder.Property(d => d.Name).HasMaxLength(Department.NameMaxLength);
        builder.HasIndex(d => new { d.TenantId, d.Code }).IsUnique();
        builder.HasAlternateKey(d => new { d.TenantId, d.Id });
    }
}

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.ToTable("sections");
        builder.Property(s => s.Code).HasMaxLength(Department.CodeMaxLength);
        builder.Property(s => s.Name).HasMaxLength(Department.NameMaxLength);
        builder.HasIndex(s => new { s.TenantId, s.DepartmentId, s.Code }).IsUnique();
        builder.HasAlternateKey(s => new { s.TenantId, s.Id });
        builder.HasOne<Department>().WithMany()
            .HasForeignKey(s => new { s.TenantId, s.DepartmentId }).HasPrincipalKey(d => new { d.TenantId, d.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products");
        builder.Property(p => p.Code).HasMaxLength(Product.CodeMaxLength);
        builder.Property(p => p.Description).HasMaxLength(Product.DescriptionMaxLength);
        builder.HasIndex(p => new { p.TenantId, p.Code }).IsUnique();
        builder.HasIndex(p => new { p.TenantId, p.DepartmentId });
        builder.HasIndex(p => new { p.TenantId, p.SectionId });
        builder.HasAlternateKey(p => new { p.TenantId, p.Id });
        builder.HasOne<Department>().WithMany()
            .HasForeignKey(p => new { p.TenantId, p.DepartmentId }).HasPrincipalKey(d => new { d.TenantId, d.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Section>().WithMany()
            .HasForeignKey(p => new { p.TenantId, p.SectionId }).HasPrincipalKey(s => new { s.TenantId, s.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
