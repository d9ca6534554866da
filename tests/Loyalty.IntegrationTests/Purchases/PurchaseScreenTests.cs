using System.Globalization;
using System.Net;
using Loyalty.Domain.Catalog;
using Loyalty.Domain.Purchases;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Customers;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Purchases;

/// <summary>"Compras": querying the stores' purchases, one purchase's detail, and a purchase typed by hand.</summary>
public sealed class PurchaseScreenTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    private LoyaltyAppFactory App => fixture.App;
    private TestData.TestTenant _tenant = default!;
    private Guid _north;
    private Guid _south;
    private Pos _northPos = default!;
    private Pos _southPos = default!;
    private NewCustomers.Registered _ana = default!;
    private NewCustomers.Registered _bruno = default!;
    private readonly DateTimeOffset _threeDaysAgo = DateTimeOffset.UtcNow.AddDays(-3);

    public async Task InitializeAsync()
    {
        _tenant = await App.CreateTenantAsync($"pu{Guid.NewGuid():N}"[..10]);
        _north = await App.CreateStoreAsync(_tenant.Id, "N01");
        _south = await App.CreateStoreAsync(_tenant.Id, "S01");
        _northPos = new Pos(App, await App.CreateApiKeyAsync(_tenant.Id, _north));
        _southPos = new Pos(App, await App.CreateApiKeyAsync(_tenant.Id, _south));
        _ana = await App.AddCustomerAsync(_tenant.Id, "Ana Compradora");
        _bruno = await App.AddCustomerAsync(_tenant.Id, "Bruno Vizinho");
        await using var scope = App.TenantScope(_tenant.Id);
        scope.ServiceProvider.GetRequiredService<AuditActor>().UseSystemActor("test");
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        db.Products.Add(Product.Create("GAS-C", "Gasolina comum", null, null, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Query_Should_Filter_By_Customer_Product_Period_Store_And_Coupon()
    {
        await PostAsync(_northPos, _ana.CardNumber, "X1", 30m, "GAS-C", _threeDaysAgo);
        await PostAsync(_southPos, _ana.CardNumber, "X2", 40m, "7891000100103", DateTimeOffset.UtcNow.AddDays(-1));
        await PostAsync(_northPos, _bruno.CardNumber, "X3", 50m, "7891000100103", DateTimeOffset.UtcNow.AddMinutes(-5));
        using var admin = await App.SignedInAsync(_tenant, StaffRole.TenantAdmin);
        var day = LocalDate(_threeDaysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal(["X3", "X2", "X1"], await CouponsAsync(admin, ""));
        Assert.Equal(["X2", "X1"], await CouponsAsync(admin, "?Query.Customer=ana"));
        Assert.Equal(["X2", "X1"], await CouponsAsync(admin, $"?Query.Customer={_ana.CardNumber}"));
        Assert.Equal(["X2", "X1"], await CouponsAsync(admin, $"?Query.Customer={_ana.Document}"));
        Assert.Equal(["X1"], await CouponsAsync(admin, "?Query.ProductCode=gas-c"));
        Assert.Equal(["X3", "X1"], await CouponsAsync(admin, $"?Query.StoreId={_north}"));
        Assert.Equal(["X2"], await CouponsAsync(admin, "?Query.Pos=1&Query.Coupon=X2"));
        Assert.Equal(["X1"], await CouponsAsync(admin, $"?Query.From={day}&Query.To={day}"));
        Assert.Empty(await CouponsAsync(admin, "?Query.From=2020-01-01&Query.To=2020-01-31"));
    }

    [Fact]
    public async Task Store_Manager_Should_See_Only_The_Purchases_Of_Their_Stores()
    {
        await PostAsync(_northPos, _ana.CardNumber, "M1", 30m);
        await PostAsync(_southPos, _ana.CardNumber, "M2", 40m);
        var southId = await PurchaseIdAsync("M2");
        using var manager = await App.SignedInAsync(_tenant, StaffRole.StoreManager, _north);

        Assert.Equal(["M1"], await CouponsAsync(manager, ""));
        Assert.Empty(await CouponsAsync(manager, $"?Query.StoreId={_south}"));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Http.GetAsync($"/compras/{southId}")).StatusCode);
    }

    [Fact]
    public async Task Details_Should_Show_Items_Payments_Returns_Points_And_Cancellation()
    {
        await PostAsync(_northPos, _ana.CardNumber, "D1", 100m, "GAS-C", items: 2);
        await _northPos.ReturnAsync("D1", "R-1", 25m);
        await _northPos.CancelAsync("D1");
        var id = await PurchaseIdAsync("D1");
        using var admin = await App.SignedInAsync(_tenant, StaffRole.TenantAdmin);
        var other = await App.CreateTenantAsync($"po{Guid.NewGuid():N}"[..10]);
        using var foreigner = await App.SignedInAsync(other, StaffRole.TenantAdmin);

        var page = await admin.GetPageAsync($"/compras/{id}");
        var items = page.QuerySelectorAll("[data-testid=purchase-item]").Select(r => r.TextContent).ToList();

        Assert.Equal("PDV", page.QuerySelector("[data-testid=purchase-origin]")!.TextContent.Trim());
        Assert.Equal(2, items.Count);
        Assert.Contains("Gasolina comum", items[0], StringComparison.Ordinal);
        Assert.Contains("(fora do catálogo)", items[1], StringComparison.Ordinal);
        Assert.Contains("dinheiro", page.QuerySelector("[data-testid=purchase-payments-table]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("R$ 100,00", page.QuerySelector("[data-testid=purchase-total]")!.TextContent.Trim());
        Assert.Equal("R$ 25,00", page.QuerySelector("[data-testid=purchase-returned]")!.TextContent.Trim());
        Assert.Contains("R-1", page.QuerySelector("[data-testid=purchase-returns-table]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("100", page.QuerySelector("[data-testid=points-earned]")!.TextContent.Trim());
        Assert.Equal("100", page.QuerySelector("[data-testid=points-reversed]")!.TextContent.Trim());
        Assert.Contains("Cancelada", page.QuerySelector("[data-testid=purchase-cancelled]")!.TextContent, StringComparison.Ordinal);
        var ledger = page.QuerySelector("[data-testid=purchase-ledger-table]")!.TextContent;
        Assert.Contains("Acúmulo", ledger, StringComparison.Ordinal);
        Assert.Contains("Cancelamento de compra", ledger, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await foreigner.Http.GetAsync($"/compras/{id}")).StatusCode);
    }

    [Fact]
    public async Task Typed_Purchase_Should_Earn_Like_The_Pos_And_Show_Its_Detail()
    {
        using var admin = await App.SignedInAsync(_tenant, StaffRole.TenantAdmin);

        var response = await TypeAsync(admin, Form(_south, "T1", _ana.Document, quantity: "2,5", unitPrice: "4,00", total: "10,00"));
        var purchase = await App.InTenantAsync(_tenant.Id, db => db.Purchases.Include(p => p.Items).SingleAsync(p => p.CouponNumber == "T1"));
        var detail = await admin.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/compras/{purchase.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal((_south, _ana.Id, 10m, PointsStatus.Credited, 10L), (purchase.StoreId, purchase.CustomerId, purchase.TotalAmount, purchase.PointsStatus, purchase.PointsEarned));
        Assert.Equal(2.5m, purchase.Items.Single().Quantity);
        Assert.Equal(PurchaseOrigin.BackOffice, purchase.Origin);
        Assert.Equal("Lançada no back-office", detail.QuerySelector("[data-testid=purchase-origin]")!.TextContent.Trim());
        Assert.Equal(new DateTimeOffset(LocalNoon, SaoPaulo.GetUtcOffset(LocalNoon)), purchase.OccurredAt);
        Assert.Contains("Compra registrada: 10 pontos (Creditados).", detail.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cashier_Should_Type_For_Their_Store_Only_And_Return_To_A_Blank_Form()
    {
        using var cashier = await App.SignedInAsync(_tenant, StaffRole.Cashier, _north);

        var blank = await cashier.GetPageAsync("/compras/nova");
        var refused = await TypeAsync(cashier, Form(_south, "C1", _ana.CardNumber));
        var saved = await TypeAsync(cashier, Form(_north, "C2", _ana.CardNumber));

        Assert.Equal([_north.ToString()], blank.QuerySelectorAll("#Command_StoreId option").Select(o => o.GetAttribute("value")).Where(v => v != ""));
        Assert.Equal("selected", blank.QuerySelector($"#Command_StoreId option[value='{_north}']")!.GetAttribute("selected"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull(Pages.Parse(await refused.Content.ReadAsStringAsync()).FieldError("Command_StoreId"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/compras/nova", saved.Headers.Location!.OriginalString);
        Assert.Equal(["C2"], await App.InTenantAsync(_tenant.Id, db => db.Purchases.Select(p => p.CouponNumber).ToListAsync()));
    }

    [Fact]
    public async Task The_Handlers_Refusals_Should_Land_Next_To_Their_Fields()
    {
        using var admin = await App.SignedInAsync(_tenant, StaffRole.TenantAdmin);

        var unknown = Pages.Parse(await (await TypeAsync(admin, Form(_north, "U1", "6062000000000000"))).Content.ReadAsStringAsync());
        var old = Pages.Parse(await (await TypeAsync(admin, Form(_north, "U2", _ana.CardNumber, at: LocalNoon.AddDays(-30)))).Content.ReadAsStringAsync());

        Assert.NotNull(unknown.FieldError("Command_Customer"));
        Assert.NotNull(old.FieldError("Command_OccurredAt"));
        Assert.Empty(await App.InTenantAsync(_tenant.Id, db => db.Purchases.Where(p => p.CouponNumber == "U1" || p.CouponNumber == "U2").ToListAsync()));
    }

    [Fact]
    public async Task Errors_Should_Appear_Next_To_Each_Field_Keeping_What_Was_Typed()
    {
        using var admin = await App.SignedInAsync(_tenant, StaffRole.TenantAdmin);
        var fields = Form(_north, "", _ana.CardNumber, quantity: "2,5", unitPrice: "4,00", total: "11,00");
        fields["Command.Payments[0].Amount"] = "abc";

        var page = Pages.Parse(await (await TypeAsync(admin, fields)).Content.ReadAsStringAsync());

        Assert.Equal("Campo obrigatório.", page.FieldError("Command_CouponNumber"));
        Assert.NotNull(page.FieldError("Command_Items_0__TotalPrice"));
        Assert.NotNull(page.FieldError("Command_Payments_0__Amount"));
        Assert.Equal("GAS-C", page.ValueOf("Command.Items[0].ProductCode"));
        Assert.Equal("2,5", page.ValueOf("Command.Items[0].Quantity"));
        Assert.Equal("11,00", page.ValueOf("Command.Items[0].TotalPrice"));
        Assert.Equal("abc", page.ValueOf("Command.Payments[0].Amount"));
        Assert.Equal(_ana.CardNumber, page.ValueOf("Command.Customer"));
        Assert.Equal(0, await App.InTenantAsync(_tenant.Id, db => db.Purchases.CountAsync()));
    }

    [Fact]
    public async Task The_Handlers_Refusals_Should_Land_On_Their_Fields()
    {
        await PostAsync(_northPos, _ana.CardNumber, "K1", 10m);
        using var admin = await App.SignedInAsync(_tenant, StaffRole.TenantAdmin);

        var unknown = await FormPageAsync(admin, Form(_north, "K2", "6062000000000001"));
        var tooOld = await FormPageAsync(admin, Form(_north, "K3", _ana.CardNumber, at: DateTime.Now.AddDays(-10)));
        var sameCoupon = Form(_north, "K1", _ana.CardNumber, total: "20,00", unitPrice: "20,00");
        sameCoupon["Command.PosNumber"] = "1"; // the POS's coupon K1, with another content
        var conflict = await FormPageAsync(admin, sameCoupon);

        Assert.Equal("Nenhum cliente com este cartão ou CPF/CNPJ.", unknown.FieldError("Command_Customer"));
        Assert.NotNull(tooOld.FieldError("Command_OccurredAt"));
        Assert.NotNull(conflict.FieldError("Command_CouponNumber"));
        Assert.Equal(1, await App.InTenantAsync(_tenant.Id, db => db.Purchases.CountAsync()));
    }

    [Fact]
    public async Task Adding_And_Removing_Lines_Should_Keep_What_Was_Typed()
    {
        using var admin = await App.SignedInAsync(_tenant, StaffRole.TenantAdmin);
        var fields = Form(_north, "L1", _ana.CardNumber);
        fields["line"] = "add-item";

        var added = await FormPageAsync(admin, fields);
        fields.Remove("line");
        fields["Command.Items[1].ProductCode"] = "SEGUNDO";
        fields["Command.Items[1].Quantity"] = "1";
        fields["line"] = "remove-item-0";
        var removed = await FormPageAsync(admin, fields);

        Assert.Equal(2, added.QuerySelectorAll("[data-testid=item-line]").Length);
        Assert.Equal("GAS-C", added.ValueOf("Command.Items[0].ProductCode"));
        Assert.Null(added.FieldError("Command_Items_1__ProductCode")); // a new line is not an error yet
        Assert.Single(removed.QuerySelectorAll("[data-testid=item-line]"));
        Assert.Equal("SEGUNDO", removed.ValueOf("Command.Items[0].ProductCode"));
        Assert.Equal("L1", removed.ValueOf("Command.CouponNumber"));
    }

    [Fact]
    public async Task Numbers_Should_Be_Read_As_Typed_In_PtBr_And_Empty_Totals_Computed()
    {
        using var admin = await App.SignedInAsync(_tenant, StaffRole.TenantAdmin);
        var fuel = Form(_north, "N1", _ana.CardNumber, quantity: "10,5", unitPrice: "5,999", total: "");
        var grouped = Form(_north, "N2", _ana.CardNumber, quantity: "1", unitPrice: "1.234,56", total: "");
        var keypad = Form(_north, "N3", _ana.CardNumber, quantity: "10.5", unitPrice: "2", total: ""); // a phone's "." for ","

        var responses = new[] { await TypeAsync(admin, fuel), await TypeAsync(admin, grouped), await TypeAsync(admin, keypad) };
        var purchases = await App.InTenantAsync(_tenant.Id, db => db.Purchases.Include(p => p.Items).Include(p => p.Payments).OrderBy(p => p.CouponNumber).ToListAsync());

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(["N1", "N2", "N3"], purchases.Select(p => p.CouponNumber));
        Assert.Equal((10.5m, 5.999m, 62.99m), (purchases[0].Items.Single().Quantity, purchases[0].Items.Single().UnitPrice, purchases[0].Items.Single().TotalPrice));
        Assert.Equal((62.99m, 62.99m), (purchases[0].TotalAmount, purchases[0].Payments.Single().Amount));
        Assert.Equal((1234.56m, 1234.56m), (purchases[1].Items.Single().UnitPrice, purchases[1].TotalAmount));
        Assert.Equal((10.5m, 21m), (purchases[2].Items.Single().Quantity, purchases[2].TotalAmount));
    }

    [Fact]
    public async Task Computed_Totals_Should_Come_Back_Filled_When_Another_Field_Is_Wrong()
    {
        using var admin = await App.SignedInAsync(_tenant, StaffRole.TenantAdmin);
        var fields = Form(_north, "", _ana.CardNumber, quantity: "2", unitPrice: "10,00", total: "");
        fields["Command.Items[1].ProductCode"] = "GASOLINA";
        fields["Command.Items[1].Quantity"] = "10,5";
        fields["Command.Items[1].UnitPrice"] = "5,999";
        fields["Command.Items[1].TotalPrice"] = "";
        fields["Command.Payments[0].Amount"] = "50,00";
        fields["Command.Payments[1].Method"] = "dinheiro";
        fields["Command.Payments[1].Amount"] = "";

        var page = await FormPageAsync(admin, fields);

        Assert.Equal("Campo obrigatório.", page.FieldError("Command_CouponNumber"));
        Assert.Equal(("20,00", "62,99", "82,99", "32,99"), (page.ValueOf("Command.Items[0].TotalPrice"), page.ValueOf("Command.Items[1].TotalPrice"),
            page.ValueOf("Command.TotalAmount"), page.ValueOf("Command.Payments[1].Amount")));
        Assert.Equal("decimal", page.QuerySelector("#Command_Items_1__Quantity")!.GetAttribute("inputmode"));
        Assert.Equal("decimal", page.QuerySelector("#Command_Payments_1__Amount")!.GetAttribute("inputmode"));
        Assert.Equal(["Command_CouponNumber"], page.QuerySelectorAll("[aria-invalid=true]").Select(e => e.Id));
    }

    [Fact]
    public async Task Only_The_Field_That_Is_Wrong_Should_Be_Flagged()
    {
        using var admin = await App.SignedInAsync(_tenant, StaffRole.TenantAdmin);
        var itemOff = Form(_north, "W1", _ana.CardNumber, quantity: "10,5", unitPrice: "5,999", total: "62,00");
        itemOff["Command.TotalAmount"] = "62,99";
        itemOff["Command.Payments[0].Amount"] = "62,99";
        var totalOff = Form(_north, "W2", _ana.CardNumber);
        totalOff["Command.TotalAmount"] = "11,00";
        totalOff["Command.Payments[0].Amount"] = "11,00";
        var paymentsShort = Form(_north, "W3", _ana.CardNumber);
        paymentsShort["Command.Payments[0].Amount"] = "9,00";

        var pages = new[] { await FormPageAsync(admin, itemOff), await FormPageAsync(admin, totalOff), await FormPageAsync(admin, paymentsShort) };

        Assert.Equal(["Command_Items_0__TotalPrice"], pages[0].QuerySelectorAll("[aria-invalid=true]").Select(e => e.Id));
        Assert.Equal(["Command_TotalAmount"], pages[1].QuerySelectorAll("[aria-invalid=true]").Select(e => e.Id));
        Assert.Equal(["Command_Payments_0__Amount"], pages[2].QuerySelectorAll("[aria-invalid=true]").Select(e => e.Id));
        Assert.Equal("A soma dos pagamentos deve ser igual ao total da compra.", pages[2].FieldError("Command_Payments_0__Amount"));
        Assert.Equal(0, await App.InTenantAsync(_tenant.Id, db => db.Purchases.CountAsync()));
    }

    [Fact]
    public async Task Cashier_Should_See_Name_Points_Balance_And_Profile_Link_Above_A_Blank_Form()
    {
        await PostAsync(_northPos, _ana.CardNumber, "B0", 100m); // a balance of 100 before
        using var cashier = await App.SignedInAsync(_tenant, StaffRole.Cashier, _north);

        var saved = await TypeAsync(cashier, Form(_north, "B1", _ana.Document, quantity: "2", unitPrice: "12,50", total: ""));
        var next = await cashier.GetPageAsync(saved.Headers.Location!.OriginalString);
        var reloaded = await cashier.GetPageAsync("/compras/nova");

        var summary = next.QuerySelector("[data-testid=purchase-saved]")!;
        Assert.Equal("/compras/nova", saved.Headers.Location!.OriginalString);
        Assert.Contains("Compra registrada: 25 pontos (Creditados).", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ana Compradora", summary.QuerySelector("[data-testid=saved-customer]")!.TextContent.Trim());
        Assert.Equal("25", summary.QuerySelector("[data-testid=saved-points]")!.TextContent.Trim());
        Assert.Equal("125", summary.QuerySelector("[data-testid=saved-balance]")!.TextContent.Trim());
        Assert.Equal($"/clientes/{_ana.Id}", summary.QuerySelector("[data-testid=saved-profile]")!.GetAttribute("href"));
        Assert.Equal("", next.ValueOf("Command.CouponNumber") ?? "");
        Assert.Single(next.QuerySelectorAll("[data-testid=item-line]"));
        Assert.Null(reloaded.QuerySelector("[data-testid=purchase-saved]"));
    }

    [Fact]
    public async Task Summary_Should_Write_One_Point_In_The_Singular()
    {
        using var cashier = await App.SignedInAsync(_tenant, StaffRole.Cashier, _north);

        var saved = await TypeAsync(cashier, Form(_north, "S1", _ana.Document, quantity: "1", unitPrice: "1,00", total: "1,00"));
        var next = await cashier.GetPageAsync(saved.Headers.Location!.OriginalString);

        Assert.Contains("Compra registrada: 1 ponto (Creditados).", next.QuerySelector("[data-testid=purchase-saved]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_An_Item_Should_Put_The_Focus_On_The_New_Line()
    {
        using var admin = await App.SignedInAsync(_tenant, StaffRole.TenantAdmin);
        var fields = Form(_north, "F1", _ana.CardNumber);
        fields["line"] = "add-item";

        var page = await FormPageAsync(admin, fields);

        Assert.Equal(["Command_Items_1__ProductCode"], page.QuerySelectorAll("[autofocus]").Select(e => e.Id));
    }

    /// <summary>The last noon that has passed in São Paulo, as typed into the form (the tenant's local time).</summary>
    private static DateTime LocalNoon
    {
        get
        {
            var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, SaoPaulo).DateTime;
            var noon = now.Date.AddHours(12);
            return noon > now ? noon.AddDays(-1) : noon;
        }
    }

    private static Dictionary<string, string> Form(Guid store, string coupon, string customer, string quantity = "1", string unitPrice = "10,00",
        string total = "10,00", DateTime? at = null) => new()
    {
        ["Command.StoreId"] = store.ToString(),
        ["Command.PosNumber"] = "9",
        ["Command.CouponNumber"] = coupon,
        ["Command.OccurredAt"] = (at ?? LocalNoon).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        ["Command.Customer"] = customer,
        ["Command.Items[0].ProductCode"] = "GAS-C",
        ["Command.Items[0].Quantity"] = quantity,
        ["Command.Items[0].UnitPrice"] = unitPrice,
        ["Command.Items[0].TotalPrice"] = total,
        ["Command.Payments[0].Method"] = "pix",
        ["Command.Payments[0].Amount"] = total,
        ["Command.TotalAmount"] = total,
    };

    private static Task<HttpResponseMessage> TypeAsync(StaffClient client, Dictionary<string, string> fields) =>
        client.PostFormFromPageAsync("/compras/nova", "/compras/nova", fields);

    private static async Task<AngleSharp.Dom.IDocument> FormPageAsync(StaffClient client, Dictionary<string, string> fields)
    {
        var response = await TypeAsync(client, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Pages.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task PostAsync(Pos pos, string card, string coupon, decimal total, string product = "7891000100103",
        DateTimeOffset? at = null, int items = 1)
    {
        var each = total / items;
        var body = new
        {
            posNumber = "1", couponNumber = coupon, occurredAt = at ?? DateTimeOffset.UtcNow.AddMinutes(-1), customer = new { cardNumber = card },
            totalAmount = total,
            items = Enumerable.Range(0, items).Select(i => new { productCode = i == 0 ? product : $"DESCONHECIDO-{i}", quantity = 1m, unitPrice = each, totalPrice = each }),
            payments = new[] { new { method = "dinheiro", amount = total } },
        };
        var response = await pos.PostAsync(body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private Task<Guid> PurchaseIdAsync(string coupon) =>
        App.InTenantAsync(_tenant.Id, db => db.Purchases.Where(p => p.CouponNumber == coupon).Select(p => p.Id).SingleAsync());

    private static async Task<List<string>> CouponsAsync(StaffClient client, string query)
    {
        var page = await client.GetPageAsync("/compras" + query);
        return [.. page.QuerySelectorAll("[data-testid=purchase-coupon]").Select(c => c.TextContent.Split('/')[1].Trim())];
    }

    private static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, SaoPaulo).DateTime);
}
