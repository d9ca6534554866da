using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Loyalty.Domain.Catalog;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Catalog;

public sealed class CatalogImportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string FullMapping = "Code=0&Description=1&DepartmentCode=2&DepartmentName=3&SectionCode=4&SectionName=5";

    private static readonly string[] Fields = ["Code", "Description", "DepartmentCode", "DepartmentName", "SectionCode", "SectionName"];

    private LoyaltyAppFactory App => fixture.App;

    private async Task<(TestData.TestTenant Tenant, StaffClient Client)> AdminAsync(string code)
    {
        var tenant = await App.CreateTenantAsync(code);
        var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(tenant.Code, tenant.AdminEmail, TestData.Password);
        return (tenant, client);
    }

    private static async Task<HttpResponseMessage> UploadAsync(StaffClient client, byte[] bytes, string fileName = "produtos.csv")
    {
        var page = await client.Http.GetStringAsync("/produtos/importar");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(StaffClient.TokenOf(page)), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(bytes), "file", fileName);
        return await client.Http.PostAsync("/produtos/importar", form);
    }

    /// <summary>Uploads the file and answers the import's address (/produtos/importar/{id}).</summary>
    private static async Task<string> UploadOrThrowAsync(StaffClient client, byte[] bytes)
    {
        var response = await UploadAsync(client, bytes);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private static async Task<HttpResponseMessage> ImportAsync(StaffClient client, string import, string mapping, string existing)
    {
        var preview = await client.Http.GetStringAsync($"{import}/previa?{mapping}");
        var fields = mapping.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        fields["existing"] = existing;
        return await client.PostFormAsync(import, preview, fields);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Import_Should_Guess_The_Mapping_Preview_And_Create_Products_Departments_And_Sections()
    {
        var (tenant, client) = await AdminAsync("imp-a");
        var import = await UploadOrThrowAsync(client, Utf8("""
            codigo,descricao,departamento,nome_departamento,secao,nome_secao
            GASC,Gasolina comum,COMB,Combustíveis,,
            agua500,Água mineral 500 ml,CONV,Conveniência,BEB,Bebidas
            REFRI350,"Refrigerante lata, 350 ml",CONV,,BEB,
            """));

        var mapping = Html.Parse(await client.Http.GetStringAsync(import));
        Assert.Equal(["0", "1", "2", "3", "4", "5"],
            Fields.Select(f => mapping.QuerySelector($"select#{f} option[selected]")?.GetAttribute("value")));

        var preview = await client.Http.GetStringAsync($"{import}/previa?{FullMapping}");
        Assert.Equal(3, Html.Parse(preview).QuerySelectorAll("[data-testid=preview-row]").Length);
        Assert.Empty(Html.Parse(preview).QuerySelectorAll("[data-testid=import-error]"));
        Assert.Contains("A criar: 2 departamentos e 1 seção.", Html.Text(preview));
        Assert.Equal(0, await App.InTenantAsync(tenant.Id, db => db.Products.CountAsync())); // the preview saves nothing

        var done = await ImportAsync(client, import, FullMapping, "Skip");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("Produtos incluídos: 3;", Html.Text(await client.Http.GetStringAsync("/produtos")));
        var products = await App.InTenantAsync(tenant.Id, db => db.Products.OrderBy(p => p.Code).ToListAsync());
        var departments = await App.InTenantAsync(tenant.Id, db => db.Departments.ToDictionaryAsync(d => d.Code));
        var drinks = await App.InTenantAsync(tenant.Id, db => db.Sections.SingleAsync());
        Assert.Equal(["AGUA500", "GASC", "REFRI350"], products.Select(p => p.Code));
        Assert.Equal("Refrigerante lata, 350 ml", products[2].Description);
        Assert.Equal((departments["CONV"].Id, drinks.Id), (products[0].DepartmentId!.Value, products[0].SectionId!.Value));
        Assert.Equal(("Conveniência", "Bebidas"), (departments["CONV"].Name, drinks.Name));
        Assert.Null(products[1].SectionId);
        Assert.True(products.All(p => p.IsActive));
        Assert.Equal(1, await App.InTenantAsync(tenant.Id, db => db.AuditEntries.CountAsync(a => a.EntityType == "ProductImport")));
        // The file is gone once imported.
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(import)).StatusCode);
    }

    [Fact]
    public async Task Existing_Products_Should_Be_Skipped_Or_Updated_As_Chosen()
    {
        var (tenant, client) = await AdminAsync("imp-b");
        await App.InTenantAsync(tenant.Id, async db =>
        {
            db.Products.Add(Product.Create("GASC", "Gasolina", null, null, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var file = Utf8("codigo;descricao;departamento\nGASC;Gasolina comum;COMB\nETAN;Etanol;COMB\n");

        await ImportAsync(client, await UploadOrThrowAsync(client, file), "Code=0&Description=1&DepartmentCode=2", "Skip");
        var gasc = await App.InTenantAsync(tenant.Id, db => db.Products.SingleAsync(p => p.Code == "GASC"));
        Assert.Equal(("Gasolina", (Guid?)null), (gasc.Description, gasc.DepartmentId));
        Assert.Equal(2, await App.InTenantAsync(tenant.Id, db => db.Products.CountAsync()));

        var updated = await ImportAsync(client, await UploadOrThrowAsync(client, file), "Code=0&Description=1&DepartmentCode=2", "Update");
        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);
        Assert.Contains("Produtos incluídos: 0; atualizados: 2;", Html.Text(await client.Http.GetStringAsync("/produtos")));
        gasc = await App.InTenantAsync(tenant.Id, db => db.Products.SingleAsync(p => p.Code == "GASC"));
        var fuel = await App.InTenantAsync(tenant.Id, db => db.Departments.SingleAsync());
        Assert.Equal(("Gasolina comum", fuel.Id), (gasc.Description, gasc.DepartmentId!.Value));
        Assert.Equal("COMB", fuel.Name); // no name in the file: the code names it
    }

    [Fact]
    public async Task File_With_One_Bad_Row_Should_Import_Nothing_And_Report_Every_Row_Error()
    {
        var (tenant, client) = await AdminAsync("imp-c");
        var rows = new StringBuilder("codigo;descricao;departamento;nome_departamento;secao;nome_secao\n");
        for (var i = 0; i < 50; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"P{i:000};Produto {i};NOVO;Novo departamento;;\n");
        }
        rows.Append("P010;Código repetido;;;;\n");             // line 52
        rows.Append(";Sem código;;;BEB;\n");                     // line 53: no code, section without department
        rows.Append(CultureInfo.InvariantCulture, $"{new string('X', 31)};Longo;;;;\n");      // line 54
        var import = await UploadOrThrowAsync(client, Utf8(rows.ToString()));

        var preview = await client.Http.GetStringAsync($"{import}/previa?{FullMapping}");
        var errors = Html.Parse(preview).QuerySelectorAll("[data-testid=import-error]")
            .Select(tr => string.Join(" | ", tr.Children.Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal(
            [
                "52 | Código do produto | Código repetido no arquivo (já aparece na linha 12).",
                "53 | Código do produto | Informe o código.",
                "53 | Código da seção | Seção sem departamento.",
                "54 | Código do produto | O código passa de 30 caracteres.",
            ], errors);
        Assert.NotNull(Html.Parse(preview).QuerySelector("[data-testid=run-import][disabled]"));

        // Posting the import anyway imports nothing (not the 50 good rows, not the new department) and says why.
        var refused = await ImportAsync(client, import, FullMapping, "Update");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var back = await client.Http.GetStringAsync(refused.Headers.Location!.OriginalString);
        Assert.Contains("Nada foi importado: o arquivo tem erros.", Html.Text(back));
        Assert.Equal(4, Html.Parse(back).QuerySelectorAll("[data-testid=import-error]").Length);
        Assert.Equal(0, await App.InTenantAsync(tenant.Id, db => db.Products.CountAsync()));
        Assert.Equal(0, await App.InTenantAsync(tenant.Id, db => db.Departments.CountAsync()));

        var report = await client.Http.GetAsync($"{import}/erros.csv?{FullMapping}");
        Assert.Equal("text/csv", report.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await report.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').TrimEnd().Split("\r\n".ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Linha\";\"Campo\";\"Erro\"", lines[0]);
        Assert.Equal("53;\"Código da seção\";\"Seção sem departamento.\"", lines[3]);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public async Task Iso_8859_1_File_With_Semicolons_Should_Be_Imported_With_Its_Accents()
    {
        var (tenant, client) = await AdminAsync("imp-d");
        var import = await UploadOrThrowAsync(client, Encoding.Latin1.GetBytes(
            "Código;Descrição;Cód. Departamento;Nome Departamento;Seção;Nome Seção\r\nOLEO1L;Óleo lubrificante 1 L;CONV;Conveniência;LUB;Lubrificantes\r\n"));
        Assert.Contains("ISO-8859-1", Html.Text(await client.Http.GetStringAsync(import)));

        Assert.Equal(HttpStatusCode.Redirect, (await ImportAsync(client, import, FullMapping, "Skip")).StatusCode);
        var product = await App.InTenantAsync(tenant.Id, db => db.Products.SingleAsync());
        Assert.Equal("Óleo lubrificante 1 L", product.Description);
        Assert.Equal("Conveniência", await App.InTenantAsync(tenant.Id, db => db.Departments.Select(d => d.Name).SingleAsync()));
        Assert.Equal("Lubrificantes", await App.InTenantAsync(tenant.Id, db => db.Sections.Select(s => s.Name).SingleAsync()));
    }

    [Fact]
    public async Task Upload_Should_Refuse_An_Empty_Or_Too_Large_File_With_A_Clear_Message_And_A_Bad_Mapping_Next_To_The_Field()
    {
        var (_, client) = await AdminAsync("imp-e");
        var empty = await UploadAsync(client, []);
        Assert.Equal("Escolha um arquivo CSV.", Html.Parse(await empty.Content.ReadAsStringAsync()).QuerySelector("[data-testid=upload-error]")!.TextContent.Trim());

        var large = await UploadAsync(client, new byte[(5 * 1024 * 1024) + 10]);
        Assert.Contains("passa de 5 MB", Html.Text(await large.Content.ReadAsStringAsync()));

        var import = await UploadOrThrowAsync(client, Utf8("a;b\n1;2\n"));
        var mapping = await client.Http.GetStringAsync($"{import}/previa?Code=0&SectionCode=0");
        Assert.Equal("Escolha a coluna deste campo.", Html.Parse(mapping).GetElementById("Description-feedback")!.TextContent.Trim());
        Assert.Contains("escolha a coluna do código do departamento", Html.Parse(mapping).GetElementById("DepartmentCode-feedback")!.TextContent);
    }

    [Fact]
    public async Task Import_Of_Another_Tenant_Should_Answer_404()
    {
        var (_, owner) = await AdminAsync("imp-f");
        var import = await UploadOrThrowAsync(owner, Utf8("codigo;descricao\nGASC;Gasolina\n"));
        var (tenant, intruder) = await AdminAsync("imp-g");
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.GetAsync(import)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.GetAsync($"{import}/previa?Code=0&Description=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.GetAsync($"{import}/erros.csv?Code=0&Description=1")).StatusCode);
        var page = await intruder.Http.GetStringAsync("/produtos");
        var post = await intruder.PostFormAsync(import, page, new Dictionary<string, string> { ["Code"] = "0", ["Description"] = "1", ["existing"] = "Skip" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await App.InTenantAsync(tenant.Id, db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task Fifty_Thousand_Rows_Should_Import_In_Seconds()
    {
        var (tenant, client) = await AdminAsync("imp-h");
        var rows = new StringBuilder("codigo;descricao;departamento;nome_departamento;secao;nome_secao\n");
        for (var i = 0; i < 50_000; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"P{i:000000};Produto número {i};D{i % 10};Departamento {i % 10};S{i % 7};Seção {i % 7}\n");
        }
        var bytes = Utf8(rows.ToString());
        Assert.True(bytes.Length < 5 * 1024 * 1024);
        var clock = Stopwatch.StartNew();
        var import = await UploadOrThrowAsync(client, bytes);
        Assert.Equal(HttpStatusCode.Redirect, (await ImportAsync(client, import, FullMapping, "Skip")).StatusCode);
        clock.Stop();

        Assert.Equal(50_000, await App.InTenantAsync(tenant.Id, db => db.Products.CountAsync()));
        Assert.Equal(70, await App.InTenantAsync(tenant.Id, db => db.Sections.CountAsync()));
        // Generous for noisy machines; it takes about two seconds here.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }
}
