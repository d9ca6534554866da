using Loyalty.Domain.Cards.Embossing;
using FluentValidation;
using Loyalty.Domain.Cards;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Web.Features.Embossing;

/// <summary>"Cartões para Embossing" (seed 001): the approved (07) cards a filter selects, their count and a page of them.</summary>
public static class EmbossingCandidates
{
    public const int PageSize = 50;

    public sealed class Validator : AbstractValidator<EmbossingFilter>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.RegisteredTo).GreaterThanOrEqualTo(f => f.RegisteredFrom)
                .When(f => f.RegisteredFrom is not null && f.RegisteredTo is not null)
                .WithMessage(_ => l["Embossing.PeriodInverted"]);
            RuleFor(f => f.CardNumber).MaximumLength(Card.NumberMaxLength + 6)
                .WithMessage(_ => l["Validation.TooLong", Card.NumberMaxLength + 6])
                .Must(n => CardNumberRule.Normalize(n)!.All(char.IsAsciiDigit))
                .When(f => !string.IsNullOrWhiteSpace(f.CardNumber)).WithMessage(_ => l["Embossing.CardNumberDigits"]);
            RuleFor(f => f.Name).MaximumLength(EmbossingFilter.NameMaxLength)
                .WithMessage(_ => l["Validation.TooLong", EmbossingFilter.NameMaxLength]);
            RuleFor(f => f.CustomerType).IsInEnum().WithMessage(_ => l["Embossing.CustomerTypeInvalid"]);
        }
    }

    public sealed record Row(string CardNumber, string Name, string Document, string? StoreCode, DateTimeOffset RegisteredAt);

    public sealed record StoreOption(Guid Id, string Code, string Name);

    public sealed record Model(EmbossingFilter Filter, Guid RequestKey, int Count, IReadOnlyList<Row> Rows, int Page,
        IReadOnlyList<StoreOption> Stores, bool Valid)
    {
        public int Pages => Math.Max(1, (Count + PageSize - 1) / PageSize);
    }

    public sealed class Handler(LoyaltyDbContext db, TenantTimeZones zones, IValidator<EmbossingFilter> validator)
    {
        public async Task<FluentValidation.Results.ValidationResult> ValidateAsync(EmbossingFilter filter, CancellationToken cancellationToken) =>
            await validator.ValidateAsync(filter, cancellationToken);

        public async Task<Model> HandleAsync(EmbossingFilter filter, int page, bool valid, CancellationToken cancellationToken)
        {
            var stores = await db.Stores.AsNoTracking().OrderBy(s => s.Code).Select(s => new StoreOption(s.Id, s.Code, s.Name))
                .ToListAsync(cancellationToken);
            if (!valid)
            {
                return new Model(filter, Guid.NewGuid(), 0, [], 1, stores, false);
            }
            var selection = new EmbossingSelection(filter, zones.For(db.Tenant.RequiredTenantId));
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                var connection = (NpgsqlConnection)db.Database.GetDbConnection();
                await using var countCommand = new NpgsqlCommand($"SELECT count(*) FROM {EmbossingSelection.From} WHERE {selection.Where}", connection);
                countCommand.Parameters.AddRange(selection.Parameters);
                var count = Convert.ToInt32(await countCommand.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                page = Math.Clamp(page, 1, Math.Max(1, (count + PageSize - 1) / PageSize));
                var offset = selection.Add((page - 1) * PageSize, NpgsqlDbType.Integer);
                await using var pageCommand = new NpgsqlCommand($"""
                    SELECT c.number, cu.name, cu.document, s.code, cu.registered_at FROM {EmbossingSelection.From}
                    WHERE {selection.Where} ORDER BY c.number LIMIT {PageSize} OFFSET {offset}
                    """, connection);
                pageCommand.Parameters.AddRange(selection.Parameters);
                var rows = new List<Row>();
                await using (var reader = await pageCommand.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        rows.Add(new Row(reader.GetString(0), reader.GetString(1), EmbossingPdfs.FormatDocument(reader.GetString(2)),
                            reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
                    }
                }
                return new Model(filter, Guid.NewGuid(), count, rows, page, stores, true);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
