using System.Net;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Customers;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.CardMaintenance;

/// <summary>The card screen's actions: block, unblock, cancel and reissue with a reason and an observation; an illegal one
/// refused with a message and nothing changed; every step in the card's history and the audit log.</summary>
public sealed class CardActionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    private sealed record World(TestData.TestTenant Tenant, Guid CardId, string Number, StaffClient Operator);

    private async Task<World> SetUpAsync(string code)
    {
        var tenant = await App.CreateTenantAsync(code);
        var customer = await App.AddCustomerAsync(tenant.Id, "Rosana Vilela");
        var cardId = await App.InTenantAsync(tenant.Id, db => db.Cards.Where(c => c.CustomerId == customer.Id).Select(c => c.Id).SingleAsync());
        return new World(tenant, cardId, customer.CardNumber, await App.SignedInAsync(tenant, StaffRole.CardOperator));
    }

    private Task<Guid> ReasonAsync(World world, string description) =>
        App.InTenantAsync(world.Tenant.Id, db => db.CardReasons.Where(r => r.Description == description).Select(r => r.Id).SingleAsync());

    private async Task<HttpResponseMessage> ActAsync(World world, string route, string reason, string observation = "")
    {
        var reasonId = await ReasonAsync(world, reason);
        return await world.Operator.PostFormFromPageAsync($"/cartoes/{world.Number}", $"/cartoes/{world.CardId}/{route}",
            new Dictionary<string, string> { ["ReasonId"] = reasonId.ToString(), ["Observation"] = observation });
    }

    private Task<Card> CardAsync(World world, Guid? id = null) =>
        App.InTenantAsync(world.Tenant.Id, db => db.Cards.AsNoTracking().SingleAsync(c => c.Id == (id ?? world.CardId)));

    private Task<List<CardHistoryEntry>> HistoryAsync(World world, Guid? id = null) =>
        App.InTenantAsync(world.Tenant.Id, db => db.CardHistory.AsNoTracking().Where(h => h.CardId == (id ?? world.CardId)).OrderBy(h => h.At).ToListAsync());

    [Fact]
    public async Task Block_Moves_The_Card_To_Temporarily_Blocked_With_History_And_Audit()
    {
        var world = await SetUpAsync("cma-a");
        using var _ = world.Operator;

        var response = await ActAsync(world, "bloquear", "Suspeita de fraude", "Cliente ligou às 10h");
        var screen = await world.Operator.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CardStatus.TemporarilyBlocked, (await CardAsync(world)).Status);
        var last = (await HistoryAsync(world))[^1];
        Assert.Equal((CardEvent.Blocked, CardStatus.Active, CardStatus.TemporarilyBlocked), (last.Event, last.FromStatus!.Value, last.ToStatus));
        Assert.Equal("Suspeita de fraude", last.Reason);
        Assert.Equal("Cliente ligou às 10h", last.Observation);
        Assert.Equal("CardOperator user", last.ByName);
        var row = screen.QuerySelectorAll("[data-testid=history-row]")[0].TextContent;
        Assert.Contains("Bloqueio temporário", row, StringComparison.Ordinal);
        Assert.Contains("Suspeita de fraude", row, StringComparison.Ordinal);
        Assert.Contains("Cliente ligou às 10h", row, StringComparison.Ordinal);
        Assert.Contains($"\"Status\": {(int)CardStatus.TemporarilyBlocked}", Assert.Single(await App.InTenantAsync(world.Tenant.Id, db => db.AuditEntries
            .Where(e => e.EntityType == "Card" && e.Action == AuditAction.Updated).Select(e => e.After!).ToListAsync())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unblocking_An_Active_Card_Is_Refused_With_A_Message_And_Nothing_Changes()
    {
        var world = await SetUpAsync("cma-b");
        using var _ = world.Operator;
        var before = (await HistoryAsync(world)).Count;

        var response = await ActAsync(world, "desbloquear", "Cartão recuperado");
        var page = Pages.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Desbloqueio não é possível: o cartão está Ativo. Nada foi alterado.",
            page.QuerySelector("[data-testid=action-error]")!.TextContent.Trim());
        Assert.Equal(CardStatus.Active, (await CardAsync(world)).Status);
        Assert.Equal(before, (await HistoryAsync(world)).Count);
        Assert.Equal(0, await App.InTenantAsync(world.Tenant.Id, db => db.AuditEntries.CountAsync(e => e.EntityType == "Card" && e.Action == AuditAction.Updated)));
    }

    [Fact]
    public async Task Blocked_Card_Is_Unblocked_Back_To_Active()
    {
        var world = await SetUpAsync("cma-c");
        using var _ = world.Operator;

        await ActAsync(world, "bloquear", "Solicitação do cliente");
        var response = await ActAsync(world, "desbloquear", "Cartão recuperado", "Achou o cartão");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CardStatus.Active, (await CardAsync(world)).Status);
        Assert.Equal([CardEvent.Issued, CardEvent.Blocked, CardEvent.Unblocked], (await HistoryAsync(world)).Select(h => h.Event));
    }

    [Fact]
    public async Task Missing_Reason_Or_A_Reason_Of_Another_Operation_Is_Refused_Next_To_The_Field()
    {
        var world = await SetUpAsync("cma-d");
        using var _ = world.Operator;

        var missing = await world.Operator.PostFormFromPageAsync($"/cartoes/{world.Number}", $"/cartoes/{world.CardId}/bloquear",
            new Dictionary<string, string> { ["ReasonId"] = "", ["Observation"] = "guardado" });
        var wrongKind = await ActAsync(world, "bloquear", "Cartão danificado"); // a reissue-only reason
        var page = Pages.Parse(await missing.Content.ReadAsStringAsync());

        Assert.Equal("Escolha um motivo da lista para esta operação.", page.FieldError("Block-reason"));
        Assert.Equal("guardado", page.QuerySelector("#Block-observation")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, wrongKind.StatusCode);
        Assert.Equal(CardStatus.Active, (await CardAsync(world)).Status);
    }

    [Fact]
    public async Task Cancelled_Card_Can_No_Longer_Be_Blocked()
    {
        var world = await SetUpAsync("cma-e");
        using var _ = world.Operator;

        var cancelled = await ActAsync(world, "cancelar", "Perda ou roubo");
        var block = await ActAsync(world, "bloquear", "Perda ou roubo");
        var page = Pages.Parse(await block.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(CardStatus.Cancelled, (await CardAsync(world)).Status);
        Assert.Contains("o cartão está Cancelado", page.QuerySelector("[data-testid=action-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, (await HistoryAsync(world)).Count);
    }

    [Fact]
    public async Task Reissue_Cancels_The_Card_And_Opens_A_New_Numbered_Card_At_07_Linked_Both_Ways()
    {
        var world = await SetUpAsync("cma-f");
        using var _ = world.Operator;

        var response = await ActAsync(world, "reemitir", "Perda ou roubo", "BO 1234/2026");
        var location = response.Headers.Location!.OriginalString;
        var newScreen = await world.Operator.GetPageAsync(location);

        var old = await CardAsync(world);
        Assert.Equal(CardStatus.Cancelled, old.Status);
        var replacement = await CardAsync(world, old.ReplacedByCardId!.Value);
        Assert.Equal($"/cartoes/{replacement.Number}", location); // the number, never the id, in the address bar
        Assert.Equal(CardStatus.CreditApproved, replacement.Status);
        Assert.Equal(world.CardId, replacement.ReplacesCardId);
        Assert.NotEqual(world.Number, replacement.Number);
        Assert.True(TestDocuments.IsLuhnValid(replacement.Number));
        Assert.Equal(world.Number.Length, replacement.Number.Length);
        var oldLast = (await HistoryAsync(world))[^1];
        Assert.Equal((CardEvent.Reissued, replacement.Id), (oldLast.Event, oldLast.RelatedCardId!.Value));
        Assert.Equal(world.CardId, (await HistoryAsync(world, replacement.Id)).Single().RelatedCardId);
        Assert.Equal(replacement.Number, newScreen.QuerySelector("[data-testid=card-number]")!.TextContent.Trim());
        Assert.Equal(world.Number, newScreen.QuerySelector("[data-testid=replaces]")!.TextContent.Trim());
        var second = await ActAsync(world, "reemitir", "Perda ou roubo");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode); // a card is replaced once; its replacement is what gets reissued next
        Assert.Equal(2, await App.InTenantAsync(world.Tenant.Id, db => db.Cards.CountAsync()));
    }

    [Fact]
    public async Task Card_Is_Found_By_Last_Four_Digits_And_Shown_Whole_To_The_Operator()
    {
        var world = await SetUpAsync("cma-g");
        using var _ = world.Operator;

        var search = await world.Operator.GetPageAsync("/cartoes?q=" + world.Number[^4..]);
        var open = search.QuerySelector("[data-testid=open-card]")!;
        var screen = await world.Operator.GetPageAsync(open.GetAttribute("href")!);

        Assert.Equal(world.Number, open.TextContent.Trim());
        Assert.Equal(world.Number, screen.QuerySelector("[data-testid=card-number]")!.TextContent.Trim());
        Assert.Equal("Rosana Vilela", screen.QuerySelector("[data-testid=card-customer]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Another_Tenants_Card_Is_Not_Found_And_A_Cashier_Is_Turned_Away()
    {
        var world = await SetUpAsync("cma-h");
        var other = await SetUpAsync("cma-i");
        using var _ = world.Operator;
        using var __ = other.Operator;
        using var cashier = await App.SignedInAsync(world.Tenant, StaffRole.Cashier, await App.CreateStoreAsync(world.Tenant.Id, "CX1"));
        var reason = await ReasonAsync(world, "Perda ou roubo");

        var screen = await world.Operator.Http.GetAsync($"/cartoes/{other.Number}");
        var byId = await world.Operator.Http.GetAsync($"/cartoes/{other.CardId}");
        var cancel = await world.Operator.PostFormFromPageAsync("/cartoes", $"/cartoes/{other.CardId}/cancelar",
            new Dictionary<string, string> { ["ReasonId"] = reason.ToString() });
        var cashierScreen = await cashier.Http.GetAsync($"/cartoes/{world.Number}");

        Assert.Equal(HttpStatusCode.NotFound, screen.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Contains("/acesso-negado", cashierScreen.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(CardStatus.Active, (await CardAsync(other)).Status);
    }

    [Fact]
    public async Task Pin_Is_Set_From_The_Screen_And_Never_Shown_Back()
    {
        var world = await SetUpAsync("cma-j");
        using var _ = world.Operator;

        var set = await world.Operator.PostFormFromPageAsync($"/cartoes/{world.Number}", $"/cartoes/{world.CardId}/senha",
            new Dictionary<string, string> { ["NewPin"] = "7391", ["ConfirmPin"] = "7391" });
        var wrong = await world.Operator.PostFormFromPageAsync($"/cartoes/{world.Number}", $"/cartoes/{world.CardId}/senha",
            new Dictionary<string, string> { ["CurrentPin"] = "0000", ["NewPin"] = "7392", ["ConfirmPin"] = "7392" });
        var html = await wrong.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("Senha atual incorreta. Tentativas restantes antes do bloqueio: 2.", Pages.Parse(html).FieldError("pin-CurrentPin"));
        Assert.DoesNotContain("7391", html, StringComparison.Ordinal);
        Assert.DoesNotContain("7392", html, StringComparison.Ordinal);
    }
}
