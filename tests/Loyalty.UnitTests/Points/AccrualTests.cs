using Loyalty.Domain.Points;

namespace Loyalty.UnitTests.Points;

public sealed class AccrualTests
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    private static readonly DateTimeOffset Purchase = new(2026, 3, 31, 23, 30, 0, TimeSpan.FromHours(-3));
    private static readonly DateTimeOffset Recorded = Purchase.AddMinutes(2);

    private static LedgerSource Source(PointsAccount account, Guid purchaseId) => new(account.Id, "PDV 01", PurchaseId: purchaseId);

    [Fact]
    public void An_Accrual_Credits_The_Account_And_Records_Who_Earned_It()
    {
        var account = PointsAccount.OpenFor(Guid.NewGuid());
        var dependent = Guid.NewGuid();
        var purchaseId = Guid.NewGuid();

        var accrual = Accrual.For(account, dependent, 365, 150, Purchase, Source(account, purchaseId), Recorded, SaoPaulo);

        Assert.Equal(150, accrual.Balance);
        Assert.Equal(150, account.Balance);
        Assert.Equal(LedgerEntryKind.Accrual, accrual.Entry.Kind);
        Assert.Equal(150, accrual.Entry.Points);
        Assert.Equal(account.Id, accrual.Entry.AccountId);   // the titular's account earns…
        Assert.Equal(dependent, accrual.Entry.CustomerId);    // …the line says whose purchase it was
        Assert.Equal(purchaseId, accrual.Entry.PurchaseId);
        Assert.Equal((Purchase, Recorded), (accrual.Entry.OccurredAt, accrual.Entry.RecordedAt));
        Assert.Equal(accrual.Lot.Id, accrual.Entry.LotId);
        Assert.Equal((account.Id, 150L, 150L), (accrual.Lot.AccountId, accrual.Lot.Points, accrual.Lot.Remaining));
    }

    [Fact]
    public void The_Lot_Expires_After_The_Earning_Category_Validity_Counted_From_The_Local_Day_Of_The_Purchase()
    {
        var account = PointsAccount.OpenFor(Guid.NewGuid());

        // 31/03 23:30 in São Paulo is 01/04 in UTC; one day of validity ends at local midnight starting 01/04.
        var accrual = Accrual.For(account, Guid.NewGuid(), 1, 10, Purchase, Source(account, Guid.NewGuid()), Recorded, SaoPaulo);

        Assert.Equal(new DateTimeOffset(2026, 4, 1, 3, 0, 0, TimeSpan.Zero), accrual.Lot.ExpiresAt);
    }

    [Fact]
    public void A_Category_Without_Validity_Opens_A_Lot_That_Never_Expires()
    {
        var account = PointsAccount.OpenFor(Guid.NewGuid());

        var accrual = Accrual.For(account, Guid.NewGuid(), null, 10, Purchase, Source(account, Guid.NewGuid()), Recorded, SaoPaulo);

        Assert.Null(accrual.Lot.ExpiresAt);
    }

    [Fact]
    public void The_Balance_After_Adds_To_What_The_Account_Had()
    {
        var account = PointsAccount.OpenFor(Guid.NewGuid());
        account.Credit(LedgerEntryKind.Accrual, 40, Purchase.AddDays(-1), null);

        var accrual = Accrual.For(account, Guid.NewGuid(), 30, 60, Purchase, Source(account, Guid.NewGuid()), Recorded, SaoPaulo);

        Assert.Equal(100, accrual.Balance);
    }
}
