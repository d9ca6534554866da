using Loyalty.Domain.Customers;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Agreements;

public static class AgreementCompanyList
{
    public sealed record Row(Guid Id, string Name, string Cnpj, bool NameOnEmbosserFile, bool IsActive, int Customers)
    {
        public string FormattedCnpj => Domain.Customers.Cnpj.Parse(Cnpj).Formatted;
    }

    public sealed class Handler(LoyaltyDbContext db)
    {
        public Task<List<Row>> HandleAsync(CancellationToken cancellationToken) =>
            db.AgreementCompanies.AsNoTracking()
                .OrderByDescending(c => c.IsActive).ThenBy(c => c.Name)
                .Select(c => new Row(c.Id, c.Name, c.Cnpj, c.NameOnEmbosserFile, c.IsActive,
                    db.Customers.Count(x => x.AgreementCompanyId == c.Id)))
                .ToListAsync(cancellationToken);
    }
}
