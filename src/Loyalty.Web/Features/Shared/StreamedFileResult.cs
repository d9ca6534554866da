using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Loyalty.Web.Features.Shared;

/// <summary>A download written straight into the response as it is produced (a CSV read row by row from the database),
/// instead of being built in memory first.</summary>
public sealed class StreamedFileResult(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = contentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}
