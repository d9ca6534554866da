using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Catalog;
using Loyalty.Domain.Customers;
using Loyalty.Domain.Purchases;
using Loyalty.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class CampaignTypeConfiguration : IEntityTypeConfiguration<CampaignType>
{
    public void Configure(EntityTypeBuilder<CampaignType> builder)
    {
        builder.ToTable("campaign_types");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(CampaignType.NameMaxLength);
        builder.HasAlternateKey(t => new { t.TenantId, t.Id });
        builder.HasIndex(t => new { t.TenantId, t.Name }).IsUnique();
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("campaigns");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasAlternateKey(c => new { c.TenantId, c.Id });
        builder.Property(c => c.Description).HasMaxLength(Campaign.DescriptionMaxLength);
        builder.Property(c => c.Observation).HasMaxLength(Campaign.ObservationMaxLength);
        builder.Property(c => c.Situation).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Classification).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ForecastSales).HasPrecision(14, 2);
        builder.Property(c => c.ForecastProfit).HasPrecision(14, 2);
        builder.Property(c => c.CategoryIds).HasColumnType("uuid[]");
        // The earning rules cache loads the active campaigns of a tenant.
        builder.HasIndex(c => new { c.TenantId, c.Situation, c.EndDate });
        builder.HasOne<CampaignType>().WithMany()
            .HasForeignKey(c => new { c.TenantId, c.TypeId }).HasPrincipalKey(t => new { t.TenantId, t.Id })
            .OnDelete(DeleteBehavior.Restrict);
        Children(builder.HasMany(c => c.Stores), nameof(Campaign.Stores));
        Children(builder.HasMany(c => c.Concessions), nameof(Campaign.Concessions));
        Children(builder.HasMany(c => c.Prizes), nameof(Campaign.Prizes));
        Children(builder.HasMany(c => c.ThresholdAwards), nameof(Campaign.ThresholdAwards));
        Children(builder.HasMany(c => c.ProductPoints), nameof(Campaign.ProductPoints));
        Children(builder.HasMany(c => c.StoreBonuses), nameof(Campaign.StoreBonuses));
        Children(builder.HasMany(c => c.FrequencyBonuses), nameof(Campaign.FrequencyBonuses));
        Children(builder.HasMany(c => c.Discounts), nameof(Campaign.Discounts));
        Children(builder.HasMany(c => c.GiftRules), nameof(Campaign.GiftRules));

        void Children<TChild>(CollectionNavigationBuilder<Campaign, TChild> children, string navigation) where TChild : class
        {
            children.WithOne().HasForeignKey("TenantId", "CampaignId").HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
    }
}

