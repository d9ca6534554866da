using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Loyalty.Web.Features.Shared;

/// <summary>
/// The outcome of a use case: a value, or messages keyed by the command's field names. Screens copy the messages into
/// ModelState (next to the field), the API into problem details, the management commands into their one-line reason.
/// </summary>
public sealed class CommandResult<T>
{
    private CommandResult(T? value, IReadOnlyList<FieldError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }
    public IReadOnlyList<FieldError> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

#pragma warning disable CA1000 // CommandResult<Guid>.Success(id) reads better than a helper class would.
    public static CommandResult<T> Success(T value) => new(value, []);
    public static CommandResult<T> Failure(IReadOnlyList<FieldError> errors) => new(default, errors);
    public static CommandResult<T> Failure(string field, string message) => new(default, [new FieldError(field, message)]);
#pragma warning restore CA1000

    public void CopyTo(ModelStateDictionary modelState, string prefix = "")
    {
        foreach (var error in Errors)
        {
            modelState.AddModelError(prefix + error.Field, error.Message);
        }
    }
}

public sealed record FieldError(string Field, string Message);

public static class ValidationResults
{
    public static IReadOnlyList<FieldError> ToFieldErrors(this FluentValidation.Results.ValidationResult result) =>
        [.. result.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage))];
}
