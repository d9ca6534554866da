using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using FluentValidation;
using Loyalty.Domain.Common;
using Loyalty.Domain.Points;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Points;

/// <summary>
/// "Ajuste manual de pontos" (SPEC §5): a TenantAdmin adds or takes points from the titular's account with a reason.
/// The ledger entry keeps who and why; the audit log gets a row too, so adjustments show up beside every other manual
/// change (SPEC §12). A negative adjustment may not take the balance below zero.
/// </summary>
public static class AdjustPoints
{
    public const long MaxPoints = 10_000_000;

    public sealed class Command
    {
        [Display(Name = "Adjustment.Points")]
        public long? Points { get; set; }

        [Display(Name = "Adjustment.Reason")]
        [DataType(DataType.MultilineText)]
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.Points).NotNull().WithMessage(_ => l["Validation.Required"])
                .NotEqual(0).WithMessage(_ => l["Points.AdjustmentZero"])
                .InclusiveBetween(-MaxPoints, MaxPoints).WithMessage(_ => l["Adjustment.PointsRange", MaxPoints]);
            RuleFor(c => c.Reason).NotEmpty().WithMessage(_ => l["Points.AdjustmentReasonRequired"])
                .MaximumLength(LedgerEntry.ReasonMaxLength).WithMessage(_ => l["Validation.TooLong", LedgerEntry.ReasonMaxLength]);
        }
    }

    public sealed record Screen(Guid CustomerId, string Name, string? TitularName, long Balance, Command Command);

    public sealed class Handler(LoyaltyDbContext db, PointsLedger ledger, AccountPoints points, IValidator<Command> validator,
        IStringLocalizer<SharedResource> l, AuditActor actor, TimeProvider clock)
    {
        /// <returns>Null when the customer is not one of the tenant's.</returns>
        public async Task<Screen?> ScreenAsync(Guid customerId, Command command, CancellationToken cancellationToken)
        {
            var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
                .Select(c => new { c.Name, AccountId = c.AccountHolderId, Titular = db.Customers.Where(t => t.Id == c.TitularId).Select(t => t.Name).FirstOrDefault() })
                .SingleOrDefaultAsync(cancellationToken);
            return customer is null ? null
                : new Screen(customerId, customer.Name, customer.Titular, (await points.ReadAsync(customer.AccountId, cancellationToken)).Balance, command);
        }

        /// <returns>Null when the customer is not one of the tenant's.</returns>
        public async Task<CommandResult<long>?> HandleAsync(Guid customerId, Command command, CancellationToken cancellationToken)
        {
            if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
            {
                return null;
            }
            var validation = await validator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return CommandResult<long>.Failure(validation.ToFieldErrors());
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var audit = db.AuditEntries.Add(AuditRow(customerId, command.Points!.Value, command.Reason!.Trim()));
            try
            {
                // Saved by the ledger's SaveChanges, in this transaction: the entry and its audit row commit together.
                var entry = await ledger.AdjustAsync(customerId, command.Points.Value, command.Reason, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return CommandResult<long>.Success(entry.Id);
            }
            catch (DomainException ex) when (ex.Code is "Points.AdjustmentExceedsBalance" or "Points.AdjustmentZero")
            {
                audit.State = EntityState.Detached;
                return CommandResult<long>.Failure(nameof(Command.Points), l[ex.Code]);
            }
        }

        private AuditEntry AuditRow(Guid customerId, long points, string reason) => new()
        {
            OccurredAt = clock.GetUtcNow(),
            UserId = actor.UserId,
            Actor = actor.Name,
            EntityType = "PointsAdjustment",
            EntityId = customerId.ToString(),
            Action = AuditAction.Created,
            After = JsonSerializer.Serialize(new { Points = points, Reason = reason }),
            CorrelationId = actor.CorrelationId,
        };
    }
}
