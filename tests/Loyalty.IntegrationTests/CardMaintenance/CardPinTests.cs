using Loyalty.Domain.Cards;
using Loyalty.Testing;
using Loyalty.Web.Features.CardMaintenance;
using Loyalty.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.CardMaintenance;

/// <summary>"Manutenção de Senha": 4–6 digits, a slow salted hash, the current PIN to change it, locked after three wrong
/// tries and unlocked only by a new PIN set at the back office; never in the audit log's values.</summary>
public sealed class CardPinTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    private async Task<(Guid TenantId, Guid CardId)> CardAsync(string code)
    {
        var tenant = await App.CreateTenantAsync(code);
        var customer = await App.AddCustomerAsync(tenant.Id, "Irene Salgado");
        var cardId = await App.InTenantAsync(tenant.Id, db => db.Cards.Where(c => c.CustomerId == customer.Id).Select(c => c.Id).SingleAsync());
        return (tenant.Id, cardId);
    }

    private async Task<Loyalty.Web.Features.Shared.CommandResult<ChangePin.Mode>> PinAsync(Guid tenantId, Guid cardId,
        string newPin, string? current = null, string? confirm = null)
    {
        await using var scope = App.TenantScope(tenantId);
        var result = await scope.ServiceProvider.GetRequiredService<ChangePin.Handler>().HandleAsync(cardId,
            new ChangePin.Command { CurrentPin = current, NewPin = newPin, ConfirmPin = confirm ?? newPin }, CancellationToken.None);
        return result!;
    }

    private Task<CardPin?> StoredAsync(Guid tenantId, Guid cardId) =>
        App.InTenantAsync(tenantId, db => db.CardPins.AsNoTracking().SingleOrDefaultAsync(p => p.CardId == cardId));

    [Fact]
    public async Task First_Pin_Is_Kept_Only_As_A_Slow_Salted_Hash()
    {
        var (tenantId, cardId) = await CardAsync("pin-a");

        var result = await PinAsync(tenantId, cardId, "4821");

        Assert.True(result.Succeeded);
        Assert.Equal(ChangePin.Mode.First, result.Value);
        var pin = (await StoredAsync(tenantId, cardId))!;
        Assert.True(pin.PinIterations >= 100_000);
        Assert.Equal(16, pin.PinSalt.Length);
        Assert.Equal(32, pin.PinHash.Length);
        Assert.DoesNotContain("4821", Convert.ToHexString(pin.PinHash) + Convert.ToBase64String(pin.PinHash), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("1234567")]
    [InlineData("12a4")]
    [InlineData("")]
    public async Task Malformed_Pin_Is_Refused_And_Nothing_Is_Saved(string typed)
    {
        var (tenantId, cardId) = await CardAsync("pin-b" + typed.Length + typed.Count(char.IsLetter));

        var result = await PinAsync(tenantId, cardId, typed);

        Assert.Equal("NewPin", Assert.Single(result.Errors).Field);
        Assert.Null(await StoredAsync(tenantId, cardId));
    }

    [Fact]
    public async Task Confirmation_Must_Match()
    {
        var (tenantId, cardId) = await CardAsync("pin-c");

        var result = await PinAsync(tenantId, cardId, "1234", confirm: "1243");

        Assert.Equal("ConfirmPin", Assert.Single(result.Errors).Field);
        Assert.Null(await StoredAsync(tenantId, cardId));
    }

    [Fact]
    public async Task Change_Requires_The_Current_Pin()
    {
        var (tenantId, cardId) = await CardAsync("pin-d");
        await PinAsync(tenantId, cardId, "1111");
        var firstHash = (await StoredAsync(tenantId, cardId))!.PinHash;

        var missing = await PinAsync(tenantId, cardId, "2222");
        var changed = await PinAsync(tenantId, cardId, "2222", current: "1111");

        Assert.Equal("CurrentPin", Assert.Single(missing.Errors).Field);
        Assert.True(changed.Succeeded);
        Assert.Equal(ChangePin.Mode.Change, changed.Value);
        Assert.NotEqual(firstHash, (await StoredAsync(tenantId, cardId))!.PinHash);
        Assert.True((await PinAsync(tenantId, cardId, "3333", current: "2222")).Succeeded); // the new PIN is the current one now
    }

    [Fact]
    public async Task Three_Wrong_Tries_Lock_The_Pin_Until_A_New_One_Is_Set()
    {
        var (tenantId, cardId) = await CardAsync("pin-e");
        await PinAsync(tenantId, cardId, "1111");

        var first = await PinAsync(tenantId, cardId, "2222", current: "9999");
        var second = await PinAsync(tenantId, cardId, "2222", current: "9998");
        var third = await PinAsync(tenantId, cardId, "2222", current: "9997");
        var locked = await StoredAsync(tenantId, cardId);

        Assert.Contains("bloqueio: 2", Assert.Single(first.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("bloqueio: 1", Assert.Single(second.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("bloqueada", Assert.Single(third.Errors).Message, StringComparison.Ordinal);
        Assert.True(locked!.IsLocked);
        Assert.Equal(3, locked.WrongTries);

        // Locked: the back office sets a new PIN without the current one, which unlocks it.
        var reset = await PinAsync(tenantId, cardId, "5555");
        var unlocked = (await StoredAsync(tenantId, cardId))!;
        Assert.Equal(ChangePin.Mode.ResetLocked, reset.Value);
        Assert.False(unlocked.IsLocked);
        Assert.Equal(0, unlocked.WrongTries);
        Assert.True((await PinAsync(tenantId, cardId, "6666", current: "5555")).Succeeded);
    }

    [Fact]
    public async Task A_Right_Pin_Resets_The_Count_Of_Wrong_Tries()
    {
        var (tenantId, cardId) = await CardAsync("pin-f");
        await PinAsync(tenantId, cardId, "1111");
        await PinAsync(tenantId, cardId, "2222", current: "0000");
        await PinAsync(tenantId, cardId, "2222", current: "0000");

        await PinAsync(tenantId, cardId, "2222", current: "1111");
        await PinAsync(tenantId, cardId, "3333", current: "0000");

        var pin = (await StoredAsync(tenantId, cardId))!;
        Assert.False(pin.IsLocked);
        Assert.Equal(1, pin.WrongTries);
    }

    [Fact]
    public async Task The_Same_Pin_On_Two_Cards_Gets_Two_Salts_And_Two_Hashes()
    {
        var (tenantId, cardId) = await CardAsync("pin-g");
        var other = await App.AddCustomerAsync(tenantId, "Otávio Salgado");
        var otherCard = await App.InTenantAsync(tenantId, db => db.Cards.Where(c => c.CustomerId == other.Id).Select(c => c.Id).SingleAsync());

        await PinAsync(tenantId, cardId, "2468");
        await PinAsync(tenantId, otherCard, "2468");

        var a = (await StoredAsync(tenantId, cardId))!;
        var b = (await StoredAsync(tenantId, otherCard))!;
        Assert.NotEqual(a.PinSalt, b.PinSalt);
        Assert.NotEqual(a.PinHash, b.PinHash);
    }

    [Fact]
    public async Task Audit_Log_Says_The_Pin_Changed_Without_Any_Value_Of_It()
    {
        var (tenantId, cardId) = await CardAsync("pin-h");
        await PinAsync(tenantId, cardId, "1357");
        await PinAsync(tenantId, cardId, "2468", current: "1357");
        var pin = (await StoredAsync(tenantId, cardId))!;

        var entries = await App.InTenantAsync(tenantId, db => db.AuditEntries.Where(e => e.EntityType == "CardPin").ToListAsync());

        Assert.Equal([AuditAction.Created, AuditAction.Updated], entries.OrderBy(e => e.OccurredAt).Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(cardId.ToString(), e.EntityId));
        var logged = string.Join("|", entries.Select(e => e.Before + e.After));
        Assert.DoesNotContain("PinHash", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("PinSalt", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(pin.PinHash), logged, StringComparison.Ordinal);
        Assert.DoesNotContain("\"2468\"", logged, StringComparison.Ordinal);
        Assert.Contains("ChangedAt", logged, StringComparison.Ordinal);
    }
}
