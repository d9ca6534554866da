using Loyalty.Domain.Common;
using Loyalty.Domain.Points;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Loyalty.IntegrationTests.Points;

/// <summary>The points ledger (SPEC §5): append-only, the balance is its sum, points go to the titular, no race
/// creates or destroys a point.</summary>
public sealed class PointsLedgerTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Balance_Should_Equal_The_Sum_Of_The_Ledger_After_Every_Kind_Of_Operation()
    {
        var t = await App.CreateTenantAsync("led-a");
        var titular = await App.AddCustomerAsync(t.Id, "Marta Souza");
        var dependent = await App.AddDependentAsync(t.Id, "Lia Souza", titular.Id);
        var purchase = Guid.NewGuid();
        var redemption = Guid.NewGuid();
        var checks = new List<Ledger.Totals>();

        await App.CreditAsync(t.Id, titular.Id, 500);
        checks.Add(await TotalsAsync(t.Id, titular.Id));
        await App.CreditAsync(t.Id, dependent.Id, 300, purchaseId: purchase);
        checks.Add(await TotalsAsync(t.Id, titular.Id));
        await App.InLedgerAsync(t.Id, l => l.RedeemAsync(dependent.Id, 450, redemption, DateTimeOffset.UtcNow, default));
        checks.Add(await TotalsAsync(t.Id, titular.Id));
        await App.InLedgerAsync(t.Id, l => l.GiveBackAsync(redemption, DateTimeOffset.UtcNow, default));
        checks.Add(await TotalsAsync(t.Id, titular.Id));
        await App.InLedgerAsync(t.Id, l => l.ReverseAsync(dependent.Id, LedgerEntryKind.Return, 100, purchase, DateTimeOffset.UtcNow, default));
        checks.Add(await TotalsAsync(t.Id, titular.Id));
        await App.InLedgerAsync(t.Id, l => l.AdjustAsync(titular.Id, -50, "Correção de lançamento", default));
        checks.Add(await TotalsAsync(t.Id, titular.Id));
        await App.InLedgerAsync(t.Id, l => l.AdjustAsync(dependent.Id, 25, "Bônus de boas-vindas", default));
        checks.Add(await TotalsAsync(t.Id, titular.Id));

        Assert.Equal([500, 800, 350, 800, 700, 650, 675], checks.Select(c => c.Balance));
        Assert.All(checks, c => Assert.Equal(c.Balance, c.SumOfEntries));
        Assert.All(checks, c => Assert.Equal(c.Balance, c.SumOfOpenLots));
        // The dependent has no account: their purchase and adjustment went to the titular's.
        Assert.False(await App.InTenantAsync(t.Id, db => db.PointsAccounts.AnyAsync(a => a.Id == dependent.Id)));
        var kinds = await App.InTenantAsync(t.Id, db => db.LedgerEntries.Where(e => e.AccountId == titular.Id)
            .OrderBy(e => e.Id).Select(e => new { e.Kind, e.CustomerId }).ToListAsync());
        Assert.Equal([LedgerEntryKind.Accrual, LedgerEntryKind.Accrual, LedgerEntryKind.Redemption, LedgerEntryKind.RedemptionCancellation,
            LedgerEntryKind.Return, LedgerEntryKind.ManualAdjustment, LedgerEntryKind.ManualAdjustment], kinds.Select(k => k.Kind));
        Assert.Equal(dependent.Id, kinds[1].CustomerId);
    }

    [Fact]
    public async Task Return_Should_Take_The_Purchase_Own_Lot_First()
    {
        var t = await App.CreateTenantAsync("led-b");
        var c = await App.AddCustomerAsync(t.Id, "Pedro Lima");
        var purchase = Guid.NewGuid();
        var older = await App.CreditAsync(t.Id, c.Id, 100, DateTimeOffset.UtcNow.AddDays(-10));
        var own = await App.CreditAsync(t.Id, c.Id, 60, purchaseId: purchase);

        await App.InLedgerAsync(t.Id, l => l.ReverseAsync(c.Id, LedgerEntryKind.Return, 80, purchase, DateTimeOffset.UtcNow, default));
        var lots = await App.InTenantAsync(t.Id, db => db.PointsLots.ToDictionaryAsync(l => l.Id, l => l.Remaining));

        Assert.Equal(0, lots[own.LotId!.Value]);
        Assert.Equal(80, lots[older.LotId!.Value]); // the older lot expires first, but the purchase's own lot goes first
    }

    [Fact]
    public async Task Cancellation_Of_Spent_Points_Should_Leave_The_Balance_Negative_And_Block_Redemption()
    {
        var t = await App.CreateTenantAsync("led-c");
        var c = await App.AddCustomerAsync(t.Id, "Rita Alves");
        var purchase = Guid.NewGuid();
        await App.CreditAsync(t.Id, c.Id, 100, purchaseId: purchase);
        await App.InLedgerAsync(t.Id, l => l.RedeemAsync(c.Id, 100, Guid.NewGuid(), DateTimeOffset.UtcNow, default));

        await App.InLedgerAsync(t.Id, l => l.ReverseAsync(c.Id, LedgerEntryKind.PurchaseCancellation, 100, purchase, DateTimeOffset.UtcNow, default));
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            App.InLedgerAsync(t.Id, l => l.RedeemAsync(c.Id, 1, Guid.NewGuid(), DateTimeOffset.UtcNow, default)));
        await App.CreditAsync(t.Id, c.Id, 150);
        var totals = await TotalsAsync(t.Id, c.Id);

        Assert.Equal("Points.InsufficientBalance", refused.Code);
        Assert.Equal(50, totals.Balance);
        Assert.Equal(50, totals.SumOfEntries);
        Assert.Equal(50, totals.SumOfOpenLots); // the new credit paid the debt first
    }

    [Fact]
    public async Task Redemption_Cancelled_After_A_Purchase_Cancellation_Should_Pay_The_Debt_First()
    {
        var t = await App.CreateTenantAsync("led-i");
        var c = await App.AddCustomerAsync(t.Id, "Edu Prado");
        var purchase = Guid.NewGuid();
        var redemption = Guid.NewGuid();
        await App.CreditAsync(t.Id, c.Id, 100, purchaseId: purchase);
        await App.InLedgerAsync(t.Id, l => l.RedeemAsync(c.Id, 100, redemption, DateTimeOffset.UtcNow, default));
        await App.InLedgerAsync(t.Id, l => l.ReverseAsync(c.Id, LedgerEntryKind.PurchaseCancellation, 100, purchase, DateTimeOffset.UtcNow, default));

        await App.InLedgerAsync(t.Id, l => l.GiveBackAsync(redemption, DateTimeOffset.UtcNow, default));
        var totals = await TotalsAsync(t.Id, c.Id);

        Assert.Equal((0, 0, 0), (totals.Balance, totals.SumOfEntries, totals.SumOfOpenLots));
    }

    [Fact]
    public async Task Parallel_Redemptions_On_One_Account_Should_Never_Overdraw_It()
    {
        var t = await App.CreateTenantAsync("led-d");
        var c = await App.AddCustomerAsync(t.Id, "Caio Nunes");
        var dependent = await App.AddDependentAsync(t.Id, "Bia Nunes", c.Id);
        await App.CreditAsync(t.Id, c.Id, 60);
        await App.CreditAsync(t.Id, c.Id, 40);

        // 30 redemptions of 7 points from the titular's and the dependent's cards at once: only 14 fit in 100.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            try
            {
                await App.InLedgerAsync(t.Id, l => l.RedeemAsync(i % 2 == 0 ? c.Id : dependent.Id, 7, Guid.NewGuid(), DateTimeOffset.UtcNow, default));
                return true;
            }
            catch (DomainException ex) when (ex.Code == "Points.InsufficientBalance")
            {
                return false;
            }
        })));
        var totals = await TotalsAsync(t.Id, c.Id);

        Assert.Equal(14, outcomes.Count(ok => ok));
        Assert.Equal(2, totals.Balance);
        Assert.Equal(2, totals.SumOfEntries);
        Assert.Equal(2, totals.SumOfOpenLots);
    }

    [Fact]
    public async Task First_Credits_Arriving_Together_Should_Open_One_Account_And_Keep_Both()
    {
        var t = await App.CreateTenantAsync("led-e");
        var c = await App.AddCustomerAsync(t.Id, "Ana Dias");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => App.CreditAsync(t.Id, c.Id, 10))));
        var totals = await TotalsAsync(t.Id, c.Id);

        Assert.Equal(80, totals.Balance);
        Assert.Equal(80, totals.SumOfEntries);
        Assert.Equal(8, totals.Entries);
    }

    [Fact]
    public async Task Cancelled_Redemption_Should_Give_Points_Back_Once()
    {
        var t = await App.CreateTenantAsync("led-f");
        var c = await App.AddCustomerAsync(t.Id, "Téo Cruz");
        var redemption = Guid.NewGuid();
        var credit = await App.CreditAsync(t.Id, c.Id, 100);
        await App.InLedgerAsync(t.Id, l => l.RedeemAsync(c.Id, 70, redemption, DateTimeOffset.UtcNow, default));

        var back = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
            App.InLedgerAsync(t.Id, l => l.GiveBackAsync(redemption, DateTimeOffset.UtcNow, default)))));
        var totals = await TotalsAsync(t.Id, c.Id);
        var lot = await App.InTenantAsync(t.Id, db => db.PointsLots.SingleAsync(l => l.Id == credit.LotId));

        Assert.Single(back.Select(e => e.Id).Distinct());
        Assert.Equal(100, totals.Balance);
        Assert.Equal(100, totals.SumOfEntries);
        Assert.Equal(100, lot.Remaining);
    }

    [Fact]
    public async Task Points_Of_A_Category_With_Validity_Expire_At_The_End_Of_The_Last_Valid_Day_In_The_Tenant_Zone()
    {
        var t = await App.CreateTenantAsync("led-g");
        var c = await App.AddCustomerAsync(t.Id, "Iara Melo");
        // 10/01/2026 22:30 in São Paulo (already 11/01 in UTC); "Padrão" keeps points 365 days: valid through 09/01/2027.
        var credit = await App.CreditAsync(t.Id, c.Id, 10, new DateTimeOffset(2026, 1, 11, 1, 30, 0, TimeSpan.Zero));

        var lot = await App.InTenantAsync(t.Id, db => db.PointsLots.SingleAsync(l => l.Id == credit.LotId));

        Assert.Equal(new DateTimeOffset(2027, 1, 10, 3, 0, 0, TimeSpan.Zero), lot.ExpiresAt);
    }

    [Fact]
    public async Task The_Database_Should_Refuse_Update_And_Delete_Of_Ledger_Rows()
    {
        var t = await App.CreateTenantAsync("led-h");
        var c = await App.AddCustomerAsync(t.Id, "Noé Reis");
        await App.CreditAsync(t.Id, c.Id, 10);
        await App.InLedgerAsync(t.Id, l => l.RedeemAsync(c.Id, 5, Guid.NewGuid(), DateTimeOffset.UtcNow, default));
        await using var connection = await Sql.OpenAsAppAsync(App.Database, t.Id);

        foreach (var sql in new[]
                 {
                     "UPDATE ledger_entries SET points = points * 2", "DELETE FROM ledger_entries",
                     "UPDATE ledger_lot_movements SET points = 0", "DELETE FROM ledger_lot_movements",
                 })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => Sql.ExecuteAsync(connection, sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }

    private Task<Ledger.Totals> TotalsAsync(Guid tenantId, Guid accountId) => App.TotalsAsync(tenantId, accountId);
}
