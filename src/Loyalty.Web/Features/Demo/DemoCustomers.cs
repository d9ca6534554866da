using Loyalty.Domain.Categories;
using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Demo;

/// <summary>
/// The demo program's customers (issue 4): categories, the tenant's settings (birth date, gender and mobile phone
/// required, as SPEC §3 asks of the demo), titulars PF and PJ (alphanumeric CNPJ), a dependent and a redemption block.
/// Idempotent: what exists is left as it is.
/// </summary>
internal static class DemoCustomers
{
    private sealed record Person(string Document, PersonType Type, string Name, Gender Gender, DateOnly? Birth, string Category,
        string Phone, string Email, string City, string? TitularDocument = null, RedeemScope Scope = RedeemScope.TitularOnly);

    private static readonly Person[] People =
    [
        new("52998224725", PersonType.PF, "João da Silva", Gender.Male, new DateOnly(1985, 4, 12), "Ouro", "11987654321", "joao.silva@example.com", "São Paulo", Scope: RedeemScope.AllCards),
        new("12345678909", PersonType.PF, "Maria Eduarda da Silva", Gender.Female, new DateOnly(2012, 6, 1), "Ouro", "11987654322", "maria.eduarda@example.com", "São Paulo", TitularDocument: "52998224725"),
        new("98765432100", PersonType.PF, "Ana Beatriz Conceição", Gender.Female, new DateOnly(1992, 11, 3), "Padrão", "21998761234", "ana.conceicao@example.com", "Rio de Janeiro"),
        new("11144477735", PersonType.PF, "Carlos Pereira", Gender.Male, new DateOnly(1978, 1, 25), "Padrão", "31991234567", "carlos.pereira@example.com", "Belo Horizonte"),
        new("12ABC34501DE35", PersonType.PJ, "Transportes Rodovia Ltda", Gender.NotInformed, null, "Frotistas", "41998887777", "frota@rodovia.example.com", "Curitiba"),
    ];

    public static async Task SeedAsync(IServiceProvider services, Guid storeId, Guid? userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<LoyaltyDbContext>();
        var settings = await db.ProgramSettings.SingleAsync(cancellationToken);
        settings.ChangeMandatoryFields(MandatoryFields.BirthDate | MandatoryFields.Gender | MandatoryFields.MobilePhone, settings.MinimumTitularAge);
        if (settings.DefaultRules.IsEmpty)
        {
            settings.ChangeDefaultRules(new AntifraudRules { MaxPurchasesPerCardPerDay = 10, MaxPurchaseAmount = 5000m });
        }
        var categories = await db.CustomerCategories.ToDictionaryAsync(c => c.Name, cancellationToken);
        AddCategory(db, categories, CustomerCategory.Create("Ouro", "Clientes de alto consumo", 2m, 365, AuditParameter.UseTenantRules, null, now));
        AddCategory(db, categories, CustomerCategory.Create("Frotistas", "Empresas com frota própria", 1.5m, 180, AuditParameter.CustomRules,
            new AntifraudRules { MaxPurchasesPerCardPerDay = 4, MaxPurchaseAmount = 3000m }, now));
        await db.SaveChangesAsync(cancellationToken);

        var register = services.GetRequiredService<RegisterCustomer.Handler>();
        foreach (var person in People)
        {
            if (await db.Customers.AnyAsync(c => c.Document == person.Document, cancellationToken))
            {
                continue;
            }
            var titularId = person.TitularDocument is null ? (Guid?)null
                : await db.Customers.Where(c => c.Document == person.TitularDocument).Select(c => c.Id).SingleAsync(cancellationToken);
            var outcome = await register.HandleAsync(new CustomerForm
            {
                PersonType = person.Type, Document = person.Document, Name = person.Name, Gender = person.Gender, BirthDate = person.Birth,
                CategoryId = categories[person.Category].Id, MobilePhone = person.Phone, Email = person.Email, City = person.City,
                Uf = person.City switch { "São Paulo" => "SP", "Rio de Janeiro" => "RJ", "Belo Horizonte" => "MG", _ => "PR" },
                IsDependent = titularId is not null, TitularId = titularId, RedeemScope = person.Scope,
            }, new Registration(RegistrationOrigin.BackOffice, now, storeId, userId), cancellationToken);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"Demo customer {person.Name}: " + string.Join("; ", outcome.Errors.Select(e => $"{e.Field}: {e.Message}")));
            }
        }

        var blocked = await db.Customers.Where(c => c.Document == "11144477735").Select(c => c.Id).SingleAsync(cancellationToken);
        if (!await db.RedemptionBlocks.AnyAsync(b => b.CustomerId == blocked, cancellationToken))
        {
            db.RedemptionBlocks.Add(RedemptionBlock.Block(blocked, "Suspeita de fraude em abastecimentos (demonstração)", userId, "admin@demo.local", now));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static void AddCategory(LoyaltyDbContext db, Dictionary<string, CustomerCategory> categories, CustomerCategory category)
    {
        if (!categories.ContainsKey(category.Name))
        {
            db.CustomerCategories.Add(category);
            categories[category.Name] = category;
        }
    }
}
