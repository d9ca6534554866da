using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Loyalty.Domain.Cards;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.CardReasons;

/// <summary>A card reason as its form edits it: the description and the operations it is offered for.</summary>
public sealed class ReasonForm
{
    public Guid Id { get; set; }

    [Display(Name = "CardReason.Description")]
    public string? Description { get; set; }

    [Display(Name = "CardReason.Operations")]
    public List<CardOperations> Operations { get; set; } = [];

    public CardOperations Combined => Operations.Aggregate(CardOperations.None, (all, o) => all | o);

    public static ReasonForm From(CardReason reason) => new()
    {
        Id = reason.Id,
        Description = reason.Description,
        Operations = [.. ReasonOperations.All.Where(o => reason.Operations.HasFlag(o))],
    };
}

public static class ReasonOperations
{
    public static IReadOnlyList<CardOperations> All { get; } =
        [CardOperations.Block, CardOperations.Unblock, CardOperations.Cancel, CardOperations.Reissue];
}

public sealed class ReasonFormValidator : AbstractValidator<ReasonForm>
{
    public ReasonFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(r => r.Description).NotEmpty().WithMessage(_ => l["CardReason.DescriptionRequired"])
            .MaximumLength(CardReason.DescriptionMaxLength).WithMessage(_ => l["Validation.TooLong", CardReason.DescriptionMaxLength]);
        RuleFor(r => r.Operations).Must(o => o.Count > 0 && o.All(ReasonOperations.All.Contains))
            .WithMessage(_ => l["CardReason.OperationsRequired"]);
    }
}
