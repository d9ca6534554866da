using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Customers;

/// <summary>The customer list, the profile, editing and inactivation. Registration (/clientes/novo) has its own controller.</summary>
[Route("clientes")]
[Authorize(Policy = StaffPolicies.CustomerDesk)]
public sealed class CustomersController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CustomerList.Query query, [FromServices] CustomerList.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(query, cancellationToken));

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Profile(Guid id, [FromQuery(Name = "Period")] CustomerStatement.Period period, [FromServices] CustomerProfile.Handler handler,
        CancellationToken cancellationToken)
    {
        var model = await handler.HandleAsync(id, period, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }
        if (model.Statement.PeriodInvalid)
        {
            ModelState.AddModelError("Period.From", l["Statement.PeriodInvalid"]);
        }
        return View(model);
    }

    [HttpGet("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, [FromServices] EditCustomer.Handler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, cancellationToken) is { } command ? View(command) : NotFound();

    [HttpPost("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, EditCustomer.Command command, [FromServices] EditCustomer.Handler handler,
        CancellationToken cancellationToken)
    {
        command.Id = id;
        // A value the binder could not read (a date such as 31/02) would arrive as empty and erase the stored one:
        // show the form again, as typed, with the binder's message next to the field.
        if (!ModelState.IsValid)
        {
            return await handler.RefillAsync(command, cancellationToken) ? View(command) : NotFound();
        }
        var result = await handler.HandleAsync(command, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(command);
        }
        TempData[Flash.Success] = l["Saved"].Value;
        return RedirectToAction(nameof(Profile), new { id });
    }

    [HttpPost("{id:guid}/inativar")]
    [Authorize(Policy = StaffPolicies.CustomerManagement)]
    public Task<IActionResult> Inactivate(Guid id, [FromServices] ChangeCustomerStatus.Handler handler, CancellationToken cancellationToken) =>
        ChangeStatus(id, CustomerStatus.Inactive, handler, cancellationToken);

    [HttpPost("{id:guid}/reativar")]
    [Authorize(Policy = StaffPolicies.CustomerManagement)]
    public Task<IActionResult> Reactivate(Guid id, [FromServices] ChangeCustomerStatus.Handler handler, CancellationToken cancellationToken) =>
        ChangeStatus(id, CustomerStatus.Active, handler, cancellationToken);

    private async Task<IActionResult> ChangeStatus(Guid id, CustomerStatus status, ChangeCustomerStatus.Handler handler,
        CancellationToken cancellationToken)
    {
        if (!await handler.HandleAsync(id, status, cancellationToken))
        {
            return NotFound();
        }
        TempData[Flash.Success] = l[status == CustomerStatus.Active ? "Customer.Reactivated" : "Customer.Inactivated"].Value;
        return RedirectToAction(nameof(Profile), new { id });
    }
}
