using System.ComponentModel.DataAnnotations;
using Loyalty.Domain.Tenancy;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Settings;

/// <summary>The tenant's default earning rate, points per R$ 1,00 (SPEC §5 step 1), where no concession rule matches.</summary>
public static class EarningSettings
{
    public sealed class Command
    {
        [Display(Name = "Settings.PointsPerReal")]
        public decimal? PointsPerReal { get; set; }
    }

    public sealed class Handler(LoyaltyDbContext db, IStringLocalizer<SharedResource> l)
    {
        public async Task<Command> LoadAsync(CancellationToken cancellationToken) =>
            new() { PointsPerReal = await db.ProgramSettings.AsNoTracking().Select(s => s.PointsPerReal).SingleAsync(cancellationToken) };

        public async Task<CommandResult<bool>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var rate = command.PointsPerReal;
            if (rate is not { } value || value <= 0 || value > ProgramSettings.MaxPointsPerReal || decimal.Round(value, 2) != value)
            {
                return CommandResult<bool>.Failure(nameof(Command.PointsPerReal), l["Settings.PointsPerRealInvalid"]);
            }
            var settings = await db.ProgramSettings.SingleAsync(cancellationToken);
            settings.ChangePointsPerReal(value);
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<bool>.Success(true);
        }
    }
}
