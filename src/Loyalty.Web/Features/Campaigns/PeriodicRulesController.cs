using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>The tabs of a periodic campaign (seed 001): "Período" with its four sub-tabs, "Descontos" and "Vale Brinde".
/// Each is a grid saved as a whole; rows are added and removed by posting the grid back.</summary>
[Authorize(Policy = StaffPolicies.TenantAdministration)]
[Route("campanhas/{id:guid}")]
public sealed class PeriodicRulesController(IStringLocalizer<SharedResource> l) : Controller
{
    private const string Views = "/Features/Campaigns/";

    [HttpGet("periodo")]
    public Task<IActionResult> Thresholds(Guid id, [FromServices] ThresholdGrid.Handler handler, CancellationToken cancellationToken) =>
        Show(id, handler, "Thresholds", cancellationToken);

    [HttpPost("periodo")]
    public Task<IActionResult> Thresholds(Guid id, ThresholdGrid.Form form, [FromForm(Name = GridCommand.Field)] string? command,
        [FromServices] ThresholdGrid.Handler handler, CancellationToken cancellationToken) =>
        Post(id, form, command, handler, "Thresholds", "periodo", cancellationToken);

    [HttpGet("periodo/produto-comprado")]
    public Task<IActionResult> ProductPoints(Guid id, [FromServices] ProductPointsGrid.Handler handler, CancellationToken cancellationToken) =>
        Show(id, handler, "ProductPoints", cancellationToken);

    [HttpPost("periodo/produto-comprado")]
    public Task<IActionResult> ProductPoints(Guid id, ProductPointsGrid.Form form, [FromForm(Name = GridCommand.Field)] string? command,
        [FromServices] ProductPointsGrid.Handler handler, CancellationToken cancellationToken) =>
        Post(id, form, command, handler, "ProductPoints", "periodo/produto-comprado", cancellationToken);

    [HttpGet("periodo/estabelecimento")]
    public Task<IActionResult> StoreBonuses(Guid id, [FromServices] StoreBonusGrid.Handler handler, CancellationToken cancellationToken) =>
        Show(id, handler, "StoreBonuses", cancellationToken);

    [HttpPost("periodo/estabelecimento")]
    public Task<IActionResult> StoreBonuses(Guid id, StoreBonusGrid.Form form, [FromForm(Name = GridCommand.Field)] string? command,
        [FromServices] StoreBonusGrid.Handler handler, CancellationToken cancellationToken) =>
        Post(id, form, command, handler, "StoreBonuses", "periodo/estabelecimento", cancellationToken);

    [HttpGet("periodo/frequencia")]
    public Task<IActionResult> Frequency(Guid id, [FromServices] FrequencyGrid.Handler handler, CancellationToken cancellationToken) =>
        Show(id, handler, "Frequency", cancellationToken);

    [HttpPost("periodo/frequencia")]
    public Task<IActionResult> Frequency(Guid id, FrequencyGrid.Form form, [FromForm(Name = GridCommand.Field)] string? command,
        [FromServices] FrequencyGrid.Handler handler, CancellationToken cancellationToken) =>
        Post(id, form, command, handler, "Frequency", "periodo/frequencia", cancellationToken);

    [HttpGet("descontos")]
    public Task<IActionResult> Discounts(Guid id, [FromServices] DiscountGrid.Handler handler, CancellationToken cancellationToken) =>
        Show(id, handler, "Discounts", cancellationToken);

    [HttpPost("descontos")]
    public Task<IActionResult> Discounts(Guid id, DiscountGrid.Form form, [FromForm(Name = GridCommand.Field)] string? command,
        [FromServices] DiscountGrid.Handler handler, CancellationToken cancellationToken) =>
        Post(id, form, command, handler, "Discounts", "descontos", cancellationToken);

    [HttpGet("vale-brinde")]
    public Task<IActionResult> GiftRules(Guid id, [FromServices] GiftRuleGrid.Handler handler, CancellationToken cancellationToken) =>
        Show(id, handler, "GiftRules", cancellationToken);

    [HttpPost("vale-brinde")]
    public Task<IActionResult> GiftRules(Guid id, GiftRuleGrid.Form form, [FromForm(Name = GridCommand.Field)] string? command,
        [FromServices] GiftRuleGrid.Handler handler, CancellationToken cancellationToken) =>
        Post(id, form, command, handler, "GiftRules", "vale-brinde", cancellationToken);

    private async Task<IActionResult> Show<TForm, TRow>(Guid id, RuleGridHandler<TForm, TRow> handler, string view, CancellationToken cancellationToken)
        where TForm : RuleGrid<TRow>, new() where TRow : IGridRow, new() =>
        await handler.LoadAsync(id, cancellationToken) is { } form ? View($"{Views}{view}.cshtml", form) : NotFound();

    private async Task<IActionResult> Post<TForm, TRow>(Guid id, TForm form, string? command, RuleGridHandler<TForm, TRow> handler, string view,
        string path, CancellationToken cancellationToken)
        where TForm : RuleGrid<TRow>, new() where TRow : IGridRow, new()
    {
        if (await handler.DescribeAsync(id, form, cancellationToken) is null)
        {
            return NotFound();
        }
        if (GridCommand.Apply(command, form, ModelState))
        {
            return View($"{Views}{view}.cshtml", form);
        }
        var result = await handler.SaveAsync(id, form, checkOnly: !ModelState.IsValid, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (result.Succeeded && ModelState.IsValid)
        {
            TempData[Flash.Success] = l["Saved"].Value;
            return Redirect($"/campanhas/{id}/{path}");
        }
        result.Errors.AddTo(ModelState);
        return View($"{Views}{view}.cshtml", form);
    }
}
