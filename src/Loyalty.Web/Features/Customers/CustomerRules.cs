using Loyalty.Domain.Customers;
using Loyalty.Domain.Tenancy;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Customers;

/// <summary>Loads what the registration rules depend on — the tenant's settings and today's date in its time zone —
/// once per request, and builds the validator from it.</summary>
public sealed class CustomerRules(LoyaltyDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    private ProgramSettings? _settings;
    private DateOnly _today;

    public async Task<ProgramSettings> SettingsAsync(CancellationToken cancellationToken)
    {
        if (_settings is null)
        {
            var tenantId = db.Tenant.RequiredTenantId;
            _settings = await db.ProgramSettings.AsNoTracking().SingleAsync(cancellationToken);
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
            _today = tenant.LocalDate(clock.GetUtcNow());
        }
        return _settings;
    }

    /// <summary>Today in the tenant's time zone (the day a card is issued, the day its expiry counts from).</summary>
    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken)
    {
        await SettingsAsync(cancellationToken);
        return _today;
    }

    public async Task<CustomerFormValidator> ValidatorAsync(bool isNew, CancellationToken cancellationToken)
    {
        var settings = await SettingsAsync(cancellationToken);
        return new CustomerFormValidator(l, settings, _today, isNew);
    }

    /// <summary>What the registration screens mark as required: see <see cref="CustomerFormValidator.RequiredFields"/>.</summary>
    public async Task<IReadOnlySet<string>> RequiredFieldsAsync(PersonType personType, CancellationToken cancellationToken) =>
        (await ValidatorAsync(isNew: true, cancellationToken)).RequiredFields(personType);
}
