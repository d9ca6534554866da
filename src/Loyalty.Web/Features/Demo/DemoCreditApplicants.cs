using Loyalty.Domain.Credit;
using Loyalty.Domain.Customers;

namespace Loyalty.Web.Features.Demo;

/// <summary>What the seed does with a demo applicant's card after registering it.</summary>
internal enum DemoFate
{
    /// <summary>Left in 06 for the analyst to try (some pass the score, some do not).</summary>
    Waiting,

    /// <summary>Approved by score by the analyst (→ 07), then maybe embossed.</summary>
    Approve,

    /// <summary>Rejected by score by the analyst (→ 08, with the score's reasons).</summary>
    Reject,
}

/// <summary>Which demo batch takes an approved card: none (stays at 07 for the operator), the delivered one or the one
/// still at the embosser.</summary>
internal enum DemoBatch
{
    None,
    Delivered,
    InProgress,
}

internal sealed record DemoApplicant(string Cpf, string Name, Gender Gender, DateOnly Birth, string City, string Uf, CreditProfile Credit,
    DemoFate Fate, DemoBatch Batch = DemoBatch.None)
{
    /// <summary>The days before the seed the customer registered: each batch selects its cards by registration dates,
    /// so the delivered batch's customers came first, then the ones still at the embosser, then everyone else.</summary>
    public int RegisteredDaysAgo => Batch switch
    {
        DemoBatch.Delivered => DemoCreditBatches.DeliveredRegisteredDaysAgo,
        DemoBatch.InProgress => DemoCreditBatches.InProgressRegisteredDaysAgo,
        _ => 0,
    };
}

/// <summary>
/// The `credito` tenant's customers who applied for credit, with declared data varied so the score set of
/// <see cref="DemoCreditScore"/> approves some (limits of R$ 1.000 to 5.000) and rejects others (below the minimum,
/// naming the attributes that cost most). The first six are the customers of the earlier seed, kept by CPF.
/// </summary>
internal static class DemoCreditApplicants
{
    public static readonly DemoApplicant[] All =
    [
        // Waiting in 06: two would be approved, one rejected, one has data not informed.
        new("31024567826", "Beatriz Almeida Rocha", Gender.Female, new(1988, 3, 14), "Campinas", "SP",
            Profile(MaritalStatus.Married, Occupation.Employee, "Vendedora", 4_200m, null, true, 50, ResidenceType.Rented, 40), DemoFate.Waiting),
        new("40235678171", "Diego Martins Souza", Gender.Male, new(1975, 9, 2), "Santos", "SP",
            Profile(MaritalStatus.Divorced, Occupation.SelfEmployed, "Eletricista", 2_000m, null, false, 18, ResidenceType.Family, null), DemoFate.Waiting),
        new("51346789282", "Fernanda Lima Castro", Gender.Female, new(1996, 12, 20), "Sorocaba", "SP",
            Profile(MaritalStatus.Unmarried, Occupation.Employee, "Auxiliar administrativa", 3_100m, 600m, true, 14, ResidenceType.Rented, 14), DemoFate.Waiting),
        new("62457890365", "Henrique Barbosa Nunes", Gender.Male, new(1969, 5, 30), "Jundiaí", "SP",
            Profile(MaritalStatus.Married, Occupation.CivilServant, "Professor", 6_800m, null, true, 240, ResidenceType.Owned, 200), DemoFate.Waiting),
        // Rejected by score.
        new("73568901439", "Isabela Ferreira Gomes", Gender.Female, new(2001, 7, 8), "Piracicaba", "SP",
            Profile(MaritalStatus.Unmarried, Occupation.Student, "Estudante", 900m, null, false, 4, ResidenceType.Family, 12), DemoFate.Reject),
        new("89121067325", "Yuri Campos Teixeira", Gender.Male, new(2004, 2, 19), "Americana", "SP",
            Profile(MaritalStatus.Unmarried, Occupation.Unemployed, null, 0m, null, false, 0, ResidenceType.Family, 6), DemoFate.Reject),
        new("91210978288", "Juliana Pires Andrade", Gender.Female, new(1998, 11, 5), "Indaiatuba", "SP",
            Profile(MaritalStatus.Unmarried, Occupation.SelfEmployed, "Manicure", 1_400m, 300m, false, 8, ResidenceType.Rented, 5), DemoFate.Reject),
        // Approved by score, cards still at 07 for the operator's own batch.
        new("84679012501", "Leonardo Teixeira Dias", Gender.Male, new(1983, 1, 17), "Ribeirão Preto", "SP",
            Profile(MaritalStatus.Married, Occupation.Employee, "Analista de sistemas", 7_500m, null, true, 96, ResidenceType.Owned, 120), DemoFate.Approve),
        new("67843245529", "Vanessa Oliveira Reis", Gender.Female, new(1993, 6, 27), "Campinas", "SP",
            Profile(MaritalStatus.Unmarried, Occupation.Employee, "Recepcionista", 2_600m, null, true, 26, ResidenceType.Rented, 24), DemoFate.Approve),
        // Approved, embossed and delivered: cards active (01).
        new("12398745619", "Patrícia Moreira Lopes", Gender.Female, new(1980, 8, 9), "Campinas", "SP",
            Profile(MaritalStatus.Married, Occupation.CivilServant, "Enfermeira", 5_200m, 800m, true, 150, ResidenceType.Owned, 84), DemoFate.Approve, DemoBatch.Delivered),
        new("45665423785", "Sílvia Azevedo Costa", Gender.Female, new(1958, 4, 2), "Valinhos", "SP",
            Profile(MaritalStatus.Widowed, Occupation.Retired, "Aposentada", 3_200m, 1_500m, true, null, ResidenceType.Owned, 300), DemoFate.Approve, DemoBatch.Delivered),
        new("56754334657", "Thiago Mendes Araújo", Gender.Male, new(1987, 10, 12), "Campinas", "SP",
            Profile(MaritalStatus.Married, Occupation.BusinessOwner, "Comerciante", 9_000m, 2_500m, true, 72, ResidenceType.Financed, 48), DemoFate.Approve, DemoBatch.Delivered),
        // Approved and embossed, plastics still at the embosser: cards at 09.
        new("23487651955", "Rafael Cardoso Pinto", Gender.Male, new(1990, 1, 23), "Sumaré", "SP",
            Profile(MaritalStatus.StableUnion, Occupation.Employee, "Motorista", 3_800m, null, true, 40, ResidenceType.Rented, 30), DemoFate.Approve, DemoBatch.InProgress),
        new("78932156409", "William Rocha Batista", Gender.Male, new(1985, 3, 30), "Hortolândia", "SP",
            Profile(MaritalStatus.Divorced, Occupation.SelfEmployed, "Mecânico", 4_500m, null, false, 60, ResidenceType.Owned, 36), DemoFate.Approve, DemoBatch.InProgress),
    ];

    private static CreditProfile Profile(MaritalStatus marital, Occupation occupation, string? job, decimal income, decimal? additional,
        bool proven, int? monthsAtEmployer, ResidenceType residence, int? monthsAtResidence) => new()
    {
        MaritalStatus = marital, Occupation = occupation, OccupationDescription = job, MonthlyIncome = income, AdditionalIncome = additional,
        ProvenIncome = proven, MonthsAtEmployer = monthsAtEmployer, ResidenceType = residence, MonthsAtResidence = monthsAtResidence,
    };
}
