using Loyalty.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class CustomerNameWordConfiguration : IEntityTypeConfiguration<CustomerNameWord>
{
    public void Configure(EntityTypeBuilder<CustomerNameWord> builder)
    {
        builder.ToTable(CustomerNameWord.Table);
        // Code-point order, so that a prefix is exactly the range [prefix, prefix with its last character + 1).
        builder.Property(w => w.Word).HasMaxLength(Customer.NameMaxLength).UseCollation("C");
        // The key serves "customers with a word starting with …"; the second index the check of the other typed words.
        builder.HasKey(w => new { w.TenantId, w.Word, w.CustomerId });
        builder.HasIndex(w => new { w.TenantId, w.CustomerId, w.Word });
        builder.HasOne<Customer>().WithMany()
            .HasForeignKey(w => new { w.TenantId, w.CustomerId }).HasPrincipalKey(c => new { c.TenantId, c.Id })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
