using Loyalty.Domain.Agreements;
using Loyalty.Domain.Customers;
using Loyalty.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class AgreementCompanyConfiguration : IEntityTypeConfiguration<AgreementCompany>
{
    public void Configure(EntityTypeBuilder<AgreementCompany> builder)
    {
        builder.ToTable("agreement_companies");
        builder.Property(a => a.Name).HasMaxLength(AgreementCompany.NameMaxLength);
        builder.Property(a => a.Cnpj).HasMaxLength(Cnpj.Length);
        builder.Ignore(a => a.FormattedCnpj);
        builder.HasIndex(a => new { a.TenantId, a.Cnpj }).IsUnique();
        builder.HasAlternateKey(a => new { a.TenantId, a.Id });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
