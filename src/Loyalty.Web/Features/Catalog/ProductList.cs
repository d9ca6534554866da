using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Catalog;

/// <summary>The catalogue screen: search by code (prefix) or description (fragment), filter by department, paged.</summary>
public static class ProductList
{
    public const int PageSize = 25;

    public sealed class Query
    {
        public string? Q { get; set; }
        public Guid? DepartmentId { get; set; }
        public int Page { get; set; } = 1;
    }

    public sealed record Row(Guid Id, string Code, string Description, string? Department, string? Section, bool IsActive);

    public sealed record Option(Guid Id, string Label);

    public sealed record Result(Query Query, List<Row> Rows, bool HasNext, List<Option> Departments);

    public sealed class Handler(LoyaltyDbContext db)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            query.Page = Shared.ListBounds.Page(query.Page, PageSize);
            var products = db.Products.AsNoTracking();
            if (query.DepartmentId is { } departmentId)
            {
                products = products.Where(p => p.DepartmentId == departmentId);
            }
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var code = query.Q.Trim().ToUpperInvariant();
                var fragment = "%" + query.Q.Trim().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
                    .Replace("_", @"\_", StringComparison.Ordinal) + "%";
                products = products.Where(p => p.Code.StartsWith(code) || EF.Functions.ILike(p.Description, fragment, @"\"));
            }
            var found = await products.OrderBy(p => p.Code)
                .Skip((query.Page - 1) * PageSize).Take(PageSize + 1)
                .Select(p => new Row(p.Id, p.Code, p.Description,
                    db.Departments.Where(d => d.Id == p.DepartmentId).Select(d => d.Code + " — " + d.Name).FirstOrDefault(),
                    db.Sections.Where(s => s.Id == p.SectionId).Select(s => s.Code + " — " + s.Name).FirstOrDefault(),
                    p.IsActive))
                .ToListAsync(cancellationToken);
            var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code)
                .Select(d => new Option(d.Id, d.Code + " — " + d.Name)).ToListAsync(cancellationToken);
            return new Result(query, [.. found.Take(PageSize)], found.Count > PageSize, departments);
        }
    }
}
