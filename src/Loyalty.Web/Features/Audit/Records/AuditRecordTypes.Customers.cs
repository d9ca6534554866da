using Loyalty.Domain.Cards;
using Loyalty.Domain.Categories;
using Loyalty.Domain.Customers;
using Loyalty.Web.Infrastructure.Auditing;

namespace Loyalty.Web.Features.Audit;

public static partial class AuditRecordTypes
{
    private static IEnumerable<AuditRecordType> Customers() =>
    [
        new("CustomerCategory", "Audit.Type.CustomerCategory")
        {
            Subject = new(RecordKind.Category, NameField: "Name"),
            Fields =
            [
                ("Name", AuditField.Text("Category.Name")), ("Description", AuditField.Text("Category.Description")),
                ("Multiplier", AuditField.Rate("Category.Multiplier")),
                ("ValidityDays", AuditField.Days("Category.ValidityDays", empty: "Category.NeverExpires")),
                ("AuditParameter", AuditField.Enum<AuditParameter>("Category.AuditParameter", "AuditParameter.")),
                .. AntifraudFields("CustomRules"),
                ("IsActive", Active), ("IsDefault", AuditField.YesNo("Audit.Field.DefaultCategory")),
                ("CreatedAt", AuditField.Instant("CreatedAt")),
            ],
            SpecialAction = (values, action) => ActivationOf(values, action),
        },
        new("AgreementCompany", "Audit.Type.AgreementCompany")
        {
            Subject = new(RecordKind.AgreementCompany, NameField: "Name"),
            Fields =
            [
                ("Name", AuditField.Text("Agreement.Name")), ("Cnpj", AuditField.Document("Agreement.Cnpj")),
                ("NameOnEmbosserFile", AuditField.YesNo("Agreement.NameOnEmbosserFile")),
                ("IsActive", Active), ("CreatedAt", AuditField.Instant("CreatedAt")),
            ],
            SpecialAction = (values, action) => ActivationOf(values, action),
        },
        new("Customer", "Audit.Type.Customer")
        {
            Subject = new(RecordKind.Customer, NameField: "Name"),
            Fields =
            [
                ("PersonType", AuditField.Enum<PersonType>("Customer.PersonType", "PersonType.")),
                ("Document", AuditField.Document("Customer.Document")), ("Name", AuditField.Text("Customer.Name")),
                ("Gender", AuditField.Enum<Gender>("Customer.Gender", "Gender.")), ("BirthDate", AuditField.Date("Customer.BirthDate")),
                ("MotherName", AuditField.Text("Customer.MotherName")),
                ("CategoryId", AuditField.Ref("Customer.Category", RecordKind.Category)),
                ("TitularId", AuditField.Ref("Customer.Titular", RecordKind.Customer)),
                ("AgreementCompanyId", AuditField.Ref("Customer.AgreementCompany", RecordKind.AgreementCompany, empty: "Customer.AgreementNone")),
                ("RedeemScope", AuditField.Enum<RedeemScope>("Customer.RedeemScope", "RedeemScope.")),
                ("Address.Cep", AuditField.Text("Address.Cep")), ("Address.Street", AuditField.Text("Address.Street")),
                ("Address.Number", AuditField.Text("Address.Number")), ("Address.Complement", AuditField.Text("Address.Complement")),
                ("Address.Neighborhood", AuditField.Text("Address.Neighborhood")), ("Address.City", AuditField.Text("Address.City")),
                ("Address.Uf", AuditField.Text("Address.Uf")),
                ("MobilePhone", AuditField.Text("Customer.MobilePhone")), ("Email", AuditField.Text("Customer.Email")),
                .. CreditProfileFields(),
                ("Status", AuditField.Enum<CustomerStatus>("Status", "CustomerStatus.")),
                ("Origin", AuditField.Enum<RegistrationOrigin>("Audit.Field.RegistrationOrigin", "Origin.")),
                ("RegisteredAt", AuditField.Instant("CustomerProfile.RegisteredAt")),
                ("RegisteringStoreId", AuditField.Ref("Registration.Store", RecordKind.Store)),
                ("RegisteringUserId", AuditField.Ref("Audit.Field.RegisteredBy", RecordKind.User)),
            ],
            // The RFV class is the daily close's, written set-based outside the audited changes; its history is its own table.
            Hidden = new HashSet<string> { "RfvClass", "RfvDate" },
            SpecialAction = (values, action) => action == AuditAction.Updated && values.After.TryGetValue("Status", out var status)
                && status.TryGetInt32(out var value)
                    ? (CustomerStatus)value == CustomerStatus.Active ? "Audit.Action.Reactivated" : "Audit.Action.Inactivated"
                    : null,
        },
        new("Card", "Audit.Type.Card")
        {
            Subject = new(RecordKind.Card, NameField: "Number"),
            Fields =
            [
                ("CustomerId", AuditField.Ref("Purchases.Customer", RecordKind.Customer)), ("Number", AuditField.CardNumber("Customer.CardNumber")),
                ("Status", AuditField.Enum<CardStatus>("Status", "CardStatus.")), ("WasGenerated", AuditField.YesNo("Audit.Field.CardGenerated")),
                ("IssuedAt", AuditField.Instant("CustomerProfile.IssuedAt")), ("ExpiresOn", AuditField.Date("Cards.ExpiresOn")),
                ("ReplacesCardId", AuditField.Ref("Cards.Replaces", RecordKind.Card)),
                ("ReplacedByCardId", AuditField.Ref("Cards.ReplacedBy", RecordKind.Card)),
            ],
            // The batch is named by the embossing screens; the status change already says "plastic issued".
            Hidden = new HashSet<string> { "EmbossingBatchId" },
        },
        new("RedemptionBlock", "Audit.Type.RedemptionBlock")
        {
            Subject = new(RecordKind.RedemptionBlock, NameField: "CustomerId"),
            Fields =
            [
                ("CustomerId", AuditField.Ref("Purchases.Customer", RecordKind.Customer)), ("Reason", AuditField.Text("Blocks.Reason")),
                ("BlockedAt", AuditField.Instant("Blocks.BlockedAt")), ("BlockedByUserId", AuditField.Ref("Blocks.BlockedBy", RecordKind.User, empty: "Statement.System")),
                ("RemovedAt", AuditField.Instant("Blocks.RemovedAt")), ("RemovedByUserId", AuditField.Ref("Blocks.RemovedBy", RecordKind.User)),
            ],
            // The names typed at the time repeat the users above (or an API key's label): the user ids name them today.
            Hidden = new HashSet<string> { "BlockedBy", "RemovedBy" },
            SpecialAction = (values, action) => action == AuditAction.Created ? "Audit.Action.Blocked"
                : Filled(values, "RemovedAt") ? "Audit.Action.Unblocked" : null,
        },
        new("PointsAdjustment", "Audit.Type.PointsAdjustment")
        {
            Subject = new(RecordKind.Customer),
            Fields = [("Points", AuditField.Number("Adjustment.Points")), ("Reason", AuditField.Text("Adjustment.Reason"))],
        },
        new("PointsAudit", "Audit.Type.PointsAudit")
        {
            Subject = new(RecordKind.Purchase),
            Fields =
            [
                ("PointsStatus", AuditField.Choice("Audit.Field.PointsStatus", "Purchases.Status.")),
                ("AuditReasons", AuditField.Choice("PointsAudit.Reasons", "AuditReason.")),
                ("Reason", AuditField.Text("PointsAudit.RejectionReason")),
            ],
            SpecialAction = (values, _) => values.After.TryGetValue("PointsStatus", out var status)
                ? status.GetString() switch { "Credited" => "Audit.Action.Approved", "Rejected" => "Audit.Action.Rejected", _ => null }
                : null,
        },
    ];
}
