using Loyalty.Domain.Agreements;
using Loyalty.Domain.Categories;
using Loyalty.Domain.Customers;
using Loyalty.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    /// <summary>unaccent(lower(name)), kept by PostgreSQL, for the accent- and case-insensitive trigram search.</summary>
    public const string SearchName = "SearchName";

    /// <summary>A dependent's points belong to the titular's account (SPEC §3).</summary>
    public const string AccountHolderSql = "coalesce(titular_id, id)";

    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("customers");
        builder.Property(c => c.PersonType).HasConversion<string>().HasMaxLength(2);
        builder.Property(c => c.Document).HasMaxLength(14);
        builder.Property(c => c.Name).HasMaxLength(Customer.NameMaxLength);
        builder.Property(c => c.Gender).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.MotherName).HasMaxLength(Customer.MotherNameMaxLength);
        builder.Property(c => c.RedeemScope).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Origin).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.MobilePhone).HasMaxLength(11);
        builder.Property(c => c.Email).HasMaxLength(Customer.EmailMaxLength);
        builder.ComplexProperty(c => c.Address, a =>
        {
            a.Property(x => x.Cep).HasMaxLength(8);
            a.Property(x => x.Street).HasMaxLength(Address.StreetMaxLength);
            a.Property(x => x.Number).HasMaxLength(Address.NumberMaxLength);
            a.Property(x => x.Complement).HasMaxLength(Address.ComplementMaxLength);
            a.Property(x => x.Neighborhood).HasMaxLength(Address.NeighborhoodMaxLength);
            a.Property(x => x.City).HasMaxLength(Address.CityMaxLength);
            a.Property(x => x.Uf).HasMaxLength(2);
            a.Ignore(x => x.IsComplete);
        });
        builder.ComplexProperty(c => c.Credit, c =>
        {
            c.Property(x => x.MaritalStatus).HasConversion<string>().HasMaxLength(12).HasColumnName("credit_marital_status");
            c.Property(x => x.ResidenceType).HasConversion<string>().HasMaxLength(12).HasColumnName("credit_residence_type");
            c.Property(x => x.ProvenIncome).HasColumnName("credit_proven_income");
            c.Property(x => x.Occupation).HasConversion<string>().HasMaxLength(14).HasColumnName("credit_occupation");
            c.Property(x => x.OccupationDescription).HasMaxLength(Loyalty.Domain.Credit.CreditProfile.OccupationDescriptionMaxLength)
                .HasColumnName("credit_occupation_description");
            c.Property(x => x.MonthlyIncome).HasPrecision(12, 2).HasColumnName("credit_monthly_income");
            c.Property(x => x.AdditionalIncome).HasPrecision(12, 2).HasColumnName("credit_additional_income");
            c.Property(x => x.MonthsAtEmployer).HasColumnName("credit_months_at_employer");
            c.Property(x => x.MonthsAtResidence).HasColumnName("credit_months_at_residence");
            c.Ignore(x => x.IsEmpty);
        });
        builder.Property<string>(SearchName).HasMaxLength(Customer.NameMaxLength)
            .HasComputedColumnSql("immutable_unaccent(lower(name))", stored: true);
        // Customer.AccountHolderId's rule, kept by PostgreSQL: what the purchase's hand-written SQL joins on, and what
        // every query asking "which account earns" reads (the titular_id never changes after registration, but a row
        // written by any path — a bulk load included — gets it right).
        builder.Property(c => c.AccountHolderId).HasComputedColumnSql(AccountHolderSql, stored: true);
        builder.Ignore(c => c.IsDependent);
        builder.Ignore(c => c.FormattedDocument);

        builder.Property(c => c.RfvClass).HasMaxLength(3).IsFixedLength();
        builder.HasIndex(c => new { c.TenantId, c.Document }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.MobilePhone });
        builder.HasIndex(c => new { c.TenantId, c.Email });
        builder.HasIndex(c => new { c.TenantId, c.TitularId });
        // The list is ordered by search_name (alphabetical whatever the accents and case, unlike name under the C
        // collation): these indexes give each filter's first pages in order, without sorting the tenant's customers.
        // Name fragments are searched through customer_name_words (see CustomerNameWord for why not a trigram index).
        builder.HasIndex(nameof(Customer.TenantId), SearchName, nameof(Customer.Id));
        builder.HasIndex(nameof(Customer.TenantId), nameof(Customer.CategoryId), SearchName, nameof(Customer.Id));
        builder.HasIndex(nameof(Customer.TenantId), nameof(Customer.RegisteringStoreId), SearchName, nameof(Customer.Id));
        builder.HasIndex([nameof(Customer.TenantId), SearchName, nameof(Customer.Id)], "ix_customers_inactive_by_name")
            .HasFilter("status = 'Inactive'").HasDatabaseName("ix_customers_inactive_by_name");
        builder.HasAlternateKey(c => new { c.TenantId, c.Id });

        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CustomerCategory>().WithMany()
            .HasForeignKey(c => new { c.TenantId, c.CategoryId }).HasPrincipalKey(c => new { c.TenantId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgreementCompany>().WithMany()
            .HasForeignKey(c => new { c.TenantId, c.AgreementCompanyId }).HasPrincipalKey(a => new { a.TenantId, a.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany()
            .HasForeignKey(c => new { c.TenantId, c.TitularId }).HasPrincipalKey(c => new { c.TenantId, c.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Store>().WithMany()
            .HasForeignKey(c => new { c.TenantId, c.RegisteringStoreId }).HasPrincipalKey(s => new { s.TenantId, s.Id })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
