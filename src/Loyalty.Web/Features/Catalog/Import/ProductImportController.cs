using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Catalog.Import;

/// <summary>
/// "Importar produtos": upload → mapping → preview (every row's errors, a downloadable report) → import all or nothing.
/// The file waits on the server (<see cref="ImportFileStore"/>); the mapping travels in the query string between steps.
/// </summary>
[Authorize(Policy = StaffPolicies.TenantAdministration)]
[Route("produtos/importar")]
public sealed class ProductImportController(IStringLocalizer<SharedResource> l) : Controller
{
    private const string Views = "/Features/Catalog/Import/";

    // Room above the 5 MB limit so that a slightly larger file gets our message rather than a bare 413.
    private const long UploadRequestLimit = ImportFileStore.MaxBytes + (1024 * 1024);

    [HttpGet("")]
    public IActionResult Upload() => View(Views + "Upload.cshtml");

    [HttpPost("")]
    [RequestSizeLimit(UploadRequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadRequestLimit)]
    public async Task<IActionResult> Upload(IFormFile? file, [FromServices] ImportFileStore files, [FromServices] ProductImport.Handler handler,
        CancellationToken cancellationToken)
    {
        var error = file switch
        {
            null or { Length: 0 } => l["CatalogImport.FileRequired"].Value,
            { Length: > ImportFileStore.MaxBytes } => l["CatalogImport.TooLarge", ImportFileStore.MaxBytes / 1024 / 1024].Value,
            _ => null,
        };
        if (error is null)
        {
            await using var content = file!.OpenReadStream();
            var id = await files.SaveAsync(content, file.FileName, cancellationToken);
            if (await handler.LoadAsync(id, cancellationToken) is not null)
            {
                return Redirect($"/produtos/importar/{id}");
            }
            files.Delete(id);
            error = l["CatalogImport.NoHeader"].Value;
        }
        ModelState.AddModelError("file", error);
        return View(Views + "Upload.cshtml");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Mapping(Guid id, ColumnMapping mapping, [FromServices] ProductImport.Handler handler,
        CancellationToken cancellationToken)
    {
        if (await handler.LoadAsync(id, cancellationToken) is not { } upload)
        {
            return NotFound();
        }
        // Back from the preview the user's own choices come along; the first time, the columns are guessed by their headers.
        var chosen = mapping.IsEmpty ? ColumnMapping.Guess(upload.Layout.Headers) : mapping;
        return View(Views + "Mapping.cshtml", new ProductImport.Preview(upload, chosen, [], null, [], 0, 0));
    }

    [HttpGet("{id:guid}/previa")]
    public async Task<IActionResult> Preview(Guid id, ColumnMapping mapping, [FromServices] ProductImport.Handler handler, CancellationToken cancellationToken)
    {
        if (await handler.PreviewAsync(id, mapping, cancellationToken) is not { } preview)
        {
            return NotFound();
        }
        return View(Views + (preview.MappingProblems.Count > 0 ? "Mapping.cshtml" : "Preview.cshtml"), preview);
    }

    [HttpGet("{id:guid}/erros.csv")]
    public async Task<IActionResult> Errors(Guid id, ColumnMapping mapping, [FromServices] ProductImport.Handler handler, CancellationToken cancellationToken)
    {
        if (await handler.PreviewAsync(id, mapping, cancellationToken) is not { } preview)
        {
            return NotFound();
        }
        var report = ProductImport.Handler.ErrorReport(preview, e => (l["CatalogImport.Field." + e.Field].Value, Message(e)),
            [l["CatalogImport.Line"].Value, l["CatalogImport.FieldHeader"].Value, l["CatalogImport.Error"].Value]);
        return File(report, "text/csv; charset=utf-8", Path.GetFileNameWithoutExtension(preview.Upload.FileName) + "-erros.csv");
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Import(Guid id, ColumnMapping mapping, ExistingProducts existing, [FromServices] ProductImport.Handler handler,
        CancellationToken cancellationToken)
    {
        if (await handler.RunAsync(id, mapping, existing, cancellationToken) is not { } result)
        {
            return NotFound();
        }
        if (result.Refused is { } refused)
        {
            TempData[Flash.Error] = l["CatalogImport.NothingImported"].Value;
            return Redirect(QueryHelpers.AddQueryString($"/produtos/importar/{id}/previa", refused.Mapping.ToQuery()));
        }
        var done = result.Done!;
        TempData[Flash.Success] = l["CatalogImport.Done", done.Created, done.Updated, done.Skipped, done.NewDepartments, done.NewSections].Value;
        return Redirect("/produtos");
    }

    /// <summary>A row error in the user's language.</summary>
    private string Message(RowError error) => error.Argument is null ? l[error.Key].Value : l[error.Key, error.Argument].Value;
}
