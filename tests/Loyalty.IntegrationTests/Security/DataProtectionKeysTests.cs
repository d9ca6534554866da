using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Npgsql;

namespace Loyalty.IntegrationTests.Security;

/// <summary>The data-protection keys (they sign the session and antiforgery cookies) are encrypted in the database with
/// the key file, so a database backup alone cannot forge a session.</summary>
public sealed class DataProtectionKeysTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Stored_Keys_Should_Be_Encrypted_With_The_Key_File()
    {
        var t = await fixture.App.CreateTenantAsync("dpk-a");
        using var admin = fixture.App.CreateStaffClient();
        await admin.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password); // the cookies need a key

        await using var connection = await Sql.OpenAsSuperUserAsync(fixture.App.Database);
        await using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys", connection);
        var keys = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                keys.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
            Assert.Contains("urn:loyalty:data-protection", xml, StringComparison.Ordinal);
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.Http.GetAsync("/")).StatusCode); // and they decrypt
    }

    [Fact]
    public async Task Production_Without_A_Key_File_Should_Refuse_To_Start_With_A_Clear_Message()
    {
        await using var app = await LoyaltyAppFactory.CreateAsync(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["DataProtection:KeyFile"] = null,
        });

        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("DataProtection__KeyFile", error.Message, StringComparison.Ordinal);
    }
}
