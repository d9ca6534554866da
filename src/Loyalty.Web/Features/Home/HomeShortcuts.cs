using Loyalty.Domain.Staff;

namespace Loyalty.Web.Features.Home;

/// <summary>The home page's shortcuts by role: what each role opens most, in the order of its day. The menu and the
/// controllers' policies still decide what a role may open; a shortcut only points at a page the role's menu has.</summary>
public static class HomeShortcuts
{
    public sealed record Shortcut(string Id, string Href, string Icon, string LabelKey);

    private static readonly Shortcut Register = new("register-customer", "/clientes/novo", "bi-person-plus", "Nav.RegisterCustomer");
    private static readonly Shortcut NewPurchase = new("new-purchase", "/compras/nova", "bi-receipt", "Nav.NewPurchase");
    private static readonly Shortcut Redemption = new("redemption", "/resgates", "bi-gift", "Nav.Redemption");
    private static readonly Shortcut Customers = new("customers", "/clientes", "bi-people", "Nav.Customers");
    private static readonly Shortcut Purchases = new("purchases", "/compras", "bi-receipt", "Nav.Purchases");
    private static readonly Shortcut Blocks = new("blocks", "/bloqueios", "bi-slash-circle", "Nav.Blocks");
    private static readonly Shortcut PointsAudit = new("points-audit", "/auditoria-pontos", "bi-shield-check", "Nav.PointsAudit");
    private static readonly Shortcut Campaigns = new("campaigns", "/campanhas", "bi-megaphone", "Nav.Campaigns");
    private static readonly Shortcut Users = new("users", "/usuarios", "bi-person-badge", "Nav.Users");
    private static readonly Shortcut DailyClose = new("dailyclose", "/fechamento-diario", "bi-calendar-check", "Nav.DailyClose");
    private static readonly Shortcut Audit = new("audit", "/auditoria", "bi-journal-text", "Nav.Audit");
    private static readonly Shortcut Tenants = new("tenants", "/plataforma/empresas", "bi-buildings", "Nav.Tenants");
    private static readonly Shortcut Jobs = new("jobs", "/hangfire", "bi-gear-wide-connected", "Nav.Jobs");

    public static IReadOnlyList<Shortcut> For(StaffRole? role) => role switch
    {
        StaffRole.Cashier => [Register, NewPurchase, Redemption],
        StaffRole.StoreManager => [Register, Customers, Purchases, Redemption, Blocks, PointsAudit],
        StaffRole.TenantAdmin => [Customers, Purchases, PointsAudit, Campaigns, Users, DailyClose, Audit],
        StaffRole.PlatformAdmin => [Tenants, Jobs],
        _ => [],
    };
}
