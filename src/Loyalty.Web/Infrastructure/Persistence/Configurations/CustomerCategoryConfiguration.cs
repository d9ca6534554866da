using Loyalty.Domain.Categories;
using Loyalty.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class CustomerCategoryConfiguration : IEntityTypeConfiguration<CustomerCategory>
{
    public void Configure(EntityTypeBuilder<CustomerCategory> builder)
    {
        builder.ToTable("customer_categories");
        builder.Property(c => c.Name).HasMaxLength(CustomerCategory.NameMaxLength);
        builder.Property(c => c.Description).HasMaxLength(CustomerCategory.DescriptionMaxLength);
        builder.Property(c => c.Multiplier).HasPrecision(4, 2);
        builder.Property(c => c.AuditParameter).HasConversion<string>().HasMaxLength(20);
        builder.ComplexProperty(c => c.CustomRules, rules => rules.MapRules());
        builder.HasIndex(c => new { c.TenantId, c.Name }).IsUnique();
        // At most one default category (Padrão) per tenant.
        builder.HasIndex(c => c.TenantId).IsUnique().HasFilter("is_default").HasDatabaseName("ux_customer_categories_default");
        builder.HasAlternateKey(c => new { c.TenantId, c.Id });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class AntifraudRulesMapping
{
    public static void MapRules(this ComplexPropertyBuilder<AntifraudRules> rules)
    {
        rules.Property(r => r.MaxPurchaseAmount).HasPrecision(12, 2);
        rules.Ignore(r => r.IsEmpty);
    }
}
