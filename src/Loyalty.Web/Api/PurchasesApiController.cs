using Loyalty.Domain.Purchases;
using Loyalty.Web.Api.Customers;
using Loyalty.Web.Features.Purchases;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Security;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Api;

/// <summary>
/// Purchases from the POS (SPEC §10) with a store key: the store is the key's. Not an [ApiController], for the same
/// reason as <see cref="CustomersApiController"/>: errors keyed by the request's field names, in Portuguese.
/// An unknown customer is 422, not 404: the endpoint exists and the body is well formed, but names no customer.
/// </summary>
[Route("api/v1/purchases")]
[Authorize(Policy = ApiKeyAuthenticationHandler.StoreKeyPolicy)]
[EnableRateLimiting(RateLimits.Api)]
[RequestSizeLimit(LoyaltyApp.MaxApiRequestBodyBytes)]
[Tags("Purchases")]
[ApiExplorerSettings(IgnoreApi = false)]
[IgnoreAntiforgeryToken] // the caller is a key, not a browser session
[Consumes("application/json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
public sealed class PurchasesApiController(IStringLocalizer<SharedResource> l) : ControllerBase
{
    public const string ReplayHeader = "Idempotent-Replay";

    [HttpPost]
    [ProducesResponseType<RecordPurchase.Receipt>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<RecordPurchase.Receipt>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public async Task<IActionResult> Record(
        [FromBody] PurchaseRequest? request, [FromServices] RecordPurchase.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || request is null)
        {
            return Invalid(ApiBodyErrors.Of(ModelState, l));
        }
        var outcome = await handler.HandleAsync(request.ToCommand(StoreId, PurchaseOrigin.Pos), PurchaseFields.Api, cancellationToken);
        return outcome.Kind switch
        {
            RecordPurchase.Kind.Created => Json(StatusCodes.Status201Created, outcome.Json!),
            RecordPurchase.Kind.Replayed => Replay(Json(StatusCodes.Status200OK, outcome.Json!)),
            RecordPurchase.Kind.Invalid => Invalid(outcome.Errors!),
            RecordPurchase.Kind.Conflict => Problem(statusCode: StatusCodes.Status409Conflict, title: outcome.Problem),
            RecordPurchase.Kind.Unprocessable when outcome.Errors is { } beyond => Invalid(beyond, StatusCodes.Status422UnprocessableEntity),
            _ => Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: outcome.Problem),
        };
    }

    [HttpPost("{posNumber}/{couponNumber}/cancel")]
    [ProducesResponseType<PurchaseReversal.Reversed>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Cancel(string posNumber, string couponNumber,
        [FromServices] PurchaseReversal.Handler handler, CancellationToken cancellationToken) =>
        Answer(await handler.CancelAsync(StoreId, posNumber, couponNumber, cancellationToken), StatusCodes.Status200OK);

    [HttpPost("{posNumber}/{couponNumber}/returns")]
    [ProducesResponseType<PurchaseReversal.Reversed>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<PurchaseReversal.Reversed>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public async Task<IActionResult> Return(string posNumber, string couponNumber, [FromBody] PurchaseReversal.ReturnRequest? request,
        [FromServices] PurchaseReversal.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || request is null)
        {
            return Invalid(ApiBodyErrors.Of(ModelState, l));
        }
        return Answer(await handler.ReturnAsync(StoreId, posNumber, couponNumber, request, cancellationToken), StatusCodes.Status201Created);
    }

    private Guid StoreId => Guid.Parse(User.FindFirst(TenantClaims.StoreId)!.Value);

    private IActionResult Answer(PurchaseReversal.Outcome outcome, int doneStatus) => outcome.Kind switch
    {
        PurchaseReversal.Kind.Done => StatusCode(doneStatus, outcome.Value),
        PurchaseReversal.Kind.Replayed => Replay(Ok(outcome.Value)),
        PurchaseReversal.Kind.Invalid => Invalid(outcome.Errors!),
        PurchaseReversal.Kind.NotFound => Problem(statusCode: StatusCodes.Status404NotFound, title: outcome.Problem),
        PurchaseReversal.Kind.Conflict => Problem(statusCode: StatusCodes.Status409Conflict, title: outcome.Problem),
        _ => Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: outcome.Problem),
    };

    private IActionResult Replay(IActionResult result)
    {
        Response.Headers[ReplayHeader] = "true";
        return result;
    }

    private static ContentResult Json(int status, string json) => new() { StatusCode = status, Content = json, ContentType = "application/json" };

    private ActionResult Invalid(IReadOnlyList<FieldError> errors, int status = StatusCodes.Status400BadRequest)
    {
        var state = new ModelStateDictionary();
        foreach (var error in errors)
        {
            state.AddModelError(error.Field, error.Message);
        }
        return Invalid(state, status);
    }

    private ActionResult Invalid(ModelStateDictionary errors, int status = StatusCodes.Status400BadRequest) =>
        ValidationProblem(title: l["Api.ValidationTitle"], statusCode: status, modelStateDictionary: errors);
}
