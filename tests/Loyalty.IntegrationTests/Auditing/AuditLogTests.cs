using System.Net;
using System.Text.Json;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Loyalty.IntegrationTests.Auditing;

public sealed class AuditLogTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Store_Created_And_Renamed_In_The_Screens_Should_Be_Audited_With_Who_And_Before_After()
    {
        var t = await App.CreateTenantAsync("aud-a");
        using var admin = App.CreateStaffClient();
        await admin.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);

        await admin.PostFormFromPageAsync("/lojas/nova", "/lojas/nova", new Dictionary<string, string> { ["Code"] = "A01", ["Name"] = "Loja Velha" });
        var storeId = (await App.InTenantAsync(t.Id, db => db.Stores.Select(s => s.Id).SingleAsync())).ToString();
        var edit = await admin.PostFormFromPageAsync($"/lojas/{storeId}/editar", $"/lojas/{storeId}/editar",
            new Dictionary<string, string> { ["Name"] = "Loja Nova" });
        var entries = await App.InTenantAsync(t.Id, db => db.AuditEntries.Where(e => e.EntityType == "Store" && e.EntityId == storeId)
            .OrderBy(e => e.Id).ToListAsync());

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal([AuditAction.Created, AuditAction.Updated], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(t.AdminEmail, e.Actor));
        var adminId = await App.UserIdAsync(t.Id, t.AdminEmail);
        Assert.All(entries, e => Assert.Equal(adminId, e.UserId));
        Assert.Null(entries[0].Before);
        Assert.Equal("Loja Velha", Field(entries[0].After, "Name"));
        Assert.Equal("A01", Field(entries[0].After, "Code"));
        Assert.Equal("Loja Velha", Field(entries[1].Before, "Name"));
        Assert.Equal("Loja Nova", Field(entries[1].After, "Name"));
        Assert.Equal(["Name"], Fields(entries[1].After)); // only what changed
    }

    [Fact]
    public async Task Audit_Page_Should_List_The_Changes_Of_The_Tenant()
    {
        var t = await App.CreateTenantAsync("aud-b");
        var other = await App.CreateTenantAsync("aud-c");
        await App.CreateStoreAsync(other.Id, "C01");
        using var admin = App.CreateStaffClient();
        await admin.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);
        await admin.PostFormFromPageAsync("/lojas/nova", "/lojas/nova", new Dictionary<string, string> { ["Code"] = "B01", ["Name"] = "Loja Auditada" });

        var page = Html.Parse(await admin.Http.GetStringAsync("/auditoria"));
        var rows = page.QuerySelectorAll("[data-testid=audit-table] tbody tr").Select(r => r.TextContent).ToList();

        // Who is the admin's name (the log keeps the e-mail too; the screen shows people by name).
        Assert.Contains(rows, r => r.Contains("Loja Auditada", StringComparison.Ordinal) && r.Contains($"Admin {t.Code}", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("Loja C01", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET actor = 'ninguem'")]
    [InlineData("DELETE FROM audit_entries")]
    public async Task App_Role_Should_Be_Refused_When_It_Changes_Or_Removes_Audit_Entries(string sql)
    {
        var t = await App.CreateTenantAsync(sql.StartsWith("UPDATE", StringComparison.Ordinal) ? "aud-d" : "aud-e");
        await App.CreateStoreAsync(t.Id, "D01");
        await using var connection = await Sql.OpenAsAppAsync(App.Database, t.Id);
        Assert.True(await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM audit_entries") > 0);

        var error = await Assert.ThrowsAsync<PostgresException>(() => Sql.ExecuteAsync(connection, sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task Audit_Entries_Should_Never_Hold_Password_Or_Key_Hashes()
    {
        var t = await App.CreateTenantAsync("aud-f");
        var store = await App.CreateStoreAsync(t.Id, "F01");
        using var admin = App.CreateStaffClient();
        await admin.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);
        var created = await admin.PostFormFromPageAsync("/usuarios/novo", "/usuarios/novo", new Dictionary<string, string>
        {
            ["FullName"] = "Gerente Novo", ["Email"] = "gerente@aud-f.test", ["Role"] = nameof(StaffRole.StoreManager),
            ["StoreIds"] = store.ToString(), ["Culture"] = "pt-BR", ["Password"] = TestData.Password,
        });
        var userId = await App.UserIdAsync(t.Id, "gerente@aud-f.test");
        var passwordChanged = await admin.PostFormFromPageAsync($"/usuarios/{userId}/editar", $"/usuarios/{userId}/editar", new Dictionary<string, string>
        {
            ["FullName"] = "Gerente Novo", ["Email"] = "gerente@aud-f.test", ["Role"] = nameof(StaffRole.StoreManager),
            ["StoreIds"] = store.ToString(), ["Culture"] = "pt-BR", ["IsActive"] = "true", ["NewPassword"] = "Outra@123456",
        });
        var keyIssued = await admin.PostFormFromPageAsync("/chaves-api/nova", "/chaves-api/nova", new Dictionary<string, string> { ["Name"] = "ERP" });

        var secrets = await App.InTenantAsync(t.Id, async db =>
            (await db.Users.Select(u => u.PasswordHash!).ToListAsync()).Concat(await db.ApiKeys.Select(k => k.SecretHash).ToListAsync()).ToList());
        var logged = (await App.InTenantAsync(t.Id, db => db.AuditEntries.Select(e => new { e.Before, e.After }).ToListAsync()))
            .Select(e => e.Before + e.After).ToList();
        var entityTypes = await App.InTenantAsync(t.Id, db => db.AuditEntries.Select(e => e.EntityType).Distinct().ToListAsync());

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, passwordChanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keyIssued.StatusCode);
        Assert.Contains("StaffUser", entityTypes);
        Assert.Contains("ApiKey", entityTypes);
        Assert.Equal(3, secrets.Count); // admin, manager, key
        Assert.All(logged, json =>
        {
            Assert.DoesNotContain("PasswordHash", json);
            Assert.DoesNotContain("SecretHash", json);
            Assert.DoesNotContain("SecurityStamp", json);
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, json));
        });
    }

    private static string? Field(string? json, string name) => JsonDocument.Parse(json!).RootElement.GetProperty(name).GetString();

    private static List<string> Fields(string? json) => [.. JsonDocument.Parse(json!).RootElement.EnumerateObject().Select(p => p.Name)];
}
