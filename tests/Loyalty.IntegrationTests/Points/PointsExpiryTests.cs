using Hangfire;
using Hangfire.Storage;
using Loyalty.Domain.DailyClose;
using Loyalty.Domain.Points;
using Loyalty.Testing;
using Loyalty.Web.Features.DailyClose;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Infrastructure.Jobs;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Points;

/// <summary>The expiry job and daily-close step (SPEC §5, §9): at the tenant's local midnight, never twice.</summary>
public sealed class PointsExpiryTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    // Credited 10/01/2025 10:00 in São Paulo; "Padrão" keeps points 365 days: valid through 09/01/2026, gone at
    // 10/01/2026 00:00 local = 03:00 UTC.
    private static readonly DateTimeOffset CreditedAt = new(2025, 1, 10, 13, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LocalMidnight = new(2026, 1, 10, 3, 0, 0, TimeSpan.Zero);

    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task A_Lot_Should_Expire_At_Local_Midnight_Not_A_Second_Before()
    {
        var t = await App.CreateTenantAsync("exp-a");
        var c = await App.AddCustomerAsync(t.Id, "Lúcia Campos");
        await App.CreditAsync(t.Id, c.Id, 120, CreditedAt);

        var at2359 = await ExpireAsync(t.Id, LocalMidnight.AddSeconds(-1)); // 09/01/2026 23:59:59 local
        var at0000 = await ExpireAsync(t.Id, LocalMidnight);
        var entry = await App.InTenantAsync(t.Id, db => db.LedgerEntries.SingleAsync(e => e.Kind == LedgerEntryKind.Expiry));

        Assert.Equal(new PointsLedger.ExpiryResult(0, 0), at2359);
        Assert.Equal(new PointsLedger.ExpiryResult(120, 1), at0000);
        Assert.Equal(-120, entry.Points);
        Assert.Equal(LocalMidnight, entry.OccurredAt); // dated at the expiry, whenever the job ran
        Assert.Equal(c.Id, entry.CustomerId);
    }

    [Fact]
    public async Task Running_The_Expiry_Twice_Should_Expire_Nothing_The_Second_Time()
    {
        var t = await App.CreateTenantAsync("exp-b");
        var c = await App.AddCustomerAsync(t.Id, "Davi Rocha");
        await App.CreditAsync(t.Id, c.Id, 100, CreditedAt);
        await App.CreditAsync(t.Id, c.Id, 30, CreditedAt.AddDays(200)); // still valid

        var first = await ExpireAsync(t.Id, LocalMidnight.AddHours(1));
        var second = await ExpireAsync(t.Id, LocalMidnight.AddHours(2));
        var totals = await App.TotalsAsync(t.Id, c.Id);

        Assert.Equal(new PointsLedger.ExpiryResult(100, 1), first);
        Assert.Equal(new PointsLedger.ExpiryResult(0, 0), second);
        Assert.Equal(30, totals.Balance);
        Assert.Equal(30, totals.SumOfEntries);
        Assert.Equal(30, totals.SumOfOpenLots);
    }

    [Fact]
    public async Task Two_Servers_Expiring_At_Once_Should_Expire_Each_Lot_Once()
    {
        var t = await App.CreateTenantAsync("exp-c");
        var customers = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            customers.Add((await App.AddCustomerAsync(t.Id, $"Cliente Expira {i}")).Id);
        }
        await Task.WhenAll(customers.Select(id => Task.Run(async () =>
        {
            await App.CreditAsync(t.Id, id, 50, CreditedAt);
            await App.CreditAsync(t.Id, id, 25, CreditedAt.AddHours(1));
        })));

        var both = await Task.WhenAll(
            Task.Run(() => ExpireAsync(t.Id, LocalMidnight)),
            Task.Run(() => ExpireAsync(t.Id, LocalMidnight)));
        var expiries = await App.InTenantAsync(t.Id, db => db.LedgerEntries.Where(e => e.Kind == LedgerEntryKind.Expiry).ToListAsync());

        Assert.Equal(12 * 75, both.Sum(r => r.Points));
        Assert.Equal(24, both.Sum(r => r.Lots));
        Assert.Equal(24, expiries.Count);
        var expiredLots = await App.InTenantAsync(t.Id, db => db.LedgerLotMovements
            .Where(m => m.Entry!.Kind == LedgerEntryKind.Expiry).Select(m => m.LotId).ToListAsync());
        Assert.Equal(24, expiredLots.Distinct().Count());
        Assert.Equal(24, expiredLots.Count);
        foreach (var id in customers)
        {
            var totals = await App.TotalsAsync(t.Id, id);
            Assert.Equal((0, 0, 0), (totals.Balance, totals.SumOfEntries, totals.SumOfOpenLots));
        }
    }

    [Fact]
    public async Task Redemption_Should_Not_Use_Points_That_Expired_Before_The_Job_Ran()
    {
        var t = await App.CreateTenantAsync("exp-d");
        var c = await App.AddCustomerAsync(t.Id, "Nina Pires");
        await App.CreditAsync(t.Id, c.Id, 100, CreditedAt); // long expired by the real clock, never run through the job
        await App.CreditAsync(t.Id, c.Id, 20);

        var refused = await Assert.ThrowsAsync<Loyalty.Domain.Common.DomainException>(() =>
            App.InLedgerAsync(t.Id, l => l.RedeemAsync(c.Id, 50, Guid.NewGuid(), DateTimeOffset.UtcNow, default)));
        var afterRefusal = await App.TotalsAsync(t.Id, c.Id);
        await App.InLedgerAsync(t.Id, l => l.RedeemAsync(c.Id, 20, Guid.NewGuid(), DateTimeOffset.UtcNow, default));
        var kinds = await App.InTenantAsync(t.Id, db => db.LedgerEntries.OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        var totals = await App.TotalsAsync(t.Id, c.Id);

        Assert.Equal("Points.InsufficientBalance", refused.Code);
        Assert.Equal(120, afterRefusal.Balance); // a refused redemption saves nothing
        // The redemption's lock expired the due lot first, in its own transaction, then took the valid points.
        Assert.Equal([LedgerEntryKind.Accrual, LedgerEntryKind.Accrual, LedgerEntryKind.Expiry, LedgerEntryKind.Redemption], kinds);
        Assert.Equal((0, 0, 0), (totals.Balance, totals.SumOfEntries, totals.SumOfOpenLots));
    }

    [Fact]
    public async Task Daily_Close_Should_Expire_Due_Points_And_Report_Them()
    {
        var t = await App.CreateTenantAsync("exp-e");
        var c = await App.AddCustomerAsync(t.Id, "Otto Brandão");
        await App.CreditAsync(t.Id, c.Id, 1234, CreditedAt);
        await App.CreditAsync(t.Id, c.Id, 10, CreditedAt.AddDays(2));

        var run = await CloseAsync(t.Id, null);

        Assert.Equal(DailyCloseStatus.Completed, run.Status);
        var step = Assert.Single(run.Steps, s => s.Key == PointsExpiryStep.StepKey);
        Assert.Equal(("DailyClose.Summary.PointsExpiry", 1244L, 2L), (step.SummaryKey, step.Counts[0], step.Counts[1]));
        Assert.Equal(0, (await App.TotalsAsync(t.Id, c.Id)).Balance);
    }

    [Fact]
    public async Task Daily_Close_Of_An_Earlier_Date_Should_Expire_Only_What_Was_Due_By_The_End_Of_That_Day()
    {
        var t = await App.CreateTenantAsync("exp-h");
        var c = await App.AddCustomerAsync(t.Id, "Ivo Brandão");
        await App.CreditAsync(t.Id, c.Id, 100, CreditedAt);              // last valid day 09/01/2026
        await App.CreditAsync(t.Id, c.Id, 7, CreditedAt.AddDays(2));     // last valid day 11/01/2026

        var ninth = await CloseAsync(t.Id, new DateOnly(2026, 1, 9));
        var tenth = await CloseAsync(t.Id, new DateOnly(2026, 1, 10));

        Assert.Equal([100L, 1L], Assert.Single(ninth.Steps, s => s.Key == PointsExpiryStep.StepKey).Counts);
        Assert.Equal([0L, 0L], Assert.Single(tenth.Steps, s => s.Key == PointsExpiryStep.StepKey).Counts);
        Assert.Equal(7, (await App.TotalsAsync(t.Id, c.Id)).Balance);
    }

    private async Task<DailyCloseRun> CloseAsync(Guid tenantId, DateOnly? date)
    {
        await using var scope = App.TenantScope(tenantId);
        return await scope.ServiceProvider.GetRequiredService<DailyCloseRunner>().RunAsync(date, DailyCloseTrigger.Manual, default);
    }

    [Fact]
    public async Task Expiry_Job_Should_Expire_The_Tenant_Named_By_Its_Argument_And_Refuse_No_Tenant()
    {
        var a = await App.CreateTenantAsync("exp-f");
        var b = await App.CreateTenantAsync("exp-g");
        var ca = await App.AddCustomerAsync(a.Id, "Rosa Lopes");
        var cb = await App.AddCustomerAsync(b.Id, "Rui Lopes");
        await App.CreditAsync(a.Id, ca.Id, 10, CreditedAt);
        await App.CreditAsync(b.Id, cb.Id, 10, CreditedAt);
        var job = App.Services.GetRequiredService<PointsExpiryJob>();

        await job.RunAsync(a.Id, default);

        Assert.Equal(0, (await App.TotalsAsync(a.Id, ca.Id)).Balance);
        Assert.Equal(10, (await App.TotalsAsync(b.Id, cb.Id)).Balance);
        await Assert.ThrowsAsync<TenantNotResolvedException>(() => job.RunAsync(Guid.Empty, default));
        using var connection = App.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = Assert.Single(connection.GetRecurringJobs(), j => j.Id == DailyCloseScheduler.ExpiryJobId(a.Code));
        Assert.Equal("0 * * * *", recurring.Cron);
        Assert.Equal(a.Id, recurring.Job.Args[0]);
    }

    private async Task<PointsLedger.ExpiryResult> ExpireAsync(Guid tenantId, DateTimeOffset now) =>
        await App.InLedgerAsync(tenantId, l => l.ExpireDueAsync(now, default));
}
