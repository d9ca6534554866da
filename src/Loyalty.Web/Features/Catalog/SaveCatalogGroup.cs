using FluentValidation;
using Loyalty.Domain.Catalog;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Catalog;

/// <summary>Creates or renames a department or a section. Department codes are unique in the tenant, section codes inside
/// their department; a code never changes once created (concessions and the POS refer to it).</summary>
public static class SaveCatalogGroup
{
    public sealed class Handler(LoyaltyDbContext db, IValidator<CatalogGroupForm> validator, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        public async Task<CatalogGroupForm?> NewSectionAsync(Guid departmentId, CancellationToken cancellationToken) =>
            await db.Departments.AsNoTracking().Where(d => d.Id == departmentId)
                .Select(d => new CatalogGroupForm { DepartmentId = d.Id, DepartmentName = d.Code + " — " + d.Name })
                .SingleOrDefaultAsync(cancellationToken);

        public Task<CatalogGroupForm?> LoadDepartmentAsync(Guid id, CancellationToken cancellationToken) =>
            db.Departments.AsNoTracking().Where(d => d.Id == id)
                .Select(d => new CatalogGroupForm { Id = d.Id, Code = d.Code, Name = d.Name })
                .SingleOrDefaultAsync(cancellationToken);

        public Task<CatalogGroupForm?> LoadSectionAsync(Guid id, CancellationToken cancellationToken) =>
            db.Sections.AsNoTracking().Where(s => s.Id == id)
                .Join(db.Departments, s => s.DepartmentId, d => d.Id, (s, d) => new CatalogGroupForm
                {
                    Id = s.Id, DepartmentId = d.Id, DepartmentName = d.Code + " — " + d.Name, Code = s.Code, Name = s.Name,
                })
                .SingleOrDefaultAsync(cancellationToken);

        /// <returns>Null when the department or section does not exist in the tenant.</returns>
        public async Task<CommandResult<Guid>?> HandleAsync(CatalogGroupForm form, CancellationToken cancellationToken)
        {
            var validation = await validator.ValidateAsync(form, cancellationToken);
            if (!validation.IsValid)
            {
                return CommandResult<Guid>.Failure(validation.ToFieldErrors());
            }
            var result = form.IsSection ? await SaveSectionAsync(form, cancellationToken) : await SaveDepartmentAsync(form, cancellationToken);
            if (result is { Succeeded: true })
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            return result;
        }

        private async Task<CommandResult<Guid>?> SaveDepartmentAsync(CatalogGroupForm form, CancellationToken cancellationToken)
        {
            if (form.IsNew)
            {
                var code = form.Code!.Trim().ToUpperInvariant();
                if (await db.Departments.AnyAsync(d => d.Code == code, cancellationToken))
                {
                    return CommandResult<Guid>.Failure(nameof(form.Code), l["Catalog.DepartmentCodeTaken"]);
                }
                return CommandResult<Guid>.Success(db.Departments.Add(Department.Create(code, form.Name!, clock.GetUtcNow())).Entity.Id);
            }
            var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == form.Id, cancellationToken);
            department?.Rename(form.Name!);
            return department is null ? null : CommandResult<Guid>.Success(department.Id);
        }

        private async Task<CommandResult<Guid>?> SaveSectionAsync(CatalogGroupForm form, CancellationToken cancellationToken)
        {
            if (form.IsNew)
            {
                if (!await db.Departments.AnyAsync(d => d.Id == form.DepartmentId, cancellationToken))
                {
                    return null;
                }
                var code = form.Code!.Trim().ToUpperInvariant();
                if (await db.Sections.AnyAsync(s => s.DepartmentId == form.DepartmentId && s.Code == code, cancellationToken))
                {
                    return CommandResult<Guid>.Failure(nameof(form.Code), l["Catalog.SectionCodeTaken"]);
                }
                return CommandResult<Guid>.Success(db.Sections.Add(Section.Create(form.DepartmentId!.Value, code, form.Name!, clock.GetUtcNow())).Entity.Id);
            }
            var section = await db.Sections.SingleOrDefaultAsync(s => s.Id == form.Id, cancellationToken);
            section?.Rename(form.Name!);
            return section is null ? null : CommandResult<Guid>.Success(section.Id);
        }
    }
}
