using Loyalty.Domain.Cards;
using Loyalty.Web.Infrastructure.Auditing;

namespace Loyalty.Web.Features.Audit;

public static partial class AuditRecordTypes
{
    private static IEnumerable<AuditRecordType> CardMaintenance() =>
    [
        new("CardReason", "Audit.Type.CardReason")
        {
            Subject = new(RecordKind.CardReason, NameField: "Description"),
            Fields =
            [
                ("Description", AuditField.Text("CardReason.Description")),
                ("Operations", AuditField.Flags<CardOperations>("CardReason.Operations", "CardOperation.")),
                ("IsActive", Active), ("CreatedAt", AuditField.Instant("CreatedAt")),
            ],
            SpecialAction = (values, action) => ActivationOf(values, action),
        },
        // The PIN itself never reaches the log (hash and salt are never copied): a change reads "PIN alterado" and when.
        new("CardPin", "Audit.Type.CardPin")
        {
            Subject = new(RecordKind.Card),
            Fields =
            [
                ("CardId", AuditField.Ref("Audit.Type.Card", RecordKind.Card)),
                ("ChangedAt", AuditField.Instant("CardPin.ChangedAt")),
                ("WrongTries", AuditField.Number("CardPin.WrongTries")),
                ("LockedAt", AuditField.Instant("CardPin.LockedAt")),
            ],
            SpecialAction = (values, action) => action == AuditAction.Created ? "Audit.Action.PinSet"
                : Filled(values, "LockedAt") ? "Audit.Action.PinLocked"
                : values.After.ContainsKey("ChangedAt") ? "Audit.Action.PinChanged" : null,
        },
    ];
}
