using Loyalty.Domain.Cards;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

/// <summary>The card PIN form ("Manutenção de Senha"): each refusal is said under its own field, the first PIN is set,
/// then a change asks for the current one and counts a wrong try.</summary>
public sealed class CardPinFormTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] PinFields = ["#pin-CurrentPin", "#pin-NewPin", "#pin-ConfirmPin"];

    [Fact]
    public Task Operator_Sets_And_Changes_A_Card_Pin_With_Each_Mistake_Shown_Under_Its_Field() =>
        InBrowserAsync(async page =>
        {
            var tenantId = Fixture.DemoTenantId;
            var customer = await Fixture.App.AddCustomerAsync(tenantId, "Josefina Senha Cartão", f =>
            {
                f.Gender = Loyalty.Domain.Customers.Gender.Female;
                f.BirthDate = new DateOnly(1968, 7, 14);
                f.MobilePhone = "11987654321";
            });
            var number = customer.CardNumber!;
            await Fixture.App.InTenantAsync(tenantId, db => db.Database.ExecuteSqlAsync(
                $"UPDATE cards SET status = {CardStatus.Active.ToString()} WHERE customer_id = {customer.Id}"));
            await page.SignInAsync("demo", "cartoes@demo.local");
            await page.GotoAsync($"/cartoes/{number}");
            await Expect(page.GetByTestId("pin-state")).ToHaveTextAsync("Sem senha definida.");
            // No current PIN is asked before one exists.
            await Expect(page.Locator("#pin-CurrentPin")).ToHaveCountAsync(0);

            await SubmitAsync(page, null, "12a4", "12a4");
            await Expect(page.Locator("#pin-NewPin-feedback")).ToHaveTextAsync("A senha deve ter de 4 a 6 dígitos, só números.");
            await Expect(page.Locator("#pin-NewPin")).ToHaveAttributeAsync("aria-invalid", "true");

            await SubmitAsync(page, null, "1234", "1243");
            await Expect(page.Locator("#pin-ConfirmPin-feedback")).ToHaveTextAsync("A confirmação não confere com a nova senha.");
            await Expect(page.Locator("#pin-NewPin-feedback")).ToBeEmptyAsync();
            await Expect(page.GetByTestId("pin-state")).ToHaveTextAsync("Sem senha definida.");

            await SubmitAsync(page, null, "1234", "1234");
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Senha do cartão definida.");
            await Expect(page.GetByTestId("pin-state")).ToContainTextAsync("Senha definida em");

            // Now a change: the current PIN is asked, and a wrong one is refused with the tries left.
            await SubmitAsync(page, "", "5678", "5678");
            await Expect(page.Locator("#pin-CurrentPin-feedback")).ToHaveTextAsync("Informe a senha atual para alterá-la.");
            await SubmitAsync(page, "9999", "5678", "5678");
            await Expect(page.Locator("#pin-CurrentPin-feedback")).ToContainTextAsync("Senha atual incorreta. Tentativas restantes antes do bloqueio: 2.");
            await SubmitAsync(page, "1234", "5678", "5678");
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Senha do cartão alterada.");
            // The PIN itself is never written back into the page.
            await Expect(page.Locator("body")).Not.ToContainTextAsync("5678");
            foreach (var field in PinFields)
            {
                await Expect(page.Locator(field)).ToHaveValueAsync("");
            }
        });

    private static async Task SubmitAsync(IPage page, string? current, string pin, string confirm)
    {
        var form = page.GetByTestId("pin-form");
        if (current is not null)
        {
            await form.Locator("#pin-CurrentPin").FillAsync(current);
        }
        await form.Locator("#pin-NewPin").FillAsync(pin);
        await form.Locator("#pin-ConfirmPin").FillAsync(confirm);
        await form.GetByTestId("save-pin").ClickAsync();
    }
}
