using Loyalty.Domain.Campaigns;
using Loyalty.Web.Infrastructure.Auditing;

namespace Loyalty.Web.Features.Audit;

public static partial class AuditRecordTypes
{
    /// <summary>A rule row of a campaign is named by its campaign (a new row's log entry is filed under it too).</summary>
    private static readonly AuditSubject OfCampaign = new(RecordKind.Campaign, IdField: "CampaignId");

    private static readonly HashSet<string> CampaignKey = ["CampaignId"];

    private static IEnumerable<AuditRecordType> Campaigns() =>
    [
        new("CampaignType", "Audit.Type.CampaignType")
        {
            Subject = new(RecordKind.CampaignType, NameField: "Name"),
            Fields = [("Name", AuditField.Text("CampaignType.Name"))],
        },
        new("Campaign", "Audit.Type.Campaign")
        {
            Subject = new(RecordKind.Campaign, NameField: "Description"),
            Fields =
            [
                ("Description", AuditField.Text("Campaign.Description")), ("StartDate", AuditField.Date("Campaign.StartDate")),
                ("EndDate", AuditField.Date("Campaign.EndDate")), ("TypeId", AuditField.Ref("Campaign.Type", RecordKind.CampaignType)),
                ("Situation", AuditField.Enum<CampaignSituation>("Campaign.Situation", "CampaignSituation.")),
                ("Classification", AuditField.Enum<CampaignClassification>("Campaign.Classification", "CampaignClassification.")),
                ("CategoryIds", AuditField.Refs("Campaign.Categories", RecordKind.Category, empty: "Campaign.AllCategories")),
                ("Observation", AuditField.Text("Campaign.Observation")),
                ("ForecastSales", AuditField.Money("Campaign.ForecastSales")), ("ForecastProfit", AuditField.Money("Campaign.ForecastProfit")),
                ("ForecastCustomers", AuditField.Number("Campaign.ForecastCustomers")), ("CreatedAt", AuditField.Instant("CreatedAt")),
            ],
        },
        new("CampaignStore", "Audit.Type.CampaignStore")
        {
            Subject = OfCampaign,
            Fields =
            [
                ("StoreId", AuditField.Ref("Campaign.Store", RecordKind.Store)),
                ("StartDate", AuditField.Date("Campaign.StartDate")), ("EndDate", AuditField.Date("Campaign.EndDate")),
                ("StartTime", AuditField.Time("Campaign.StartTime")), ("EndTime", AuditField.Time("Campaign.EndTime")),
                ("SharePercent", AuditField.Percent("Campaign.SharePercent")),
                ("ForecastSales", AuditField.Money("Campaign.ForecastSales")), ("ForecastProfit", AuditField.Money("Campaign.ForecastProfit")),
                ("ForecastCustomers", AuditField.Number("Campaign.ForecastCustomers")),
            ],
            Hidden = CampaignKey,
        },
        new("Concession", "Audit.Type.Concession")
        {
            Subject = OfCampaign,
            Fields =
            [
                ("StoreId", AuditField.Ref("Campaign.Store", RecordKind.Store)),
                ("DepartmentId", AuditField.Ref("Product.Department", RecordKind.Department)),
                ("SectionId", AuditField.Ref("Product.Section", RecordKind.Section, empty: "Product.NoSection")),
                ("PointsPerReal", AuditField.Rate("Campaign.PointsPerReal")),
            ],
            Hidden = CampaignKey,
        },
        new("Prize", "Audit.Type.Prize")
        {
            Subject = new(RecordKind.Prize, NameField: "ProductId"),
            Fields =
            [
                ("CampaignId", AuditField.Ref("Audit.Type.Campaign", RecordKind.Campaign)),
                ("ProductId", AuditField.Ref("Campaign.Product", RecordKind.Product)),
                ("PointsRequired", AuditField.Number("Campaign.PointsRequired")),
                ("Stock", AuditField.Number("Campaign.Stock") with { Empty = "Audit.NoLimit" }),
            ],
        },
        new("ThresholdAward", "Audit.Type.ThresholdAward")
        {
            Subject = OfCampaign,
            Fields =
            [
                ("StartDate", AuditField.Date("Campaign.StartDate")), ("EndDate", AuditField.Date("Campaign.EndDate")),
                ("ThresholdPoints", AuditField.Number("Campaign.ThresholdPoints")), ("ExtraPoints", AuditField.Number("Campaign.ExtraPoints")),
            ],
            Hidden = CampaignKey,
        },
        new("ProductPoints", "Audit.Type.ProductPoints")
        {
            Subject = OfCampaign,
            Fields = [("ProductId", AuditField.Ref("Campaign.Product", RecordKind.Product)), ("PointsPerUnit", AuditField.Rate("Campaign.PointsPerUnit"))],
            Hidden = CampaignKey,
        },
        new("StoreBonus", "Audit.Type.StoreBonus")
        {
            Subject = OfCampaign,
            Fields = [("StoreId", AuditField.Ref("Campaign.Store", RecordKind.Store)), ("ExtraPoints", AuditField.Number("Campaign.ExtraPoints"))],
            Hidden = CampaignKey,
        },
        new("FrequencyBonus", "Audit.Type.FrequencyBonus")
        {
            Subject = OfCampaign,
            Fields =
            [
                ("PurchasesRequired", AuditField.Number("Campaign.Purchases")), ("MinimumAmount", AuditField.Money("Audit.Field.MinimumAmount")),
                ("WindowDays", AuditField.Days("Campaign.WindowDays", empty: "Campaign.WholePeriod")),
                ("BonusPoints", AuditField.Number("Campaign.BonusPoints")),
            ],
            Hidden = CampaignKey,
        },
        new("ProductDiscount", "Audit.Type.ProductDiscount")
        {
            Subject = OfCampaign,
            Fields =
            [
                ("ProductId", AuditField.Ref("Campaign.Product", RecordKind.Product)),
                ("StoreId", AuditField.Ref("Campaign.Store", RecordKind.Store, empty: "Campaign.AllStores")),
                ("Percent", AuditField.Percent("Campaign.DiscountPercent")),
            ],
            Hidden = CampaignKey,
        },
        new("GiftRule", "Audit.Type.GiftRule")
        {
            Subject = OfCampaign,
            Fields =
            [
                ("ProductId", AuditField.Ref("Campaign.ProductBought", RecordKind.Product)),
                ("QuantityPerGift", AuditField.Rate("Campaign.QuantityPerGift")),
                ("GiftProductId", AuditField.Ref("Campaign.GiftProduct", RecordKind.Product)),
                ("GiftQuantity", AuditField.Number("Campaign.GiftQuantity")),
            ],
            Hidden = CampaignKey,
        },
        new("GiftVoucher", "Audit.Type.GiftVoucher")
        {
            Subject = new(RecordKind.GiftVoucher, NameField: "CustomerId"),
            Fields =
            [
                ("CampaignId", AuditField.Ref("Audit.Type.Campaign", RecordKind.Campaign)),
                ("CustomerId", AuditField.Ref("Purchases.Customer", RecordKind.Customer)),
                ("PurchaseId", AuditField.Ref("Audit.Field.Purchase", RecordKind.Purchase)),
                ("GiftProductId", AuditField.Ref("Campaign.GiftProduct", RecordKind.Product)),
                ("Quantity", AuditField.Number("Campaign.GiftQuantity")), ("IssuedAt", AuditField.Instant("Counter.IssuedAt")),
                ("DeliveredAt", AuditField.Instant("Audit.Field.DeliveredAt")), ("DeliveredBy", AuditField.Text("Audit.Field.DeliveredBy")),
                ("DeliveredStoreId", AuditField.Ref("Audit.Field.DeliveredStore", RecordKind.Store)),
                ("VoidedAt", AuditField.Instant("Audit.Field.VoidedAt")),
            ],
            // The rule that issued it and the account it counts for follow from the campaign and the customer shown.
            // The delivery's number is on its receipt; the change already reads as "delivered" with when and by whom.
            Hidden = new HashSet<string> { "GiftRuleId", "AccountId", "DeliveryNumber" },
            SpecialAction = (values, _) => Filled(values, "DeliveredAt") ? "Audit.Action.Delivered"
                : Filled(values, "VoidedAt") ? "Audit.Action.Voided" : null,
        },
        new("Redemption", "Audit.Type.Redemption")
        {
            Subject = new(RecordKind.Redemption, NameField: "CustomerId"),
            Fields =
            [
                ("CampaignId", AuditField.Ref("Audit.Type.Campaign", RecordKind.Campaign)),
                ("CustomerId", AuditField.Ref("Purchases.Customer", RecordKind.Customer)),
                ("CardNumber", AuditField.CardNumber("Counter.Card")), ("StoreId", AuditField.Ref("Counter.Store", RecordKind.Store)),
                ("TotalPoints", AuditField.Number("Counter.Total")), ("RedeemedAt", AuditField.Instant("Audit.Field.RedeemedAt")),
                ("RedeemedBy", AuditField.Text("Receipt.Operator")),
                ("CancelledAt", AuditField.Instant("Audit.Field.CancelledAt")), ("CancelledBy", AuditField.Text("Audit.Field.CancelledBy")),
                ("CancellationReason", AuditField.Text("Counter.CancelReason")), ("Number", AuditField.Number("Counter.RedemptionNumber")),
            ],
            // The cancellation's number is on its receipt; the change already reads as a cancellation with when and by whom.
            Hidden = new HashSet<string> { "AccountId", "CancellationNumber" },
            SpecialAction = (values, _) => Filled(values, "CancelledAt") ? "Audit.Action.Cancelled" : null,
        },
    ];
}
