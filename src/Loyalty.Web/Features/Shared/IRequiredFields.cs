namespace Loyalty.Web.Features.Shared;

/// <summary>A form model that knows which of its fields the server requires: <c>&lt;form-row&gt;</c> marks them
/// (<see cref="RequiredMarkTagHelper"/>) and sets <c>required</c> / <c>aria-required</c> on their inputs.</summary>
public interface IRequiredFields
{
    bool IsRequired(string field);
}
