using Loyalty.Domain.Staff;
using Loyalty.Web.Features.ApiKeys;
using Loyalty.Web.Features.Stores;
using Loyalty.Web.Features.Tenants;
using Loyalty.Web.Features.Users;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Testing;

/// <summary>Builds tenants, stores, users and keys through the same handlers the screens use.</summary>
public static class TestData
{
    public const string Password = "Test@12345x";

    public sealed record TestTenant(Guid Id, string Code, string AdminEmail);

    public static async Task<TestTenant> CreateTenantAsync(this LoyaltyAppFactory app, string code)
    {
        await using var scope = app.PlatformScope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateTenant.Handler>().HandleAsync(new CreateTenant.Command
        {
            Code = code, Name = $"Rede {code}", AdminName = $"Admin {code}", AdminEmail = $"admin@{code}.test", AdminPassword = Password,
        }, CancellationToken.None);
        Check(result.Succeeded, result.Errors);
        return new TestTenant(result.Value, code, $"admin@{code}.test");
    }

    public static async Task<Guid> CreateStoreAsync(this LoyaltyAppFactory app, Guid tenantId, string code)
    {
        await using var scope = app.TenantScope(tenantId);
        var result = await scope.ServiceProvider.GetRequiredService<CreateStore.Handler>()
            .HandleAsync(new CreateStore.Command { Code = code, Name = $"Loja {code}" }, CancellationToken.None);
        Check(result.Succeeded, result.Errors);
        return result.Value;
    }

    public static async Task<string> CreateUserAsync(this LoyaltyAppFactory app, Guid tenantId, StaffRole role, params Guid[] storeIds)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..24] + "@test.local";
        await using var scope = app.TenantScope(tenantId);
        var result = await scope.ServiceProvider.GetRequiredService<CreateUser.Handler>().HandleAsync(new CreateUser.Command
        {
            FullName = $"{role} user", Email = email, Role = role, StoreIds = [.. storeIds], Password = Password,
        }, CancellationToken.None);
        Check(result.Succeeded, result.Errors);
        return email;
    }

    /// <summary>A PlatformAdmin: no tenant, and the e-mail alone is the login name.</summary>
    public static async Task<string> CreatePlatformAdminAsync(this LoyaltyAppFactory app)
    {
        var email = $"platform-{Guid.NewGuid():N}"[..20] + "@test.local";
        await using var scope = app.PlatformScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var result = await users.CreateAsync(new StaffUser
        {
            TenantId = null, UserName = email, Email = email, FullName = "Platform admin", Role = StaffRole.PlatformAdmin,
            CreatedAt = DateTimeOffset.UtcNow,
        }, Password);
        Check(result.Succeeded, result.Errors.Select(e => new Loyalty.Web.Features.Shared.FieldError(e.Code, e.Description)));
        return email;
    }

    public static async Task<string> CreateApiKeyAsync(this LoyaltyAppFactory app, Guid tenantId, Guid? storeId, string name = "test key")
    {
        await using var scope = app.TenantScope(tenantId);
        var result = await scope.ServiceProvider.GetRequiredService<CreateApiKey.Handler>()
            .HandleAsync(new CreateApiKey.Command { Name = name, StoreId = storeId }, null, CancellationToken.None);
        Check(result.Succeeded, result.Errors);
        return result.Value!.Secret;
    }

    public static async Task<T> InTenantAsync<T>(this LoyaltyAppFactory app, Guid tenantId, Func<LoyaltyDbContext, Task<T>> query)
    {
        await using var scope = app.TenantScope(tenantId);
        return await query(scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>());
    }

    public static Task<Guid> UserIdAsync(this LoyaltyAppFactory app, Guid tenantId, string email) =>
        app.InTenantAsync(tenantId, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static void Check(bool succeeded, IEnumerable<Loyalty.Web.Features.Shared.FieldError> errors)
    {
        if (!succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
        }
    }
}
