using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Loyalty.Web.Infrastructure.Security;

public static class DataProtectionSetup
{
    /// <summary>Keys in the database, so every web server and the worker share them; encrypted there with the key file.</summary>
    public static void AddLoyaltyDataProtection(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment, bool commandLine)
    {
        services.AddDataProtection()
            .SetApplicationName("Loyalty")
            .PersistKeysToDbContext<LoyaltyDbContext>();
        if (DataProtectionKeyFile.Load(configuration, environment, commandLine) is { } keyFile)
        {
            services.AddSingleton(keyFile);
            services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new KeyFileXmlEncryptor(keyFile));
        }
    }
}
