using System.Linq.Expressions;
using Loyalty.Domain.Agreements;
using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Catalog;
using Loyalty.Domain.Points;
using Loyalty.Domain.Purchases;
using Loyalty.Domain.Categories;
using Loyalty.Domain.Common;
using Loyalty.Domain.Customers;
using Loyalty.Domain.DailyClose;
using Loyalty.Domain.Integration;
using Loyalty.Domain.Tenancy;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Infrastructure.Persistence;

public partial class LoyaltyDbContext(DbContextOptions<LoyaltyDbContext> options, TenantContext tenant)
    : IdentityUserContext<StaffUser, Guid>(options), IDataProtectionKeyContext
{
    public const string TenantFilter = "Tenant";

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Store> Stores => Set<Store>();
    public DbSet<StaffUserStore> StaffUserStores => Set<StaffUserStore>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<DailyCloseRun> DailyCloseRuns => Set<DailyCloseRun>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ProgramSettings> ProgramSettings => Set<ProgramSettings>();
    public DbSet<CustomerCategory> CustomerCategories => Set<CustomerCategory>();
    public DbSet<AgreementCompany> AgreementCompanies => Set<AgreementCompany>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Card> Cards => Set<Card>();
    public DbSet<Domain.Credit.CreditScoreSet> CreditScoreSets => Set<Domain.Credit.CreditScoreSet>();
    public DbSet<Domain.Credit.CreditModality> CreditModalities => Set<Domain.Credit.CreditModality>();
    public DbSet<Domain.Credit.CreditDecision> CreditDecisions => Set<Domain.Credit.CreditDecision>();
    public DbSet<CardHistoryEntry> CardHistory => Set<CardHistoryEntry>();
    public DbSet<Domain.Rfv.RfvClassification> RfvClassifications => Set<Domain.Rfv.RfvClassification>();
    public DbSet<RedemptionBlock> RedemptionBlocks => Set<RedemptionBlock>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<PointsAccount> PointsAccounts => Set<PointsAccount>();
    public DbSet<PointsLot> PointsLots => Set<PointsLot>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<LedgerLotMovement> LedgerLotMovements => Set<LedgerLotMovement>();
    public DbSet<Purchase> Purchases => Set<Purchase>();
    public DbSet<PurchaseItem> PurchaseItems => Set<PurchaseItem>();
    public DbSet<PurchasePayment> PurchasePayments => Set<PurchasePayment>();
    public DbSet<PurchaseReturn> PurchaseReturns => Set<PurchaseReturn>();
    public DbSet<CampaignType> CampaignTypes => Set<CampaignType>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Prize> Prizes => Set<Prize>();
    public DbSet<GiftVoucher> GiftVouchers => Set<GiftVoucher>();
    public DbSet<Redemption> Redemptions => Set<Redemption>();
    public DbSet<CampaignProgress> CampaignProgress => Set<CampaignProgress>();
    public DbSet<CustomerNameWord> CustomerNameWords => Set<CustomerNameWord>();
    public DbSet<Numbering.DocumentSequence> DocumentSequences => Set<Numbering.DocumentSequence>();

    public TenantContext Tenant => tenant;

    // Read by the query filters at every execution: throws when no tenant is set, so a forgotten tenant fails closed.
    private Guid CurrentTenantId => tenant.RequiredTenantId;

    // Staff users are the one exception: PlatformAdmins have no tenant and are what a scope without tenant sees.
    private Guid? CurrentTenantIdOrNull => tenant.TenantId;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LoyaltyDbContext).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes()
                     .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)))
        {
            var method = typeof(LoyaltyDbContext)
                .GetMethod(nameof(TenantFilterFor), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType);
            builder.Entity(entity.ClrType).HasQueryFilter(TenantFilter, (LambdaExpression)method.Invoke(this, null)!);
        }
        builder.Entity<StaffUser>().HasQueryFilter(TenantFilter, u => u.TenantId == CurrentTenantIdOrNull);
        builder.Entity<SignInFailure>().HasQueryFilter(TenantFilter, f => f.TenantId == CurrentTenantIdOrNull);
    }

    private Expression<Func<T, bool>> TenantFilterFor<T>() where T : class, ITenantOwned =>
        e => e.TenantId == CurrentTenantId;
}
