using Loyalty.Domain.DailyClose;
using Loyalty.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class DailyCloseRunConfiguration : IEntityTypeConfiguration<DailyCloseRun>
{
    public void Configure(EntityTypeBuilder<DailyCloseRun> builder)
    {
        builder.ToTable("daily_close_runs");
        builder.HasIndex(r => new { r.TenantId, r.BusinessDate }).IsUnique();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.StepsJson).HasColumnType("jsonb");
        builder.Ignore(r => r.Steps); // read from StepsJson by the entity itself
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
