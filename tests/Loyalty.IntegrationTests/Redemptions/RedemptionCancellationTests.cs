using System.Net;
using Loyalty.Domain.Points;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Points;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Loyalty.IntegrationTests.Redemptions;

/// <summary>SPEC §5, §7: a returned prize gives its points back to the lots they came from and goes back to the stock — once.</summary>
public sealed class RedemptionCancellationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Cancel_Should_Give_The_Points_Back_To_Their_Lots_And_The_Prize_Back_To_The_Stock()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 75, stock: 4);
        var customer = await App.AddCustomerAsync(counter.Tenant.Id, "Devolução Parcial");
        var older = await App.CreditAsync(counter.Tenant.Id, customer.Id, 100, DateTimeOffset.UtcNow.AddDays(-30));
        var newer = await App.CreditAsync(counter.Tenant.Id, customer.Id, 200);
        var redemption = Counter.RedemptionOf(await counter.RedeemAsync(customer.Id, quantity: 2));
        Assert.Equal([0L, 150L], await RemainingAsync(counter, older.LotId!.Value, newer.LotId!.Value));
        var tab = Support.Html.Parse(await counter.Cashier.Http.GetStringAsync(counter.CounterUrl(customer.Id, tab: "cancelamentos")));
        Assert.Contains($"2 × {Counter.PrizeName}", tab.QuerySelector("[data-testid=redemption-row]")!.TextContent);

        var response = await counter.CancelAsync(customer.Id, redemption, "Cliente devolveu a cafeteira com defeito");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/resgates/{redemption}/cancelamento", response.Headers.Location!.OriginalString);
        Assert.Equal([100L, 200L], await RemainingAsync(counter, older.LotId!.Value, newer.LotId!.Value));
        var totals = await counter.TotalsAsync(customer.Id);
        Assert.Equal((300, 300, 300), (totals.Balance, totals.SumOfEntries, totals.SumOfOpenLots));
        Assert.Equal(4, await counter.StockAsync(counter.PrizeId));
        var cancelled = await App.InTenantAsync(counter.Tenant.Id, db => db.Redemptions.SingleAsync(r => r.Id == redemption));
        Assert.Equal("Cliente devolveu a cafeteira com defeito", cancelled.CancellationReason);
    }

    [Fact]
    public async Task Cancellations_Tab_Should_Name_The_Staff_Member_Or_Sistema_Never_The_Email()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 10);
        var customer = await counter.CustomerWithPointsAsync("Quem Atendeu", 100);
        var byCashier = Counter.RedemptionOf(await counter.RedeemAsync(customer.Id));
        var byJob = Counter.RedemptionOf(await counter.RedeemAsync(customer.Id));
        // As a job records it: a system actor's name and no user on the ledger entry (the ledger changes only as the owner).
        await using (var owner = new NpgsqlConnection(App.Database.OwnerConnectionString))
        {
            await owner.OpenAsync();
            await using var asJob = new NpgsqlCommand("""
                SELECT set_config('app.tenant_id', @tenant, false);
                UPDATE redemptions SET redeemed_by = 'daily-close' WHERE id = @id;
                UPDATE ledger_entries SET user_id = NULL WHERE redemption_id = @id;
                """, owner);
            asJob.Parameters.AddWithValue("tenant", counter.Tenant.Id.ToString());
            asJob.Parameters.AddWithValue("id", byJob);
            await asJob.ExecuteNonQueryAsync();
        }

        var tab = Support.Html.Parse(await counter.Cashier.Http.GetStringAsync(counter.CounterUrl(customer.Id, tab: "cancelamentos")));

        var shown = tab.QuerySelectorAll("[data-testid=redemption-row]").ToDictionary(
            row => row.QuerySelector("[data-testid=redemption-number]")!.GetAttribute("href")!,
            row => row.QuerySelector("[data-testid=redeemed-by]")!.TextContent.Trim());
        Assert.Equal("Cashier user", shown[$"/resgates/{byCashier}/recibo"]);
        Assert.Equal("Sistema", shown[$"/resgates/{byJob}/recibo"]);
        Assert.DoesNotContain("@", tab.QuerySelector("[data-testid=redemptions]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_Twice_And_In_Parallel_Gives_Back_Once()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 100, stock: 3);
        var customer = await counter.CustomerWithPointsAsync("Cancela Duas Vezes", 500);
        var redemption = Counter.RedemptionOf(await counter.RedeemAsync(customer.Id));

        var parallel = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => counter.CancelAsync(customer.Id, redemption, "Devolvido")));
        var again = await counter.CancelAsync(customer.Id, redemption, "Devolvido de novo");

        Assert.All(parallel.Append(again), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var totals = await counter.TotalsAsync(customer.Id);
        Assert.Equal((500, 500, 500), (totals.Balance, totals.SumOfEntries, totals.SumOfOpenLots));
        Assert.Equal(3, await counter.StockAsync(counter.PrizeId));
        Assert.Equal(1, await App.InTenantAsync(counter.Tenant.Id,
            db => db.LedgerEntries.CountAsync(e => e.RedemptionId == redemption && e.Kind == LedgerEntryKind.RedemptionCancellation)));
    }

    [Fact]
    public async Task Points_Given_Back_To_A_Lot_That_Expired_Meanwhile_Expire_Again()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 150);
        var customer = await App.AddCustomerAsync(counter.Tenant.Id, "Lote Vencido");
        var expiring = await App.CreditAsync(counter.Tenant.Id, customer.Id, 100, DateTimeOffset.UtcNow.AddDays(-30));
        await App.CreditAsync(counter.Tenant.Id, customer.Id, 200);
        var redemption = Counter.RedemptionOf(await counter.RedeemAsync(customer.Id));
        // The prize stayed out past the first lot's last valid day.
        await App.InTenantAsync(counter.Tenant.Id, db => db.Database.ExecuteSqlAsync(
            $"UPDATE points_lots SET expires_at = {DateTimeOffset.UtcNow.AddDays(-1)} WHERE id = {expiring.LotId}"));

        Assert.Equal(HttpStatusCode.Redirect, (await counter.CancelAsync(customer.Id, redemption, "Troca")).StatusCode);

        var totals = await counter.TotalsAsync(customer.Id);
        Assert.Equal((200, 200, 200), (totals.Balance, totals.SumOfEntries, totals.SumOfOpenLots));
        var kinds = await App.InTenantAsync(counter.Tenant.Id, db => db.LedgerEntries.Where(e => e.AccountId == customer.Id)
            .OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([LedgerEntryKind.Accrual, LedgerEntryKind.Accrual, LedgerEntryKind.Redemption, LedgerEntryKind.RedemptionCancellation,
            LedgerEntryKind.Expiry], kinds);
    }

    [Fact]
    public async Task Cancel_Should_Ask_For_The_Reason_And_Change_Nothing_Without_It()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 100, stock: 1);
        var customer = await counter.CustomerWithPointsAsync("Sem Motivo", 100);
        var redemption = Counter.RedemptionOf(await counter.RedeemAsync(customer.Id));

        var errors = await Counter.ErrorsAsync(await counter.CancelAsync(customer.Id, redemption, "  "));

        Assert.Equal(["Informe o motivo do cancelamento (até 300 caracteres)."], errors);
        Assert.Equal(0, (await counter.TotalsAsync(customer.Id)).Balance);
        Assert.Equal(0, await counter.StockAsync(counter.PrizeId));
    }

    [Fact]
    public async Task A_Cashier_Of_Another_Store_Cannot_Cancel_It()
    {
        var counter = await Counter.OpenAsync(App);
        var customer = await counter.CustomerWithPointsAsync("Outra Loja Cancela", 300);
        var redemption = Counter.RedemptionOf(await counter.RedeemAsync(customer.Id));
        using var elsewhere = await Counter.SignInAsync(App, counter.Tenant,
            await App.CreateUserAsync(counter.Tenant.Id, StaffRole.Cashier, counter.OtherStoreId));
        var page = await elsewhere.Http.GetStringAsync("/resgates");

        var response = await elsewhere.PostFormAsync($"/resgates/{redemption}/cancelar", page,
            new Dictionary<string, string> { ["customerId"] = customer.Id.ToString(), ["Cancel.Reason"] = "Tentativa" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(200, (await counter.TotalsAsync(customer.Id)).Balance);
    }

    private Task<List<long>> RemainingAsync(Counter counter, params Guid[] lotIds) =>
        App.InTenantAsync(counter.Tenant.Id, async db =>
        {
            var lots = await db.PointsLots.Where(l => lotIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Remaining);
            return lotIds.Select(id => lots[id]).ToList();
        });
}
