namespace Loyalty.Domain.Staff;

/// <summary>The people who sign in (SPEC §1). Each staff user holds exactly one role.</summary>
public enum StaffRole
{
    PlatformAdmin = 1,
    TenantAdmin = 2,
    StoreManager = 3,
    Cashier = 4,
    CreditAnalyst = 5,
    CardOperator = 6,
}

public static class StaffRoles
{
    /// <summary>Roles whose reach is limited to the stores assigned to the user.</summary>
    public static bool IsStoreScoped(this StaffRole role) => role is StaffRole.StoreManager or StaffRole.Cashier;

    /// <summary>Roles a TenantAdmin may give to the users of the tenant (PlatformAdmin is not a tenant role).</summary>
    public static IReadOnlyList<StaffRole> TenantRoles { get; } =
        [StaffRole.TenantAdmin, StaffRole.StoreManager, StaffRole.Cashier, StaffRole.CreditAnalyst, StaffRole.CardOperator];
}
