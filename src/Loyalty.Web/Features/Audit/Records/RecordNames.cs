using Loyalty.Domain.Cards;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Audit;

/// <summary>The kinds of record the audit log names: the changed records and those their fields point at.</summary>
public enum RecordKind
{
    Tenant,
    Store,
    User,
    ApiKey,
    Category,
    Customer,
    Card,
    RedemptionBlock,
    Department,
    Section,
    Product,
    CampaignType,
    Campaign,
    Prize,
    Purchase,
    Redemption,
    GiftVoucher,
    EmbossingBatch,
    CreditScoreSet,
    CreditModality,
    CreditDecision,
    CardReason,
    AgreementCompany,
}

/// <summary>A record as people know it, and the screen that shows it when there is one.</summary>
public sealed record RecordName(string Name, string? Url);

/// <summary>
/// Names records by id for a page of the audit log: one query per kind of record for the whole page, never one per row.
/// A record the page cannot find (deleted since) is simply absent; the formatter says so in words.
/// </summary>
public sealed class RecordNames(LoyaltyDbContext db)
{
    public async Task<NameBook> ResolveAsync(IEnumerable<(RecordKind Kind, string Id)> wanted, CancellationToken cancellationToken)
    {
        var book = new Dictionary<(RecordKind, Guid), RecordName>();
        foreach (var group in wanted.GroupBy(w => w.Kind))
        {
            var ids = group.Select(w => Guid.TryParse(w.Id, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
            if (ids.Count == 0)
            {
                continue;
            }
            foreach (var (id, name) in await LookupAsync(group.Key, ids, cancellationToken))
            {
                book[(group.Key, id)] = name;
            }
        }
        return new NameBook(book);
    }

    private async Task<Dictionary<Guid, RecordName>> LookupAsync(RecordKind kind, List<Guid> ids, CancellationToken ct) => kind switch
    {
        RecordKind.Tenant => await db.Tenants.AsNoTracking().Where(t => ids.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => new RecordName(t.Name, null), ct),
        RecordKind.Store => await db.Stores.AsNoTracking().Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => new RecordName(s.Code + " — " + s.Name, $"/lojas/{s.Id}"), ct),
        RecordKind.User => await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new RecordName(u.FullName, $"/usuarios/{u.Id}/editar"), ct),
        RecordKind.ApiKey => await db.ApiKeys.AsNoTracking().Where(k => ids.Contains(k.Id))
            .ToDictionaryAsync(k => k.Id, k => new RecordName(k.Name, "/chaves-api"), ct),
        RecordKind.Category => await db.CustomerCategories.AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new RecordName(c.Name, $"/categorias/{c.Id}/editar"), ct),
        RecordKind.AgreementCompany => await db.AgreementCompanies.AsNoTracking().Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => new RecordName(a.Name, $"/convenios/{a.Id}/editar"), ct),
        RecordKind.Customer => await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new RecordName(c.Name, $"/clientes/{c.Id}"), ct),
        RecordKind.Card => (await db.Cards.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Number, c.CustomerId })
            .ToListAsync(ct)).ToDictionary(c => c.Id, c => new RecordName(Card.Mask(c.Number), $"/cartoes/{c.Number}")),
        RecordKind.RedemptionBlock => OfCustomer(await db.RedemptionBlocks.AsNoTracking().Where(b => ids.Contains(b.Id))
            .Join(db.Customers, b => b.CustomerId, c => c.Id, (b, c) => new Owned(b.Id, c.Id, c.Name)).ToListAsync(ct)),
        RecordKind.Department => await db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => new RecordName(d.Code + " — " + d.Name, $"/departamentos/{d.Id}/editar"), ct),
        RecordKind.Section => await db.Sections.AsNoTracking().Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => new RecordName(s.Code + " — " + s.Name, $"/departamentos/secoes/{s.Id}/editar"), ct),
        RecordKind.Product => await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new RecordName(p.Code + " — " + p.Description, $"/produtos/{p.Id}/editar"), ct),
        RecordKind.CampaignType => await db.CampaignTypes.AsNoTracking().Where(t => ids.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => new RecordName(t.Name, "/campanhas/tipos"), ct),
        RecordKind.Campaign => await db.Campaigns.AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new RecordName(c.Description, $"/campanhas/{c.Id}"), ct),
        RecordKind.Prize => (await db.Prizes.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Join(db.Products, p => p.ProductId, product => product.Id, (p, product) => new { p.Id, p.CampaignId, product.Code, product.Description })
                .ToListAsync(ct))
            .ToDictionary(p => p.Id, p => new RecordName(p.Code + " — " + p.Description, $"/campanhas/{p.CampaignId}/premios")),
        RecordKind.Purchase => (await db.Purchases.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Join(db.Customers, p => p.CustomerId, c => c.Id, (p, c) => new { p.Id, p.PosNumber, p.CouponNumber, c.Name })
                .ToListAsync(ct))
            .ToDictionary(p => p.Id, p => new RecordName($"{p.PosNumber} / {p.CouponNumber} — {p.Name}", $"/compras/{p.Id}")),
        RecordKind.Redemption => OfCustomer(await db.Redemptions.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Join(db.Customers, r => r.CustomerId, c => c.Id, (r, c) => new Owned(r.Id, c.Id, c.Name)).ToListAsync(ct)),
        RecordKind.GiftVoucher => OfCustomer(await db.GiftVouchers.AsNoTracking().Where(v => ids.Contains(v.Id))
            .Join(db.Customers, v => v.CustomerId, c => c.Id, (v, c) => new Owned(v.Id, c.Id, c.Name)).ToListAsync(ct)),
        RecordKind.EmbossingBatch => await db.Set<Loyalty.Domain.Cards.Embossing.EmbossingBatch>().AsNoTracking().Where(b => ids.Contains(b.Id))
            .Select(b => new { b.Id, b.Number }).ToDictionaryAsync(b => b.Id, b => new RecordName(
                Loyalty.Domain.Numbering.DocumentNumber.Format(Loyalty.Domain.Numbering.DocumentKind.EmbossingBatch, b.Number), $"/cartoes/lotes/{b.Number}"), ct),
        RecordKind.CreditScoreSet => await db.CreditScoreSets.AsNoTracking().Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => new RecordName(s.EffectiveFrom.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
                $"/credito/parametros/{s.Id}"), ct),
        RecordKind.CreditModality => await db.CreditModalities.AsNoTracking().Where(m => ids.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => new RecordName(m.Name, "/credito/modalidades"), ct),
        RecordKind.CreditDecision => OfCustomer(await db.CreditDecisions.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Join(db.Customers, d => d.CustomerId, c => c.Id, (d, c) => new Owned(d.Id, c.Id, c.Name)).ToListAsync(ct)),
        RecordKind.CardReason => await db.CardReasons.AsNoTracking().Where(r => ids.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => new RecordName(r.Description, $"/cartoes/motivos/{r.Id}/editar"), ct),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    // A block, a redemption or a gift voucher is known at the counter by its customer: it is named and linked as such.
    private sealed record Owned(Guid Id, Guid CustomerId, string CustomerName);

    private static Dictionary<Guid, RecordName> OfCustomer(List<Owned> rows) =>
        rows.ToDictionary(r => r.Id, r => new RecordName(r.CustomerName, $"/clientes/{r.CustomerId}"));
}

/// <summary>The names found for one page.</summary>
public sealed class NameBook(IReadOnlyDictionary<(RecordKind, Guid), RecordName> names)
{
    public static NameBook Empty { get; } = new(new Dictionary<(RecordKind, Guid), RecordName>());

    public RecordName? Find(RecordKind kind, string? id) =>
        Guid.TryParse(id, out var guid) && names.TryGetValue((kind, guid), out var name) ? name : null;
}
