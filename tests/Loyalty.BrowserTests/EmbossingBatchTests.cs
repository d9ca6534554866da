using Loyalty.Domain.Cards;
using Loyalty.Testing;
using Loyalty.Web.Features.Embossing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

/// <summary>A card operator's day with a batch (SPEC §8): filter the approved cards, generate the batch, download its
/// file, confirm the receipt and see the cards Active.</summary>
public sealed class EmbossingBatchTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] Names = ["Zuleica Embossada Prado", "Zuleica Embossada Reis"];

    [Fact]
    public Task Operator_Generates_A_Batch_Downloads_The_File_Confirms_Receipt_And_Sees_The_Cards_Active() =>
        InBrowserAsync(async page =>
        {
            // Two customers only this test selects (by a name nobody else has), their cards approved (07).
            var tenantId = Fixture.DemoTenantId;
            foreach (var name in Names)
            {
                var customer = await Fixture.App.AddCustomerAsync(tenantId, name, f =>
                {
                    // The demo tenant asks for these at registration.
                    f.Gender = Loyalty.Domain.Customers.Gender.Female;
                    f.BirthDate = new DateOnly(1980, 5, 17);
                    f.MobilePhone = "11987654321";
                });
                await Fixture.App.InTenantAsync(tenantId, db => db.Database.ExecuteSqlAsync(
                    $"UPDATE cards SET status = {CardStatus.CreditApproved.ToString()} WHERE customer_id = {customer.Id}"));
            }
            page.Dialog += (_, dialog) => dialog.AcceptAsync();
            await page.SignInAsync("demo", "cartoes@demo.local");

            await page.GetByTestId("nav-embossing").ClickAsync();
            await page.GetByLabel("Nome do cliente").FillAsync("Zuleica Embossada");
            await page.GetByTestId("embossing-search").ClickAsync();
            await Expect(page.GetByTestId("embossing-count")).ToHaveTextAsync("2 cartões com crédito aprovado");
            await page.GetByTestId("embossing-generate").ClickAsync();
            await Expect(page.GetByTestId("embossing-running")).ToBeVisibleAsync();

            // The job runs in the worker; here the test is the worker. The page follows it by itself.
            var key = Guid.Parse(page.Url.Split('/').Last());
            await using (var scope = Fixture.App.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<EmbossingJob>().GenerateAsync(tenantId, key, CancellationToken.None);
            }
            await Expect(page.GetByTestId("embossing-done")).ToContainTextAsync("gerado com 2 cartões", new() { Timeout = 10_000 });
            await page.GetByTestId("open-batch").ClickAsync();

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("batch-download").ClickAsync());
            Assert.Matches(@"^EMB_demo_\d{6}_\d{14}\.txt$", download.SuggestedFilename);
            var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
            var text = System.Text.Encoding.Latin1.GetString(bytes);
            Assert.Contains("ZULEICA EMBOSSADA PRADO", text, StringComparison.Ordinal);
            Assert.EndsWith("T000002\r\n", text, StringComparison.Ordinal);

            await page.GetByTestId("confirm-receipt").ClickAsync();
            await Expect(page.GetByTestId("batch-status")).ToHaveTextAsync("Entregue");
            var statuses = page.GetByTestId("batch-card-status");
            await Expect(statuses).ToHaveCountAsync(2);
            await Expect(statuses.Nth(0)).ToHaveTextAsync("01 — Ativo");
            await Expect(statuses.Nth(1)).ToHaveTextAsync("01 — Ativo");
        });
}
