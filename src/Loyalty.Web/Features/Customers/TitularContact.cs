using Loyalty.Domain.Customers;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Customers;

/// <summary>
/// "Copiar endereço e telefone do titular": what a dependent's form takes from its titular. Only a titular of the
/// tenant is read (the tenant's query filter and row security apply), and only for a screen that already names it.
/// </summary>
public static class TitularContact
{
    /// <summary>
    /// The address goes whole when the titular has one — a complement left over from another address would be wrong —
    /// and the phone when the titular has one; what the titular lacks leaves the dependent's own value alone.
    /// </summary>
    public sealed record Contact(Address Address, string? MobilePhone)
    {
        /// <summary>The values to copy, keyed by the form's field names and written as the fields show them.</summary>
        public IReadOnlyDictionary<string, string> Fields()
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            string?[] parts = [Address.Cep, Address.Street, Address.Number, Address.Complement, Address.Neighborhood, Address.City, Address.Uf];
            if (parts.Any(p => !string.IsNullOrWhiteSpace(p)))
            {
                fields[nameof(CustomerForm.Cep)] = Cep.TryParse(Address.Cep, out var cep) ? cep.Formatted : Address.Cep ?? string.Empty;
                fields[nameof(CustomerForm.Street)] = Address.Street ?? string.Empty;
                fields[nameof(CustomerForm.Number)] = Address.Number ?? string.Empty;
                fields[nameof(CustomerForm.Complement)] = Address.Complement ?? string.Empty;
                fields[nameof(CustomerForm.Neighborhood)] = Address.Neighborhood ?? string.Empty;
                fields[nameof(CustomerForm.City)] = Address.City ?? string.Empty;
                fields[nameof(CustomerForm.Uf)] = Address.Uf ?? string.Empty;
            }
            if (!string.IsNullOrWhiteSpace(MobilePhone))
            {
                fields[nameof(CustomerForm.MobilePhone)] =
                    Domain.Customers.MobilePhone.TryParse(MobilePhone, out var phone) ? phone.Formatted : MobilePhone;
            }
            return fields;
        }

        /// <summary>Puts the values in a form (the wizard's copy, done by the server); returns the fields written.</summary>
        public IReadOnlyCollection<string> CopyTo(CustomerForm form)
        {
            var fields = Fields();
            foreach (var (field, value) in fields)
            {
                var text = value.Length == 0 ? null : value;
                switch (field)
                {
                    case nameof(CustomerForm.Cep): form.Cep = text; break;
                    case nameof(CustomerForm.Street): form.Street = text; break;
                    case nameof(CustomerForm.Number): form.Number = text; break;
                    case nameof(CustomerForm.Complement): form.Complement = text; break;
                    case nameof(CustomerForm.Neighborhood): form.Neighborhood = text; break;
                    case nameof(CustomerForm.City): form.City = text; break;
                    case nameof(CustomerForm.Uf): form.Uf = text; break;
                    case nameof(CustomerForm.MobilePhone): form.MobilePhone = text; break;
                }
            }
            return [.. fields.Keys];
        }
    }

    public sealed class Handler(LoyaltyDbContext db)
    {
        /// <returns>Null when no titular of the tenant has this id (a dependent is never one).</returns>
        public async Task<Contact?> FindAsync(Guid titularId, CancellationToken cancellationToken) =>
            await db.Customers.AsNoTracking().Where(c => c.Id == titularId && c.TitularId == null)
                .Select(c => new Contact(
                    new Address
                    {
                        Cep = c.Address.Cep, Street = c.Address.Street, Number = c.Address.Number,
                        Complement = c.Address.Complement, Neighborhood = c.Address.Neighborhood,
                        City = c.Address.City, Uf = c.Address.Uf,
                    },
                    c.MobilePhone))
                .SingleOrDefaultAsync(cancellationToken);
    }
}
