using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Common;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>
/// Loading, describing and saving one rule grid of a campaign. Each row is first built by the rule's own factory so a
/// broken rule is reported next to the row's field; then the campaign replaces the whole set, and what it refuses for the
/// set as a whole (a store not participating, a cancelled campaign) is reported on the grid.
/// </summary>
public abstract class RuleGridHandler<TForm, TRow>(LoyaltyDbContext db, IStringLocalizer<SharedResource> l)
    where TForm : RuleGrid<TRow>, new()
    where TRow : IGridRow, new()
{
    protected LoyaltyDbContext Db => db;
    protected IStringLocalizer<SharedResource> L => l;

    /// <returns>Null when the campaign does not exist in the tenant.</returns>
    public async Task<TForm?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Campaigns.AsNoTracking().WithRules().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign)
        {
            return null;
        }
        var form = new TForm { Rows = await RowsOfAsync(campaign, cancellationToken) };
        form.EndWithBlankRow();
        await DescribeAsync(form, campaign, cancellationToken);
        return form;
    }

    /// <summary>Puts back what the page shows but does not post: the campaign and the choices of the selects.</summary>
    /// <returns>Null when the campaign does not exist in the tenant.</returns>
    public async Task<TForm?> DescribeAsync(Guid id, TForm form, CancellationToken cancellationToken)
    {
        if (await db.Campaigns.AsNoTracking().Include(c => c.Stores).SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign)
        {
            return null;
        }
        await DescribeAsync(form, campaign, cancellationToken);
        return form;
    }

    /// <param name="checkOnly">Only report the rows' errors (some value of the grid could not even be read): save nothing.</param>
    /// <returns>Null when the campaign does not exist in the tenant.</returns>
    public async Task<CommandResult<bool>?> SaveAsync(Guid id, TForm form, bool checkOnly, CancellationToken cancellationToken)
    {
        if (await db.Campaigns.WithRules().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign)
        {
            return null;
        }
        var errors = new List<FieldError>();
        var replace = await CheckRowsAsync(campaign, form, errors, cancellationToken);
        if (errors.Count > 0 || checkOnly)
        {
            return errors.Count > 0 ? CommandResult<bool>.Failure(errors) : CommandResult<bool>.Success(false);
        }
        try
        {
            replace(campaign);
        }
        catch (DomainException error)
        {
            return CommandResult<bool>.Failure(CampaignErrors.Grid, l[error.Code]);
        }
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<bool>.Success(true);
    }

    /// <summary>The stored rules as rows.</summary>
    protected abstract Task<List<TRow>> RowsOfAsync(Campaign campaign, CancellationToken cancellationToken);

    /// <summary>Checks every filled row, adding its errors, and returns how the campaign replaces its set with them.</summary>
    protected abstract Task<Action<Campaign>> CheckRowsAsync(Campaign campaign, TForm form, List<FieldError> errors, CancellationToken cancellationToken);

    protected virtual Task DescribeAsync(TForm form, Campaign campaign, CancellationToken cancellationToken)
    {
        form.Campaign = CampaignHeader.Of(campaign);
        return Task.CompletedTask;
    }

    /// <summary>Builds a row's rule with the domain's factory; a broken rule becomes the row's error.</summary>
    protected void Check(List<FieldError> errors, int index, string field, Action build)
    {
        try
        {
            build();
        }
        catch (DomainException error)
        {
            errors.Add(RowError(index, field, error.Code));
        }
    }

    /// <returns>False (and the error) when a filled row lacks a value it needs.</returns>
    protected bool Required(List<FieldError> errors, int index, string field, object? value)
    {
        if (value is null or "")
        {
            errors.Add(RowError(index, field, "Validation.Required"));
            return false;
        }
        return true;
    }

    protected void Repeated<TKey>(List<FieldError> errors, string field, IEnumerable<(int Index, TKey Key)> keys) =>
        errors.AddRange(CampaignErrors.Repeated(keys).Select(i => RowError(i, field, "Campaign.RuleRepeated")));

    protected FieldError RowError(int index, string field, string code) => new($"Rows[{index}].{field}", l[code]);

    protected async Task<List<SelectListItem>> ParticipatingStoresAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var ids = campaign.Stores.Select(s => s.StoreId).ToList();
        return await db.Stores.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Code)
            .Select(s => new SelectListItem(s.Code + " — " + s.Name, s.Id.ToString())).ToListAsync(cancellationToken);
    }
}
