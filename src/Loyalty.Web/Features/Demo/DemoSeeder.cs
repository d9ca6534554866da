using Loyalty.Domain.Staff;
using Loyalty.Domain.Tenancy;
using Loyalty.Web.Features.Tenants;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Demo;

/// <summary>
/// Creates or refreshes the demo tenant `demo`: two stores, one user per role (and a PlatformAdmin), all with the
/// demo password, unlocked and active; and the "loyalty and credit" tenant `credito` (<see cref="DemoCreditTenant"/>). Running it again puts the demo back in that state without duplicating anything.
/// </summary>
public sealed class DemoSeeder(TenantScopes scopes, TimeProvider clock)
{
    public const string TenantCode = "demo";
    public const string Password = "Demo@2026!";

    public sealed record Login(StaffRole Role, string TenantCode, string Email, string Password);

    private static readonly (string Code, string Name)[] Stores = [("LJ01", "Loja Centro"), ("LJ02", "Posto Rodovia")];

    private static readonly (StaffRole Role, string Email, string Name, string? Store)[] Staff =
    [
        (StaffRole.TenantAdmin, "admin@demo.local", "Ana Administradora", null),
        (StaffRole.StoreManager, "gerente@demo.local", "Gustavo Gerente", "LJ01"),
        (StaffRole.Cashier, "caixa@demo.local", "Carla Caixa", "LJ01"),
        (StaffRole.CreditAnalyst, "credito@demo.local", "Cláudio Crédito", null),
        (StaffRole.CardOperator, "cartoes@demo.local", "Camila Cartões", null),
    ];

    public const string PlatformEmail = "plataforma@loyalty.local";

    public async Task<IReadOnlyList<Login>> SeedAsync(CancellationToken cancellationToken)
    {
        var tenantId = await EnsureTenantAsync(cancellationToken);
        await using (var scope = scopes.For(tenantId))
        {
            scope.ServiceProvider.GetRequiredService<AuditActor>().UseSystemActor("cli:seed-demo");
            var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var storeIds = await EnsureStoresAsync(db, cancellationToken);
            foreach (var (role, email, name, store) in Staff)
            {
                await EnsureUserAsync(users, tenantId, role, email, name, store is null ? [] : [storeIds[store]]);
            }
            var adminId = (await users.FindByNameAsync(StaffUser.LoginName(TenantCode, Staff[0].Email)))?.Id;
            await DemoCustomers.SeedAsync(scope.ServiceProvider, storeIds["LJ01"], adminId, clock.GetUtcNow(), cancellationToken);
            await DemoCatalog.SeedAsync(scope.ServiceProvider, clock.GetUtcNow(), cancellationToken);
            await DemoPurchases.SeedAsync(scope.ServiceProvider, storeIds, clock.GetUtcNow(), cancellationToken);
            await DemoCampaigns.SeedAsync(scope.ServiceProvider, storeIds, clock.GetUtcNow(), cancellationToken);
            await DemoHistory.SeedAsync(scope.ServiceProvider, storeIds, clock.GetUtcNow(), cancellationToken);
            await DemoRedemptions.SeedAsync(scope.ServiceProvider, storeIds, cancellationToken);
        }
        var credit = await new DemoCreditTenant(this, scopes, clock).SeedAsync(cancellationToken);
        await using (var platform = scopes.Platform())
        {
            var users = platform.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await EnsureUserAsync(users, null, StaffRole.PlatformAdmin, PlatformEmail, "Paula Plataforma", []);
        }
        return
        [
            .. Staff.Select(s => new Login(s.Role, TenantCode, s.Email, Password)),
            .. credit,
            new Login(StaffRole.PlatformAdmin, "(vazio)", PlatformEmail, Password),
        ];
    }

    private Task<Guid> EnsureTenantAsync(CancellationToken cancellationToken) =>
        EnsureTenantAsync(TenantCode, "Rede Demonstração", Staff[0].Name, Staff[0].Email, cancellationToken);

    internal async Task<Guid> EnsureTenantAsync(string code, string name, string adminName, string adminEmail, CancellationToken cancellationToken)
    {
        await using (var platform = scopes.Platform())
        {
            var db = platform.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
            var existing = await db.Tenants.Where(t => t.Code == code).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(cancellationToken);
            if (existing is { } id)
            {
                return id;
            }
        }
        await using var scope = scopes.Platform();
        scope.ServiceProvider.GetRequiredService<AuditActor>().UseSystemActor("cli:seed-demo");
        var result = await scope.ServiceProvider.GetRequiredService<CreateTenant.Handler>().HandleAsync(new CreateTenant.Command
        {
            Code = code,
            Name = name,
            AdminName = adminName,
            AdminEmail = adminEmail,
            AdminPassword = Password,
        }, cancellationToken);
        return result.Succeeded
            ? result.Value
            : throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    private Task<Dictionary<string, Guid>> EnsureStoresAsync(LoyaltyDbContext db, CancellationToken cancellationToken) =>
        EnsureStoresAsync(db, Stores, cancellationToken);

    internal async Task<Dictionary<string, Guid>> EnsureStoresAsync(LoyaltyDbContext db, IEnumerable<(string Code, string Name)> stores,
        CancellationToken cancellationToken)
    {
        var existing = await db.Stores.ToDictionaryAsync(s => s.Code, cancellationToken);
        foreach (var (code, name) in stores)
        {
            if (existing.TryGetValue(code, out var store))
            {
                if (!store.IsActive)
                {
                    store.Reactivate();
                }
            }
            else
            {
                existing[code] = db.Stores.Add(Store.Create(code, name, clock.GetUtcNow())).Entity;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return existing.ToDictionary(s => s.Key, s => s.Value.Id);
    }

    private Task EnsureUserAsync(UserManager<StaffUser> users, Guid? tenantId, StaffRole role, string email, string name, List<Guid> stores) =>
        EnsureUserAsync(users, tenantId is null ? null : TenantCode, tenantId, role, email, name, stores);

    internal async Task EnsureUserAsync(UserManager<StaffUser> users, string? tenantCode, Guid? tenantId, StaffRole role, string email,
        string name, List<Guid> stores)
    {
        var userName = StaffUser.LoginName(tenantCode, email);
        var normalized = users.NormalizeName(userName);
        // Store links are tenant rows: a PlatformAdmin (no tenant) has none and must not even ask for them.
        var query = tenantId is null ? users.Users : users.Users.Include(u => u.Stores);
        var user = await query.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized);
        if (user is null)
        {
            user = new StaffUser
            {
                TenantId = tenantId, UserName = userName, Email = email, FullName = name, Role = role, CreatedAt = clock.GetUtcNow(),
                Stores = [.. stores.Select(id => new StaffUserStore { StoreId = id })],
            };
            Check(await users.CreateAsync(user, Password));
            return;
        }
        user.Role = role;
        user.IsActive = true;
        user.Stores.RemoveAll(s => !stores.Contains(s.StoreId));
        user.Stores.AddRange(stores.Where(id => user.Stores.All(s => s.StoreId != id)).Select(id => new StaffUserStore { StoreId = id }));
        Check(await users.UpdateAsync(user));
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, Password));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
