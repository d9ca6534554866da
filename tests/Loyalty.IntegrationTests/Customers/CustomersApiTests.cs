using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Domain.Customers;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Customers;

public sealed class CustomersApiTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private LoyaltyAppFactory App => fixture.App;
    private TestData.TestTenant _tenant = default!;
    private Guid _store;
    private string _tenantKey = default!;
    private string _storeKey = default!;

    public async Task InitializeAsync()
    {
        _tenant = await App.CreateTenantAsync($"api{Guid.NewGuid():N}"[..10]);
        _store = await App.CreateStoreAsync(_tenant.Id, "P01");
        _tenantKey = await App.CreateApiKeyAsync(_tenant.Id, null);
        _storeKey = await App.CreateApiKeyAsync(_tenant.Id, _store);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Post_Registers_A_Customer_With_The_Counters_Rules_And_Origin_Api()
    {
        await App.CreateCategoryAsync(_tenant.Id, "Ouro");

        var response = await PostAsync(_tenantKey, new
        {
            personType = "PF", document = TestDocuments.FormattedCpf(200), name = "Helena Martins", gender = "F",
            birthDate = "1980-02-29", category = "ouro", email = "Helena@Example.com", mobilePhone = "(21) 99876-5432",
            address = new { cep = "20040-002", street = "Rua da Assembleia", number = "10", neighborhood = "Centro", city = "Rio de Janeiro", uf = "rj" },
            redeemScope = "allCards", storeCode = "p01",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("customerId").GetGuid();
        var cardNumber = body.GetProperty("cardNumber").GetString()!;
        Assert.Equal($"/api/v1/customers/{id}", response.Headers.Location?.OriginalString);
        Assert.StartsWith("6062", cardNumber);
        var customer = await App.InTenantAsync(_tenant.Id, db => db.Customers.SingleAsync(c => c.Id == id));
        Assert.Equal(RegistrationOrigin.Api, customer.Origin);
        Assert.Equal(_store, customer.RegisteringStoreId);
        Assert.Null(customer.RegisteringUserId);
        Assert.Equal(TestDocuments.Cpf(200), customer.Document);
        Assert.Equal(Gender.Female, customer.Gender);
        Assert.Equal(RedeemScope.AllCards, customer.RedeemScope);
        Assert.Equal("RJ", customer.Address.Uf);
        Assert.Equal("helena@example.com", customer.Email);
        var category = await App.InTenantAsync(_tenant.Id, db => db.CustomerCategories.SingleAsync(c => c.Id == customer.CategoryId));
        Assert.Equal("Ouro", category.Name);
    }

    [Fact]
    public async Task Post_With_Little_Data_Takes_The_Default_Category_And_Generates_The_Card()
    {
        var response = await PostAsync(_tenantKey, new { personType = "PJ", document = TestDocuments.Cnpj("AB12CD34EF56").ToLowerInvariant(), name = "Mercado Bom Preço" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerId").GetGuid();
        var customer = await App.InTenantAsync(_tenant.Id, db => db.Customers.SingleAsync(c => c.Id == id));
        Assert.Equal(TestDocuments.Cnpj("AB12CD34EF56"), customer.Document);
        Assert.Null(customer.RegisteringStoreId);
    }

    [Fact]
    public async Task Post_Answers_400_With_Messages_Keyed_By_The_Request_Field_Names()
    {
        var response = await PostAsync(_tenantKey, new
        {
            personType = "PF", document = "111.111.111-11", name = "", address = new { cep = "123" }, mobilePhone = "12345",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = await ErrorsAsync(response);
        Assert.Equal(["address.cep", "document", "mobilePhone", "name"], errors.Keys.Order());
        Assert.Equal("CPF inválido: confira os números digitados.", errors["document"]);
        Assert.Equal("CEP inválido: informe os 8 números.", errors["address.cep"]);
        Assert.Equal("Campo obrigatório.", errors["name"]);
    }

    [Fact]
    public async Task Post_Answers_400_On_Values_That_Are_Not_In_The_Contract()
    {
        var unknownName = await PostAsync(_tenantKey, new { personType = "PF", document = TestDocuments.Cpf(201), name = "Ana", gender = "X" });
        var integer = await PostAsync(_tenantKey, new { personType = "PF", document = TestDocuments.Cpf(201), name = "Ana", redeemScope = 2 });
        var nested = await PostAsync(_tenantKey, new { personType = "PF", document = TestDocuments.Cpf(201), name = "Ana", address = new { cep = 1310100 } });
        var notJson = await PostAsync(_tenantKey, new StringContent("nome=Ana", System.Text.Encoding.UTF8, "application/json"));
        var empty = await PostAsync(_tenantKey, new StringContent("", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, unknownName.StatusCode);
        Assert.Equal("Valor inválido.", (await ErrorsAsync(unknownName))["gender"]);
        Assert.Equal("Valor inválido.", (await ErrorsAsync(integer))["redeemScope"]);
        Assert.Equal("Valor inválido.", (await ErrorsAsync(nested))["address.cep"]);
        Assert.Equal("O corpo da requisição não é um JSON válido.", (await ErrorsAsync(notJson))[""]);
        Assert.Equal("O corpo da requisição é obrigatório.", (await ErrorsAsync(empty))[""]);
        Assert.Equal(0, await App.InTenantAsync(_tenant.Id, db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task Post_Answers_400_On_Unknown_References()
    {
        var response = await PostAsync(_tenantKey, new
        {
            personType = "PF", document = TestDocuments.Cpf(202), name = "Ana", category = "Diamante",
            titularDocument = TestDocuments.Cpf(299), storeCode = "ZZ9",
        });

        var errors = await ErrorsAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Categoria não encontrada.", errors["category"]);
        Assert.Equal("Titular não encontrado.", errors["titularDocument"]);
        Assert.Equal("Loja não encontrada ou inativa.", errors["storeCode"]);
    }

    [Fact]
    public async Task Post_With_A_Titular_Document_Registers_A_Dependent()
    {
        var titular = await App.RegisterTitularAsync(_tenant.Id, "Titular da API", 203);
        var dependentOfTitular = await App.RegisterDependentAsync(_tenant.Id, titular.CustomerId, "Dependente", 204);

        var response = await PostAsync(_tenantKey, new
        {
            personType = "PF", document = TestDocuments.Cpf(205), name = "Filho", birthDate = "2019-01-01",
            titularDocument = TestDocuments.FormattedCpf(203),
        });
        var ofDependent = await PostAsync(_tenantKey, new
        {
            personType = "PF", document = TestDocuments.Cpf(206), name = "Neto", titularDocument = TestDocuments.Cpf(204),
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerId").GetGuid();
        Assert.Equal(titular.CustomerId, await App.InTenantAsync(_tenant.Id, db => db.Customers.Where(c => c.Id == id).Select(c => c.TitularId).SingleAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, ofDependent.StatusCode);
        Assert.Equal("Um dependente não pode ter dependentes: escolha o titular.", (await ErrorsAsync(ofDependent))["titularDocument"]);
        Assert.NotEqual(Guid.Empty, dependentOfTitular.CustomerId);
    }

    [Fact]
    public async Task Post_Answers_409_With_The_Existing_Customer_When_The_Document_Is_Registered()
    {
        var existing = await App.RegisterTitularAsync(_tenant.Id, "Já Cadastrado", 207);

        var response = await PostAsync(_tenantKey, new { personType = "PF", document = TestDocuments.FormattedCpf(207), name = "De Novo" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(existing.CustomerId, problem.GetProperty("customerId").GetGuid());
        Assert.Equal("Já existe um cliente com este CPF/CNPJ.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Post_Needs_A_Tenant_Key()
    {
        var anonymous = await PostAsync(null, new { personType = "PF", document = TestDocuments.Cpf(208), name = "Sem Chave" });
        var withStoreKey = await PostAsync(_storeKey, new { personType = "PF", document = TestDocuments.Cpf(208), name = "Chave de Loja" });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withStoreKey.StatusCode);
        Assert.Equal(0, await App.InTenantAsync(_tenant.Id, db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task Get_Finds_The_Customer_By_Card_Or_Document_With_Or_Without_Punctuation()
    {
        var titular = await App.RegisterTitularAsync(_tenant.Id, "Consulta PDV", 210);
        var cnpj = TestDocuments.Cnpj("9Z8Y7X6W5V4U");
        var company = await App.RegisterCustomerAsync(_tenant.Id, new Loyalty.Web.Features.Customers.CustomerForm
        {
            PersonType = PersonType.PJ, Document = cnpj, Name = "Transportes Alfa",
        });

        foreach (var identifier in new[] { titular.CardNumber, TestDocuments.Cpf(210), TestDocuments.FormattedCpf(210), titular.CustomerId.ToString() })
        {
            var response = await GetAsync(_storeKey, identifier);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(titular.CustomerId, body.GetProperty("customerId").GetGuid());
            Assert.Equal("Consulta PDV", body.GetProperty("name").GetString());
            Assert.Equal(titular.CardNumber, body.GetProperty("cardNumber").GetString());
            Assert.Equal("01", body.GetProperty("cardStatus").GetString());
            Assert.Equal("Padrão", body.GetProperty("category").GetString());
            Assert.Equal(1m, body.GetProperty("multiplier").GetDecimal());
            Assert.Equal(0, body.GetProperty("balance").GetInt64());
            Assert.Equal(0, body.GetProperty("expiringIn30Days").GetInt64());
            Assert.False(body.GetProperty("redemptionBlocked").GetBoolean());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("rfv").ValueKind);
        }
        var byCnpj = await GetAsync(_storeKey, TestDocuments.FormatCnpj(cnpj).ToLowerInvariant());
        Assert.Equal(company.CustomerId, (await byCnpj.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerId").GetGuid());
    }

    [Fact]
    public async Task Get_Answers_A_Dependent_With_Their_Own_Card_And_The_Block_Of_Their_Titular()
    {
        var titular = await App.RegisterTitularAsync(_tenant.Id, "Titular Bloqueado", 211);
        var dependent = await App.RegisterDependentAsync(_tenant.Id, titular.CustomerId, "Dependente do Bloqueado", 212);
        await using (var scope = App.TenantScope(_tenant.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<Loyalty.Web.Infrastructure.Persistence.LoyaltyDbContext>();
            db.RedemptionBlocks.Add(RedemptionBlock.Block(titular.CustomerId, "Fraude em análise", null, "teste", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var body = await (await GetAsync(_storeKey, dependent.CardNumber)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(dependent.CustomerId, body.GetProperty("customerId").GetGuid());
        Assert.Equal(dependent.CardNumber, body.GetProperty("cardNumber").GetString());
        Assert.True(body.GetProperty("redemptionBlocked").GetBoolean());
    }

    [Fact]
    public async Task Get_Answers_404_For_Another_Tenants_Customer_And_Needs_A_Store_Key()
    {
        var other = await App.CreateTenantAsync($"apo{Guid.NewGuid():N}"[..10]);
        // Each tenant numbers its own cards: a card number unused here, so that only the tenant wall can hide it.
        var theirs = await App.RegisterCustomerAsync(other.Id, new Loyalty.Web.Features.Customers.CustomerForm
        {
            Document = TestDocuments.Cpf(213), Name = "Cliente de Outra Rede", CardNumber = TestDocuments.CardNumber("6062", 987654),
        });
        var mine = await App.RegisterTitularAsync(_tenant.Id, "Cliente Daqui", 214);

        var byCard = await GetAsync(_storeKey, theirs.CardNumber);
        var byCpf = await GetAsync(_storeKey, TestDocuments.Cpf(213));
        var byId = await GetAsync(_storeKey, theirs.CustomerId.ToString());
        var withTenantKey = await GetAsync(_tenantKey, mine.CardNumber);

        Assert.Equal(HttpStatusCode.NotFound, byCard.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byCpf.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal("application/problem+json", byCard.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, withTenantKey.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string? key, object body)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers")
        {
            Content = body as HttpContent ?? JsonContent.Create(body),
        };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        return await client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> GetAsync(string key, string identifier)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/customers/{Uri.EscapeDataString(identifier)}");
        request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<Dictionary<string, string>> ErrorsAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!);
    }
}
