using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Loyalty.Domain.Campaigns;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>"Dados Principais" of a campaign (seed 001): every field of the main data.</summary>
public sealed class CampaignForm
{
    public Guid Id { get; set; }

    [Display(Name = "Campaign.Description")]
    public string? Description { get; set; }

    [Display(Name = "Campaign.StartDate")]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "Campaign.EndDate")]
    public DateOnly? EndDate { get; set; }

    [Display(Name = "Campaign.Type")]
    public Guid? TypeId { get; set; }

    [Display(Name = "Campaign.Situation")]
    public CampaignSituation Situation { get; set; } = CampaignSituation.Pending;

    [Display(Name = "Campaign.Classification")]
    public CampaignClassification Classification { get; set; } = CampaignClassification.Fixed;

    /// <summary>None chosen: the campaign is for every customer category.</summary>
    [Display(Name = "Campaign.Categories")]
    public List<Guid> CategoryIds { get; set; } = [];

    [Display(Name = "Campaign.Observation")]
    [DataType(DataType.MultilineText)]
    public string? Observation { get; set; }

    [Display(Name = "Campaign.ForecastSales")]
    public decimal? ForecastSales { get; set; }

    [Display(Name = "Campaign.ForecastProfit")]
    public decimal? ForecastProfit { get; set; }

    [Display(Name = "Campaign.ForecastCustomers")]
    public int? ForecastCustomers { get; set; }

    public bool IsNew => Id == Guid.Empty;

    /// <summary>The stored campaign's header when editing (for the tabs); filled by the handler.</summary>
    [BindNever]
    public CampaignHeader? Campaign { get; set; }

    [BindNever]
    public List<SelectListItem> Types { get; set; } = [];

    [BindNever]
    public List<SelectListItem> Categories { get; set; } = [];

    public CampaignTerms ToTerms() => new(Description ?? string.Empty, StartDate!.Value, EndDate!.Value, TypeId!.Value, Situation,
        Classification, CategoryIds, Observation, ForecastSales, ForecastProfit, ForecastCustomers);

    public static CampaignForm From(Campaign c) => new()
    {
        Id = c.Id, Description = c.Description, StartDate = c.StartDate, EndDate = c.EndDate, TypeId = c.TypeId, Situation = c.Situation,
        Classification = c.Classification, CategoryIds = [.. c.CategoryIds], Observation = c.Observation, ForecastSales = c.ForecastSales,
        ForecastProfit = c.ForecastProfit, ForecastCustomers = c.ForecastCustomers, Campaign = CampaignHeader.Of(c),
    };
}

public sealed class CampaignFormValidator : AbstractValidator<CampaignForm>
{
    public CampaignFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Description).NotEmpty().WithMessage(_ => l["Campaign.DescriptionRequired"])
            .MaximumLength(Campaign.DescriptionMaxLength).WithMessage(_ => l["Validation.TooLong", Campaign.DescriptionMaxLength]);
        RuleFor(f => f.StartDate).NotNull().WithMessage(_ => l["Validation.Required"]);
        RuleFor(f => f.EndDate).NotNull().WithMessage(_ => l["Validation.Required"])
            .GreaterThanOrEqualTo(f => f.StartDate).When(f => f.StartDate is not null).WithMessage(_ => l["Campaign.PeriodInvalid"]);
        RuleFor(f => f.TypeId).NotNull().WithMessage(_ => l["Campaign.TypeRequired"]);
        RuleFor(f => f.Situation).IsInEnum().WithMessage(_ => l["Campaign.SituationInvalid"]);
        RuleFor(f => f.Classification).IsInEnum().WithMessage(_ => l["Campaign.SituationInvalid"]);
        RuleFor(f => f.Observation).MaximumLength(Campaign.ObservationMaxLength)
            .WithMessage(_ => l["Validation.TooLong", Campaign.ObservationMaxLength]);
        RuleFor(f => f.ForecastSales).GreaterThanOrEqualTo(0).WithMessage(_ => l["Campaign.ForecastInvalid"]);
        RuleFor(f => f.ForecastProfit).GreaterThanOrEqualTo(0).WithMessage(_ => l["Campaign.ForecastInvalid"]);
        RuleFor(f => f.ForecastCustomers).GreaterThanOrEqualTo(0).WithMessage(_ => l["Campaign.ForecastInvalid"]);
    }
}
