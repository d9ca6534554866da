using FluentValidation;
using Loyalty.Domain.Cards;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Loyalty.Web.Features.CardReasons;

/// <summary>Creates or edits a card reason; descriptions are unique in the tenant.</summary>
public static class SaveReason
{
    public sealed class Handler(LoyaltyDbContext db, IValidator<ReasonForm> validator, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        public async Task<ReasonForm?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
            await db.CardReasons.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is { } reason
                ? ReasonForm.From(reason)
                : null;

        /// <returns>Null when editing a reason that does not exist in the tenant.</returns>
        public async Task<CommandResult<Guid>?> HandleAsync(ReasonForm form, CancellationToken cancellationToken)
        {
            var validation = await validator.ValidateAsync(form, cancellationToken);
            if (!validation.IsValid)
            {
                return CommandResult<Guid>.Failure(validation.ToFieldErrors());
            }
            var description = form.Description!.Trim();
            if (await db.CardReasons.AnyAsync(r => r.Description == description && r.Id != form.Id, cancellationToken))
            {
                return Taken();
            }
            CardReason reason;
            if (form.Id == Guid.Empty)
            {
                reason = CardReason.Create(description, form.Combined, clock.GetUtcNow());
                db.CardReasons.Add(reason);
            }
            else
            {
                var existing = await db.CardReasons.SingleOrDefaultAsync(r => r.Id == form.Id, cancellationToken);
                if (existing is null)
                {
                    return null;
                }
                reason = existing;
                reason.Update(description, form.Combined);
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Two admins typing the same description at once: the unique index keeps one.
                db.ChangeTracker.Clear();
                return Taken();
            }
            return CommandResult<Guid>.Success(reason.Id);
        }

        private CommandResult<Guid> Taken() => CommandResult<Guid>.Failure(nameof(ReasonForm.Description), l["CardReason.DescriptionTaken"]);
    }
}
