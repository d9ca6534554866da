using System.Globalization;
using Loyalty.Web.Api.OpenApi;
using Loyalty.Web.Features.Customers.Lookup;
using Loyalty.Web.Features.Customers.Statement;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Api;

/// <summary>
/// A customer's points statement for the tenant's integrations (SPEC §10), with a tenant key: a store key answers 403,
/// as the POS has its own lookup. The period is whole days of the tenant's calendar; without dates, the last 90 days.
/// Not an [ApiController], like <see cref="CustomersApiController"/>: errors keyed "from"/"to", in Portuguese.
/// </summary>
[Route("api/v1/customers")]
[Authorize(Policy = ApiKeyAuthenticationHandler.TenantKeyPolicy)]
[EnableRateLimiting(RateLimits.Api)]
[Tags(DocumentInfoTransformer.CustomersTag)]
[ApiExplorerSettings(IgnoreApi = false)]
[IgnoreAntiforgeryToken] // the caller is a key, not a browser session
public sealed class CustomerStatementApiController(IStringLocalizer<SharedResource> l) : ControllerBase
{
    /// <param name="identifier">Card number, CPF/CNPJ (punctuation optional; escape a CNPJ's slash as %2F) or the customer id.</param>
    /// <param name="from">First day, yyyy-MM-dd (tenant's calendar); default 90 days before <paramref name="to"/>.</param>
    /// <param name="to">Last day, yyyy-MM-dd, included; default today.</param>
    [HttpGet("{identifier}/statement")]
    [EndpointName("getCustomerStatement")]
    [EndpointSummary("A customer's points statement")]
    [EndpointDescription("The ledger entries of whole days of the tenant's calendar (default: the 90 days up to today), with the balance before, after and now.")]
    [ProducesResponseType<AccountStatement.Answer>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Statement([FromRoute] string identifier, [FromQuery] string? from, [FromQuery] string? to,
        [FromServices] CustomerLookup.Handler lookup, [FromServices] AccountStatement.Handler statement, CancellationToken cancellationToken)
    {
        var errors = new ModelStateDictionary();
        var fromDate = Date(from, "from", errors);
        var toDate = Date(to, "to", errors);
        if (errors.ErrorCount > 0)
        {
            return Invalid(errors);
        }
        // The slash of a punctuated CNPJ reaches the route still escaped: ASP.NET Core never decodes %2F in paths.
        if (await lookup.FindIdAsync(Uri.UnescapeDataString(identifier), cancellationToken) is not { } customerId)
        {
            return NotFoundProblem();
        }
        var (answer, problem) = await statement.HandleAsync(customerId, fromDate, toDate, cancellationToken);
        if (answer is not null)
        {
            return Ok(answer);
        }
        if (problem == StatementSubject.Problem.PeriodInvalid)
        {
            errors.AddModelError("from", l["Statement.PeriodInvalid"]);
            return Invalid(errors);
        }
        return NotFoundProblem();
    }

    private DateOnly? Date(string? text, string field, ModelStateDictionary errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.AddModelError(field, l["Api.DateInvalid"]);
        return null;
    }

    private ObjectResult NotFoundProblem() => Problem(statusCode: StatusCodes.Status404NotFound, title: l["Api.CustomerNotFound"]);

    private ActionResult Invalid(ModelStateDictionary errors) => ValidationProblem(title: l["Api.ValidationTitle"], modelStateDictionary: errors);
}
