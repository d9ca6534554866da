using Loyalty.Domain.Cards;
using Loyalty.Domain.Categories;
using Loyalty.Domain.Common;
using Loyalty.Domain.Customers;

namespace Loyalty.Domain.Tenancy;

/// <summary>
/// The tenant's loyalty-program settings, one row per tenant: the default antifraud rule set, the mandatory registration
/// fields, the minimum age of a PF titular, the card numbering, the card flow and the cards' validity.
/// </summary>
public class ProgramSettings : ITenantOwned, IAudited
{
    public const int DefaultMinimumAge = 16;
    public const string DefaultCardPrefix = "6062";
    public const int DefaultCardLength = 16;
    public const decimal DefaultPointsPerReal = 1m;
    public const decimal MaxPointsPerReal = 1000m;

    private ProgramSettings()
    {
        DefaultRules = AntifraudRules.None;
        CardPrefix = DefaultCardPrefix;
    }

    public Guid TenantId { get; private set; }
    public AntifraudRules DefaultRules { get; private set; }
    public MandatoryFields MandatoryFields { get; private set; }
    public int MinimumTitularAge { get; private set; }
    public string CardPrefix { get; private set; }
    public int CardLength { get; private set; }

    /// <summary>The default earning rate: points per R$ 1,00 where no concession rule of a campaign matches (SPEC §5).</summary>
    public decimal PointsPerReal { get; private set; }

    /// <summary>The next sequence number for generated card numbers; taken with a row lock when a card is generated.</summary>
    public long NextCardSequence { get; private set; }

    public CardNumberRule CardRule => new(CardPrefix, CardLength);

    /// <summary>Loyalty only (cards Active at the counter) or loyalty and credit (06 → analysis → 07 → … → 01), SPEC §8.</summary>
    public CardFlow CardFlow { get; private set; }

    /// <summary>How many months a card is valid after the month it was issued (SPEC §8, default 60).</summary>
    public int CardValidityMonths { get; private set; }

    /// <summary>What a new tenant starts with (SPEC §2–3): no antifraud rule, no optional field required, age 16.</summary>
    public static ProgramSettings ForNewTenant() => new()
    {
        DefaultRules = AntifraudRules.None,
        MandatoryFields = MandatoryFields.None,
        MinimumTitularAge = DefaultMinimumAge,
        CardPrefix = DefaultCardPrefix,
        CardLength = DefaultCardLength,
        NextCardSequence = 1,
        PointsPerReal = DefaultPointsPerReal,
        CardFlow = CardFlow.LoyaltyOnly,
        CardValidityMonths = Card.DefaultValidityMonths,
    };

    public void ChangeCardFlow(CardFlow flow, int validityMonths)
    {
        if (!Enum.IsDefined(flow))
        {
            throw new DomainException("Settings.CardFlowInvalid");
        }
        if (validityMonths is < 1 or > Card.MaxValidityMonths)
        {
            throw new DomainException("Card.ValidityInvalid");
        }
        CardFlow = flow;
        CardValidityMonths = validityMonths;
    }

    /// <summary>
    /// The status a titular's new card starts in: Active on loyalty only; on loyalty and credit, 06 awaiting the credit
    /// analysis, or 07 (straight to embossing) for a customer of an agreement company.
    /// </summary>
    public CardStatus InitialCardStatus(bool underAgreement) => CardFlow switch
    {
        CardFlow.LoyaltyAndCredit => underAgreement ? CardStatus.CreditApproved : CardStatus.Registered,
        _ => CardStatus.Active,
    };

    public void ChangePointsPerReal(decimal pointsPerReal)
    {
        if (pointsPerReal <= 0 || pointsPerReal > MaxPointsPerReal || decimal.Round(pointsPerReal, 2) != pointsPerReal)
        {
            throw new DomainException("Settings.PointsPerRealInvalid");
        }
        PointsPerReal = pointsPerReal;
    }

    public void ChangeDefaultRules(AntifraudRules rules) => DefaultRules = rules.Validated();

    public void ChangeMandatoryFields(MandatoryFields fields, int minimumTitularAge)
    {
        if (minimumTitularAge is < 0 or > 120)
        {
            throw new DomainException("Settings.MinimumAgeInvalid");
        }
        MandatoryFields = fields;
        MinimumTitularAge = minimumTitularAge;
    }

    public void ChangeCardRule(string prefix, int length)
    {
        var rule = new CardNumberRule(prefix, length);
        CardPrefix = rule.Prefix;
        CardLength = rule.Length;
    }

    public bool Requires(MandatoryFields field) => MandatoryFields.HasFlag(field);

    /// <summary>Takes the next generated card number of the tenant's rule.</summary>
    public string TakeNextCardNumber() => CardRule.Generate(NextCardSequence++);
}
