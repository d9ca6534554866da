using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Loyalty.Domain.Categories;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Settings;

/// <summary>The six antifraud rules of SPEC §2 as a form: empty means "no limit". Used by the tenant's default rule set
/// and by a category's own rules.</summary>
public sealed class AntifraudRulesForm
{
    [Display(Name = "Antifraud.MaxPurchasesPerCardPerDay")]
    public int? MaxPurchasesPerCardPerDay { get; set; }

    [Display(Name = "Antifraud.MaxPurchasesPerCardPerStorePerDay")]
    public int? MaxPurchasesPerCardPerStorePerDay { get; set; }

    [Display(Name = "Antifraud.MinMinutesBetweenPurchases")]
    public int? MinMinutesBetweenPurchases { get; set; }

    [Display(Name = "Antifraud.MaxPurchaseAmount")]
    public decimal? MaxPurchaseAmount { get; set; }

    [Display(Name = "Antifraud.MaxPointsPerPurchase")]
    public long? MaxPointsPerPurchase { get; set; }

    [Display(Name = "Antifraud.MaxPointsPerCardPerDay")]
    public long? MaxPointsPerCardPerDay { get; set; }

    public static AntifraudRulesForm From(AntifraudRules rules) => new()
    {
        MaxPurchasesPerCardPerDay = rules.MaxPurchasesPerCardPerDay,
        MaxPurchasesPerCardPerStorePerDay = rules.MaxPurchasesPerCardPerStorePerDay,
        MinMinutesBetweenPurchases = rules.MinMinutesBetweenPurchases,
        MaxPurchaseAmount = rules.MaxPurchaseAmount,
        MaxPointsPerPurchase = rules.MaxPointsPerPurchase,
        MaxPointsPerCardPerDay = rules.MaxPointsPerCardPerDay,
    };

    public AntifraudRules ToRules() => new()
    {
        MaxPurchasesPerCardPerDay = MaxPurchasesPerCardPerDay,
        MaxPurchasesPerCardPerStorePerDay = MaxPurchasesPerCardPerStorePerDay,
        MinMinutesBetweenPurchases = MinMinutesBetweenPurchases,
        MaxPurchaseAmount = MaxPurchaseAmount,
        MaxPointsPerPurchase = MaxPointsPerPurchase,
        MaxPointsPerCardPerDay = MaxPointsPerCardPerDay,
    };
}

public sealed class AntifraudRulesFormValidator : AbstractValidator<AntifraudRulesForm>
{
    public AntifraudRulesFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(r => r.MaxPurchasesPerCardPerDay).GreaterThan(0).WithMessage(_ => l["Antifraud.LimitMustBePositive"]);
        RuleFor(r => r.MaxPurchasesPerCardPerStorePerDay).GreaterThan(0).WithMessage(_ => l["Antifraud.LimitMustBePositive"]);
        RuleFor(r => r.MinMinutesBetweenPurchases).GreaterThan(0).WithMessage(_ => l["Antifraud.LimitMustBePositive"]);
        RuleFor(r => r.MaxPurchaseAmount).GreaterThan(0).WithMessage(_ => l["Antifraud.LimitMustBePositive"])
            .PrecisionScale(12, 2, true).WithMessage(_ => l["Validation.MoneyInvalid"]);
        RuleFor(r => r.MaxPointsPerPurchase).GreaterThan(0).WithMessage(_ => l["Antifraud.LimitMustBePositive"]);
        RuleFor(r => r.MaxPointsPerCardPerDay).GreaterThan(0).WithMessage(_ => l["Antifraud.LimitMustBePositive"]);
    }
}
