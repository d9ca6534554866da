using Loyalty.Domain.Cards;
using Loyalty.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class ProgramSettingsConfiguration : IEntityTypeConfiguration<ProgramSettings>
{
    public void Configure(EntityTypeBuilder<ProgramSettings> builder)
    {
        builder.ToTable("program_settings");
        builder.HasKey(s => s.TenantId);
        builder.ComplexProperty(s => s.DefaultRules, rules => rules.MapRules());
        builder.Property(s => s.MandatoryFields).HasConversion<int>();
        builder.Property(s => s.CardPrefix).HasMaxLength(CardNumberRule.MaxPrefixLength);
        builder.Property(s => s.PointsPerReal).HasPrecision(7, 2);
        builder.Ignore(s => s.CardRule);
        builder.Property(s => s.CardFlow).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Tenant>().WithOne().HasForeignKey<ProgramSettings>(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
