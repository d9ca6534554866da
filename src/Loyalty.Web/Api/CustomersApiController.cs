using Loyalty.Web.Api.Customers;
using Loyalty.Web.Api.OpenApi;
using Loyalty.Web.Features.Customers.Lookup;
using Loyalty.Web.Infrastructure;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Api;

/// <summary>
/// Customers through the API (SPEC §10): integrations register with a tenant key, POS terminals look customers up with a
/// store key. Not an [ApiController]: its automatic 400 would key JSON errors by path ("$.gender") in English, and this
/// API answers in the request's field names, in Portuguese.
/// </summary>
[Route("api/v1/customers")]
[EnableRateLimiting(RateLimits.Api)]
[RequestSizeLimit(LoyaltyApp.MaxApiRequestBodyBytes)]
[Tags(DocumentInfoTransformer.CustomersTag)]
[ApiExplorerSettings(IgnoreApi = false)] // in the OpenAPI document although not an [ApiController]
[IgnoreAntiforgeryToken] // the caller is a key, not a browser session: there is no cookie for a forged request to ride on
public sealed class CustomersApiController(IStringLocalizer<SharedResource> l) : ControllerBase
{
    public sealed record CustomerCreated(Guid CustomerId, string CardNumber);

    [HttpPost]
    [EndpointName("registerCustomer")]
    [EndpointSummary("Register a customer")]
    [EndpointDescription("Registers a customer with the counter's rules (origin \"api\"); a card number is generated when none is sent, and a `titularDocument` makes the customer that titular's dependent. 400 lists every refused field under the request's field names; 409 (with the existing `customerId`) wins over 400 when the document is already registered in the tenant.")]
    [ResponseHeader(StatusCodes.Status201Created, "Location", "The new customer's address, /api/v1/customers/{customerId}.")]
    [Authorize(Policy = ApiKeyAuthenticationHandler.TenantKeyPolicy)]
    [Consumes("application/json")]
    [ProducesResponseType<CustomerCreated>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<CustomerExistsProblem>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<IActionResult> Register(
        [FromBody] RegisterCustomerRequest? request, [FromServices] ApiCustomerRegistration registration, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || request is null)
        {
            return Invalid(BodyErrors());
        }
        var result = await registration.RegisterAsync(request, cancellationToken);
        if (result.ExistingCustomerId is { } existing)
        {
            return Conflict(CustomerExistsProblem.From(ProblemDetailsFactory.CreateProblemDetails(HttpContext, StatusCodes.Status409Conflict,
                title: l["Customer.DocumentExists"], detail: l["Api.CustomerExistsDetail"]), existing));
        }
        if (result.Registered is not { } registered)
        {
            var errors = new ModelStateDictionary();
            foreach (var error in result.Errors)
            {
                errors.AddModelError(error.Field, error.Message);
            }
            return Invalid(errors);
        }
        return Created($"/api/v1/customers/{registered.CustomerId}", new CustomerCreated(registered.CustomerId, registered.CardNumber));
    }

    /// <param name="identifier">Card number, CPF/CNPJ (punctuation optional, any case; escape a CNPJ's slash as %2F) or
    /// the customer id.</param>
    [HttpGet("{identifier}")]
    [EndpointName("getCustomer")]
    [EndpointSummary("Look a customer up at the POS")]
    [EndpointDescription("By card number, CPF/CNPJ or customer id; a card match wins when the same digits could be both. Balance and points expiring in 30 days are the titular's account's.")]
    [Authorize(Policy = ApiKeyAuthenticationHandler.StoreKeyPolicy)]
    [ProducesResponseType<CustomerLookup.CustomerSummary>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Get(
        [FromRoute] string identifier, [FromServices] CustomerLookup.Handler lookup, CancellationToken cancellationToken) =>
        // The slash of a punctuated CNPJ reaches the route still escaped: ASP.NET Core never decodes %2F in paths.
        await lookup.FindAsync(Uri.UnescapeDataString(identifier), cancellationToken) is { } customer
            ? Ok(customer)
            : Problem(statusCode: StatusCodes.Status404NotFound, title: l["Api.CustomerNotFound"]);

    private ActionResult Invalid(ModelStateDictionary errors) =>
        ValidationProblem(title: l["Api.ValidationTitle"], modelStateDictionary: errors);

    private ModelStateDictionary BodyErrors() => ApiBodyErrors.Of(ModelState, l);
}
