using Loyalty.Domain.Customers;
using Loyalty.Testing;
using Loyalty.Web.Features.Blocks;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Blocks;

/// <summary>The question redemption asks: points are the titular's, so the titular's block stops every associated card.</summary>
public sealed class RedemptionBlockRuleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    private async Task<bool> IsBlockedAsync(Guid tenantId, Guid customerId)
    {
        await using var scope = App.TenantScope(tenantId);
        return await scope.ServiceProvider.GetRequiredService<RedemptionBlocks>().IsBlockedAsync(customerId, CancellationToken.None);
    }

    private async Task<RedemptionBlock> BlockAsync(Guid tenantId, Guid customerId)
    {
        var block = RedemptionBlock.Block(customerId, "teste", null, "Teste", DateTimeOffset.UtcNow);
        await App.InTenantAsync(tenantId, db =>
        {
            db.RedemptionBlocks.Add(block);
            return db.SaveChangesAsync();
        });
        return block;
    }

    [Fact]
    public async Task Titular_Block_Blocks_The_Dependents_Too()
    {
        var tenant = await App.CreateTenantAsync("regra-a");
        var titular = await App.AddCustomerAsync(tenant.Id, "Titular Bloqueado");
        var dependent = await App.AddDependentAsync(tenant.Id, "Dependente Dele", titular.Id);

        await BlockAsync(tenant.Id, titular.Id);

        Assert.True(await IsBlockedAsync(tenant.Id, titular.Id));
        Assert.True(await IsBlockedAsync(tenant.Id, dependent.Id));
    }

    [Fact]
    public async Task Dependent_Block_Blocks_That_Dependent_Alone()
    {
        var tenant = await App.CreateTenantAsync("regra-b");
        var titular = await App.AddCustomerAsync(tenant.Id, "Titular Livre");
        var blocked = await App.AddDependentAsync(tenant.Id, "Dependente Bloqueado", titular.Id);
        var sibling = await App.AddDependentAsync(tenant.Id, "Dependente Livre", titular.Id);

        await BlockAsync(tenant.Id, blocked.Id);

        Assert.True(await IsBlockedAsync(tenant.Id, blocked.Id));
        Assert.False(await IsBlockedAsync(tenant.Id, titular.Id));
        Assert.False(await IsBlockedAsync(tenant.Id, sibling.Id));
    }

    [Fact]
    public async Task Removed_Block_Blocks_Nobody()
    {
        var tenant = await App.CreateTenantAsync("regra-c");
        var titular = await App.AddCustomerAsync(tenant.Id, "Titular Desbloqueado");
        var dependent = await App.AddDependentAsync(tenant.Id, "Dependente Desbloqueado", titular.Id);
        var block = await BlockAsync(tenant.Id, titular.Id);

        await App.InTenantAsync(tenant.Id, async db =>
        {
            db.Attach(block).Entity.Remove(null, "Teste", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        Assert.False(await IsBlockedAsync(tenant.Id, titular.Id));
        Assert.False(await IsBlockedAsync(tenant.Id, dependent.Id));
    }

    [Fact]
    public async Task A_Block_In_Another_Tenant_Blocks_Nothing_Here()
    {
        var a = await App.CreateTenantAsync("regra-d");
        var b = await App.CreateTenantAsync("regra-e");
        var customerOfB = await App.AddCustomerAsync(b.Id, "Cliente de B");
        await BlockAsync(b.Id, customerOfB.Id);

        Assert.False(await IsBlockedAsync(a.Id, customerOfB.Id));
        Assert.True(await IsBlockedAsync(b.Id, customerOfB.Id));
    }
}
