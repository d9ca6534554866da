using System.Net;
using Loyalty.Domain.Cards;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Cards;

/// <summary>The card flow and validity settings (Configurações → Cartões) and the status a new card starts in.</summary>
public sealed class CardFlowSettingsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Admin_Should_Switch_ToLoyaltyAndCredit_And_ANewCard_Should_StartAt06_WithItsHistory()
    {
        var tenant = await App.CreateTenantAsync($"cf{Guid.NewGuid():N}"[..10]);
        var before = await App.AddCustomerAsync(tenant.Id, "Antes do Credito");
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(tenant.Code, tenant.AdminEmail, TestData.Password);

        var page = await client.Http.GetStringAsync("/configuracoes/cartoes");
        Assert.Contains("Somente fidelidade", WebUtility.HtmlDecode(page));
        var response = await client.PostFormAsync("/configuracoes/cartoes", page, new Dictionary<string, string>
        {
            ["CardFlow"] = nameof(CardFlow.LoyaltyAndCredit), ["CardValidityMonths"] = "36",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var settings = await App.InTenantAsync(tenant.Id, db => db.ProgramSettings.SingleAsync());
        Assert.Equal((CardFlow.LoyaltyAndCredit, 36), (settings.CardFlow, settings.CardValidityMonths));
        var after = await App.AddCustomerAsync(tenant.Id, "Depois do Credito");
        var cards = await App.InTenantAsync(tenant.Id, db => db.Cards.ToDictionaryAsync(k => k.CustomerId));
        Assert.Equal(CardStatus.Active, cards[before.Id].Status);
        Assert.Equal(CardStatus.Registered, cards[after.Id].Status);
        var issued = cards[after.Id].IssuedAt;
        Assert.True(cards[after.Id].ExpiresOn > DateOnly.FromDateTime(issued.UtcDateTime.AddMonths(35)));
        var entry = await App.InTenantAsync(tenant.Id, db => db.CardHistory.SingleAsync(h => h.CardId == cards[after.Id].Id));
        Assert.Equal((CardEvent.Issued, (CardStatus?)null, CardStatus.Registered), (entry.Event, entry.FromStatus, entry.ToStatus));
        var audit = await App.InTenantAsync(tenant.Id, db => db.AuditEntries.CountAsync(a => a.EntityType == "ProgramSettings"));
        Assert.True(audit >= 1);

        // The profile shows the card's status, expiry and history, the whole number to a TenantAdmin.
        var profile = WebUtility.HtmlDecode(await client.Http.GetStringAsync($"/clientes/{after.Id}"));
        Assert.Contains("06</span> Cadastrado", profile);
        Assert.Contains(cards[after.Id].ExpiresOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), profile);
        Assert.Contains("data-testid=\"card-history\"", profile);
        Assert.Contains("Emissão", profile);
        Assert.Contains(after.CardNumber, profile);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("241")]
    [InlineData("")]
    public async Task ABadValidity_Should_BeRefused_NextToTheField_KeepingWhatWasTyped(string months)
    {
        var tenant = await App.CreateTenantAsync($"cv{Guid.NewGuid():N}"[..10]);
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(tenant.Code, tenant.AdminEmail, TestData.Password);
        var page = await client.Http.GetStringAsync("/configuracoes/cartoes");

        var response = await client.PostFormAsync("/configuracoes/cartoes", page, new Dictionary<string, string>
        {
            ["CardFlow"] = nameof(CardFlow.LoyaltyAndCredit), ["CardValidityMonths"] = months,
        });

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("A validade do cartão deve ficar entre 1 e 240 meses.", html);
        var settings = await App.InTenantAsync(tenant.Id, db => db.ProgramSettings.SingleAsync());
        Assert.Equal((CardFlow.LoyaltyOnly, 60), (settings.CardFlow, settings.CardValidityMonths));
    }
}
