using Loyalty.Domain.Cards;
using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Blocks;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Customers;

/// <summary>
/// "Perfil do cliente" (SPEC §3, seeds 000 and 002): general data, points and consumption, the statement, the titular or
/// the dependents, the cards, and the redemption block in force with the block history.
/// </summary>
public static class CustomerProfile
{
    public sealed record Link(Guid Id, string Name, string Document, CustomerStatus Status);

    public sealed record CardRow(string Number, CardStatus Status, DateTimeOffset IssuedAt, DateOnly ExpiresOn, bool Expired);

    /// <summary>One step of a card's life (SPEC §8): <paramref name="ByName"/> is null for "Sistema" (API, jobs).</summary>
    public sealed record CardHistoryRow(string Card, DateTimeOffset At, string? ByName, CardEvent Event, CardStatus? From, CardStatus To,
        string? Reason, string? Observation);

    public sealed record BlockRow(Guid Id, Guid CustomerId, string Reason, string BlockedBy, DateTimeOffset BlockedAt,
        string? RemovedBy, DateTimeOffset? RemovedAt);

    public sealed class Model
    {
        public required Guid Id { get; init; }
        public required string Name { get; init; }
        public required PersonType PersonType { get; init; }
        public required string Document { get; init; }
        public required Gender Gender { get; init; }
        public DateOnly? BirthDate { get; init; }
        public string? MotherName { get; init; }
        public required Address Address { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }
        public required string Category { get; init; }

        /// <summary>The agreement (convênio) company's name; null outside any agreement.</summary>
        public string? AgreementCompany { get; init; }
        public string? Store { get; init; }
        public required DateTimeOffset RegisteredAt { get; init; }
        public required RegistrationOrigin Origin { get; init; }
        public required CustomerStatus Status { get; init; }

        /// <summary>The titular's "who can redeem", which governs the dependents' cards too.</summary>
        public required RedeemScope RedeemScope { get; init; }

        public Link? Titular { get; init; }
        public required List<Link> Dependents { get; init; }
        public required List<CardRow> Cards { get; init; }
        public required List<CardHistoryRow> CardHistory { get; init; }
        public BlockRow? Block { get; init; }
        public bool BlockedThroughTitular => Block is not null && Block.CustomerId != Id;
        public required List<BlockRow> BlockHistory { get; init; }
        public required CustomerFigures.Figures Figures { get; init; }
        public required CustomerStatement.Model Statement { get; init; }

        public bool IsDependent => Titular is not null;

        /// <summary>A dependent's card redeems only when the titular chose "all associated cards".</summary>
        public bool CardsMayRedeem => !IsDependent || RedeemScope == RedeemScope.AllCards;
    }

    public sealed class Handler(LoyaltyDbContext db, CardNumberDisplay cards, RedemptionBlocks blocks,
        CustomerFigures.Handler figures, CustomerStatement.Handler statement, TimeProvider clock)
    {
        /// <returns>Null when the customer does not exist in the tenant (another tenant's customer included).</returns>
        public async Task<Model?> HandleAsync(Guid id, CustomerStatement.Period period, CancellationToken cancellationToken)
        {
            var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (customer is null)
            {
                return null;
            }
            var tenantId = db.Tenant.RequiredTenantId;
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
            var today = tenant.LocalDate(clock.GetUtcNow());
            var titular = customer.TitularId is { } titularId
                ? await db.Customers.AsNoTracking().SingleAsync(c => c.Id == titularId, cancellationToken)
                : null;
            var dependents = await db.Customers.AsNoTracking().Where(c => c.TitularId == id)
                .OrderBy(c => c.Name).Take(200).ToListAsync(cancellationToken);
            var cardRows = await db.Cards.AsNoTracking().Where(k => k.CustomerId == id).OrderByDescending(k => k.IssuedAt)
                .Select(k => new { k.Number, k.Status, k.IssuedAt, k.ExpiresOn }).ToListAsync(cancellationToken);
            // Newest first, as the cards above; a customer has a handful of cards and each a handful of steps.
            var cardHistory = await db.CardHistory.AsNoTracking()
                .Join(db.Cards.Where(k => k.CustomerId == id), h => h.CardId, k => k.Id, (h, k) => new { h, k.Number })
                .OrderByDescending(x => x.h.At).ThenByDescending(x => x.h.Id).Take(200)
                .Select(x => new { x.Number, x.h.At, x.h.ByUserId, x.h.ByName, x.h.Event, x.h.FromStatus, x.h.ToStatus, x.h.Reason, x.h.Observation })
                .ToListAsync(cancellationToken);
            var history = await db.RedemptionBlocks.AsNoTracking().Where(b => b.CustomerId == id)
                .OrderByDescending(b => b.BlockedAt).ToListAsync(cancellationToken);
            return new Model
            {
                Id = customer.Id,
                Name = customer.Name,
                PersonType = customer.PersonType,
                Document = CustomerDocument.Format(customer.PersonType, customer.Document),
                Gender = customer.Gender,
                BirthDate = customer.BirthDate,
                MotherName = customer.MotherName,
                Address = customer.Address,
                Email = customer.Email,
                Phone = CustomerDocument.FormatPhone(customer.MobilePhone),
                Category = await db.CustomerCategories.Where(c => c.Id == customer.CategoryId).Select(c => c.Name).SingleAsync(cancellationToken),
                AgreementCompany = customer.AgreementCompanyId is { } agreementId
                    ? await db.AgreementCompanies.Where(a => a.Id == agreementId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken)
                    : null,
                Store = await db.Stores.Where(s => s.Id == customer.RegisteringStoreId).Select(s => s.Code + " — " + s.Name)
                    .SingleOrDefaultAsync(cancellationToken),
                RegisteredAt = customer.RegisteredAt,
                Origin = customer.Origin,
                Status = customer.Status,
                RedeemScope = (titular ?? customer).RedeemScope,
                Titular = titular is null ? null : ToLink(titular),
                Dependents = [.. dependents.Select(ToLink)],
                Cards = [.. cardRows.Select(k => new CardRow(cards.Show(k.Number), k.Status, k.IssuedAt, k.ExpiresOn, today > k.ExpiresOn))],
                CardHistory = [.. cardHistory.Select(h => new CardHistoryRow(cards.Show(h.Number), h.At, h.ByUserId is null ? null : h.ByName,
                    h.Event, h.FromStatus, h.ToStatus, h.Reason, h.Observation))],
                Block = await blocks.BlockingAsync(id, cancellationToken) is { } block ? ToRow(block) : null,
                BlockHistory = [.. history.Select(ToRow)],
                Figures = await figures.HandleAsync(customer.Id, customer.AccountHolderId, tenant.TimeZone, cancellationToken),
                Statement = await statement.HandleAsync(customer.AccountHolderId, period, today, tenant.TimeZone, cancellationToken) with
                {
                    Titular = titular is null ? null : new TitularAccount(titular.Id, titular.Name),
                },
            };
        }

        private static Link ToLink(Customer c) => new(c.Id, c.Name, CustomerDocument.Format(c.PersonType, c.Document), c.Status);

        private static BlockRow ToRow(RedemptionBlock b) =>
            new(b.Id, b.CustomerId, b.Reason, b.BlockedBy, b.BlockedAt, b.RemovedBy, b.RemovedAt);
    }
}
