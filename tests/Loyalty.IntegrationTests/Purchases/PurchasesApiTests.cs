using System.Net;
using Loyalty.Domain.Categories;
using Loyalty.Domain.Points;
using Loyalty.Domain.Purchases;
using Loyalty.IntegrationTests.Points;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Purchases;

/// <summary>POST /api/v1/purchases (SPEC §10) and earning (SPEC §5): every status code, idempotency, the titular's account.</summary>
public sealed class PurchasesApiTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private LoyaltyAppFactory App => fixture.App;
    private TestData.TestTenant _tenant = default!;
    private Guid _store;
    private Pos _pos = default!;

    public async Task InitializeAsync()
    {
        _tenant = await App.CreateTenantAsync($"pur{Guid.NewGuid():N}"[..10]);
        _store = await App.CreateStoreAsync(_tenant.Id, "P01");
        _pos = new Pos(App, await App.CreateApiKeyAsync(_tenant.Id, _store));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Post_Should_Answer_201_And_Credit_The_Floor_Of_The_Amount()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Ana Paula Reis");

        var response = await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 150.99m));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Pos.BodyAsync(response);
        Assert.Equal(150, body.GetProperty("pointsEarned").GetInt64());
        Assert.Equal("credited", body.GetProperty("pointsStatus").GetString());
        Assert.Equal(150, body.GetProperty("balance").GetInt64());
        Assert.Equal(0, body.GetProperty("discounts").GetArrayLength());
        Assert.Equal(0, body.GetProperty("giftVouchers").GetArrayLength());
        var purchaseId = body.GetProperty("purchaseId").GetGuid();
        var entry = await App.InTenantAsync(_tenant.Id, db => db.LedgerEntries.SingleAsync(e => e.PurchaseId == purchaseId));
        Assert.Equal(LedgerEntryKind.Accrual, entry.Kind);
        Assert.Equal(150, entry.Points);
    }

    [Fact]
    public async Task Fuel_Item_Within_One_Cent_Is_Accepted_And_Its_Total_As_Sent_Counts_And_Unknown_Codes_Are_Kept()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Bruno Fuel");
        var coupon = Pos.NextCoupon();

        var response = await _pos.PostAsync(new
        {
            posNumber = "7", couponNumber = coupon, occurredAt = DateTimeOffset.UtcNow, customer = new { document = customer.Document },
            totalAmount = 100.01m,
            items = new[] { new { productCode = "GAS-COMUM-XYZ", quantity = 16.142m, unitPrice = 6.196m, totalPrice = 100.01m } },
            payments = new[] { new { method = "pix", amount = 60m }, new { method = "credito", amount = 40.01m } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var item = await App.InTenantAsync(_tenant.Id, db => db.PurchaseItems.SingleAsync(i => db.Purchases.Any(p => p.Id == i.PurchaseId && p.CouponNumber == coupon)));
        Assert.Equal("GAS-COMUM-XYZ", item.ProductCode);
        Assert.Equal(100.01m, item.TotalPrice);
        Assert.Equal(2, await App.InTenantAsync(_tenant.Id, db => db.PurchasePayments.CountAsync(p => db.Purchases.Any(x => x.Id == p.PurchaseId && x.CouponNumber == coupon))));
    }

    [Fact]
    public async Task Post_Should_Answer_400_Keyed_By_Request_Fields_In_Portuguese()
    {
        var response = await _pos.PostAsync(new
        {
            posNumber = "", couponNumber = "1", occurredAt = DateTimeOffset.UtcNow, customer = new { },
            totalAmount = 20m,
            items = new[] { new { productCode = "A", quantity = 2m, unitPrice = 5m, totalPrice = 10.02m } },
            payments = new[] { new { method = "dinheiro", amount = -1m } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await Pos.ErrorsAsync(response);
        Assert.Contains("posNumber", errors.Keys);
        Assert.Contains("customer", errors.Keys);
        Assert.Contains("R$ 0,01", errors["items[0].totalPrice"]);
        Assert.Contains("payments[0].amount", errors.Keys);
    }

    [Fact]
    public async Task Totals_That_Do_Not_Add_Up_Are_400()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Carla Soma");
        var response = await _pos.PostAsync(new
        {
            posNumber = "1", couponNumber = Pos.NextCoupon(), occurredAt = DateTimeOffset.UtcNow, customer = new { cardNumber = customer.CardNumber },
            totalAmount = 30m,
            items = new[] { new { productCode = "A", quantity = 1m, unitPrice = 10m, totalPrice = 10m } },
            payments = new[] { new { method = "dinheiro", amount = 10m } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await Pos.ErrorsAsync(response);
        Assert.Equal(["payments", "totalAmount"], errors.Keys.Order());
    }

    [Fact]
    public async Task Same_Content_Is_Replayed_With_200_And_Different_Content_Is_409()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Davi Repete");
        var at = DateTimeOffset.UtcNow;
        var coupon = Pos.NextCoupon();

        var first = await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 42m, coupon, at));
        var again = await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 42m, coupon, at));
        var other = await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 43m, coupon, at));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replay").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(42, (await App.TotalsAsync(_tenant.Id, customer.Id)).Balance);
    }

    [Fact]
    public async Task Identical_Posts_At_The_Same_Instant_Accrue_Once()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Elisa Paralela");
        var body = Pos.Purchase(customer.CardNumber, 77m);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _pos.PostAsync(body)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        var totals = await App.TotalsAsync(_tenant.Id, customer.Id);
        Assert.Equal(77, totals.Balance);
        Assert.Equal(1, totals.Entries);
        Assert.Equal(1, await App.InTenantAsync(_tenant.Id, db => db.Purchases.CountAsync(p => p.CustomerId == customer.Id)));
    }

    [Fact]
    public async Task Without_Key_Is_401_And_With_A_Tenant_Key_Is_403()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Fabio Chave");
        var tenantKey = await App.CreateApiKeyAsync(_tenant.Id, null);

        var none = await _pos.SendAsync("/api/v1/purchases", Pos.Purchase(customer.CardNumber, 10m), null);
        var tenantWide = await _pos.SendAsync("/api/v1/purchases", Pos.Purchase(customer.CardNumber, 10m), tenantKey);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tenantWide.StatusCode);
    }

    [Theory]
    [InlineData(-8 * 24 * 60)]
    [InlineData(6)]
    public async Task OccurredAt_Outside_The_Window_Is_422(int minutesFromNow)
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Gabi Janela");

        var response = await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 10m, at: DateTimeOffset.UtcNow.AddMinutes(minutesFromNow)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task An_Unknown_Customer_Is_422()
    {
        var response = await _pos.PostAsync(Pos.Purchase(TestDocuments.CardNumber("6062", 999_999_1), 10m));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task A_Dependents_Card_Earns_For_The_Titular_Account()
    {
        var titular = await App.AddCustomerAsync(_tenant.Id, "Helio Titular");
        var dependent = await App.AddDependentAsync(_tenant.Id, "Iara Dependente", titular.Id);

        var response = await _pos.PostAsync(Pos.Purchase(dependent.CardNumber, 25m));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(25, (await Pos.BodyAsync(response)).GetProperty("balance").GetInt64());
        Assert.Equal(25, (await App.TotalsAsync(_tenant.Id, titular.Id)).Balance);
        var entry = await App.InTenantAsync(_tenant.Id, db => db.LedgerEntries.SingleAsync(e => e.AccountId == titular.Id));
        Assert.Equal(dependent.Id, entry.CustomerId);
    }

    [Fact]
    public async Task Category_Multiplier_Applies_Rounded_Down_And_The_Tenant_Rate_Once_Per_Purchase()
    {
        await App.InTenantAsync(_tenant.Id, async db =>
        {
            (await db.ProgramSettings.SingleAsync()).ChangePointsPerReal(1.5m);
            var gold = CustomerCategory.Create("Ouro-x", null, 1.25m, 365, AuditParameter.IgnoreRules, null, DateTimeOffset.UtcNow);
            db.CustomerCategories.Add(gold);
            return await db.SaveChangesAsync();
        });
        var gold = await App.InTenantAsync(_tenant.Id, db => db.CustomerCategories.Where(c => c.Name == "Ouro-x").Select(c => c.Id).SingleAsync());
        var customer = await App.AddCustomerAsync(_tenant.Id, "Joana Ouro", f => f.CategoryId = gold);

        // 10.99 × 1.5 = 16.485 → 16; × 1.25 = 20
        var response = await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 10.99m));

        Assert.Equal(20, (await Pos.BodyAsync(response)).GetProperty("pointsEarned").GetInt64());
        await App.InTenantAsync(_tenant.Id, async db =>
        {
            (await db.ProgramSettings.SingleAsync()).ChangePointsPerReal(1m);
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task A_Category_Requiring_Approval_Leaves_The_Points_Pending_Without_A_Ledger_Entry()
    {
        var category = await App.InTenantAsync(_tenant.Id, async db =>
        {
            var c = CustomerCategory.Create("Auditada", null, 1m, 365, AuditParameter.RequireApproval, null, DateTimeOffset.UtcNow);
            db.CustomerCategories.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var customer = await App.AddCustomerAsync(_tenant.Id, "Kleber Auditado", f => f.CategoryId = category);

        var response = await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 30m));

        var body = await Pos.BodyAsync(response);
        Assert.Equal("pendingAudit", body.GetProperty("pointsStatus").GetString());
        Assert.Equal(30, body.GetProperty("pointsEarned").GetInt64());
        Assert.Equal(0, body.GetProperty("balance").GetInt64());
        var purchase = await App.InTenantAsync(_tenant.Id, db => db.Purchases.SingleAsync(p => p.CustomerId == customer.Id));
        Assert.Equal(PointsStatus.PendingAudit, purchase.PointsStatus);
        Assert.Equal(AuditReason.RequireApproval, purchase.AuditReasons);
        Assert.Equal(0, (await App.TotalsAsync(_tenant.Id, customer.Id)).Entries);
    }

    [Fact]
    public async Task Antifraud_Rules_Of_The_Tenant_Send_The_Second_Purchase_Of_The_Day_To_Audit()
    {
        var category = await App.InTenantAsync(_tenant.Id, async db =>
        {
            var c = CustomerCategory.Create("Regrada", null, 1m, 365, AuditParameter.CustomRules,
                new AntifraudRules { MaxPurchasesPerCardPerDay = 1 }, DateTimeOffset.UtcNow);
            db.CustomerCategories.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var customer = await App.AddCustomerAsync(_tenant.Id, "Lara Regras", f => f.CategoryId = category);

        var first = await Pos.BodyAsync(await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 10m)));
        var second = await Pos.BodyAsync(await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 10m)));

        Assert.Equal("credited", first.GetProperty("pointsStatus").GetString());
        Assert.Equal("pendingAudit", second.GetProperty("pointsStatus").GetString());
        Assert.Equal(10, second.GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task Parallel_Purchases_Of_One_Card_Count_Each_Other_For_The_Daily_Limit()
    {
        var category = await App.InTenantAsync(_tenant.Id, async db =>
        {
            var c = CustomerCategory.Create("Uma por dia", null, 1m, 365, AuditParameter.CustomRules,
                new AntifraudRules { MaxPurchasesPerCardPerDay = 1 }, DateTimeOffset.UtcNow);
            db.CustomerCategories.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var customer = await App.AddCustomerAsync(_tenant.Id, "Mara Paralela", f => f.CategoryId = category);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _pos.PostAsync(Pos.Purchase(customer.CardNumber, 10m))));

        var statuses = new List<string>();
        foreach (var response in responses)
        {
            statuses.Add((await Pos.BodyAsync(response)).GetProperty("pointsStatus").GetString()!);
        }
        Assert.Single(statuses, s => s == "credited");
        Assert.Equal(5, statuses.Count(s => s == "pendingAudit"));
        Assert.Equal(10, (await App.TotalsAsync(_tenant.Id, customer.Id)).Balance);
    }

    [Fact]
    public async Task The_First_Purchases_Of_A_New_Account_At_Once_Should_All_Be_Recorded()
    {
        // The account opens on the first purchase: parallel first purchases must queue on it, none fail on its keys.
        for (var round = 0; round < 5; round++)
        {
            var customer = await App.AddCustomerAsync(_tenant.Id, $"Nova Conta {round}");

            var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _pos.PostAsync(Pos.Purchase(customer.CardNumber, 10m))));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            var totals = await App.TotalsAsync(_tenant.Id, customer.Id);
            Assert.Equal(80, totals.Balance);
        }
    }
}
