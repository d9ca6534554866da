using Loyalty.Domain.Cards;
using Loyalty.Domain.Credit;
using Loyalty.Web.Features.Credit;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Demo;

/// <summary>
/// The analyst's decisions of the `credito` demo: each applicant meant to be approved or rejected is decided by score
/// through <see cref="DecideCredit"/> — the very code behind the analysis screen's buttons — as the analyst user, the
/// approvals split 70/30 between "Compras à vista" and "Saque". A customer who already has a decision, or whose card has
/// left 06 since, is not decided again.
/// </summary>
internal static class DemoCreditDecisions
{
    public static async Task SeedAsync(IServiceProvider services, CreditAnalyst analyst, IReadOnlyDictionary<string, Guid> modalities,
        CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<LoyaltyDbContext>();
        var decide = services.GetRequiredService<DecideCredit.Handler>();
        var documents = DemoCreditApplicants.All.Where(a => a.Fate != DemoFate.Waiting).Select(a => a.Cpf).ToList();
        var pending = await db.Customers.AsNoTracking()
            .Where(c => documents.Contains(c.Document) && !db.CreditDecisions.Any(d => d.CustomerId == c.Id)
                && db.Cards.Any(k => k.CustomerId == c.Id && k.Status == CardStatus.Registered))
            .ToDictionaryAsync(c => c.Document, c => c.Id, cancellationToken);
        foreach (var applicant in DemoCreditApplicants.All.Where(a => pending.ContainsKey(a.Cpf)))
        {
            var command = new CustomerAnalysis.Command
            {
                Mode = CreditAnalysisMode.Score,
                Shares = [.. DemoCreditScore.Split.Select(s => new CustomerAnalysis.ShareInput { ModalityId = modalities[s.Modality], Percent = s.Percent })],
            };
            var change = new CardChange(analyst.At, analyst.UserId, analyst.Name);
            var result = applicant.Fate == DemoFate.Approve
                ? await decide.ApproveAsync(pending[applicant.Cpf], command, analyst, change, cancellationToken)
                : await decide.RejectAsync(pending[applicant.Cpf], command, analyst, change, cancellationToken);
            if (result is not { Succeeded: true })
            {
                throw new InvalidOperationException($"Demo credit decision for {applicant.Name}: "
                    + string.Join("; ", result?.Errors.Select(e => $"{e.Field}: {e.Message}") ?? ["customer not found"]));
            }
        }
    }
}
