using Loyalty.Web.Infrastructure.Tenancy;

namespace Loyalty.Web.Features.Catalog.Import;

/// <summary>
/// Keeps an uploaded file between the import steps (mapping, preview, import): the bytes in a folder of the tenant under
/// the app's temp folder, named by a random id. Another tenant's id finds nothing, so it answers 404. Files older than a
/// day are removed on the next upload and the file is removed once imported. A temp folder is per machine: several web
/// servers behind a balancer need sticky sessions or a shared folder (Imports:Directory).
/// </summary>
public sealed class ImportFileStore(TenantContext tenant, IConfiguration configuration, TimeProvider clock)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    private string Root => configuration["Imports:Directory"] is { Length: > 0 } configured
        ? configured
        : Path.Combine(Path.GetTempPath(), "loyalty-imports");

    private string TenantFolder => Path.Combine(Root, tenant.RequiredTenantId.ToString("N"));

    public async Task<Guid> SaveAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(TenantFolder);
        RemoveOld(folder);
        var id = Guid.NewGuid();
        await using (var file = new FileStream(PathOf(id), FileMode.CreateNew, FileAccess.Write))
        {
            await content.CopyToAsync(file, cancellationToken);
        }
        await File.WriteAllTextAsync(PathOf(id) + ".name", Path.GetFileName(fileName), cancellationToken);
        return id;
    }

    /// <returns>Null when no such file exists for the current tenant.</returns>
    public async Task<(byte[] Bytes, string FileName)?> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var path = PathOf(id);
        if (!File.Exists(path))
        {
            return null;
        }
        var name = File.Exists(path + ".name") ? await File.ReadAllTextAsync(path + ".name", cancellationToken) : "import.csv";
        return (await File.ReadAllBytesAsync(path, cancellationToken), name);
    }

    public void Delete(Guid id)
    {
        File.Delete(PathOf(id));
        File.Delete(PathOf(id) + ".name");
    }

    private string PathOf(Guid id) => Path.Combine(TenantFolder, id.ToString("N") + ".csv");

    private void RemoveOld(DirectoryInfo folder)
    {
        foreach (var file in folder.EnumerateFiles().Where(f => f.LastWriteTimeUtc < clock.GetUtcNow().UtcDateTime - KeptFor))
        {
            file.Delete();
        }
    }
}