internal sealed class CampaignStoreConfiguration : IEntityTypeConfiguration<CampaignStore>
{
    public void Configure(EntityTypeBuilder<CampaignStore> builder)
    {
        builder.ToTable("campaign_stores");
        builder.Property(s => s.SharePercent).HasPrecision(5, 2);
        builder.Property(s => s.ForecastSales).HasPrecision(14, 2);
        builder.Property(s => s.ForecastProfit).HasPrecision(14, 2);
        builder.HasIndex(s => new { s.TenantId, s.CampaignId, s.StoreId }).IsUnique();
        builder.HasOne<Store>().WithMany().HasForeignKey(s => new { s.TenantId, s.StoreId }).HasPrincipalKey(s => new { s.TenantId, s.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConcessionConfiguration : IEntityTypeConfiguration<Concession>
{
    public void Configure(EntityTypeBuilder<Concession> builder)
    {
        builder.ToTable("campaign_concessions");
        builder.Property(c => c.PointsPerReal).HasPrecision(9, 2);
        builder.HasIndex(c => new { c.TenantId, c.CampaignId, c.StoreId, c.DepartmentId, c.SectionId }).IsUnique().AreNullsDistinct(false);
        builder.HasOne<Store>().WithMany().HasForeignKey(c => new { c.TenantId, c.StoreId }).HasPrincipalKey(s => new { s.TenantId, s.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(c => new { c.TenantId, c.DepartmentId }).HasPrincipalKey(d => new { d.TenantId, d.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Section>().WithMany().HasForeignKey(c => new { c.TenantId, c.SectionId }).HasPrincipalKey(s => new { s.TenantId, s.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PrizeConfiguration : IEntityTypeConfiguration<Prize>
{
    public void Configure(EntityTypeBuilder<Prize> builder)
    {
        builder.ToTable("campaign_prizes");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasAlternateKey(p => new { p.TenantId, p.Id });
        builder.HasIndex(p => new { p.TenantId, p.CampaignId, p.ProductId }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(p => new { p.TenantId, p.ProductId }).HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ThresholdAwardConfiguration : IEntityTypeConfiguration<ThresholdAward>
{
    public void Configure(EntityTypeBuilder<ThresholdAward> builder)
    {
        builder.ToTable("campaign_threshold_awards");
        builder.HasIndex(r => new { r.TenantId, r.CampaignId });
    }
}

internal sealed class ProductPointsConfiguration : IEntityTypeConfiguration<ProductPoints>
{
    public void Configure(EntityTypeBuilder<ProductPoints> builder)
    {
        builder.ToTable("campaign_product_points");
        builder.Property(r => r.PointsPerUnit).HasPrecision(9, 2);
        builder.HasIndex(r => new { r.TenantId, r.CampaignId, r.ProductId }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(r => new { r.TenantId, r.ProductId }).HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoreBonusConfiguration : IEntityTypeConfiguration<StoreBonus>
{
    public void Configure(EntityTypeBuilder<StoreBonus> builder)
    {
        builder.ToTable("campaign_store_bonuses");
        builder.HasIndex(r => new { r.TenantId, r.CampaignId, r.StoreId }).IsUnique();
        builder.HasOne<Store>().WithMany().HasForeignKey(r => new { r.TenantId, r.StoreId }).HasPrincipalKey(s => new { s.TenantId, s.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FrequencyBonusConfiguration : IEntityTypeConfiguration<FrequencyBonus>
{
    public void Configure(EntityTypeBuilder<FrequencyBonus> builder)
    {
        builder.ToTable("campaign_frequency_bonuses");
        builder.Property(r => r.MinimumAmount).HasPrecision(12, 2);
        builder.HasIndex(r => new { r.TenantId, r.CampaignId });
    }
}

internal sealed class ProductDiscountConfiguration : IEntityTypeConfiguration<ProductDiscount>
{
    public void Configure(EntityTypeBuilder<ProductDiscount> builder)
    {
        builder.ToTable("campaign_discounts");
        builder.Property(r => r.Percent).HasPrecision(5, 2);
        builder.HasIndex(r => new { r.TenantId, r.CampaignId, r.ProductId, r.StoreId }).IsUnique().AreNullsDistinct(false);
        builder.HasOne<Product>().WithMany().HasForeignKey(r => new { r.TenantId, r.ProductId }).HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Store>().WithMany().HasForeignKey(r => new { r.TenantId, r.StoreId }).HasPrincipalKey(s => new { s.TenantId, s.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GiftRuleConfiguration : IEntityTypeConfiguration<GiftRule>
{
    public void Configure(EntityTypeBuilder<GiftRule> builder)
    {
        builder.ToTable("campaign_gift_rules");
        builder.Property(r => r.QuantityPerGift).HasPrecision(12, 3);
        builder.HasAlternateKey(r => new { r.TenantId, r.Id });
        builder.HasIndex(r => new { r.TenantId, r.CampaignId, r.ProductId, r.GiftProductId }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(r => new { r.TenantId, r.ProductId }).HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(r => new { r.TenantId, r.GiftProductId }).HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GiftVoucherConfiguration : IEntityTypeConfiguration<GiftVoucher>
{
    public void Configure(EntityTypeBuilder<GiftVoucher> builder)
    {
        builder.ToTable("gift_vouchers");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.DeliveredBy).HasMaxLength(Redemption.NameMaxLength);
        builder.HasIndex(v => new { v.TenantId, v.AccountId, v.IssuedAt });
        builder.HasIndex(v => new { v.TenantId, v.PurchaseId });
        // The vouchers handed over together share their delivery's number (one receipt); found by it.
        builder.HasIndex(v => new { v.TenantId, v.DeliveryNumber }).HasFilter("delivery_number IS NOT NULL");
        builder.HasOne<Campaign>().WithMany().HasForeignKey(v => new { v.TenantId, v.CampaignId }).HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Purchase>().WithMany().HasForeignKey(v => new { v.TenantId, v.PurchaseId }).HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(v => new { v.TenantId, v.CustomerId }).HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(v => new { v.TenantId, v.GiftProductId }).HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RedemptionConfiguration : IEntityTypeConfiguration<Redemption>
{
    public void Configure(EntityTypeBuilder<Redemption> builder)
    {
        builder.ToTable("redemptions");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasAlternateKey(r => new { r.TenantId, r.Id });
        builder.Property(r => r.CardNumber).HasMaxLength(32);
        builder.Property(r => r.RedeemedBy).HasMaxLength(Redemption.NameMaxLength);
        builder.Property(r => r.CancelledBy).HasMaxLength(Redemption.NameMaxLength);
        builder.Property(r => r.CancellationReason).HasMaxLength(Redemption.ReasonMaxLength);
        // A double submit of the counter form carries the same key and finds the first redemption.
        builder.HasIndex(r => new { r.TenantId, r.RequestKey }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.Number }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.CancellationNumber }).IsUnique().HasFilter("cancellation_number IS NOT NULL");
        builder.HasIndex(r => new { r.TenantId, r.AccountId, r.RedeemedAt });
        builder.HasOne<Campaign>().WithMany().HasForeignKey(r => new { r.TenantId, r.CampaignId }).HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => new { r.TenantId, r.CustomerId }).HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Store>().WithMany().HasForeignKey(r => new { r.TenantId, r.StoreId }).HasPrincipalKey(s => new { s.TenantId, s.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => new { l.TenantId, l.RedemptionId }).HasPrincipalKey(r => new { r.TenantId, r.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RedemptionLineConfiguration : IEntityTypeConfiguration<RedemptionLine>
{
    public void Configure(EntityTypeBuilder<RedemptionLine> builder)
    {
        builder.ToTable("redemption_lines");
        builder.HasIndex(l => new { l.TenantId, l.RedemptionId });
        builder.HasOne<Prize>().WithMany().HasForeignKey(l => new { l.TenantId, l.PrizeId }).HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CampaignProgressConfiguration : IEntityTypeConfiguration<CampaignProgress>
{
    public const string KeyIndex = "ux_campaign_progress_rule_account_window";

    public void Configure(EntityTypeBuilder<CampaignProgress> builder)
    {
        builder.ToTable("campaign_progress");
        builder.Property(p => p.Kind).HasConversion<short>();
        builder.Property(p => p.Amount).HasPrecision(14, 2);
        builder.HasIndex(p => new { p.TenantId, p.Kind, p.RuleId, p.AccountId, p.WindowStart }).IsUnique().HasDatabaseName(KeyIndex);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(p => new { p.TenantId, p.CampaignId }).HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
    }
}
