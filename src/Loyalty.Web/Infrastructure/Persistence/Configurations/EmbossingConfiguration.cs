using Loyalty.Domain.Cards;
using Loyalty.Domain.Cards.Embossing;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class EmbossingBatchConfiguration : IEntityTypeConfiguration<EmbossingBatch>
{
    public void Configure(EntityTypeBuilder<EmbossingBatch> builder)
    {
        builder.ToTable("embossing_batches");
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.FileName).HasMaxLength(EmbossingBatch.FileNameMaxLength);
        builder.Property(b => b.GeneratedByName).HasMaxLength(EmbossingBatch.ByNameMaxLength);
        builder.Property(b => b.DeliveredByName).HasMaxLength(EmbossingBatch.ByNameMaxLength);
        builder.Property(b => b.LastDownloadedByName).HasMaxLength(EmbossingBatch.ByNameMaxLength);
        builder.HasAlternateKey(b => new { b.TenantId, b.Id });
        builder.HasIndex(b => new { b.TenantId, b.Number }).IsUnique();
        // The idempotency key: one batch per request, whatever runs the job twice.
        builder.HasIndex(b => new { b.TenantId, b.RequestKey }).IsUnique();
        builder.HasIndex(b => new { b.TenantId, b.Status, b.GeneratedAt });
    }
}

internal sealed class EmbossingBatchCardConfiguration : IEntityTypeConfiguration<EmbossingBatchCard>
{
    public void Configure(EntityTypeBuilder<EmbossingBatchCard> builder)
    {
        builder.ToTable("embossing_batch_cards");
        builder.Ignore(c => c.IsChecked);
        builder.Property(c => c.CheckedByName).HasMaxLength(EmbossingBatch.ByNameMaxLength);
        builder.HasIndex(c => new { c.TenantId, c.BatchId, c.Line }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.CardId });
        builder.HasOne<EmbossingBatch>().WithMany()
            .HasForeignKey(c => new { c.TenantId, c.BatchId }).HasPrincipalKey(b => new { b.TenantId, b.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Card>().WithMany()
            .HasForeignKey(c => new { c.TenantId, c.CardId }).HasPrincipalKey(c => new { c.TenantId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EmbossingFileChunkConfiguration : IEntityTypeConfiguration<EmbossingFileChunk>
{
    public void Configure(EntityTypeBuilder<EmbossingFileChunk> builder)
    {
        builder.ToTable("embossing_file_chunks");
        builder.HasKey(c => new { c.TenantId, c.BatchId, c.Sequence });
        builder.HasOne<EmbossingBatch>().WithMany()
            .HasForeignKey(c => new { c.TenantId, c.BatchId }).HasPrincipalKey(b => new { b.TenantId, b.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EmbossingRequestConfiguration : IEntityTypeConfiguration<EmbossingRequest>
{
    public void Configure(EntityTypeBuilder<EmbossingRequest> builder)
    {
        builder.ToTable("embossing_requests");
        builder.HasKey(r => new { r.TenantId, r.Id });
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.RequestedByName).HasMaxLength(EmbossingBatch.ByNameMaxLength);
        builder.Ignore(r => r.IsFinished);
        builder.OwnsOne(r => r.Filter, f =>
        {
            f.Property(x => x.CardNumber).HasMaxLength(Card.NumberMaxLength + 6);
            f.Property(x => x.Name).HasMaxLength(EmbossingFilter.NameMaxLength);
            f.Property(x => x.CustomerType).HasConversion<string>().HasMaxLength(20);
        });
        builder.Navigation(r => r.Filter).IsRequired();
        builder.HasIndex(r => new { r.TenantId, r.RequestedAt });
    }
}
