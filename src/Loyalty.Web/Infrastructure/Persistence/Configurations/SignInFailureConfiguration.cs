using Loyalty.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Loyalty.Web.Infrastructure.Persistence.Configurations;

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> builder)
    {
        builder.ToTable("sign_in_failures");
        builder.Property(f => f.ClientAddress).HasMaxLength(SignInFailure.ClientAddressMaxLength);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        // Every question the lockout asks is "this user's failures since …", by address or in all.
        builder.HasIndex(f => new { f.UserId, f.FailedAt });
    }
}
