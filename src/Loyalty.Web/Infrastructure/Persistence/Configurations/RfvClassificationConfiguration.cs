using Loyalty.Domain.Rfv;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class RfvClassificationConfiguration : IEntityTypeConfiguration<RfvClassification>
{
    public void Configure(EntityTypeBuilder<RfvClassification> builder)
    {
        builder.ToTable("rfv_classifications");
        builder.Property(r => r.Value).HasPrecision(16, 2);
        builder.Property(r => r.Class).HasMaxLength(3).IsFixedLength();
        // One class per customer per close; the profile reads a customer's history newest first through the same index.
        builder.HasIndex(r => new { r.TenantId, r.CustomerId, r.BusinessDate }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.BusinessDate });
    }
}
