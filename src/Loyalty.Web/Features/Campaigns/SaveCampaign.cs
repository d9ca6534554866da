using FluentValidation;
using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Common;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>Creates a campaign or edits its main data; the rules of the period, classification and forecasts are the
/// campaign's own (<see cref="Campaign.Update"/>), their messages land next to the field they are about.</summary>
public static class SaveCampaign
{
    private static readonly Dictionary<string, string> FieldsByCode = new()
    {
        ["Campaign.DescriptionRequired"] = nameof(CampaignForm.Description),
        ["Campaign.PeriodInvalid"] = nameof(CampaignForm.EndDate),
        ["Campaign.StorePeriodOutside"] = nameof(CampaignForm.StartDate),
        ["Campaign.SituationInvalid"] = nameof(CampaignForm.Situation),
        ["Campaign.IsCancelled"] = nameof(CampaignForm.Situation),
        ["Campaign.ActiveWithoutStores"] = nameof(CampaignForm.Situation),
        ["Campaign.ClassificationHasRules"] = nameof(CampaignForm.Classification),
        ["Campaign.ForecastInvalid"] = nameof(CampaignForm.ForecastSales),
        ["Campaign.ObservationTooLong"] = nameof(CampaignForm.Observation),
    };

    public sealed class Handler(LoyaltyDbContext db, IValidator<CampaignForm> validator, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        public async Task<CampaignForm?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
            await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is { } campaign
                ? await WithChoicesAsync(CampaignForm.From(campaign), cancellationToken)
                : null;

        public async Task<CampaignForm> WithChoicesAsync(CampaignForm form, CancellationToken cancellationToken)
        {
            form.Types = await db.CampaignTypes.AsNoTracking().OrderBy(t => t.Name)
                .Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToListAsync(cancellationToken);
            var categories = await db.CustomerCategories.AsNoTracking().OrderBy(c => c.Name)
                .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
            form.Categories = [.. categories.Select(c => new SelectListItem(c.Name, c.Id.ToString(), form.CategoryIds.Contains(c.Id)))];
            if (!form.IsNew)
            {
                form.Campaign = await CampaignHeader.LoadAsync(db, form.Id, cancellationToken);
            }
            return form;
        }

        public async Task<IReadOnlyList<FieldError>> ValidateAsync(CampaignForm form, CancellationToken cancellationToken) =>
            (await validator.ValidateAsync(form, cancellationToken)).ToFieldErrors();

        /// <returns>Null when editing a campaign that does not exist in the tenant.</returns>
        public async Task<CommandResult<Guid>?> HandleAsync(CampaignForm form, CancellationToken cancellationToken)
        {
            Campaign? campaign = null;
            if (!form.IsNew && (campaign = await db.Campaigns.WithRules().SingleOrDefaultAsync(c => c.Id == form.Id, cancellationToken)) is null)
            {
                return null;
            }
            var validation = await validator.ValidateAsync(form, cancellationToken);
            if (!validation.IsValid)
            {
                return CommandResult<Guid>.Failure(validation.ToFieldErrors());
            }
            if (!await db.CampaignTypes.AnyAsync(t => t.Id == form.TypeId, cancellationToken))
            {
                return CommandResult<Guid>.Failure(nameof(CampaignForm.TypeId), l["Campaign.TypeRequired"]);
            }
            var known = await db.CustomerCategories.Where(c => form.CategoryIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
            form.CategoryIds = known;
            try
            {
                if (campaign is null)
                {
                    campaign = db.Campaigns.Add(Campaign.Create(form.ToTerms(), clock.GetUtcNow())).Entity;
                }
                else
                {
                    campaign.Update(form.ToTerms());
                }
            }
            catch (DomainException error)
            {
                return CommandResult<Guid>.Failure([error.ToField(l, FieldsByCode, string.Empty)]);
            }
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<Guid>.Success(campaign.Id);
        }
    }
}
