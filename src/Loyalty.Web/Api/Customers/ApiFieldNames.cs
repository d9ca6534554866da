using Loyalty.Web.Features.Customers;

namespace Loyalty.Web.Api.Customers;

/// <summary>
/// The registration's messages are keyed by the form's property names (the counter shows them next to its fields); the
/// API reports them under the request's own field names, as SPEC §10 asks.
/// </summary>
public static class ApiFieldNames
{
    private static readonly Dictionary<string, string> FromForm = new(StringComparer.Ordinal)
    {
        [nameof(CustomerForm.PersonType)] = "personType",
        [nameof(CustomerForm.Document)] = "document",
        [nameof(CustomerForm.Name)] = "name",
        [nameof(CustomerForm.Gender)] = "gender",
        [nameof(CustomerForm.BirthDate)] = "birthDate",
        [nameof(CustomerForm.MotherName)] = "motherName",
        [nameof(CustomerForm.CategoryId)] = "category",
        [nameof(CustomerForm.AgreementCompanyId)] = "agreementCompanyCnpj",
        [nameof(CustomerForm.IsDependent)] = "titularDocument",
        [nameof(CustomerForm.Cep)] = "address.cep",
        [nameof(CustomerForm.Street)] = "address.street",
        [nameof(CustomerForm.Number)] = "address.number",
        [nameof(CustomerForm.Complement)] = "address.complement",
        [nameof(CustomerForm.Neighborhood)] = "address.neighborhood",
        [nameof(CustomerForm.City)] = "address.city",
        [nameof(CustomerForm.Uf)] = "address.uf",
        [nameof(CustomerForm.MobilePhone)] = "mobilePhone",
        [nameof(CustomerForm.Email)] = "email",
        [nameof(CustomerForm.CardNumber)] = "cardNumber",
        [nameof(CustomerForm.RedeemScope)] = "redeemScope",
        [nameof(CustomerForm.TitularId)] = "titularDocument",
        [nameof(CustomerForm.MaritalStatus)] = "credit.maritalStatus",
        [nameof(CustomerForm.Occupation)] = "credit.occupation",
        [nameof(CustomerForm.OccupationDescription)] = "credit.occupationDescription",
        [nameof(CustomerForm.MonthlyIncome)] = "credit.monthlyIncome",
        [nameof(CustomerForm.AdditionalIncome)] = "credit.additionalIncome",
        [nameof(CustomerForm.ProvenIncome)] = "credit.provenIncome",
        [nameof(CustomerForm.MonthsAtEmployer)] = "credit.monthsAtEmployer",
        [nameof(CustomerForm.ResidenceType)] = "credit.residenceType",
        [nameof(CustomerForm.MonthsAtResidence)] = "credit.monthsAtResidence",
    };

    public static string Of(string formField) => FromForm.GetValueOrDefault(formField, formField);

    /// <summary>A JSON path of the body ("$.address.cep", "$.Gender") as the request field name ("address.cep", "gender").</summary>
    public static string OfJsonPath(string path)
    {
        var trimmed = path.TrimStart('$').TrimStart('.');
        return string.Join('.', trimmed.Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => char.ToLowerInvariant(segment[0]) + segment[1..]));
    }
}
