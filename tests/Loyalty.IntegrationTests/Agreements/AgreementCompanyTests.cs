using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Domain.Agreements;
using Loyalty.Domain.Cards;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Agreements;

/// <summary>
/// Agreement (convênio) companies (SPEC §8): the TenantAdmin's CRUD at /convenios, and a customer registered under an
/// active company of a loyalty-and-credit tenant whose card starts at 07; refused on loyalty only or for an inactive company.
/// </summary>
public sealed class AgreementCompanyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    private async Task<(TestData.TestTenant Tenant, StaffClient Client)> AdminAsync()
    {
        var tenant = await App.CreateTenantAsync($"ag{Guid.NewGuid():N}"[..10]);
        var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(tenant.Code, tenant.AdminEmail, TestData.Password);
        return (tenant, client);
    }

    [Fact]
    public async Task Create_Should_Show_Field_Messages_Keep_What_Was_Typed_And_Refuse_A_Repeated_Cnpj()
    {
        var (tenant, client) = await AdminAsync();
        var bad = await client.PostFormFromPageAsync("/convenios/novo", "/convenios/novo",
            new Dictionary<string, string> { ["Name"] = "", ["Cnpj"] = "11.222.333/0001-99" });
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Informe o nome da empresa.", html);
        Assert.Contains("CNPJ inválido: confira os dígitos.", html);
        Assert.Contains("value=\"11.222.333/0001-99\"", html);
        Assert.Equal(0, await App.InTenantAsync(tenant.Id, db => db.AgreementCompanies.CountAsync()));

        var created = await client.PostFormFromPageAsync("/convenios/novo", "/convenios/novo",
            new Dictionary<string, string> { ["Name"] = "Metalúrgica Alfa", ["Cnpj"] = "12.abc.345/01de-35", ["NameOnEmbosserFile"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var company = await App.InTenantAsync(tenant.Id, db => db.AgreementCompanies.SingleAsync());
        Assert.Equal(("Metalúrgica Alfa", "12ABC34501DE35", true, true), (company.Name, company.Cnpj, company.NameOnEmbosserFile, company.IsActive));
        Assert.Equal(CardholderType.AgreementWithCompanyInLayout, CardholderTypes.Of(company));

        var repeated = await client.PostFormFromPageAsync("/convenios/novo", "/convenios/novo",
            new Dictionary<string, string> { ["Name"] = "Outra", ["Cnpj"] = "12ABC34501DE35" });
        Assert.Contains("Já existe um convênio com este CNPJ.", WebUtility.HtmlDecode(await repeated.Content.ReadAsStringAsync()));

        var list = WebUtility.HtmlDecode(await client.Http.GetStringAsync("/convenios"));
        Assert.Contains("12.ABC.345/01DE-35", list);
        var inactivated = await client.PostFormFromPageAsync("/convenios", $"/convenios/{company.Id}/inativar", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, inactivated.StatusCode);
        Assert.False(await App.InTenantAsync(tenant.Id, db => db.AgreementCompanies.Select(c => c.IsActive).SingleAsync()));
        Assert.Equal(2, await App.InTenantAsync(tenant.Id, db => db.AuditEntries.CountAsync(a => a.EntityType == "AgreementCompany")));
        var audit = WebUtility.HtmlDecode(await client.Http.GetStringAsync("/auditoria"));
        Assert.Contains("Metalúrgica Alfa", audit);
        Assert.DoesNotContain(">AgreementCompany<", audit);

        // Another tenant's company is not there.
        var (_, other) = await AdminAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/convenios/{company.Id}/editar")).StatusCode);
    }

    [Fact]
    public async Task Registration_Under_An_Agreement_Should_Start_The_Card_At_07_Only_On_LoyaltyAndCredit_And_An_Active_Company()
    {
        var tenant = await App.CreateTenantAsync($"ag{Guid.NewGuid():N}"[..10]);
        var key = await App.CreateApiKeyAsync(tenant.Id, null);
        var cnpj = TestDocuments.Cnpj("112223330001");
        var inactiveCnpj = TestDocuments.Cnpj("998887770001");
        await App.InTenantAsync(tenant.Id, async db =>
        {
            db.AgreementCompanies.Add(AgreementCompany.Create("Convênio Ativo", cnpj, false, DateTimeOffset.UtcNow));
            var inactive = AgreementCompany.Create("Convênio Inativo", inactiveCnpj, true, DateTimeOffset.UtcNow);
            inactive.Inactivate();
            db.AgreementCompanies.Add(inactive);
            return await db.SaveChangesAsync();
        });

        // Loyalty only: there is no credit analysis to skip.
        var refused = await PostAsync(key, 301, cnpj);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Convênios só existem no fluxo fidelidade e crédito.", (await ErrorsAsync(refused))["agreementCompanyCnpj"]);

        await App.InTenantAsync(tenant.Id, async db =>
        {
            (await db.ProgramSettings.SingleAsync()).ChangeCardFlow(CardFlow.LoyaltyAndCredit, 60);
            return await db.SaveChangesAsync();
        });
        var inactive = await PostAsync(key, 302, inactiveCnpj);
        Assert.Equal(HttpStatusCode.BadRequest, inactive.StatusCode);
        Assert.Contains("inativo", (await ErrorsAsync(inactive))["agreementCompanyCnpj"]);
        var unknown = await PostAsync(key, 303, TestDocuments.Cnpj("445556660001"));
        Assert.Equal("Convênio não encontrado.", (await ErrorsAsync(unknown))["agreementCompanyCnpj"]);

        var registered = await PostAsync(key, 304, cnpj);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var customerId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerId").GetGuid();
        var plain = await PostAsync(key, 305, null);
        var plainId = (await plain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerId").GetGuid();
        var cards = await App.InTenantAsync(tenant.Id, db => db.Cards.ToDictionaryAsync(c => c.CustomerId, c => c.Status));
        Assert.Equal(CardStatus.CreditApproved, cards[customerId]);
        Assert.Equal(CardStatus.Registered, cards[plainId]);
        var customer = await App.InTenantAsync(tenant.Id, db => db.Customers.SingleAsync(c => c.Id == customerId));
        Assert.NotNull(customer.AgreementCompanyId);

        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(tenant.Code, tenant.AdminEmail, TestData.Password);
        Assert.Contains("Convênio Ativo", WebUtility.HtmlDecode(await client.Http.GetStringAsync($"/clientes/{customerId}")));
    }

    private async Task<HttpResponseMessage> PostAsync(string key, int seed, string? agreementCnpj)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers")
        {
            Content = JsonContent.Create(new { personType = "PF", document = TestDocuments.FormattedCpf(seed), name = $"Cliente {seed}", agreementCompanyCnpj = agreementCnpj }),
        };
        request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<Dictionary<string, string>> ErrorsAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!);
    }
}
