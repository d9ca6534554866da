using Loyalty.Domain.Staff;
using Microsoft.AspNetCore.Authorization;

namespace Loyalty.Web.Infrastructure.Identity;

/// <summary>The authorisation policies of the back-office, named for what they guard. Controllers use these names only.</summary>
public static class StaffPolicies
{
    public const string Platform = nameof(Platform);
    public const string TenantAdministration = nameof(TenantAdministration);
    public const string StoreOperations = nameof(StoreOperations);
    public const string TenantStaff = nameof(TenantStaff);
    public const string StoreStaff = nameof(StoreStaff);
    public const string AuditLog = nameof(AuditLog);

    /// <summary>Look customers up, see and edit their profile: the people at the counter and their managers.</summary>
    public const string CustomerDesk = nameof(CustomerDesk);

    /// <summary>Inactivate and reactivate customers.</summary>
    public const string CustomerManagement = nameof(CustomerManagement);

    /// <summary>Block customers for redemption and remove blocks (SPEC §4).</summary>
    public const string RedemptionBlocks = nameof(RedemptionBlocks);

    /// <summary>The points audit queue: TenantAdmins, and store managers for their stores' purchases.</summary>
    public const string PointsAudit = nameof(PointsAudit);

    /// <summary>Embossing batches and their receipt (SPEC §8): card operators, and TenantAdmins who do everything.</summary>
    public const string Embossing = nameof(Embossing);
    /// <summary>Credit analysis (SPEC §8): credit analysts and TenantAdmins.</summary>
    public const string CreditAnalysis = nameof(CreditAnalysis);
    /// <summary>A card's screen, PIN, block, unblock, cancel and reissue, and the expiry lists (SPEC §8).</summary>
    public const string CardMaintenance = nameof(CardMaintenance);

    /// <summary>The card movement log (SPEC §9): TenantAdmins, and store managers for their stores.</summary>
    public const string CardMovements = nameof(CardMovements);

    public static void Register(AuthorizationOptions options)
    {
        options.AddPolicy(CreditAnalysis, p => p.RequireTenant()
            .RequireRole(nameof(StaffRole.TenantAdmin), nameof(StaffRole.CreditAnalyst)));
        options.AddPolicy(Platform, p => p.RequireRole(nameof(StaffRole.PlatformAdmin)));
        options.AddPolicy(TenantAdministration, p => p.RequireTenant().RequireRole(nameof(StaffRole.TenantAdmin)));
        options.AddPolicy(StoreOperations, p => p.RequireTenant()
            .RequireRole(nameof(StaffRole.TenantAdmin), nameof(StaffRole.StoreManager)));
        options.AddPolicy(TenantStaff, p => p.RequireTenant());
        options.AddPolicy(StoreStaff, p => p.RequireTenant().RequireRole(
            nameof(StaffRole.TenantAdmin), nameof(StaffRole.StoreManager), nameof(StaffRole.Cashier)));
        options.AddPolicy(AuditLog, p => p.RequireTenant().RequireRole(nameof(StaffRole.TenantAdmin)));
        options.AddPolicy(CustomerDesk, p => p.RequireTenant().RequireRole(
            nameof(StaffRole.TenantAdmin), nameof(StaffRole.StoreManager), nameof(StaffRole.Cashier)));
        options.AddPolicy(CustomerManagement, p => p.RequireTenant()
            .RequireRole(nameof(StaffRole.TenantAdmin), nameof(StaffRole.StoreManager)));
        options.AddPolicy(RedemptionBlocks, p => p.RequireTenant()
            .RequireRole(nameof(StaffRole.TenantAdmin), nameof(StaffRole.StoreManager)));
        options.AddPolicy(PointsAudit, p => p.RequireTenant()
            .RequireRole(nameof(StaffRole.TenantAdmin), nameof(StaffRole.StoreManager)));
        options.AddPolicy(Embossing, p => p.RequireTenant()
            .RequireRole(nameof(StaffRole.TenantAdmin), nameof(StaffRole.CardOperator)));
        options.AddPolicy(CardMaintenance, p => p.RequireTenant()
            .RequireRole(nameof(StaffRole.TenantAdmin), nameof(StaffRole.CardOperator)));
        options.AddPolicy(CardMovements, p => p.RequireTenant()
            .RequireRole(nameof(StaffRole.TenantAdmin), nameof(StaffRole.StoreManager)));
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }

    private static AuthorizationPolicyBuilder RequireTenant(this AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().RequireClaim(Tenancy.TenantClaims.TenantId);
}
