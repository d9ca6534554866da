using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Loyalty.Web.Infrastructure.Security;

/// <summary>
/// Encrypts each data-protection key with AES-256-GCM under the <see cref="DataProtectionKeyFile"/> before it is stored.
/// Chosen over ProtectKeysWithCertificate because a key file needs no certificate tooling, store or password on Linux,
/// and `./loyalty` can make one with nothing but the app.
/// </summary>
public sealed class KeyFileXmlEncryptor(DataProtectionKeyFile keyFile) : IXmlEncryptor
{
    internal static readonly XNamespace Ns = "urn:loyalty:data-protection";
    internal static readonly byte[] AssociatedData = Encoding.ASCII.GetBytes("Loyalty data-protection key");
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceBytes + TagBytes + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(keyFile.Key, TagBytes))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), AssociatedData);
        }
        var element = new XElement(Ns + "encryptedKey",
            new XAttribute("keyFileId", keyFile.Id),
            new XComment(" encrypted with the key file of setting DataProtection:KeyFile (AES-256-GCM) "),
            new XElement(Ns + "value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyFileXmlDecryptor));
    }

    internal static XElement Decrypt(DataProtectionKeyFile keyFile, XElement encryptedElement)
    {
        var id = (string?)encryptedElement.Attribute("keyFileId");
        if (id != keyFile.Id)
        {
            throw new CryptographicException(
                $"This data-protection key was encrypted with another key file (id {id}); the configured one is {keyFile.Id} ({keyFile.Path}).");
        }
        var sealedBytes = Convert.FromBase64String((string)encryptedElement.Element(Ns + "value")!);
        var plaintext = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using (var aes = new AesGcm(keyFile.Key, TagBytes))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes),
                plaintext, AssociatedData);
        }
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}

/// <summary>Created by the data-protection system from the type name stored with each key (hence the service-provider
/// constructor it looks for).</summary>
public sealed class KeyFileXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KeyFileXmlEncryptor.Decrypt(services.GetRequiredService<DataProtectionKeyFile>(), encryptedElement);
}
