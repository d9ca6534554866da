using Loyalty.Domain.Common;
using Loyalty.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>Puts a broken campaign rule next to the field it is about; a rule about the whole grid goes on the grid.</summary>
internal static class CampaignErrors
{
    /// <summary>The key under which a grid shows the errors that belong to no single row (e.g. shares not 100 %).</summary>
    public const string Grid = "Rows";

    public static FieldError ToField(this DomainException error, IStringLocalizer<SharedResource> l,
        IReadOnlyDictionary<string, string> fieldsByCode, string fallback) =>
        new(fieldsByCode.TryGetValue(error.Code, out var field) ? field : fallback, l[error.Code, error.Arguments]);

    /// <summary>Adds the use case's messages, except on a field that already says its value could not be read.</summary>
    public static void AddTo(this IEnumerable<FieldError> errors, ModelStateDictionary modelState)
    {
        foreach (var error in errors)
        {
            if (modelState.GetFieldValidationState(error.Field) != ModelValidationState.Invalid)
            {
                modelState.AddModelError(error.Field, error.Message);
            }
        }
    }

    /// <summary>The rows whose key was already used by an earlier row (the earlier one is kept as the original).</summary>
    public static IEnumerable<int> Repeated<TKey>(IEnumerable<(int Index, TKey Key)> rows)
    {
        var seen = new HashSet<TKey>();
        foreach (var (index, key) in rows)
        {
            if (!seen.Add(key))
            {
                yield return index;
            }
        }
    }
}
