using System.ComponentModel.DataAnnotations;
using Loyalty.Domain.Credit;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Loyalty.Web.Features.Credit.ScoreSets;

/// <summary>
/// A credit-score parameter set (seed 001 "Credit Score"): Pontuação (points per option or per range of each fixed
/// attribute), Limites (score bands → limit) and Índices (effective date, minimum score, currency index). A new set
/// starts as a copy of the one in force. Rows left blank are ignored; every refused row is named next to its field.
/// </summary>
public static class EditScoreSet
{
    public const int BlankRanges = 3;
    public const int BlankBands = 3;

    public sealed class Command
    {
        public Guid? Id { get; set; }

        [Display(Name = "CreditScore.EffectiveFrom")]
        public DateOnly? EffectiveFrom { get; set; }

        [Display(Name = "CreditScore.MinimumScore")]
        public int? MinimumScore { get; set; }

        [Display(Name = "CreditScore.CurrencyIndex")]
        public decimal? CurrencyIndex { get; set; }

        public List<WeightInput> Weights { get; set; } = [];
        public List<BandInput> Bands { get; set; } = [];
    }

    public sealed class WeightInput
    {
        public ScoreAttribute Attribute { get; set; }
        public int? Option { get; set; }
        public decimal? RangeFrom { get; set; }
        public decimal? RangeTo { get; set; }
        public int? Points { get; set; }

        public bool IsBlank => Points is null && RangeFrom is null && RangeTo is null;
    }

    public sealed class BandInput
    {
        public int? ScoreFrom { get; set; }
        public int? ScoreTo { get; set; }
        public decimal? Limit { get; set; }

        public bool IsBlank => ScoreFrom is null && ScoreTo is null && Limit is null;
    }

