using Loyalty.Domain.Cards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class CardPinConfiguration : IEntityTypeConfiguration<CardPin>
{
    public void Configure(EntityTypeBuilder<CardPin> builder)
    {
        builder.ToTable("card_pins");
        builder.Ignore(p => p.IsLocked);
        // Two wrong tries at the same moment must both count: the write of one makes the other's stale.
        builder.Property(p => p.WrongTries).IsConcurrencyToken();
        builder.HasKey(p => p.CardId);
        // The card's key alone (row-level security keeps both rows in one tenant): a composite key to cards would add an
        // alternate key on cards that the card life-cycle's own tables may declare too.
        builder.HasOne<Card>().WithOne().HasForeignKey<CardPin>(p => p.CardId).OnDelete(DeleteBehavior.Cascade);
    }
}
