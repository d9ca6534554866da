using FluentValidation;
using Loyalty.Domain.Agreements;
using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Loyalty.Web.Features.Agreements;

/// <summary>Creates an agreement company or edits one; the CNPJ is unique in the tenant.</summary>
public static class SaveAgreementCompany
{
    public sealed class Handler(LoyaltyDbContext db, IValidator<AgreementCompanyForm> validator, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        public async Task<AgreementCompanyForm?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
            await db.AgreementCompanies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is { } company
                ? AgreementCompanyForm.From(company)
                : null;

        /// <returns>Null when editing a company that does not exist in the tenant.</returns>
        public async Task<CommandResult<Guid>?> HandleAsync(AgreementCompanyForm form, CancellationToken cancellationToken)
        {
            var validation = await validator.ValidateAsync(form, cancellationToken);
            if (!validation.IsValid)
            {
                return CommandResult<Guid>.Failure(validation.ToFieldErrors());
            }
            var cnpj = Cnpj.Parse(form.Cnpj).Value;
            if (await db.AgreementCompanies.AnyAsync(c => c.Cnpj == cnpj && c.Id != form.Id, cancellationToken))
            {
                return CommandResult<Guid>.Failure(nameof(AgreementCompanyForm.Cnpj), l["Agreement.CnpjTaken"]);
            }
            AgreementCompany company;
            if (form.Id == Guid.Empty)
            {
                company = AgreementCompany.Create(form.Name!, cnpj, form.NameOnEmbosserFile, clock.GetUtcNow());
                db.AgreementCompanies.Add(company);
            }
            else
            {
                var existing = await db.AgreementCompanies.SingleOrDefaultAsync(c => c.Id == form.Id, cancellationToken);
                if (existing is null)
                {
                    return null;
                }
                company = existing;
                company.Update(form.Name!, cnpj, form.NameOnEmbosserFile);
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // The same CNPJ saved at the same moment elsewhere: the unique index decided, the form stays as typed.
                db.ChangeTracker.Clear();
                return CommandResult<Guid>.Failure(nameof(AgreementCompanyForm.Cnpj), l["Agreement.CnpjTaken"]);
            }
            return CommandResult<Guid>.Success(company.Id);
        }
    }
}
