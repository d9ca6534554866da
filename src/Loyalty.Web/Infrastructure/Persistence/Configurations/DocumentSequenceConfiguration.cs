using Loyalty.Domain.Tenancy;
using Loyalty.Web.Infrastructure.Numbering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class DocumentSequenceConfiguration : IEntityTypeConfiguration<DocumentSequence>
{
    public void Configure(EntityTypeBuilder<DocumentSequence> builder)
    {
        builder.ToTable("document_sequences");
        // One counter per tenant and kind: the key the allocator's upsert conflicts on.
        builder.HasKey(s => new { s.TenantId, s.Kind });
        builder.Property(s => s.Kind).HasConversion<short>();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
