using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Customers;
using Loyalty.IntegrationTests.Purchases;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Security;

/// <summary>
/// SPEC §12: NUL, control, bidirectional and zero-width characters are refused in every text input with a message
/// naming the field — 400 from the API, a message next to the field on screens — and never reach PostgreSQL.
/// </summary>
public sealed class PlainTextInputTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private LoyaltyAppFactory App => fixture.App;
    private TestData.TestTenant _tenant = default!;
    private Guid _store;
    private string _tenantKey = default!;
    private string _storeKey = default!;

    public async Task InitializeAsync()
    {
        _tenant = await App.CreateTenantAsync($"txt{Guid.NewGuid():N}"[..10]);
        _store = await App.CreateStoreAsync(_tenant.Id, "T01");
        _tenantKey = await App.CreateApiKeyAsync(_tenant.Id, null);
        _storeKey = await App.CreateApiKeyAsync(_tenant.Id, _store);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("Ana\u0000Souza")]
    [InlineData("Ana\u202ESouza")]
    [InlineData("Ana\u200BSouza")]
    [InlineData("Ana\u0085Souza")]
    [InlineData("Ana\tSouza")]
    public async Task Api_Registration_Refuses_The_Name_With_400_Naming_The_Field(string name)
    {
        var pos = new Pos(App, _tenantKey);
        var response = await pos.SendAsync("/api/v1/customers",
            new { personType = "PF", document = TestDocuments.Cpf(301), name, address = new { city = "São Paulo" } }, _tenantKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await Pos.ErrorsAsync(response);
        Assert.Contains("name", errors["name"], StringComparison.Ordinal);
        Assert.Equal(0, await App.InTenantAsync(_tenant.Id, db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task Api_Refuses_A_Nested_Field_Under_Its_Request_Name()
    {
        var pos = new Pos(App, _tenantKey);
        var response = await pos.SendAsync("/api/v1/customers",
            new { personType = "PF", document = TestDocuments.Cpf(302), name = "Ana", address = new { city = "S\u0000ão Paulo" } }, _tenantKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("address.city", (await Pos.ErrorsAsync(response)).Keys);
    }

    [Fact]
    public async Task Pos_Purchase_With_Nul_In_The_Coupon_Is_400_And_Nothing_Is_Stored()
    {
        var customer = await App.RegisterTitularAsync(_tenant.Id, "Cliente Texto", 303);
        var pos = new Pos(App, _storeKey);

        var response = await pos.PostAsync(Pos.Purchase(customer.CardNumber, 10m, coupon: "12\u00003"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("couponNumber", (await Pos.ErrorsAsync(response)).Keys);
        Assert.Equal(0, await App.InTenantAsync(_tenant.Id, db => db.Purchases.CountAsync()));
    }

    [Fact]
    public async Task Api_Route_Value_With_A_Control_Character_Is_400_Naming_The_Parameter()
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/customers/6062%01123");
        request.Headers.Add("X-Api-Key", _storeKey);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("identifier", body.GetProperty("errors").EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task Customer_Edit_Shows_The_Form_Again_With_The_Message_Next_To_The_Field_And_The_Text_Cleaned()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Rita Camargo", null, _store);
        using var client = await App.SignedInAsync(_tenant, StaffRole.Cashier, _store);
        var url = $"/clientes/{customer.Id}/editar";
        var form = EditCustomerTests.FormOf(await client.GetPageAsync(url));
        form["Name"] = "Rita\u0000 Camargo\u200B Alves";
        form["City"] = "Campinas";

        var response = await client.PostFormFromPageAsync(url, url, form);
        var shown = Pages.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("caracteres invisíveis ou de controle", shown.FieldError("Name"), StringComparison.Ordinal);
        Assert.Equal("Rita Camargo Alves", shown.ValueOf("Name"));
        Assert.Equal("Campinas", shown.ValueOf("City"));
        var stored = await App.InTenantAsync(_tenant.Id, db => db.Customers.SingleAsync(c => c.Id == customer.Id));
        Assert.Equal("Rita Camargo", stored.Name);
    }

    [Fact]
    public async Task A_Form_Post_Refused_Before_Its_Action_Shows_Its_Own_Status_Not_404()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Rita Souza", null, _store);
        using var client = await App.SignedInAsync(_tenant, StaffRole.Cashier, _store);

        var response = await client.Http.PostAsync($"/clientes/{customer.Id}/editar",
            new FormUrlEncodedContent([new("Name", "Rita"), new("__RequestVerificationToken", "forjado")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("(400)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
