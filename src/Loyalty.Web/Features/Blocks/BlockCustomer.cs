using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Loyalty.Web.Features.Blocks;

/// <summary>
/// "+ Bloquear cliente" (SPEC §4, seed 000): find the customer by name, CPF/CNPJ or card number, give the reason, block.
/// A customer has at most one block in force; a second one is refused with a message, never stacked.
/// </summary>
public static class BlockCustomer
{
    public const int MaxCandidates = 20;

    public sealed class Command
    {
        /// <summary>What was typed to find the customer, kept so the candidates stay on screen.</summary>
        [Display(Name = "Blocks.FindCustomer")]
        public string? Q { get; set; }

        public Guid? CustomerId { get; set; }

        [Display(Name = "Blocks.Reason")]
        [DataType(DataType.MultilineText)]
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.CustomerId).NotNull().WithMessage(_ => l["Blocks.CustomerRequired"]);
            RuleFor(c => c.Reason).NotEmpty().WithMessage(_ => l["Block.ReasonRequired"])
                .MaximumLength(RedemptionBlock.ReasonMaxLength).WithMessage(_ => l["Validation.TooLong", RedemptionBlock.ReasonMaxLength]);
        }
    }

    public sealed record Candidate(Guid Id, string Name, string Document, string? Card, CustomerStatus Status, bool IsDependent, bool IsBlocked);

    public sealed record Screen(Command Command, CustomerSearchTerm Term, List<Candidate> Candidates, bool MoreCandidates, Candidate? Chosen);

    public sealed class Handler(LoyaltyDbContext db, CustomerSearch search, CardNumberDisplay cards, IValidator<Command> validator,
        IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        /// <summary>The form: the candidates for what was typed and, once one is chosen, that customer.</summary>
        public async Task<Screen> ScreenAsync(Command command, CancellationToken cancellationToken)
        {
            var term = CustomerSearchTerm.Parse(command.Q);
            var found = term.IsEmpty ? [] : await CustomerSearch.Bounded(search.Matching(db.Customers.AsNoTracking(), term), term)
                .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
            var ids = found.OrderBy(c => CustomerSearchTerm.Normalize(c.Name), StringComparer.Ordinal).ThenBy(c => c.Id)
                .Take(MaxCandidates).Select(c => c.Id).ToList();
            if (command.CustomerId is { } chosenId && !ids.Contains(chosenId))
            {
                ids.Add(chosenId);
            }
            var candidates = await CandidatesAsync(ids, cancellationToken);
            return new Screen(command, term, [.. candidates.Where(c => c.Id != command.CustomerId)], found.Count > MaxCandidates,
                candidates.SingleOrDefault(c => c.Id == command.CustomerId));
        }

        public async Task<CommandResult<Guid>> HandleAsync(Command command, BlockActor actor, CancellationToken cancellationToken)
        {
            var validation = await validator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return CommandResult<Guid>.Failure(validation.ToFieldErrors());
            }
            var customerId = command.CustomerId!.Value;
            if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
            {
                return CommandResult<Guid>.Failure(nameof(Command.CustomerId), l["Blocks.CustomerRequired"]);
            }
            if (await db.RedemptionBlocks.AnyAsync(b => b.CustomerId == customerId && b.RemovedAt == null, cancellationToken))
            {
                return CommandResult<Guid>.Failure(nameof(Command.CustomerId), l["Blocks.AlreadyBlocked"]);
            }
            var block = RedemptionBlock.Block(customerId, command.Reason!, actor.UserId, actor.Name, clock.GetUtcNow());
            db.RedemptionBlocks.Add(block);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Two managers blocking the same customer at the same moment: the unique index keeps one block in force.
                db.ChangeTracker.Clear();
                return CommandResult<Guid>.Failure(nameof(Command.CustomerId), l["Blocks.AlreadyBlocked"]);
            }
            return CommandResult<Guid>.Success(block.Id);
        }

        private async Task<List<Candidate>> CandidatesAsync(List<Guid> ids, CancellationToken cancellationToken)
        {
            var customers = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new
                {
                    c.Id, c.Name, c.PersonType, c.Document, c.Status, IsDependent = c.TitularId != null,
                    IsBlocked = db.RedemptionBlocks.Any(b => b.CustomerId == c.Id && b.RemovedAt == null),
                })
                .ToListAsync(cancellationToken);
            var mainCards = await MainCards.ForAsync(db, ids, cards, cancellationToken);
            var byId = customers.ToDictionary(c => c.Id);
            return [.. ids.Where(byId.ContainsKey).Select(id => byId[id]).Select(c => new Candidate(c.Id, c.Name,
                CustomerDocument.Format(c.PersonType, c.Document), mainCards.GetValueOrDefault(c.Id), c.Status, c.IsDependent, c.IsBlocked))];
        }
    }
}
