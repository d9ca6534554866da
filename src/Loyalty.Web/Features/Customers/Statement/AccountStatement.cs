using System.ComponentModel;
using System.Runtime.CompilerServices;
using Loyalty.Domain.Numbering;
using Loyalty.Domain.Points;
using Loyalty.Web.Features.Points;

namespace Loyalty.Web.Features.Customers.Statement;

/// <summary>
/// The statement as data, for GET /api/v1/customers/{identifier}/statement (SPEC §10): the period's ledger entries
/// with the balance after each and what they refer to, the balances around the period and the current balance.
/// Instants are written in the tenant's offset; entries stream to the response as they are read.
/// </summary>
public static class AccountStatement
{
    public sealed record Answer(
        Guid CustomerId,
        [property: Description("First day of the period (tenant's calendar), included.")] DateOnly From,
        [property: Description("Last day of the period, included.")] DateOnly To,
        [property: Description("Balance before the period.")] long OpeningBalance,
        [property: Description("Balance at the end of the period.")] long ClosingBalance,
        [property: Description("The account's balance now (a dependent's points are the titular's).")] long Balance,
        IAsyncEnumerable<Entry> Entries);

    public sealed record Entry(
        DateTimeOffset OccurredAt,
        LedgerEntryKind Kind,
        long Points,
        long BalanceAfter,
        Guid? PurchaseId,
        string? StoreCode,
        string? PosNumber,
        string? CouponNumber,
        Guid? RedemptionId,
        [property: Description("The redemption's number as its receipt shows it (e.g. RES-000123); null when the entry is not a redemption's.")]
        string? RedemptionNumber,
        string? Reason,
        [property: Description("Last day the points of this credit are valid (tenant's calendar); null when they never expire or for debits.")]
        DateOnly? LotValidUntil);

    public sealed class Handler(StatementSubject.Handler subjects, StatementLedger ledger, AccountPoints points)
    {
        public async Task<(Answer? Answer, StatementSubject.Problem Problem)> HandleAsync(Guid customerId, DateOnly? from, DateOnly? to,
            CancellationToken cancellationToken)
        {
            var (subject, problem) = await subjects.HandleAsync(customerId, from, to, cancellationToken);
            if (subject is null)
            {
                return (null, problem);
            }
            var opening = await ledger.BalanceBeforeAsync(subject.AccountId, subject.Start, cancellationToken);
            var closing = await ledger.BalanceBeforeAsync(subject.AccountId, subject.End, cancellationToken);
            var balance = (await points.ReadAsync(subject.AccountId, cancellationToken)).Balance;
            return (new Answer(subject.CustomerId, subject.Period.From, subject.Period.To, opening, closing, balance,
                EntriesAsync(subject, opening, cancellationToken)), StatementSubject.Problem.None);
        }

        private async IAsyncEnumerable<Entry> EntriesAsync(StatementSubject.Subject subject, long opening,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var line in ledger.LinesAsync(subject.AccountId, subject.Start, subject.End, opening, cancellationToken))
            {
                yield return new Entry(TimeZoneInfo.ConvertTime(line.OccurredAt, subject.Zone), line.Kind, line.Points, line.BalanceAfter,
                    line.PurchaseId, line.StoreCode, line.PosNumber, line.CouponNumber, line.RedemptionId,
                    line.RedemptionNumber is { } number ? DocumentNumber.Format(DocumentKind.Redemption, number) : null, line.Reason,
                    line.LotExpiresAt is { } expires ? PointsExpiry.LastValidDay(expires, subject.Zone) : null);
            }
        }
    }
}
