using Loyalty.Domain.Catalog;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Demo;

/// <summary>
/// The demo program's product catalogue (issue 5): a fuel station with a convenience shop and a car wash. Idempotent:
/// what exists (by code) is left as it is.
/// </summary>
internal static class DemoCatalog
{
    private static readonly (string Code, string Name)[] Departments =
        [("COMB", "Combustíveis"), ("CONV", "Conveniência"), ("SERV", "Serviços")];

    private static readonly (string Department, string Code, string Name)[] Sections =
    [
        ("COMB", "AUTO", "Automotivos"), ("CONV", "BEB", "Bebidas"), ("CONV", "LUB", "Lubrificantes"), ("SERV", "LAV", "Lavagem"),
    ];

    private static readonly (string Code, string Description, string Department, string? Section)[] Products =
    [
        ("GASC", "Gasolina comum", "COMB", "AUTO"),
        ("GASA", "Gasolina aditivada", "COMB", "AUTO"),
        ("ETAN", "Etanol", "COMB", "AUTO"),
        ("DIES", "Diesel S10", "COMB", "AUTO"),
        ("AGUA500", "Água mineral 500 ml", "CONV", "BEB"),
        ("REFRI350", "Refrigerante lata 350 ml", "CONV", "BEB"),
        ("OLEO1L", "Óleo lubrificante 1 L", "CONV", "LUB"),
        ("LAVAG", "Lavagem completa", "SERV", "LAV"),
        // Prizes of the demo fixed campaign (DemoCampaigns).
        ("CANECA", "Caneca térmica do posto", "CONV", null),
        ("BONE", "Boné do posto", "CONV", null),
    ];

    public static async Task SeedAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<LoyaltyDbContext>();
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, cancellationToken);
        foreach (var (code, name) in Departments.Where(d => !departments.ContainsKey(d.Code)))
        {
            departments[code] = db.Departments.Add(Department.Create(code, name, now)).Entity;
        }
        var sections = (await db.Sections.ToListAsync(cancellationToken)).ToDictionary(s => (s.DepartmentId, s.Code));
        foreach (var (department, code, name) in Sections)
        {
            var key = (departments[department].Id, code);
            if (!sections.ContainsKey(key))
            {
                sections[key] = db.Sections.Add(Section.Create(key.Id, code, name, now)).Entity;
            }
        }
        var existing = (await db.Products.Select(p => p.Code).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var (code, description, department, section) in Products.Where(p => !existing.Contains(p.Code)))
        {
            var owner = departments[department];
            db.Products.Add(Product.Create(code, description, owner, section is null ? null : sections[(owner.Id, section)], now));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
