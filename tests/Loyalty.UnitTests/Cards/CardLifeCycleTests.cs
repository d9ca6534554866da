using Loyalty.Domain.Cards;
using Loyalty.Domain.Common;
using Loyalty.Domain.Tenancy;

namespace Loyalty.UnitTests.Cards;

/// <summary>
/// The card status machine of SPEC §8 as a table: every (status, action) pair is either legal — the card reaches the
/// expected status and the history gains one entry with who, when, why — or refused with Card.TransitionRefused and
/// nothing changed.
/// </summary>
public sealed class CardLifeCycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 13, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 6);
    private static readonly Guid Analyst = Guid.NewGuid();

    private static CardChange By(string? reason = null, string? observation = null) =>
        new(Now, Analyst, "Ana Analista", reason is null ? null : Guid.NewGuid(), reason, observation);

    public enum Action { ApproveCredit, RejectCredit, IssuePlastic, ConfirmReceipt, Block, Unblock, Cancel, Reissue }

    /// <summary>The legal moves; any pair missing here must be refused.</summary>
    private static readonly Dictionary<(CardStatus From, Action Action), CardStatus> Legal = new()
    {
        [(CardStatus.Registered, Action.ApproveCredit)] = CardStatus.CreditApproved,
        [(CardStatus.CreditNotApproved, Action.ApproveCredit)] = CardStatus.CreditApproved,
        [(CardStatus.Registered, Action.RejectCredit)] = CardStatus.CreditNotApproved,
        [(CardStatus.CreditNotApproved, Action.RejectCredit)] = CardStatus.CreditNotApproved,
        [(CardStatus.CreditApproved, Action.IssuePlastic)] = CardStatus.PlasticIssued,
        [(CardStatus.PlasticIssued, Action.ConfirmReceipt)] = CardStatus.Active,
        [(CardStatus.Active, Action.Block)] = CardStatus.TemporarilyBlocked,
        [(CardStatus.TemporarilyBlocked, Action.Unblock)] = CardStatus.Active,
        [(CardStatus.Active, Action.Cancel)] = CardStatus.Cancelled,
        [(CardStatus.Registered, Action.Cancel)] = CardStatus.Cancelled,
        [(CardStatus.CreditApproved, Action.Cancel)] = CardStatus.Cancelled,
        [(CardStatus.CreditNotApproved, Action.Cancel)] = CardStatus.Cancelled,
        [(CardStatus.PlasticIssued, Action.Cancel)] = CardStatus.Cancelled,
        [(CardStatus.TemporarilyBlocked, Action.Cancel)] = CardStatus.Cancelled,
        [(CardStatus.Active, Action.Reissue)] = CardStatus.Cancelled,
        [(CardStatus.Registered, Action.Reissue)] = CardStatus.Cancelled,
        [(CardStatus.CreditApproved, Action.Reissue)] = CardStatus.Cancelled,
        [(CardStatus.CreditNotApproved, Action.Reissue)] = CardStatus.Cancelled,
        [(CardStatus.PlasticIssued, Action.Reissue)] = CardStatus.Cancelled,
        [(CardStatus.TemporarilyBlocked, Action.Reissue)] = CardStatus.Cancelled,
        [(CardStatus.Cancelled, Action.Reissue)] = CardStatus.Cancelled,
    };

    public static TheoryData<CardStatus, Action> AllPairs()
    {
        var data = new TheoryData<CardStatus, Action>();
        foreach (var status in Enum.GetValues<CardStatus>())
        {
            foreach (var action in Enum.GetValues<Action>())
            {
                data.Add(status, action);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Transition_Should_FollowTheStatusMachine(CardStatus from, Action action)
    {
        var card = CardIn(from);
        var historyBefore = card.History.Count;

        if (Legal.TryGetValue((from, action), out var expected))
        {
            var replacement = Apply(card, action);

            Assert.Equal(expected, card.Status);
            var entry = card.History.Last();
            Assert.Equal(historyBefore + 1, card.History.Count);
            Assert.Equal(from, entry.FromStatus);
            Assert.Equal(expected, entry.ToStatus);
            Assert.Equal((Analyst, "Ana Analista", Now), (entry.ByUserId!.Value, entry.ByName, entry.At));
            Assert.Equal("Extravio", entry.Reason);
            Assert.Equal("pedido do cliente", entry.Observation);
            Assert.Equal(action == Action.Reissue, replacement is not null);
        }
        else
        {
            var ex = Assert.Throws<DomainException>(() => Apply(card, action));

            Assert.Equal("Card.TransitionRefused", ex.Code);
            Assert.Equal(from, card.Status);
            Assert.Equal(historyBefore, card.History.Count);
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Allows_Should_Agree_With_TheTransition(CardStatus from, Action action)
    {
        var card = CardIn(from);
        Assert.Equal(Legal.ContainsKey((from, action)), card.Allows(EventOf(action)));
    }

    [Fact]
    public void IssuePlastic_Should_Remember_TheBatch()
    {
        var card = CardIn(CardStatus.CreditApproved);
        var batch = Guid.NewGuid();

        card.IssuePlastic(batch, By());

        Assert.Equal(batch, card.EmbossingBatchId);
        Assert.Equal(CardEvent.PlasticIssued, card.History.Last().Event);
    }

    [Fact]
    public void Reissue_Should_CancelTheCard_And_StartANewOneAt07_LinkedBothWays()
    {
        var card = CardIn(CardStatus.Active);

        var replacement = card.Reissue("6062000000000026", generated: true, Today, 60, By("Extravio", "perdeu na praia"));

        Assert.Equal(CardStatus.Cancelled, card.Status);
        Assert.Equal(CardStatus.CreditApproved, replacement.Status);
        Assert.Equal("6062000000000026", replacement.Number);
        Assert.Equal(card.CustomerId, replacement.CustomerId);
        Assert.Equal(card.Id, replacement.ReplacesCardId);
        Assert.Equal(replacement.Id, card.ReplacedByCardId);
        Assert.Equal(new DateOnly(2031, 12, 31), replacement.ExpiresOn);
        var oldEntry = card.History.Last();
        Assert.Equal((CardEvent.Reissued, CardStatus.Active, CardStatus.Cancelled, replacement.Id),
            (oldEntry.Event, oldEntry.FromStatus!.Value, oldEntry.ToStatus, oldEntry.RelatedCardId!.Value));
        var newEntry = Assert.Single(replacement.History);
        Assert.Equal((CardEvent.Issued, (CardStatus?)null, CardStatus.CreditApproved, card.Id),
            (newEntry.Event, newEntry.FromStatus, newEntry.ToStatus, newEntry.RelatedCardId!.Value));
    }

    [Fact]
    public void Reissue_Should_Refuse_ACardAlreadyReplaced()
    {
        var card = CardIn(CardStatus.Active);
        card.Reissue("6062000000000026", true, Today, 60, By());

        var ex = Assert.Throws<DomainException>(() => card.Reissue("6062000000000034", true, Today, 60, By()));

        Assert.Equal("Card.AlreadyReissued", ex.Code);
    }

    [Theory]
    [InlineData(CardStatus.Active)]
    [InlineData(CardStatus.Registered)]
    [InlineData(CardStatus.CreditApproved)]
    public void Issue_Should_StartInAFirstStatus_WithOneHistoryEntry(CardStatus initial)
    {
        var card = Card.Issue(Guid.NewGuid(), "6062000000000018", false, initial, Today, 60, By());

        Assert.Equal(initial, card.Status);
        var entry = Assert.Single(card.History);
        Assert.Equal((CardEvent.Issued, (CardStatus?)null, initial), (entry.Event, entry.FromStatus, entry.ToStatus));
    }

    [Theory]
    [InlineData(CardStatus.PlasticIssued)]
    [InlineData(CardStatus.CreditNotApproved)]
    [InlineData(CardStatus.Cancelled)]
    [InlineData(CardStatus.TemporarilyBlocked)]
    public void Issue_Should_Refuse_AStatusACardCannotStartIn(CardStatus initial) =>
        Assert.Equal("Card.InitialStatusInvalid",
            Assert.Throws<DomainException>(() => Card.Issue(Guid.NewGuid(), "6062000000000018", false, initial, Today, 60, By())).Code);

    [Theory]
    [InlineData("2026-12-06", 60, "2031-12-31")]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2027-12-01", 2, "2028-02-29")] // leap year
    [InlineData("2026-03-15", 12, "2027-03-31")]
    public void ExpiresOn_Should_BeTheLastDayOfTheMonth_ValidityMonthsAfterIssue(string issued, int months, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Card.ExpiryFor(DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture), months));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(241)]
    public void ExpiryFor_Should_Refuse_AValidityOutOfRange(int months) =>
        Assert.Equal("Card.ValidityInvalid", Assert.Throws<DomainException>(() => Card.ExpiryFor(Today, months)).Code);

    [Fact]
    public void IsUsableOn_Should_RequireActive_And_NotExpired()
    {
        var card = Card.Issue(Guid.NewGuid(), "6062000000000018", false, CardStatus.Active, new DateOnly(2026, 1, 10), 1, By());

        Assert.True(card.IsUsableOn(new DateOnly(2026, 2, 28)));
        Assert.False(card.IsUsableOn(new DateOnly(2026, 3, 1)));
        Assert.True(card.IsExpiredOn(new DateOnly(2026, 3, 1)));
        card.BlockTemporarily(By());
        Assert.False(card.IsUsableOn(new DateOnly(2026, 2, 1)));
    }

    [Theory]
    [InlineData("bad\u0000reason", null)]
    [InlineData(null, "obs\u202Eevil")]
    public void CardChange_Should_Refuse_ControlCharacters(string? reason, string? observation) =>
        Assert.Throws<DomainException>(() => new CardChange(Now, Analyst, "Ana", reason is null ? null : Guid.NewGuid(), reason, observation));

    [Fact]
    public void CardChange_Should_Refuse_AnObservationTooLong() =>
        Assert.Equal("Card.ObservationInvalid", Assert.Throws<DomainException>(
            () => new CardChange(Now, Analyst, "Ana", observation: new string('x', CardChange.ObservationMaxLength + 1))).Code);

    [Theory]
    [InlineData(CardFlow.LoyaltyOnly, false, CardStatus.Active)]
    [InlineData(CardFlow.LoyaltyOnly, true, CardStatus.Active)]
    [InlineData(CardFlow.LoyaltyAndCredit, false, CardStatus.Registered)]
    [InlineData(CardFlow.LoyaltyAndCredit, true, CardStatus.CreditApproved)]
    public void InitialCardStatus_Should_FollowTheTenantsFlow(CardFlow flow, bool underAgreement, CardStatus expected)
    {
        var settings = ProgramSettings.ForNewTenant();
        settings.ChangeCardFlow(flow, 60);

        Assert.Equal(expected, settings.InitialCardStatus(underAgreement));
    }

    [Fact]
    public void ANewTenant_Should_StartOnLoyaltyOnly_With60Months()
    {
        var settings = ProgramSettings.ForNewTenant();

        Assert.Equal((CardFlow.LoyaltyOnly, 60), (settings.CardFlow, settings.CardValidityMonths));
    }

    /// <summary>A card brought to <paramref name="status"/> by legal steps, with its history so far.</summary>
    private static Card CardIn(CardStatus status)
    {
        var start = status is CardStatus.Active or CardStatus.TemporarilyBlocked or CardStatus.Cancelled
            ? CardStatus.Active
            : status == CardStatus.CreditApproved || status == CardStatus.PlasticIssued ? CardStatus.CreditApproved : CardStatus.Registered;
        var card = Card.Issue(Guid.NewGuid(), "6062000000000018", false, start, Today, 60, By());
        switch (status)
        {
            case CardStatus.CreditNotApproved: card.RejectCredit(By()); break;
            case CardStatus.PlasticIssued: card.IssuePlastic(Guid.NewGuid(), By()); break;
            case CardStatus.TemporarilyBlocked: card.BlockTemporarily(By()); break;
            case CardStatus.Cancelled: card.Cancel(By()); break;
        }
        Assert.Equal(status, card.Status);
        return card;
    }

    private static Card? Apply(Card card, Action action)
    {
        var change = By("Extravio", "pedido do cliente");
        switch (action)
        {
            case Action.ApproveCredit: card.ApproveCredit(change); return null;
            case Action.RejectCredit: card.RejectCredit(change); return null;
            case Action.IssuePlastic: card.IssuePlastic(Guid.NewGuid(), change); return null;
            case Action.ConfirmReceipt: card.ConfirmReceipt(change); return null;
            case Action.Block: card.BlockTemporarily(change); return null;
            case Action.Unblock: card.Unblock(change); return null;
            case Action.Cancel: card.Cancel(change); return null;
            default: return card.Reissue("6062000000000026", true, Today, 60, change);
        }
    }

    private static CardEvent EventOf(Action action) => action switch
    {
        Action.ApproveCredit => CardEvent.CreditApproved,
        Action.RejectCredit => CardEvent.CreditRejected,
        Action.IssuePlastic => CardEvent.PlasticIssued,
        Action.ConfirmReceipt => CardEvent.ReceiptConfirmed,
        Action.Block => CardEvent.Blocked,
        Action.Unblock => CardEvent.Unblocked,
        Action.Cancel => CardEvent.Cancelled,
        _ => CardEvent.Reissued,
    };
}
