using Loyalty.Domain.Categories;
using Loyalty.Web.Infrastructure.Auditing;

namespace Loyalty.Web.Features.Audit;

/// <summary>
/// Every record type the audit log holds, each declared in the file of its area (<c>AuditRecordTypes.*.cs</c>). A new
/// audited entity gets its entry there; <c>AuditRecordTypesTests</c> fails while one is missing or a field is neither
/// labelled nor hidden.
/// </summary>
public static partial class AuditRecordTypes
{
    /// <summary>Keys, tenancy, concurrency tokens, hashes and normalised copies: machine bookkeeping on every type.</summary>
    public static readonly IReadOnlySet<string> AlwaysHidden = new HashSet<string>(StringComparer.Ordinal)
    {
        "Id", "TenantId", "ConcurrencyStamp", "SecurityStamp", "PasswordHash", "SecretHash", "PinHash", "PinSalt", "PinIterations", "RowVersion",
        "NormalizedUserName", "NormalizedEmail", "AccessFailedCount", "RequestKey", "SearchName",
        // Derived by the database from the titular (which account earns); the titular itself is shown.
        "AccountHolderId", "LastDigits",
    };

    /// <summary>How an entry of a type nobody declared reads: a neutral name, never the class name.</summary>
    public static readonly AuditRecordType Unknown = new(string.Empty, "Audit.Type.Unknown");

    public static IReadOnlyList<AuditRecordType> All { get; } =
        [.. Company(), .. Customers(), .. Catalog(), .. Campaigns(), .. Embossing(), .. Credit(), .. CardMaintenance()];

    private static readonly Dictionary<string, AuditRecordType> ByName = All.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static AuditRecordType Find(string entityType) => ByName.GetValueOrDefault(entityType) ?? Unknown;

    public static bool IsDeclared(string entityType) => ByName.ContainsKey(entityType);

    /// <summary>The antifraud rule set as its form labels it, under the prefix its value object is stored with.</summary>
    private static IEnumerable<(string, AuditField)> AntifraudFields(string prefix) =>
    [
        ($"{prefix}.{nameof(AntifraudRules.MaxPurchasesPerCardPerDay)}", Limit(AuditField.Number("Antifraud.MaxPurchasesPerCardPerDay"))),
        ($"{prefix}.{nameof(AntifraudRules.MaxPurchasesPerCardPerStorePerDay)}", Limit(AuditField.Number("Antifraud.MaxPurchasesPerCardPerStorePerDay"))),
        ($"{prefix}.{nameof(AntifraudRules.MinMinutesBetweenPurchases)}", Limit(AuditField.Number("Antifraud.MinMinutesBetweenPurchases"))),
        ($"{prefix}.{nameof(AntifraudRules.MaxPurchaseAmount)}", Limit(AuditField.Money("Audit.Field.MaxPurchaseAmount"))),
        ($"{prefix}.{nameof(AntifraudRules.MaxPointsPerPurchase)}", Limit(AuditField.Number("Antifraud.MaxPointsPerPurchase"))),
        ($"{prefix}.{nameof(AntifraudRules.MaxPointsPerCardPerDay)}", Limit(AuditField.Number("Antifraud.MaxPointsPerCardPerDay"))),
    ];

    private static AuditField Limit(AuditField field) => field with { Empty = "Audit.NoLimit" };

    private static AuditField Active => AuditField.YesNo("Active");

    /// <summary>"Inativação"/"Reativação" for a change that only flips whether the record is in use.</summary>
    private static string? ActivationOf(AuditValues values, AuditAction action, string field = "IsActive") =>
        action == AuditAction.Updated && values.After.TryGetValue(field, out var active) && active.ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False
            ? active.GetBoolean() ? "Audit.Action.Reactivated" : "Audit.Action.Inactivated"
            : null;

    /// <summary>Set when the change filled in the instant <paramref name="field"/> (a revocation, a delivery).</summary>
    private static bool Filled(AuditValues values, string field) =>
        values.After.TryGetValue(field, out var value) && value.ValueKind != System.Text.Json.JsonValueKind.Null
        && (!values.Before.TryGetValue(field, out var before) || before.ValueKind == System.Text.Json.JsonValueKind.Null);
}
