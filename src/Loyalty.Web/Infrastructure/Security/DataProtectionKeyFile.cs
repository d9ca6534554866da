using System.Security.Cryptography;
using System.Text;

namespace Loyalty.Web.Infrastructure.Security;

/// <summary>
/// The 256-bit key, kept in a file outside the database, that encrypts the data-protection keys stored in the database
/// (they sign the session and antiforgery cookies: whoever reads a database backup must not be able to forge them).
/// The file holds the key in base64 on one line. Its id (the start of its SHA-256) is written beside each encrypted key,
/// so a wrong file gives a clear error instead of a failed decryption.
/// </summary>
public sealed class DataProtectionKeyFile
{
    public const string PathSetting = "DataProtection:KeyFile";
    public const string CreateSetting = "DataProtection:CreateKeyFileIfMissing";
    public const int KeyBytes = 32;

    private DataProtectionKeyFile(byte[] key, string path)
    {
        Key = key;
        Path = path;
        Id = Convert.ToHexStringLower(SHA256.HashData(key))[..16];
    }

    public byte[] Key { get; }
    public string Path { get; }
    public string Id { get; }

    /// <summary>
    /// The configured key file. Outside Production an unset path means <c>.loyalty/data-protection.key</c> under the
    /// content root, created when missing. In Production the path is required and the file must exist unless
    /// DataProtection:CreateKeyFileIfMissing says otherwise (./loyalty and Docker Compose keep it in their state folder);
    /// management commands, which issue no cookies, may run without it.
    /// </summary>
    public static DataProtectionKeyFile? Load(IConfiguration configuration, IHostEnvironment environment, bool commandLine)
    {
        var production = environment.IsProduction();
        var configured = configuration[PathSetting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (production)
            {
                return commandLine ? null : throw new InvalidOperationException(
                    $"No key to encrypt the data-protection keys at rest: set {PathSetting.Replace(":", "__", StringComparison.Ordinal)} " +
                    "to a file holding a 256-bit key in base64 (e.g. `head -c 32 /dev/urandom | base64 > data-protection.key`), " +
                    "kept outside the database and its backups. See docs/operations.md.");
            }
            configured = System.IO.Path.Combine(".loyalty", "data-protection.key");
        }
        var path = System.IO.Path.GetFullPath(configured, environment.ContentRootPath);
        if (!File.Exists(path))
        {
            if (!configuration.GetValue(CreateSetting, !production))
            {
                throw new InvalidOperationException(
                    $"The data-protection key file {path} ({PathSetting}) does not exist. Restore it, or create a new one " +
                    "(existing sessions then end and the keys encrypted with the old file are no longer readable).");
            }
            Create(path);
        }
        return Read(path);
    }

    private static DataProtectionKeyFile Read(string path)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(File.ReadAllText(path, Encoding.ASCII).Trim());
        }
        catch (FormatException)
        {
            key = [];
        }
        return key.Length == KeyBytes ? new DataProtectionKeyFile(key, path)
            : throw new InvalidOperationException($"The data-protection key file {path} must hold {KeyBytes} bytes in base64.");
    }

    // Written to a temporary file and moved into place, so two processes starting together never read half a key: the
    // second move fails and that process reads the first one's file.
    private static void Create(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(temporary, Encoding.ASCII, options))
        {
            writer.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)));
        }
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
