using FluentValidation;
using Loyalty.Domain.Catalog;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Catalog;

/// <summary>Creates a product or edits its description, department and section; codes are unique in the tenant.</summary>
public static class SaveProduct
{
    public sealed class Handler(LoyaltyDbContext db, IValidator<ProductForm> validator, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        public async Task<ProductForm?> LoadAsync(Guid id, CancellationToken cancellationToken)
        {
            var form = await db.Products.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new ProductForm
                {
                    Id = p.Id, Code = p.Code, Description = p.Description, DepartmentId = p.DepartmentId, SectionId = p.SectionId, IsActive = p.IsActive,
                })
                .SingleOrDefaultAsync(cancellationToken);
            return form is null ? null : await WithChoicesAsync(form, cancellationToken);
        }

        /// <summary>Fills the department and section selects (sections labelled with their department).</summary>
        public async Task<ProductForm> WithChoicesAsync(ProductForm form, CancellationToken cancellationToken)
        {
            form.Departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code)
                .Select(d => new SelectListItem(d.Code + " — " + d.Name, d.Id.ToString()))
                .ToListAsync(cancellationToken);
            form.Departments.Insert(0, new SelectListItem(l["Product.NoDepartment"], string.Empty));
            form.Sections = await db.Sections.AsNoTracking()
                .Join(db.Departments, s => s.DepartmentId, d => d.Id, (s, d) => new { d, s })
                .OrderBy(x => x.d.Code).ThenBy(x => x.s.Code)
                .Select(x => new SelectListItem(x.d.Code + " / " + x.s.Code + " — " + x.s.Name, x.s.Id.ToString()))
                .ToListAsync(cancellationToken);
            form.Sections.Insert(0, new SelectListItem(l["Product.NoSection"], string.Empty));
            return form;
        }

        /// <returns>Null when editing a product that does not exist in the tenant.</returns>
        public async Task<CommandResult<Guid>?> HandleAsync(ProductForm form, CancellationToken cancellationToken)
        {
            var validation = await validator.ValidateAsync(form, cancellationToken);
            if (!validation.IsValid)
            {
                return CommandResult<Guid>.Failure(validation.ToFieldErrors());
            }
            var department = form.DepartmentId is { } departmentId
                ? await db.Departments.SingleOrDefaultAsync(d => d.Id == departmentId, cancellationToken) : null;
            var section = form.SectionId is { } sectionId
                ? await db.Sections.SingleOrDefaultAsync(s => s.Id == sectionId, cancellationToken) : null;
            if ((form.DepartmentId is not null && department is null) || (form.SectionId is not null && section is null))
            {
                return CommandResult<Guid>.Failure(nameof(form.DepartmentId), l["Catalog.DepartmentNotFound"]);
            }
            if (section is not null && section.DepartmentId != department?.Id)
            {
                return CommandResult<Guid>.Failure(nameof(form.SectionId), l["Catalog.SectionOutsideDepartment"]);
            }

            Product product;
            if (form.IsNew)
            {
                var code = form.Code!.Trim().ToUpperInvariant();
                if (await db.Products.AnyAsync(p => p.Code == code, cancellationToken))
                {
                    return CommandResult<Guid>.Failure(nameof(form.Code), l["Catalog.ProductCodeTaken"]);
                }
                product = db.Products.Add(Product.Create(code, form.Description!, department, section, clock.GetUtcNow())).Entity;
            }
            else
            {
                var existing = await db.Products.SingleOrDefaultAsync(p => p.Id == form.Id, cancellationToken);
                if (existing is null)
                {
                    return null;
                }
                product = existing;
                product.Update(form.Description!, department, section);
            }
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<Guid>.Success(product.Id);
        }
    }
}
