using Loyalty.Domain.Credit;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Credit;

/// <summary>How an applicant's answer and a weight's option read on the screens and the report.</summary>
public static class ScoreDisplay
{
    public static string Answer(IStringLocalizer l, ScoreLine line) =>
        !line.Informed ? l["CreditProfile.NotInformed"]
        : line.Option is { } option ? Option(l, line.Attribute, option)
        : Number(line.Attribute, line.Value!.Value);

    public static string Option(IStringLocalizer l, ScoreAttribute attribute, int option) => attribute switch
    {
        ScoreAttribute.MaritalStatus => l["MaritalStatus." + (MaritalStatus)option],
        ScoreAttribute.ResidenceType => l["ResidenceType." + (ResidenceType)option],
        ScoreAttribute.Occupation => l["Occupation." + (Occupation)option],
        ScoreAttribute.ProvenIncome => l[option == ScoreAttributes.Yes ? "Yes" : "No"],
        _ => option.ToString(System.Globalization.CultureInfo.CurrentCulture),
    };

    public static string Number(ScoreAttribute attribute, decimal value) =>
        attribute.IsMoney() ? DisplayFormat.Money(value) : DisplayFormat.Number((long)value);

    public static string Reasons(IStringLocalizer l, CreditRejection reasons) =>
        string.Join("; ", reasons.Each().Select(r => l["CreditRejection." + r].Value));
}
