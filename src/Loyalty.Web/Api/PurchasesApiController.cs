using Loyalty.Domain.Purchases;
using Loyalty.Web.Api.Customers;
using Loyalty.Web.Api.OpenApi;
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
[Tags(DocumentInfoTransformer.PurchasesTag)]
[ApiExplorerSettings(IgnoreApi = false)]
[IgnoreAntiforgeryToken] // the caller is a key, not a browser session
[Consumes("application/json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
public sealed class PurchasesApiController(IStringLocalizer<SharedResource> l) : ControllerBase
{
    public const string ReplayHeader = "Idempotent-Replay";
    private const string ReplayHeaderDescription = "\"true\": this answer repeats the first one; nothing was recorded again.";

    [HttpPost]
    [EndpointName("recordPurchase")]
    [EndpointSummary("Record a purchase from the POS")]
    [EndpointDescription("Records the purchase and earns its points at once (201). The same store + posNumber + couponNumber sent again with the same content answers 200 with the first answer and `Idempotent-Replay: true`, never a second accrual; with other content, 409. `occurredAt` must carry its offset (400 without), lie at most 7 days in the past and 5 minutes in the future (422 otherwise); an unknown customer is 422.")]
    [ResponseHeader(StatusCodes.Status200OK, ReplayHeader, ReplayHeaderDescription, Const = "true")]
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

    /// <param name="posNumber">The POS number the purchase was recorded with.</param>
    /// <param name="couponNumber">The purchase's coupon number.</param>
    [HttpPost("{posNumber}/{couponNumber}/cancel")]
    [EndpointName("cancelPurchase")]
    [EndpointSummary("Cancel a purchase")]
    [EndpointDescription("Reverses the points the purchase earned. Idempotent: cancelling again answers the same (with `Idempotent-Replay: true`).")]
    [ResponseHeader(StatusCodes.Status200OK, ReplayHeader, ReplayHeaderDescription, Const = "true", Required = false)]
    [ProducesResponseType<PurchaseReversal.Reversed>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Cancel(string posNumber, string couponNumber,
        [FromServices] PurchaseReversal.Handler handler, CancellationToken cancellationToken) =>
        Answer(await handler.CancelAsync(StoreId, posNumber, couponNumber, cancellationToken), StatusCodes.Status200OK);

    /// <param name="posNumber">The POS number the purchase was recorded with.</param>
    /// <param name="couponNumber">The purchase's coupon number.</param>
    [HttpPost("{posNumber}/{couponNumber}/returns")]
    [EndpointName("returnPurchase")]
    [EndpointSummary("Return part of a purchase")]
    [EndpointDescription("Reverses the points of the returned amount (201). Idempotent on `returnNumber`: the same return again answers 200 with `Idempotent-Replay: true`, another content 409; returns beyond the purchase's total, or of a cancelled purchase, are 422.")]
    [ResponseHeader(StatusCodes.Status200OK, ReplayHeader, ReplayHeaderDescription, Const = "true")]
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
