using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// "Compras": TenantAdmins and store managers query their stores' purchases; they and cashiers type a purchase by hand
/// for their store. After saving, a cashier (who cannot query) gets a blank form for the next coupon under the summary of
/// the one saved; the others see the purchase with the same summary.
/// </summary>
[Route("compras")]
[Authorize(Policy = StaffPolicies.StoreStaff)]
public sealed class PurchasesController(IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>Form buttons that change the lines instead of saving: the form comes back with every value typed.</summary>
    public const string AddItem = "add-item";
    public const string AddPayment = "add-payment";
    public const string RemoveItemPrefix = "remove-item-";
    public const string RemovePaymentPrefix = "remove-payment-";

    private const string SavedKey = "Purchases.Saved";
    private const string ReplayedKey = "Purchases.Replayed";

    [HttpGet("")]
    [Authorize(Policy = StaffPolicies.StoreOperations)]
    public async Task<IActionResult> Index(PurchaseList.Query query, [FromServices] PurchaseList.Handler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(query, cancellationToken);
        if (result.PeriodInvalid)
        {
            ModelState.AddModelError("Query.From", l["Statement.PeriodInvalid"]);
        }
        return View(result);
    }

    [HttpGet("{id:guid}")]
    [Authorize(Policy = StaffPolicies.StoreOperations)]
    public async Task<IActionResult> Details(Guid id, [FromServices] PurchaseDetails.Handler handler, [FromServices] EnterPurchase.Handler entry,
        CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(id, cancellationToken) is not { } model)
        {
            return NotFound();
        }
        if (JustSaved() is { } saved && saved.PurchaseId == id)
        {
            ViewData[nameof(EnterPurchase.Summary)] = await entry.SummaryAsync(saved, cancellationToken);
        }
        return View(model);
    }

    [HttpGet("nova")]
    public async Task<IActionResult> New([FromServices] EnterPurchase.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.BlankAsync(JustSaved(), cancellationToken));

    [HttpPost("nova")]
    public async Task<IActionResult> New([Bind(Prefix = "Command")] EnterPurchase.Command command, string? line, [FromServices] EnterPurchase.Handler handler,
        CancellationToken cancellationToken)
    {
        if (line is not null)
        {
            ChangeLines(command, line);
            ModelState.Clear();
            if (line == AddItem)
            {
                ViewData[AddItem] = command.Items.Count - 1; // the new line takes the focus
            }
            return View(await handler.RefillAsync(command, cancellationToken));
        }
        // What the lines determine and was left empty is filled in, and shown as filled if the form comes back.
        foreach (var (field, value) in EnterPurchase.Complete(command,
                     field => ModelState.GetFieldValidationState("Command." + field) == ModelValidationState.Invalid))
        {
            var typed = value.ToString(System.Globalization.CultureInfo.CurrentCulture);
            ModelState.SetModelValue("Command." + field, typed, typed);
        }
        // A value the binder could not read (a price of "abc") arrives empty: its message stays next to the field, as
        // typed, and the other fields get theirs in the same round.
        if (!ModelState.IsValid)
        {
            AddErrors(await handler.CheckAsync(command, cancellationToken));
            return View(await handler.RefillAsync(command, cancellationToken));
        }
        var result = await handler.HandleAsync(command, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return View(await handler.RefillAsync(command, cancellationToken));
        }
        var saved = result.Value!;
        TempData[SavedKey] = saved.PurchaseId;
        TempData[ReplayedKey] = saved.Replayed;
        return User.IsInRole(nameof(Domain.Staff.StaffRole.Cashier))
            ? RedirectToAction(nameof(New))
            : RedirectToAction(nameof(Details), new { id = saved.PurchaseId });
    }

    /// <summary>The purchase saved by the post that redirected here, once (a reload shows the page without it).</summary>
    private EnterPurchase.Saved? JustSaved() =>
        TempData[SavedKey] is Guid purchaseId // the cookie brings a Guid back as one
            ? new EnterPurchase.Saved(purchaseId, TempData[ReplayedKey] is true)
            : null;

    private void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            var key = error.Field.Length == 0 ? string.Empty : "Command." + error.Field;
            // The binder's "not a number" says more than "required" about a value it could not read.
            if (ModelState.GetFieldValidationState(key) != ModelValidationState.Invalid)
            {
                ModelState.AddModelError(key, error.Message);
            }
        }
    }

    private static void ChangeLines(EnterPurchase.Command command, string line)
    {
        if (line == AddItem)
        {
            command.Items.Add(new EnterPurchase.ItemLine { Quantity = 1 });
        }
        else if (line == AddPayment)
        {
            command.Payments.Add(new EnterPurchase.PaymentLine());
        }
        else if (line.StartsWith(RemoveItemPrefix, StringComparison.Ordinal) && int.TryParse(line[RemoveItemPrefix.Length..], out var item)
                 && item >= 0 && item < command.Items.Count)
        {
            command.Items.RemoveAt(item);
        }
        else if (line.StartsWith(RemovePaymentPrefix, StringComparison.Ordinal) && int.TryParse(line[RemovePaymentPrefix.Length..], out var payment)
                 && payment >= 0 && payment < command.Payments.Count)
        {
            command.Payments.RemoveAt(payment);
        }
    }
}
