using Loyalty.Domain.Cards;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

/// <summary>A card operator's maintenance of one card (SPEC §8 "Manutenção"): found by its last four digits, blocked,
/// unblocked, cancelled and reissued, each step with its reason in the card's history and the new card linked to the old.</summary>
public sealed class CardMaintenanceTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] Steps = ["Bloqueio temporário", "Desbloqueio", "Cancelamento", "Reemissão"];

    [Fact]
    public Task Operator_Finds_A_Card_By_Its_Last_Digits_Blocks_Unblocks_Cancels_And_Reissues_It() =>
        InBrowserAsync(async page =>
        {
            var tenantId = Fixture.DemoTenantId;
            var customer = await Fixture.App.AddCustomerAsync(tenantId, "Valdirene Manutenção Cartão", f =>
            {
                // The demo tenant asks for these at registration.
                f.Gender = Loyalty.Domain.Customers.Gender.Female;
                f.BirthDate = new DateOnly(1979, 3, 9);
                f.MobilePhone = "11987654321";
            });
            var number = customer.CardNumber!;
            await Fixture.App.InTenantAsync(tenantId, db => db.Database.ExecuteSqlAsync(
                $"UPDATE cards SET status = {CardStatus.Active.ToString()} WHERE customer_id = {customer.Id}"));
            page.Dialog += (_, dialog) => dialog.AcceptAsync();
            await page.SignInAsync("demo", "cartoes@demo.local");

            await page.GotoAsync("/cartoes");
            await page.GetByTestId("card-search").FillAsync(number[^4..]);
            await page.GetByTestId("card-search").PressAsync("Enter");
            var row = page.GetByTestId("card-row").Filter(new() { HasText = number });
            await Expect(row).ToContainTextAsync("Valdirene Manutenção Cartão");
            await row.GetByTestId("open-card").ClickAsync();
            await Expect(page.GetByTestId("card-number")).ToHaveTextAsync(number);
            await Expect(page.GetByTestId("card-status")).ToContainTextAsync("01");

            // Without a reason nothing changes, the message stands by the list and the observation typed is kept.
            await page.GetByTestId("action-bloquear").Locator("#Block-observation").FillAsync("Cliente ligou: perdeu a carteira");
            await page.GetByTestId("do-bloquear").ClickAsync();
            await Expect(page.Locator("#Block-reason-feedback")).ToHaveTextAsync("Escolha um motivo da lista para esta operação.");
            await Expect(page.Locator("#Block-reason")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.Locator("#Block-observation")).ToHaveValueAsync("Cliente ligou: perdeu a carteira");
            await Expect(page.GetByTestId("card-status")).ToContainTextAsync(CardStatus.Active.Code());

            await ActAsync(page, "Block", "bloquear", "Perda ou roubo", "Cliente ligou: perdeu a carteira");
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Cartão bloqueado temporariamente.");
            await Expect(page.GetByTestId("card-status")).ToContainTextAsync(CardStatus.TemporarilyBlocked.Code());
            await ExpectHistoryAsync(page, "Bloqueio temporário", $"01 → {CardStatus.TemporarilyBlocked.Code()}", "Perda ou roubo", "Cliente ligou: perdeu a carteira");

            await ActAsync(page, "Unblock", "desbloquear", "Cartão recuperado", "Achou a carteira no carro");
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Cartão desbloqueado.");
            await Expect(page.GetByTestId("card-status")).ToContainTextAsync("01");
            await ExpectHistoryAsync(page, "Desbloqueio", $"{CardStatus.TemporarilyBlocked.Code()} → 01", "Cartão recuperado", "Achou a carteira no carro");

            await ActAsync(page, "Cancel", "cancelar", "Solicitação do cliente", "Pediu o cancelamento na loja");
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Cartão cancelado.");
            await Expect(page.GetByTestId("card-status")).ToContainTextAsync(CardStatus.Cancelled.Code());
            await ExpectHistoryAsync(page, "Cancelamento", $"01 → {CardStatus.Cancelled.Code()}", "Solicitação do cliente", "Pediu o cancelamento na loja");
            // A cancelled card can no longer be blocked or cancelled again.
            await Expect(page.GetByTestId("action-bloquear")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("action-cancelar")).ToHaveCountAsync(0);

            await ActAsync(page, "Reissue", "reemitir", "Perda ou roubo", "Segunda via pedida pelo cliente");
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Cartão reemitido");
            // The page now shows the new card, in 07, pointing back at the old one.
            await Expect(page.GetByTestId("card-number")).Not.ToHaveTextAsync(number);
            var newNumber = (await page.GetByTestId("card-number").TextContentAsync())!.Trim();
            Assert.Matches(@"^\d{8,19}$", newNumber);
            await Expect(page.GetByTestId("card-status")).ToContainTextAsync("07");
            await Expect(page.GetByTestId("replaces")).ToHaveTextAsync(number);

            await page.GetByTestId("replaces").ClickAsync();
            await Expect(page.GetByTestId("card-number")).ToHaveTextAsync(number);
            await Expect(page.GetByTestId("replaced-by")).ToHaveTextAsync(newNumber);
            var reissued = page.GetByTestId("history-row").Filter(new() { HasText = "Reemissão" });
            await Expect(reissued).ToContainTextAsync(newNumber);
            await Expect(reissued).ToContainTextAsync("Segunda via pedida pelo cliente");
            // The whole life of the old card, oldest first or newest first, is there step by step.
            foreach (var step in Steps)
            {
                await Expect(page.GetByTestId("history-row").Filter(new() { HasText = step })).ToHaveCountAsync(1);
            }
            await Expect(page.Locator("body")).Not.ToContainTextAsync(customer.Id.ToString());
        });

    private static async Task ActAsync(IPage page, string operation, string route, string reason, string observation)
    {
        var form = page.GetByTestId("action-" + route);
        await form.Locator($"#{operation}-reason").SelectOptionAsync(new SelectOptionValue { Label = reason });
        await form.Locator($"#{operation}-observation").FillAsync(observation);
        await form.GetByTestId("do-" + route).ClickAsync();
    }

    private static async Task ExpectHistoryAsync(IPage page, string step, string move, string reason, string observation)
    {
        var row = page.GetByTestId("history-row").Filter(new() { HasText = step });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(move);
        await Expect(row).ToContainTextAsync(reason);
        await Expect(row).ToContainTextAsync(observation);
        await Expect(row).ToContainTextAsync("Camila Cartões");
    }
}
