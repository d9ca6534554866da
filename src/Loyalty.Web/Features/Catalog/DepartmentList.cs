using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Catalog;

/// <summary>The tenant's departments, each with its sections and how many products each groups.</summary>
public static class DepartmentList
{
    public sealed record SectionRow(Guid Id, string Code, string Name, int Products);

    public sealed record Row(Guid Id, string Code, string Name, int Products, List<SectionRow> Sections);

    public sealed class Handler(LoyaltyDbContext db)
    {
        public async Task<List<Row>> HandleAsync(CancellationToken cancellationToken)
        {
            var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code)
                .Select(d => new { d.Id, d.Code, d.Name, Products = db.Products.Count(p => p.DepartmentId == d.Id) })
                .ToListAsync(cancellationToken);
            var sections = await db.Sections.AsNoTracking().OrderBy(s => s.Code)
                .Select(s => new { s.DepartmentId, Row = new SectionRow(s.Id, s.Code, s.Name, db.Products.Count(p => p.SectionId == s.Id)) })
                .ToListAsync(cancellationToken);
            var byDepartment = sections.ToLookup(s => s.DepartmentId, s => s.Row);
            return [.. departments.Select(d => new Row(d.Id, d.Code, d.Name, d.Products, [.. byDepartment[d.Id]]))];
        }
    }
}
