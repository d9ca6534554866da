using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Loyalty.IntegrationTests.Purchases;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Api;

/// <summary>
/// What a careless integrator or an attacker sends (SPEC §10, §12): a few hundred bodies made from a valid purchase and
/// a valid registration by breaking one thing each — control characters, huge and odd numbers, wrong types, deep
/// nesting, wrong content types, oversized bodies. Whatever the answer, it is never a 5xx and nothing is stored. The
/// generator is seeded, so a failure names a case that can be replayed. A few breakages leave a valid body (an optional
/// e-mail made null): those may be accepted, and exactly those are stored.
/// </summary>
public sealed class BadBodyFuzzTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private const int CasesPerEndpoint = 160;

    private static readonly string[] BadTexts =
    [
        "\u0000", "a\u0000b", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u202e", "\u2066x\u2069", "\u200b", "\ufeff",
        "\t", "\r\n", "\ud800",
    ];

    private static readonly string[] BadNumbers =
    [
        "1e400", "-1e400", "79228162514264337593543950336", "-79228162514264337593543950336", "1e-400", "99999999999999",
        "-1", "0", "1.123456789", "NaN", "\"Infinity\"", "\"1,5\"", "\"\"", "true", "[]", "{}", "null",
    ];

    private LoyaltyAppFactory App => fixture.App;
    private TestData.TestTenant _tenant = default!;
    private string _storeKey = default!;
    private string _tenantKey = default!;
    private string _card = default!;

    public async Task InitializeAsync()
    {
        _tenant = await App.CreateTenantAsync($"fz{Guid.NewGuid():N}"[..10]);
        var store = await App.CreateStoreAsync(_tenant.Id, "FZ1");
        _storeKey = await App.CreateApiKeyAsync(_tenant.Id, store);
        _tenantKey = await App.CreateApiKeyAsync(_tenant.Id, null);
        _card = (await App.RegisterTitularAsync(_tenant.Id, "Cliente Fuzz", 401)).CardNumber;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Bad_Purchase_Bodies_Never_Answer_5xx_And_Store_Nothing()
    {
        var (failures, accepted) = await SendAllAsync("/api/v1/purchases", _storeKey, ValidPurchase, seed: 9001);

        Assert.Empty(failures);
        Assert.Equal(accepted, await App.InTenantAsync(_tenant.Id, db => db.Purchases.CountAsync()));
        Assert.Equal(accepted, await App.InTenantAsync(_tenant.Id, db => db.LedgerEntries.CountAsync()));
    }

    [Fact]
    public async Task Bad_Registration_Bodies_Never_Answer_5xx_And_Store_Nothing()
    {
        var (failures, accepted) = await SendAllAsync("/api/v1/customers", _tenantKey, ValidCustomer, seed: 9002);

        Assert.Empty(failures);
        // Besides the titular registered in InitializeAsync, only what was accepted.
        Assert.Equal(1 + accepted, await App.InTenantAsync(_tenant.Id, db => db.Customers.CountAsync()));
    }

    private JsonObject ValidPurchase() => new()
    {
        ["posNumber"] = "1",
        ["couponNumber"] = Pos.NextCoupon(),
        ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["customer"] = new JsonObject { ["cardNumber"] = _card },
        ["totalAmount"] = 10.5m,
        ["items"] = new JsonArray(new JsonObject
        {
            ["productCode"] = "7891000100103", ["quantity"] = 1m, ["unitPrice"] = 10.5m, ["totalPrice"] = 10.5m,
        }),
        ["payments"] = new JsonArray(new JsonObject { ["method"] = "dinheiro", ["amount"] = 10.5m }),
    };

    private static JsonObject ValidCustomer() => new()
    {
        ["personType"] = "PF",
        ["document"] = TestDocuments.Cpf(NewCustomers.NextSeed()),
        ["name"] = "Fuzz da Silva",
        ["email"] = "fuzz@exemplo.com.br",
        ["mobilePhone"] = "(11) 98765-4321",
        ["address"] = new JsonObject { ["cep"] = "01310-100", ["street"] = "Av. Paulista", ["number"] = "1000", ["city"] = "São Paulo", ["uf"] = "SP" },
    };

    /// <returns>One line per case that answered 5xx (or made the request throw), and how many were accepted.</returns>
    private async Task<(List<string> Failures, int Accepted)> SendAllAsync(string path, string key, Func<JsonObject> valid, int seed)
    {
        var random = new Random(seed);
        var failures = new List<string>();
        var accepted = 0;
        using var client = App.CreateClient();
        for (var i = 0; i < CasesPerEndpoint; i++)
        {
            var (name, content) = BadCase(random, valid(), i);
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            request.Headers.Add("X-Api-Key", key);
            try
            {
                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"case {i} ({name}): {(int)response.StatusCode}");
                }
                accepted += response.IsSuccessStatusCode ? 1 : 0;
            }
            catch (HttpRequestException ex)
            {
                failures.Add($"case {i} ({name}): {ex.Message}");
            }
        }
        return (failures, accepted);
    }

    private static (string Name, HttpContent Content) BadCase(Random random, JsonObject body, int index)
    {
        switch (index % 8)
        {
            case 0:
            case 1:
            {
                var (path, node) = PickLeaf(random, body);
                var text = BadTexts[random.Next(BadTexts.Length)];
                Replace(node, JsonValue.Create(node?.GetValueKind() == System.Text.Json.JsonValueKind.String
                    ? Insert(random, node.GetValue<string>(), text) : text));
                return ($"text {Escape(text)} at {path}", Json(body.ToJsonString()));
            }
            case 2:
            case 3:
            {
                var (path, node) = PickLeaf(random, body);
                var number = BadNumbers[random.Next(BadNumbers.Length)];
                var marker = $"\"__n{index}__\"";
                Replace(node, JsonValue.Create($"__n{index}__"));
                return ($"number {number} at {path}", Json(body.ToJsonString().Replace(marker, number, StringComparison.Ordinal)));
            }
            case 4:
            {
                var (path, node) = PickLeaf(random, body);
                JsonNode?[] wrong = [new JsonArray(), new JsonObject(), true, null, JsonValue.Create(new string('9', 400))];
                Replace(node, wrong[random.Next(wrong.Length)]?.DeepClone());
                return ($"wrong type at {path}", Json(body.ToJsonString()));
            }
            case 5:
            {
                var depth = random.Next(65, 2000);
                var deep = new string('[', depth) + new string(']', depth);
                return ($"nesting {depth}", Json(random.Next(2) == 0 ? deep : body.ToJsonString().Replace("\"1\"", deep, StringComparison.Ordinal)));
            }
            case 6:
            {
                string[] types = ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data", ""];
                var type = types[random.Next(types.Length)];
                var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()));
                if (type.Length > 0)
                {
                    content.Headers.ContentType = new MediaTypeHeaderValue(type);
                }
                return ($"content type '{type}'", content);
            }
            default:
            {
                var megabytes = new[] { 1.5, 2, 10 }[random.Next(3)];
                body["padding"] = new string('x', (int)(megabytes * 1024 * 1024));
                return ($"{megabytes} MB", Json(body.ToJsonString()));
            }
        }
    }

    private static (string Path, JsonNode? Node) PickLeaf(Random random, JsonNode body)
    {
        var leaves = new List<JsonNode?>();
        Collect(body, leaves);
        var leaf = leaves[random.Next(leaves.Count)];
        return (leaf?.GetPath() ?? "$", leaf);
    }

    private static void Collect(JsonNode? node, List<JsonNode?> leaves)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    Collect(child, leaves);
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Collect(child, leaves);
                }
                break;
            default:
                leaves.Add(node);
                break;
        }
    }

    private static void Replace(JsonNode? node, JsonNode? with)
    {
        switch (node?.Parent)
        {
            case JsonObject o:
                o[node.GetPropertyName()] = with;
                break;
            case JsonArray a:
                a[node.GetElementIndex()] = with;
                break;
        }
    }

    private static string Insert(Random random, string value, string text)
    {
        var at = random.Next(value.Length + 1);
        return value[..at] + text + value[at..];
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < 0x20 || c > 0x7e ? $"\\u{(int)c:x4}" : c.ToString()));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
