using System.Net;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Customers;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Loyalty.IntegrationTests.Customers.WizardTestData;

namespace Loyalty.IntegrationTests.Customers;

public sealed class RegistrationWizardTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Cashier_Registers_A_Titular_PF_Through_Three_Steps_And_The_Review()
    {
        var (tenant, store, cashier, client) = await App.CashierAsync("wiz-pf");
        var wizard = await WizardSession.StartAsync(client);
        Assert.Equal("Informações Pessoais (1/3)", wizard.Title);
        Assert.NotNull(wizard.Visible("Document")!.GetAttribute("autofocus"));

        await wizard.NextAsync(Personal(TestDocuments.FormattedCpf(1), "Maria Aparecida da Silva"));
        Assert.Equal("Informações de contato (2/3)", wizard.Title);
        await wizard.NextAsync(Contact());
        Assert.Equal("Informações do Cartão Fidelidade (3/3)", wizard.Title);
        await wizard.NextAsync(new Dictionary<string, string> { ["CardNumber"] = "", ["RedeemScope"] = "AllCards" });
        Assert.Equal("Revisão", wizard.Title);
        Assert.Contains("Maria Aparecida da Silva", wizard.Html);
        Assert.Contains(TestDocuments.FormattedCpf(1), wizard.Html);
        Assert.Contains("(11) 98765-4321", wizard.Html);
        Assert.Contains("Gerado ao confirmar", wizard.Html);

        var done = await wizard.PressAsync("confirm");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var id = IdFromLocation(done);
        var userId = await App.UserIdAsync(tenant.Id, cashier);
        var (customer, card) = await App.InTenantAsync(tenant.Id, async db =>
            (await db.Customers.SingleAsync(c => c.Id == id), await db.Cards.SingleAsync(c => c.CustomerId == id)));
        Assert.Equal(TestDocuments.Cpf(1), customer.Document);
        Assert.Equal(PersonType.PF, customer.PersonType);
        Assert.Equal(Gender.Female, customer.Gender);
        Assert.Equal(new DateOnly(1990, 5, 20), customer.BirthDate);
        Assert.Equal(RedeemScope.AllCards, customer.RedeemScope);
        Assert.Equal(RegistrationOrigin.Counter, customer.Origin);
        Assert.Equal(store, customer.RegisteringStoreId);
        Assert.Equal(userId, customer.RegisteringUserId);
        Assert.Equal("01310100", customer.Address.Cep);
        Assert.Equal("SP", customer.Address.Uf);
        Assert.Equal("11987654321", customer.MobilePhone);
        Assert.Equal("cliente@example.com", customer.Email);
        Assert.Null(customer.TitularId);
        Assert.Equal(CardStatus.Active, card.Status);
        Assert.True(card.WasGenerated);
        // The flash message, shown on the next page, gives the card number to the cashier.
        Assert.Contains(card.Number, await client.Http.GetStringAsync("/"));
    }

    [Fact]
    public async Task Registers_A_PJ_With_An_Alphanumeric_Cnpj_Typed_In_Lower_Case()
    {
        var (tenant, _, _, client) = await App.CashierAsync("wiz-pj");
        var cnpj = TestDocuments.Cnpj("12ABC34501DE");
        var wizard = await WizardSession.StartAsync(client);

        await wizard.NextAsync(new Dictionary<string, string>
        {
            ["PersonType"] = "PJ", ["Document"] = TestDocuments.FormatCnpj(cnpj).ToLowerInvariant(), ["Name"] = "Auto Posto Estrela Ltda",
        });
        await wizard.NextAsync();
        await wizard.NextAsync();
        Assert.Contains(TestDocuments.FormatCnpj(cnpj), wizard.Html); // the review shows it normalised
        var done = await wizard.PressAsync("confirm");

        var id = IdFromLocation(done);
        var customer = await App.InTenantAsync(tenant.Id, db => db.Customers.SingleAsync(c => c.Id == id));
        Assert.Equal(cnpj, customer.Document);
        Assert.Equal(PersonType.PJ, customer.PersonType);
        Assert.Null(customer.BirthDate);
    }

    [Fact]
    public async Task A_Bad_Cpf_Fails_Step_1_Next_To_The_Field_And_Keeps_Everything_Typed()
    {
        var (_, _, _, client) = await App.CashierAsync("wiz-bad");
        var wizard = await WizardSession.StartAsync(client);
        await wizard.NextAsync(Personal(TestDocuments.FormattedCpf(2), "José Pereira"));
        await wizard.NextAsync(Contact());
        await wizard.PressAsync("back");
        await wizard.PressAsync("back");
        Assert.Equal(1, wizard.Step);

        await wizard.NextAsync(new Dictionary<string, string>
        {
            ["Document"] = "123.456.789-00", ["Name"] = "José Pereira Neto", ["Gender"] = "Male", ["MotherName"] = "Ana Pereira",
        });

        Assert.Equal(1, wizard.Step);
        Assert.Equal("CPF inválido: confira os números digitados.", wizard.ErrorOf("Document"));
        Assert.Contains("is-invalid", wizard.Visible("Document")!.ClassName);
        Assert.Equal("123.456.789-00", wizard.Visible("Document")!.GetAttribute("value"));
        Assert.Equal("José Pereira Neto", wizard.Visible("Name")!.GetAttribute("value"));
        Assert.Equal("Ana Pereira", wizard.Visible("MotherName")!.GetAttribute("value"));
        Assert.Equal("1990-05-20", wizard.Visible("BirthDate")!.GetAttribute("value"));
        Assert.Equal("Male", wizard.Field("Gender"));
        // The contact step, typed before going back, rides along in hidden fields.
        Assert.Equal("01310-100", wizard.Field("Cep"));
        Assert.Equal("cliente@example.com", wizard.Field("Email"));
        Assert.Equal("São Paulo", wizard.Field("City"));
    }

    [Fact]
    public async Task Going_Back_Never_Validates_And_A_Failing_Step_Shows_Its_Messages()
    {
        var (_, _, _, client) = await App.CashierAsync("wiz-back");
        var wizard = await WizardSession.StartAsync(client);
        await wizard.NextAsync(Personal(TestDocuments.FormattedCpf(3), "Ana Lima"));

        var contact = Contact();
        contact["Cep"] = "123";
        contact["MobilePhone"] = "(20) 98765-4321";
        await wizard.PressAsync("back", contact);
        Assert.Equal(1, wizard.Step);
        Assert.DoesNotContain("is-invalid", wizard.Html);

        await wizard.NextAsync();
        Assert.Equal(2, wizard.Step);
        Assert.Equal("123", wizard.Visible("Cep")!.GetAttribute("value"));
        await wizard.NextAsync();

        Assert.Equal(2, wizard.Step);
        Assert.Equal("CEP inválido: informe os 8 números.", wizard.ErrorOf("Cep"));
        Assert.StartsWith("Celular inválido", wizard.ErrorOf("MobilePhone"));
        Assert.Equal("Avenida Paulista", wizard.Visible("Street")!.GetAttribute("value"));
        Assert.Equal("Ana Lima", wizard.Field("Name"));
    }

    [Fact]
    public async Task A_Date_That_Is_Not_A_Date_Keeps_What_Was_Typed_Next_To_Its_Message()
    {
        var (_, _, _, client) = await App.CashierAsync("wiz-date");
        var wizard = await WizardSession.StartAsync(client);

        await wizard.NextAsync(Personal(TestDocuments.FormattedCpf(9), "Paulo Dias", "31/02/1990"));

        Assert.Equal(1, wizard.Step);
        Assert.Equal("O valor \"31/02/1990\" não é válido para este campo.", wizard.ErrorOf("BirthDate"));
        Assert.Equal("31/02/1990", wizard.Visible("BirthDate")!.GetAttribute("value"));
        Assert.Equal("Paulo Dias", wizard.Visible("Name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Mandatory_Email_Is_Required_When_The_Tenant_Says_So()
    {
        var (tenant, _, _, client) = await App.CashierAsync("wiz-mand");
        await using (var scope = App.TenantScope(tenant.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<Loyalty.Web.Infrastructure.Persistence.LoyaltyDbContext>();
            var settings = await db.ProgramSettings.SingleAsync();
            settings.ChangeMandatoryFields(MandatoryFields.Email | MandatoryFields.MobilePhone, 16);
            await db.SaveChangesAsync();
        }
        var wizard = await WizardSession.StartAsync(client);
        await wizard.NextAsync(Personal(TestDocuments.FormattedCpf(4), "Carla Souza"));

        var contact = Contact();
        contact["Email"] = "";
        contact["MobilePhone"] = "";
        await wizard.NextAsync(contact);

        Assert.Equal(2, wizard.Step);
        Assert.Equal("Campo obrigatório.", wizard.ErrorOf("Email"));
        Assert.Equal("Campo obrigatório.", wizard.ErrorOf("MobilePhone"));
        Assert.Equal("", wizard.ErrorOf("Cep"));
    }

    [Fact]
    public async Task A_Titular_Must_Be_16_But_A_Dependent_May_Be_A_Child()
    {
        var (_, _, _, client) = await App.CashierAsync("wiz-age");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var fifteen = today.AddYears(-15).AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var ten = today.AddYears(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var wizard = await WizardSession.StartAsync(client);

        await wizard.NextAsync(Personal(TestDocuments.FormattedCpf(5), "Lucas Teen", fifteen));
        Assert.Equal(1, wizard.Step);
        Assert.Equal("O titular precisa ter pelo menos 16 anos.", wizard.ErrorOf("BirthDate"));

        var dependent = Personal(TestDocuments.FormattedCpf(5), "Lucas Child", ten);
        dependent["IsDependent"] = "true";
        await wizard.NextAsync(dependent);
        Assert.Equal(2, wizard.Step);
    }

    [Fact]
    public async Task Only_Active_Categories_Are_Offered_And_An_Inactive_One_Is_Refused()
    {
        var (tenant, _, _, client) = await App.CashierAsync("wiz-cat");
        await App.CreateCategoryAsync(tenant.Id, "Prata");
        var inactive = await App.CreateCategoryAsync(tenant.Id, "Ouro Antigo", active: false);
        var wizard = await WizardSession.StartAsync(client);
        var offered = wizard.Visible("CategoryId")!.QuerySelectorAll("option").Select(o => o.TextContent).ToList();
        Assert.Equal(["Padrão", "Prata"], offered);
        Assert.Equal("Padrão", wizard.Visible("CategoryId")!.QuerySelector("option[selected]")?.TextContent);

        var personal = Personal(TestDocuments.FormattedCpf(6), "Rita Gomes");
        personal["CategoryId"] = inactive.ToString();
        await wizard.NextAsync(personal);

        Assert.Equal(1, wizard.Step);
        Assert.Equal("Esta categoria está inativa e não aceita novos clientes.", wizard.ErrorOf("CategoryId"));
    }

    [Fact]
    public async Task A_Document_Already_Registered_Offers_The_Existing_Customer()
    {
        var (tenant, _, _, client) = await App.CashierAsync("wiz-dup");
        var existing = await App.RegisterTitularAsync(tenant.Id, "Cliente Antigo", 7);
        var wizard = await WizardSession.StartAsync(client);

        await wizard.NextAsync(Personal(TestDocuments.Cpf(7), "Cliente Novo"));

        Assert.Equal(1, wizard.Step);
        Assert.StartsWith("Já existe um cliente com este CPF/CNPJ.", wizard.ErrorOf("Document"));
        var link = wizard.Page.QuerySelector("[data-testid=existing-customer]");
        Assert.Equal($"/clientes/{existing.CustomerId}", link?.GetAttribute("href"));
    }

    [Fact]
    public async Task The_Same_Cpf_May_Be_Registered_In_Two_Tenants()
    {
        var first = await App.CashierAsync("wiz-t1");
        var second = await App.CashierAsync("wiz-t2");
        foreach (var client in new[] { first.Client, second.Client })
        {
            var wizard = await WizardSession.StartAsync(client);
            await wizard.NextAsync(Personal(TestDocuments.Cpf(8), "Mesmo CPF"));
            await wizard.NextAsync();
            await wizard.NextAsync();
            Assert.Equal(HttpStatusCode.Redirect, (await wizard.PressAsync("confirm")).StatusCode);
        }
        var cpf = TestDocuments.Cpf(8);
        Assert.Equal(1, await App.InTenantAsync(first.Tenant.Id, db => db.Customers.CountAsync(c => c.Document == cpf)));
        Assert.Equal(1, await App.InTenantAsync(second.Tenant.Id, db => db.Customers.CountAsync(c => c.Document == cpf)));
    }
}
