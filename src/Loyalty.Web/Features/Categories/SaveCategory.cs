using FluentValidation;
using Loyalty.Domain.Categories;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Categories;

/// <summary>Creates a category or edits one; names are unique in the tenant.</summary>
public static class SaveCategory
{
    public sealed class Handler(LoyaltyDbContext db, IValidator<CategoryForm> validator, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        public async Task<CategoryForm?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
            await db.CustomerCategories.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is { } category
                ? CategoryForm.From(category)
                : null;

        /// <returns>Null when editing a category that does not exist in the tenant.</returns>
        public async Task<CommandResult<Guid>?> HandleAsync(CategoryForm form, CancellationToken cancellationToken)
        {
            var validation = await validator.ValidateAsync(form, cancellationToken);
            if (!validation.IsValid)
            {
                return CommandResult<Guid>.Failure(validation.ToFieldErrors());
            }
            var name = form.Name!.Trim();
            if (await db.CustomerCategories.AnyAsync(c => c.Name == name && c.Id != form.Id, cancellationToken))
            {
                return CommandResult<Guid>.Failure(nameof(CategoryForm.Name), l["Category.NameTaken"]);
            }
            CustomerCategory category;
            if (form.Id == Guid.Empty)
            {
                category = CustomerCategory.Create(name, form.Description, form.Multiplier, form.ValidityDays, form.AuditParameter,
                    form.Rules.ToRules(), clock.GetUtcNow());
                db.CustomerCategories.Add(category);
            }
            else
            {
                var existing = await db.CustomerCategories.SingleOrDefaultAsync(c => c.Id == form.Id, cancellationToken);
                if (existing is null)
                {
                    return null;
                }
                category = existing;
                category.Update(name, form.Description, form.Multiplier, form.ValidityDays, form.AuditParameter, form.Rules.ToRules());
            }
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<Guid>.Success(category.Id);
        }
    }
}
