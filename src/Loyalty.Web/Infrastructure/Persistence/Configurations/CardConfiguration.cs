using Loyalty.Domain.Cards;
using Loyalty.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class CardConfiguration : IEntityTypeConfiguration<Card>
{
    /// <summary>
    /// The last four digits, the part masked screens show ("•••• 1234"): a stored column PostgreSQL computes, indexed per
    /// tenant, so a search by them is an index lookup like the whole number's.
    /// </summary>
    public const string LastDigits = "LastDigits";

    public void Configure(EntityTypeBuilder<Card> builder)
    {
        builder.ToTable("cards");
        builder.Property(c => c.Number).HasMaxLength(Card.NumberMaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(c => c.IsActive);
        builder.HasIndex(c => new { c.TenantId, c.Number }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.CustomerId });
        builder.Property<string>(LastDigits).HasMaxLength(Card.VisibleDigits).HasComputedColumnSql($"right(number, {Card.VisibleDigits})", stored: true);
        builder.HasIndex(nameof(Card.TenantId), LastDigits);
        builder.HasOne<Customer>().WithMany()
            .HasForeignKey(c => new { c.TenantId, c.CustomerId }).HasPrincipalKey(c => new { c.TenantId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
        // The role homes count cards by status; the embossing filter lists the 07s.
        builder.HasIndex(c => new { c.TenantId, c.Status });
        builder.HasIndex(c => new { c.TenantId, c.EmbossingBatchId });
        builder.HasMany(c => c.History).WithOne()
            .HasForeignKey(h => new { h.TenantId, h.CardId }).HasPrincipalKey(c => new { c.TenantId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CardHistoryEntryConfiguration : IEntityTypeConfiguration<CardHistoryEntry>
{
    public void Configure(EntityTypeBuilder<CardHistoryEntry> builder)
    {
        builder.ToTable("card_history");
        builder.Property(h => h.Event).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.FromStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.ToStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.ByName).HasMaxLength(CardChange.ByNameMaxLength);
        builder.Property(h => h.Reason).HasMaxLength(CardChange.ReasonMaxLength);
        builder.Property(h => h.Observation).HasMaxLength(CardChange.ObservationMaxLength);
        builder.HasIndex(h => new { h.TenantId, h.CardId, h.At });
    }
}
