using Loyalty.Domain.Cards;
using Loyalty.Domain.Credit;
using Loyalty.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class CreditScoreSetConfiguration : IEntityTypeConfiguration<CreditScoreSet>
{
    public void Configure(EntityTypeBuilder<CreditScoreSet> builder)
    {
        builder.ToTable("credit_score_sets");
        builder.Property(s => s.CurrencyIndex).HasPrecision(12, 4);
        // One set per effective date: "the set in force on a day" must name one set.
        builder.HasIndex(s => new { s.TenantId, s.EffectiveFrom }).IsUnique();
        builder.HasMany(s => s.Weights).WithOne().HasForeignKey("TenantId", nameof(ScoreWeight.SetId))
            .HasPrincipalKey(s => new { s.TenantId, s.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Bands).WithOne().HasForeignKey("TenantId", nameof(LimitBand.SetId))
            .HasPrincipalKey(s => new { s.TenantId, s.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Weights).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(s => s.Bands).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ScoreWeightConfiguration : IEntityTypeConfiguration<ScoreWeight>
{
    public void Configure(EntityTypeBuilder<ScoreWeight> builder)
    {
        builder.ToTable("credit_score_weights");
        builder.Property(w => w.Attribute).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.RangeFrom).HasPrecision(12, 2);
        builder.Property(w => w.RangeTo).HasPrecision(12, 2);
    }
}

internal sealed class LimitBandConfiguration : IEntityTypeConfiguration<LimitBand>
{
    public void Configure(EntityTypeBuilder<LimitBand> builder)
    {
        builder.ToTable("credit_limit_bands");
        builder.Property(b => b.Limit).HasPrecision(12, 2);
    }
}

internal sealed class CreditModalityConfiguration : IEntityTypeConfiguration<CreditModality>
{
    public void Configure(EntityTypeBuilder<CreditModality> builder)
    {
        builder.ToTable("credit_modalities");
        builder.Property(m => m.Name).HasMaxLength(CreditModality.NameMaxLength);
        builder.HasIndex(m => new { m.TenantId, m.Name }).IsUnique();
    }
}

internal sealed class CreditDecisionConfiguration : IEntityTypeConfiguration<CreditDecision>
{
    public void Configure(EntityTypeBuilder<CreditDecision> builder)
    {
        builder.ToTable("credit_decisions");
        builder.Property(d => d.Mode).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Limit).HasPrecision(12, 2);
        builder.Property(d => d.Observation).HasMaxLength(CreditDecision.ObservationMaxLength);
        builder.Property(d => d.AnalystName).HasMaxLength(256);
        builder.HasIndex(d => new { d.TenantId, d.CustomerId, d.DecidedAt });
        builder.HasIndex(d => new { d.TenantId, d.RunId }).HasFilter("run_id IS NOT NULL");
        builder.HasOne<Customer>().WithMany().HasForeignKey(d => new { d.TenantId, d.CustomerId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Card>().WithMany().HasForeignKey(d => new { d.TenantId, d.CardId })
            .HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Shares).WithOne().HasForeignKey("TenantId", nameof(CreditDecisionShare.DecisionId))
            .HasPrincipalKey(d => new { d.TenantId, d.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Shares).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CreditDecisionShareConfiguration : IEntityTypeConfiguration<CreditDecisionShare>
{
    public void Configure(EntityTypeBuilder<CreditDecisionShare> builder)
    {
        builder.ToTable("credit_decision_shares");
        builder.Property(s => s.ModalityName).HasMaxLength(CreditModality.NameMaxLength);
        builder.Property(s => s.Percent).HasPrecision(5, 2);
        builder.Property(s => s.Amount).HasPrecision(12, 2);
    }
}

internal sealed class CreditAnalysisRunConfiguration : IEntityTypeConfiguration<CreditAnalysisRun>
{
    public void Configure(EntityTypeBuilder<CreditAnalysisRun> builder)
    {
        builder.ToTable("credit_analysis_runs");
        builder.HasKey(r => new { r.TenantId, r.Id });
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.RequestedByName).HasMaxLength(CreditAnalysisRun.ByNameMaxLength);
        builder.Ignore(r => r.IsFinished);
        builder.Ignore(r => r.Skipped);
        builder.HasIndex(r => new { r.TenantId, r.RequestedAt });
    }
}
