using Loyalty.Domain.Cards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class CardReasonConfiguration : IEntityTypeConfiguration<CardReason>
{
    public void Configure(EntityTypeBuilder<CardReason> builder)
    {
        builder.ToTable("card_reasons");
        builder.Property(r => r.Description).HasMaxLength(CardReason.DescriptionMaxLength);
        builder.HasIndex(r => new { r.TenantId, r.Description }).IsUnique();
        builder.HasAlternateKey(r => new { r.TenantId, r.Id });
    }
}
