using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Common;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>
/// "Cadastro de Concessão" (seed 001): for one participating store, every department and its sections with the points
/// per R$ each earns (blank: no rule). Saving one store's grid keeps the other stores' concessions.
/// </summary>
public static class ConcessionGrid
{
    public sealed class Row
    {
        public Guid DepartmentId { get; set; }
        public Guid? SectionId { get; set; }
        public decimal? PointsPerReal { get; set; }

        [BindNever]
        public string Label { get; set; } = string.Empty;
    }

    public sealed class Form
    {
        public Guid? StoreId { get; set; }
        public List<Row> Rows { get; set; } = [];

        [BindNever]
        public CampaignHeader? Campaign { get; set; }

        [BindNever]
        public List<SelectListItem> Stores { get; set; } = [];
    }

    public sealed class Handler(LoyaltyDbContext db, IStringLocalizer<SharedResource> l)
    {
        /// <summary>The grid of one store (the first participating one when none is chosen).</summary>
        /// <returns>Null when the campaign does not exist in the tenant.</returns>
        public async Task<Form?> LoadAsync(Guid id, Guid? storeId, CancellationToken cancellationToken)
        {
            if (await db.Campaigns.AsNoTracking().Include(c => c.Stores).Include(c => c.Concessions)
                    .SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign)
            {
                return null;
            }
            var form = new Form { StoreId = storeId ?? campaign.Stores.Select(s => (Guid?)s.StoreId).FirstOrDefault() };
            await DescribeAsync(form, campaign, cancellationToken);
            foreach (var row in form.Rows)
            {
                row.PointsPerReal = campaign.Concessions
                    .FirstOrDefault(c => c.StoreId == form.StoreId && c.DepartmentId == row.DepartmentId && c.SectionId == row.SectionId)?.PointsPerReal;
            }
            return form;
        }

        /// <summary>Rebuilds the grid's rows from the catalogue, keeping the rates posted for them (a row the catalogue no
        /// longer has is dropped), and the store choices.</summary>
        /// <returns>Null when the campaign does not exist in the tenant.</returns>
        public async Task<Form?> DescribeAsync(Guid id, Form form, CancellationToken cancellationToken) =>
            await db.Campaigns.AsNoTracking().Include(c => c.Stores).SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is { } campaign
                ? await DescribeAsync(form, campaign, cancellationToken)
                : null;

        /// <param name="checkOnly">Only report the rows' errors (some rate could not even be read): save nothing.</param>
        /// <returns>Null when the campaign does not exist in the tenant.</returns>
        public async Task<CommandResult<bool>?> SaveAsync(Guid id, Form form, bool checkOnly, CancellationToken cancellationToken)
        {
            if (await db.Campaigns.Include(c => c.Stores).Include(c => c.Concessions).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
                is not { } campaign)
            {
                return null;
            }
            if (form.StoreId is not { } storeId || campaign.Stores.All(s => s.StoreId != storeId))
            {
                return CommandResult<bool>.Failure(nameof(Form.StoreId), l["Campaign.StoreNotParticipating"]);
            }
            var errors = new List<FieldError>();
            var mine = new List<ConcessionTerms>();
            for (var i = 0; i < form.Rows.Count; i++)
            {
                if (form.Rows[i] is not { PointsPerReal: { } points } row)
                {
                    continue;
                }
                var terms = new ConcessionTerms(storeId, row.DepartmentId, row.SectionId, points);
                try
                {
                    Concession.Of(id, terms);
                    mine.Add(terms);
                }
                catch (DomainException error)
                {
                    errors.Add(new FieldError($"Rows[{i}].{nameof(Row.PointsPerReal)}", l[error.Code]));
                }
            }
            if (errors.Count > 0 || checkOnly)
            {
                return errors.Count > 0 ? CommandResult<bool>.Failure(errors) : CommandResult<bool>.Success(false);
            }
            var others = campaign.Concessions.Where(c => c.StoreId != storeId)
                .Select(c => new ConcessionTerms(c.StoreId, c.DepartmentId, c.SectionId, c.PointsPerReal));
            try
            {
                campaign.SetConcessions([.. others, .. mine]);
            }
            catch (DomainException error)
            {
                return CommandResult<bool>.Failure(CampaignErrors.Grid, l[error.Code]);
            }
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<bool>.Success(true);
        }

        private async Task<Form> DescribeAsync(Form form, Campaign campaign, CancellationToken cancellationToken)
        {
            var stores = await db.Stores.AsNoTracking().OrderBy(s => s.Code).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(cancellationToken);
            form.Stores = [.. stores.Where(s => campaign.Stores.Any(c => c.StoreId == s.Id))
                .Select(s => new SelectListItem(s.Code + " — " + s.Name, s.Id.ToString(), s.Id == form.StoreId))];
            var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);
            var sections = await db.Sections.AsNoTracking().OrderBy(s => s.Code).ToListAsync(cancellationToken);
            var posted = form.Rows.GroupBy(r => (r.DepartmentId, r.SectionId)).ToDictionary(g => g.Key, g => g.Last().PointsPerReal);
            form.Rows = [];
            foreach (var department in departments)
            {
                form.Rows.Add(new Row
                {
                    DepartmentId = department.Id, Label = department.Code + " — " + department.Name,
                    PointsPerReal = posted.GetValueOrDefault((department.Id, null)),
                });
                form.Rows.AddRange(sections.Where(s => s.DepartmentId == department.Id).Select(s => new Row
                {
                    DepartmentId = department.Id, SectionId = s.Id, Label = s.Code + " — " + s.Name,
                    PointsPerReal = posted.GetValueOrDefault((department.Id, (Guid?)s.Id)),
                }));
            }
            form.Campaign = CampaignHeader.Of(campaign);
            return form;
        }
    }
}