    public sealed class Handler(LoyaltyDbContext db, CreditScoring scoring, IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        /// <summary>The form of a set (null id: a new one, copied from the set in force); null when the id is unknown.</summary>
        public async Task<Command?> LoadAsync(Guid? id, CancellationToken cancellationToken)
        {
            var today = await scoring.TodayAsync(cancellationToken);
            var source = id is { } setId
                ? await db.CreditScoreSets.AsNoTracking().Include(s => s.Weights).Include(s => s.Bands).SingleOrDefaultAsync(s => s.Id == setId, cancellationToken)
                : await scoring.SetInForceAsync(today, cancellationToken);
            if (id is not null && source is null)
            {
                return null;
            }
            var command = new Command
            {
                Id = id,
                EffectiveFrom = id is null ? today.AddDays(1) : source!.EffectiveFrom,
                MinimumScore = source?.MinimumScore,
                CurrencyIndex = source?.CurrencyIndex ?? 1m,
                Weights = [.. (source?.Weights ?? []).Select(w => new WeightInput
                {
                    Attribute = w.Attribute, Option = w.Option, RangeFrom = w.RangeFrom, RangeTo = w.RangeTo, Points = w.Points,
                })],
                Bands = [.. (source?.Bands ?? []).OrderBy(b => b.ScoreFrom).Select(b => new BandInput { ScoreFrom = b.ScoreFrom, ScoreTo = b.ScoreTo, Limit = b.Limit })],
            };
            return Shape(command);
        }

        /// <summary>Lays the rows out for the screen: one per option of each categorical attribute, the numeric attributes'
        /// ranges plus blank ones to fill, the bands plus blank ones.</summary>
        public static Command Shape(Command command)
        {
            var typed = command.Weights;
            var rows = new List<WeightInput>();
            foreach (var attribute in ScoreAttributes.All)
            {
                if (attribute.IsNumeric())
                {
                    rows.AddRange(typed.Where(w => w.Attribute == attribute && !w.IsBlank).OrderBy(w => w.RangeFrom));
                    rows.AddRange(Enumerable.Range(0, BlankRanges).Select(_ => new WeightInput { Attribute = attribute }));
                }
                else
                {
                    rows.AddRange(attribute.Options().Select(option => new WeightInput
                    {
                        Attribute = attribute, Option = option, Points = typed.FirstOrDefault(w => w.Attribute == attribute && w.Option == option)?.Points,
                    }));
                }
            }
            command.Weights = rows;
            command.Bands = [.. command.Bands.Where(b => !b.IsBlank), .. Enumerable.Range(0, BlankBands).Select(_ => new BandInput())];
            return command;
        }

        /// <returns>Null when the id is not one of the tenant's sets.</returns>
        public async Task<CommandResult<Guid>?> SaveAsync(Command command, CancellationToken cancellationToken)
        {
            var errors = new List<FieldError>();
            if (command.EffectiveFrom is null)
            {
                errors.Add(new(nameof(Command.EffectiveFrom), l["Validation.Required"]));
            }
            if (command.MinimumScore is not { } minimum || Math.Abs(minimum) > CreditScoreSet.MaxPoints)
            {
                errors.Add(new(nameof(Command.MinimumScore), l[command.MinimumScore is null ? "Validation.Required" : "Credit.PointsInvalid"]));
            }
            if (command.CurrencyIndex is not { } index || index <= 0 || index > CreditScoreSet.MaxCurrencyIndex || decimal.Round(index, 4) != index)
            {
                errors.Add(new(nameof(Command.CurrencyIndex), l["Credit.CurrencyIndexInvalid"]));
            }
            var weights = command.Weights.Select((w, i) => (Index: i, Input: w)).Where(w => w.Input.Points is not null || w.Input.RangeFrom is not null || w.Input.RangeTo is not null).ToList();
            foreach (var (i, w) in weights.Where(w => w.Input.Points is null))
            {
                errors.Add(new($"Weights[{i}].Points", l["Validation.Required"]));
            }
            var weightRows = weights.Where(w => w.Input.Points is not null).ToList();
            errors.AddRange(ScoreWeights.Check([.. weightRows.Select(w => Row(w.Input))])
                .Select(p => new FieldError($"Weights[{weightRows[p.Index].Index}].{(p.Code.StartsWith("Credit.Range", StringComparison.Ordinal) ? "RangeFrom" : "Points")}", l[p.Code])));
            var bands = command.Bands.Select((b, i) => (Index: i, Input: b)).Where(b => !b.Input.IsBlank).OrderBy(b => b.Input.ScoreFrom).ToList();
            foreach (var (i, b) in bands.Where(b => b.Input.ScoreFrom is null || b.Input.Limit is null))
            {
                errors.Add(new($"Bands[{i}].{(b.ScoreFrom is null ? "ScoreFrom" : "Limit")}", l["Validation.Required"]));
            }
            var bandRows = bands.Where(b => b.Input.ScoreFrom is not null && b.Input.Limit is not null).ToList();
            errors.AddRange(LimitBands.Check([.. bandRows.Select(b => new LimitBandRow(b.Input.ScoreFrom!.Value, b.Input.ScoreTo, b.Input.Limit!.Value))])
                .Select(p => new FieldError(p.Index < 0 ? "Bands" : $"Bands[{bandRows[p.Index].Index}].{(p.Code == "Credit.LimitInvalid" ? "Limit" : "ScoreFrom")}", l[p.Code])));
            if (errors.Count > 0)
            {
                return CommandResult<Guid>.Failure(errors);
            }
            if (await db.CreditScoreSets.AnyAsync(s => s.EffectiveFrom == command.EffectiveFrom && s.Id != command.Id, cancellationToken))
            {
                return CommandResult<Guid>.Failure(nameof(Command.EffectiveFrom), l["Credit.EffectiveDateTaken"]);
            }
            CreditScoreSet set;
            if (command.Id is { } id)
            {
                if (await db.CreditScoreSets.Include(s => s.Weights).Include(s => s.Bands).SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } found)
                {
                    return null;
                }
                set = found;
                set.ChangeIndices(command.EffectiveFrom!.Value, command.MinimumScore!.Value, command.CurrencyIndex!.Value);
            }
            else
            {
                set = CreditScoreSet.Create(command.EffectiveFrom!.Value, command.MinimumScore!.Value, command.CurrencyIndex!.Value, clock.GetUtcNow());
                db.CreditScoreSets.Add(set);
            }
            set.ReplaceWeights(weightRows.Select(w => Row(w.Input)));
            set.ReplaceBands(bandRows.Select(b => new LimitBandRow(b.Input.ScoreFrom!.Value, b.Input.ScoreTo, b.Input.Limit!.Value)));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                db.ChangeTracker.Clear();
                return CommandResult<Guid>.Failure(nameof(Command.EffectiveFrom), l["Credit.EffectiveDateTaken"]);
            }
            return CommandResult<Guid>.Success(set.Id);
        }

        private static ScoreWeightRow Row(WeightInput w) =>
            new(w.Attribute, w.Attribute.IsNumeric() ? null : w.Option, w.Attribute.IsNumeric() ? w.RangeFrom : null,
                w.Attribute.IsNumeric() ? w.RangeTo : null, w.Points!.Value);
    }
}
