using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Customers.Wizard;

/// <summary>"Cadastrar cliente" at the counter: one URL, one form posted back and forth between the three steps and the
/// review; the customer is created only on "Confirmar", then Post-Redirect-Get to the profile.</summary>
[Route("clientes/novo")]
[Authorize(Policy = StaffPolicies.StoreStaff)]
public sealed class RegistrationController(
    RegistrationSteps.Handler steps, RegistrationChoices.Handler choices, IStringLocalizer<SharedResource> l) : Controller
{
    private const string WizardView = "~/Features/Customers/Wizard/Wizard.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Start(CancellationToken cancellationToken) =>
        await ShowAsync(await steps.StartAsync(cancellationToken), cancellationToken);

    [HttpPost("")]
    public async Task<IActionResult> Submit(RegistrationWizard wizard, string? go, CancellationToken cancellationToken)
    {
        var result = await steps.SubmitAsync(wizard, go, TakeBindingErrors(), User.GetUserId(), cancellationToken);
        if (result.Registered is { } registered)
        {
            TempData[Flash.Success] = l["Registration.Done", registered.CardNumber].Value;
            return Redirect($"/clientes/{registered.CustomerId}");
        }
        foreach (var field in result.Copied ?? [])
        {
            // What was posted for the field (a hidden input) would otherwise be written back instead of the copy.
            ModelState.Remove(field);
        }
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }
        return await ShowAsync(wizard, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(RegistrationWizard wizard, CancellationToken cancellationToken)
    {
        await choices.LoadAsync(wizard, cancellationToken);
        return View(WizardView, wizard);
    }

    /// <summary>Takes the model binder's messages out of the model state (keeping what was typed), so that only the
    /// steps being checked show messages: going back or searching never shows one.</summary>
    private List<FieldError> TakeBindingErrors()
    {
        var errors = new List<FieldError>();
        foreach (var (field, entry) in ModelState)
        {
            if (entry.Errors.Count > 0)
            {
                var message = entry.Errors[0].ErrorMessage;
                errors.Add(new FieldError(field, message.Length > 0 ? message : l["Validation.InvalidValueShort"]));
                entry.Errors.Clear();
                entry.ValidationState = ModelValidationState.Unvalidated;
            }
        }
        return errors;
    }
}
