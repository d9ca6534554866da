using Loyalty.Web.Api.Customers;
using Loyalty.Web.Api.OpenApi;
using Loyalty.Web.Features.Purchases;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Api;

/// <summary>
/// Loading a legacy system's purchases (SPEC §10) with a tenant key: they count in figures and reports, earn no points.
/// 400 lists every error of every entry and saves nothing; 200 answers each entry's fate (created, replayed, conflict).
/// </summary>
[Route("api/v1/purchase-history")]
[Authorize(Policy = ApiKeyAuthenticationHandler.TenantKeyPolicy)]
[EnableRateLimiting(RateLimits.Api)]
[RequestSizeLimit(MaxBodyBytes)]
[Tags(DocumentInfoTransformer.PurchasesTag)]
[ApiExplorerSettings(IgnoreApi = false)]
[IgnoreAntiforgeryToken] // the caller is a key, not a browser session
[Consumes("application/json")]
public sealed class PurchaseHistoryApiController(IStringLocalizer<SharedResource> l) : ControllerBase
{
    /// <summary>A thousand purchases with their items and payments: more than the 1 MiB of the other endpoints.</summary>
    public const long MaxBodyBytes = 16 * 1024 * 1024;

    [HttpPost]
    [EndpointName("importPurchaseHistory")]
    [EndpointSummary("Load a legacy system's purchase history")]
    [EndpointDescription("Up to 1,000 past purchases per call, each with its `storeCode`. They count in the consumption figures, RFV and reports and earn no points. All or nothing on validity: one invalid entry is a 400 listing every error, and nothing is saved. Idempotent per store + posNumber + couponNumber: each entry is answered `created`, `replayed` or `conflict`.")]
    [ProducesResponseType<ImportPurchaseHistory.Result>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public async Task<IActionResult> Import([FromBody] PurchaseHistoryRequest? request, [FromServices] ImportPurchaseHistory.Handler handler,
        CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || request is null)
        {
            return Invalid(ApiBodyErrors.Of(ModelState, l));
        }
        var outcome = await handler.HandleAsync(request, cancellationToken);
        if (outcome.Result is { } result)
        {
            return Ok(result);
        }
        var errors = new ModelStateDictionary();
        foreach (var error in outcome.Errors)
        {
            errors.AddModelError(error.Field, error.Message);
        }
        return Invalid(errors, outcome.BeyondBounds ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest);
    }

    private ActionResult Invalid(ModelStateDictionary errors, int status = StatusCodes.Status400BadRequest) =>
        ValidationProblem(title: l["Api.ValidationTitle"], statusCode: status, modelStateDictionary: errors);
}
