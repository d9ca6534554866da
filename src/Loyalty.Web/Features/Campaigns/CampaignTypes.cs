using System.ComponentModel.DataAnnotations;
using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Common;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>"F7 Tipos" (seed 001): the tenant's own campaign types — list, add, rename, delete while no campaign uses one.</summary>
public static class CampaignTypes
{
    public sealed record Row(Guid Id, string Name, int Campaigns);

    /// <summary>The type being added (Id empty) or renamed, as typed.</summary>
    public sealed class Form
    {
        public Guid Id { get; set; }

        [Display(Name = "CampaignType.Name")]
        public string? Name { get; set; }
    }

    public sealed record Page(List<Row> Rows, Form Form);

    public sealed class Handler(LoyaltyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        public async Task<Page> PageAsync(Form form, CancellationToken cancellationToken) => new(
            await db.CampaignTypes.AsNoTracking().OrderBy(t => t.Name)
                .Select(t => new Row(t.Id, t.Name, db.Campaigns.Count(c => c.TypeId == t.Id)))
                .ToListAsync(cancellationToken),
            form);

        /// <returns>Null when renaming a type that does not exist in the tenant.</returns>
        public async Task<CommandResult<Guid>?> SaveAsync(Form form, CancellationToken cancellationToken)
        {
            var name = form.Name?.Trim() ?? string.Empty;
            if (name.Length is 0 or > CampaignType.NameMaxLength)
            {
                return CommandResult<Guid>.Failure(nameof(Form.Name), l["Campaign.TypeNameRequired"]);
            }
            if (await db.CampaignTypes.AnyAsync(t => t.Name == name && t.Id != form.Id, cancellationToken))
            {
                return CommandResult<Guid>.Failure(nameof(Form.Name), l["CampaignType.NameTaken"]);
            }
            CampaignType type;
            if (form.Id == Guid.Empty)
            {
                type = db.CampaignTypes.Add(CampaignType.Create(name, clock.GetUtcNow())).Entity;
            }
            else if (await db.CampaignTypes.SingleOrDefaultAsync(t => t.Id == form.Id, cancellationToken) is { } existing)
            {
                type = existing;
                type.Rename(name);
            }
            else
            {
                return null;
            }
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<Guid>.Success(type.Id);
        }

        /// <returns>False when no such type exists in the tenant.</returns>
        public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
        {
            if (await db.CampaignTypes.SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } type)
            {
                return false;
            }
            CampaignType.EnsureDeletable(inUse: await db.Campaigns.AnyAsync(c => c.TypeId == id, cancellationToken));
            db.CampaignTypes.Remove(type);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.ForeignKeyViolation })
            {
                // A campaign was given the type between the check and the delete: the foreign key said no.
                throw new DomainException("Campaign.TypeInUse");
            }
            return true;
        }
    }
}
