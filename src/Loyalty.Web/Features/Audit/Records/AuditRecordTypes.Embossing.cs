using Loyalty.Domain.Cards.Embossing;
using Loyalty.Web.Infrastructure.Auditing;

namespace Loyalty.Web.Features.Audit;

public static partial class AuditRecordTypes
{
    private static IEnumerable<AuditRecordType> Embossing() =>
    [
        new("EmbossingBatch", "Audit.Type.EmbossingBatch")
        {
            Subject = new(RecordKind.EmbossingBatch),
            Fields =
            [
                ("Number", AuditField.Number("Audit.Field.BatchNumber")),
                ("Status", AuditField.Choice("Status", "Embossing.BatchStatus.")),
                ("GeneratedAt", AuditField.Instant("Embossing.GeneratedAt")), ("GeneratedByName", AuditField.Text("Embossing.GeneratedBy")),
                ("CardCount", AuditField.Number("Embossing.Cards")), ("ExpectedReturnOn", AuditField.Date("Embossing.ExpectedReturn")),
                ("FileName", AuditField.Text("Embossing.File")), ("FileSize", AuditField.Number("Audit.Field.FileSize")),
                ("DeliveredAt", AuditField.Instant("Embossing.DeliveredAt")), ("DeliveredByName", AuditField.Text("Audit.Field.DeliveredBy")),
                ("DownloadCount", AuditField.Number("Audit.Field.DownloadCount")),
                ("LastDownloadedAt", AuditField.Instant("Audit.Field.LastDownloadedAt")),
                ("LastDownloadedByName", AuditField.Text("Audit.Field.LastDownloadedBy")),
            ],
            // The request key is the job's idempotency key; who asked is GeneratedByName.
            Hidden = new HashSet<string> { "RequestKey", "GeneratedByUserId", "DeliveredByUserId" },
            SpecialAction = (values, action) => action != AuditAction.Updated ? null
                : Filled(values, "DeliveredAt") ? "Audit.Action.ReceiptConfirmed"
                : values.After.ContainsKey("DownloadCount") ? "Audit.Action.Downloaded" : null,
        },
        new("EmbossingBatchCard", "Audit.Type.EmbossingBatchCard")
        {
            Subject = new(RecordKind.EmbossingBatch, IdField: "BatchId"),
            Fields =
            [
                ("CardId", AuditField.Ref("Embossing.Card", RecordKind.Card)), ("Line", AuditField.Number("Embossing.Line")),
                ("CheckedAt", AuditField.Instant("Audit.Field.CheckedAt")), ("CheckedByName", AuditField.Text("Audit.Field.CheckedBy")),
            ],
            Hidden = new HashSet<string> { "BatchId" },
            SpecialAction = (values, action) => Filled(values, "CheckedAt") ? "Audit.Action.Checked" : null,
        },
    ];
}
