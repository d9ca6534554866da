using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Redemptions;

/// <summary>"Resgate de prêmios" at the counter (SPEC §7): find the customer, choose the campaign, take prizes, return
/// them, hand over gifts. Cashiers and store managers serve at their own stores; a TenantAdmin chooses any store.</summary>
[Route("resgates")]
[Authorize(Policy = StaffPolicies.StoreStaff)]
public sealed class RedemptionsController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(FindAtCounter.Query query, [FromServices] FindAtCounter.Handler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(query.Q))
        {
            return View(await handler.ScreenAsync(query, notFound: false, cancellationToken));
        }
        if (await handler.FindAsync(query.Q, cancellationToken) is { } found)
        {
            return Redirect(new CounterQuery { StoreId = query.StoreId, CardId = found.CardId }.Url(found.CustomerId));
        }
        var (candidates, more) = await handler.ByNameAsync(query.Q, cancellationToken);
        if (candidates is [var only] && !more)
        {
            return Redirect(new CounterQuery { StoreId = query.StoreId }.Url(only.Id));
        }
        return View(await handler.ScreenAsync(query, notFound: candidates.Count == 0, cancellationToken) with
        {
            Candidates = candidates,
            MoreCandidates = more,
        });
    }

    [HttpGet("{customerId:guid}")]
    public async Task<IActionResult> Counter(Guid customerId, [FromQuery] CounterQuery query, [FromServices] CounterScreen.Handler screen,
        CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await screen.HandleAsync(customerId, query, cancellationToken) is { } model ? View(model) : NotFound();
    }

    [HttpPost("{customerId:guid}/premios")]
    public async Task<IActionResult> Redeem(Guid customerId, RedeemPrizes.Command redeem, [FromServices] RedeemPrizes.Handler handler,
        [FromServices] CounterScreen.Handler screen, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // A quantity that cannot be read ("2,5", "dois") redeems nothing: the message is already next to it.
            return await Refused(customerId, redeem, screen, m => m.Redeem = redeem, cancellationToken);
        }
        var result = await handler.HandleAsync(customerId, redeem, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData[Flash.Success] = l["Counter.Redeemed"].Value;
            return Redirect($"/resgates/{result.Value}/recibo");
        }
        result.CopyTo(ModelState, "Redeem.");
        return await Refused(customerId, redeem, screen, m => m.Redeem = redeem, cancellationToken);
    }

    [HttpPost("{redemptionId:guid}/cancelar")]
    public async Task<IActionResult> Cancel(Guid redemptionId, Guid customerId, CancelRedemption.Command cancel,
        [FromServices] CancelRedemption.Handler handler, [FromServices] CounterScreen.Handler screen, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(redemptionId, cancel, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData[Flash.Success] = l["Counter.Cancelled"].Value;
            return Redirect($"/resgates/{redemptionId}/cancelamento");
        }
        result.CopyTo(ModelState, "Cancel.");
        cancel.Tab = CounterQuery.CancellationsTab;
        return await Refused(customerId, cancel, screen, m => (m.Cancel, m.CancelRedemptionId) = (cancel, redemptionId), cancellationToken);
    }

    [HttpPost("{customerId:guid}/brindes")]
    public async Task<IActionResult> DeliverGifts(Guid customerId, DeliverGifts.Command gifts, [FromServices] DeliverGifts.Handler handler,
        [FromServices] CounterScreen.Handler screen, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(customerId, gifts, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData[Flash.Success] = l["Counter.GiftsDelivered"].Value;
            return Redirect(ReceiptsController.GiftsUrl(result.Value!));
        }
        result.CopyTo(ModelState, "Gifts.");
        return await Refused(customerId, gifts, screen, m => m.Gifts = gifts, cancellationToken);
    }

    /// <summary>The counter again, as it was, with the messages next to what was refused (HTTP 422 for scripts and tests).</summary>
    private async Task<IActionResult> Refused(Guid customerId, CounterQuery query, CounterScreen.Handler screen,
        Action<CounterScreen.Model> keep, CancellationToken cancellationToken)
    {
        if (await screen.HandleAsync(customerId, query, cancellationToken) is not { } model)
        {
            return NotFound();
        }
        keep(model);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Counter), model);
    }
}
