using Loyalty.Domain.Cards;
using System.Text.Json;
using Loyalty.Domain.Customers;
using Loyalty.Domain.Staff;
using Loyalty.Web.Infrastructure.Auditing;

namespace Loyalty.Web.Features.Audit;

public static partial class AuditRecordTypes
{
    private static IEnumerable<AuditRecordType> Company() =>
    [
        new("Tenant", "Audit.Type.Tenant")
        {
            Subject = new(RecordKind.Tenant, NameField: "Name"),
            Fields = [("Code", AuditField.Text("Tenant.Code")), ("Name", AuditField.Text("Tenant.Name")),
                ("TimeZoneId", AuditField.Text("Tenant.TimeZone")), ("CreatedAt", AuditField.Instant("CreatedAt"))],
        },
        new("Store", "Audit.Type.Store")
        {
            Subject = new(RecordKind.Store, NameField: "Name"),
            Fields = [("Code", AuditField.Text("Store.Code")), ("Name", AuditField.Text("Store.Name")), ("IsActive", Active),
                ("CreatedAt", AuditField.Instant("CreatedAt")),
                ("ReceiptFormat", AuditField.Enum<Loyalty.Domain.Tenancy.ReceiptFormat>("Store.ReceiptFormat", "ReceiptFormat."))],
            SpecialAction = (values, action) => ActivationOf(values, action),
        },
        new("StaffUser", "Audit.Type.StaffUser")
        {
            Subject = new(RecordKind.User, NameField: "FullName"),
            Fields =
            [
                ("FullName", AuditField.Text("User.FullName")), ("Email", AuditField.Text("User.Email")),
                ("Role", AuditField.Enum<StaffRole>("User.Role", "Role.")), ("Culture", AuditField.Choice("User.Language", "Language.")),
                ("IsActive", AuditField.YesNo("User.IsActive")), ("CreatedAt", AuditField.Instant("CreatedAt")),
                ("SignInLockout", new AuditField("Audit.Field.SignInLockout", FieldFormat.ClientAddresses, Empty: "Audit.Field.NotLocked")),
                ("ClientAddress", AuditField.Text("Audit.Field.ClientAddress")), ("LockedUntil", AuditField.Instant("Audit.Field.LockedUntil")),
            ],
            // Identity's own columns (the login name is "company/e-mail"; the rest is unused here) say nothing to a reader.
            Hidden = new HashSet<string> { "UserName", "EmailConfirmed", "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "LockoutEnd" },
            SpecialAction = (values, action) => values.After.TryGetValue("SignInLockout", out var locked) && locked.ValueKind == JsonValueKind.Array
                ? locked.GetArrayLength() > 0 ? "Audit.Action.LockedOut" : "Audit.Action.Unlocked"
                : ActivationOf(values, action),
        },
        new("ApiKey", "Audit.Type.ApiKey")
        {
            Subject = new(RecordKind.ApiKey, NameField: "Name"),
            Fields =
            [
                ("Name", AuditField.Text("ApiKey.Name")), ("StoreId", AuditField.Ref("ApiKey.Store", RecordKind.Store, empty: "ApiKey.TenantKey")),
                ("DisplayPrefix", AuditField.Text("ApiKey.Prefix")), ("CreatedAt", AuditField.Instant("CreatedAt")),
                ("CreatedByUserId", AuditField.Ref("Audit.Field.CreatedBy", RecordKind.User)),
                ("RevokedAt", AuditField.Instant("Audit.Field.RevokedAt")), ("RevokedByUserId", AuditField.Ref("Audit.Field.RevokedBy", RecordKind.User)),
            ],
            SpecialAction = (values, action) => Filled(values, "RevokedAt") ? "Audit.Action.Revoked" : null,
        },
        new("ProgramSettings", "Audit.Type.ProgramSettings")
        {
            Fields =
            [
                ("PointsPerReal", AuditField.Rate("Settings.PointsPerReal")),
                ("MandatoryFields", AuditField.Flags<MandatoryFields>("Settings.MandatoryFields", "Mandatory.") with { Empty = "Audit.NoneRequired" }),
                ("MinimumTitularAge", AuditField.Number("Settings.MinimumTitularAge")),
                ("CardPrefix", AuditField.Text("Settings.CardPrefix")), ("CardLength", AuditField.Number("Settings.CardLength")),
                // Moves with every generated card: shown, so that a change never reads as empty.
                ("NextCardSequence", AuditField.Number("Audit.Field.NextCardSequence")),
                ("CardFlow", AuditField.Enum<CardFlow>("Settings.CardFlow", "CardFlow.")),
                ("CardValidityMonths", AuditField.Number("Settings.CardValidityMonths")),
                .. AntifraudFields("DefaultRules"),
            ],
        },
    ];
}
