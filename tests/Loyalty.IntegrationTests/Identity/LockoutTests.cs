using System.Net;
using System.Text.Json;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Identity;

/// <summary>README "Domain rules chosen", lockout: per account and client address, with an account-wide backstop, and a
/// sign-in page that never says which.</summary>
public sealed class LockoutTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Invalid = "Empresa, e-mail ou senha inválidos.";
    private const string Attacker = "203.0.113.66";
    private const string Office = "198.51.100.10";
    private const string WrongPassword = "Errada@12345";

    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Sign_In_Should_Refuse_The_Right_Password_From_The_Address_That_Failed_Five_Times()
    {
        var t = await App.CreateTenantAsync("lock-a");
        var email = await App.CreateUserAsync(t.Id, StaffRole.CreditAnalyst);
        using var attacker = App.CreateStaffClient().From(Attacker);

        await FailAsync(attacker, t.Code, email, SignInLockout.MaxFailuresPerAddress);
        var right = await attacker.SignInAsync(t.Code, email, TestData.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(Invalid, Html.SignInError(await right.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Sign_In_Should_Let_The_Owner_In_From_Another_Address_When_A_Stranger_Caused_The_Lockout()
    {
        var t = await App.CreateTenantAsync("lock-e");
        var email = await App.CreateUserAsync(t.Id, StaffRole.CreditAnalyst);
        using var attacker = App.CreateStaffClient().From(Attacker);
        using var owner = App.CreateStaffClient().From(Office);

        await FailAsync(attacker, t.Code, email, SignInLockout.MaxFailuresPerAddress + 3);
        var ownerSignIn = await owner.SignInAsync(t.Code, email, TestData.Password);

        Assert.Equal(HttpStatusCode.Redirect, ownerSignIn.StatusCode);
    }

    [Fact]
    public async Task Sign_In_Should_Give_The_Same_Answer_When_The_Company_The_Email_Or_The_Password_Is_Wrong_Or_The_Account_Locked()
    {
        var t = await App.CreateTenantAsync("lock-b");
        var other = await App.CreateTenantAsync("lock-c");
        var email = await App.CreateUserAsync(t.Id, StaffRole.CreditAnalyst);
        var lockedEmail = await App.CreateUserAsync(t.Id, StaffRole.CardOperator);
        using var client = App.CreateStaffClient().From(Attacker);
        await FailAsync(client, t.Code, lockedEmail, SignInLockout.MaxFailuresPerAddress);

        var unknownCompany = await client.SignInAsync("nao-existe", email, TestData.Password);
        var otherCompany = await client.SignInAsync(other.Code, email, TestData.Password);
        var unknownEmail = await client.SignInAsync(t.Code, "ninguem@lock-b.test", TestData.Password);
        var wrongPassword = await client.SignInAsync(t.Code, email, WrongPassword);
        var lockedRightPassword = await client.SignInAsync(t.Code, lockedEmail, TestData.Password);
        var lockedWrongPassword = await client.SignInAsync(t.Code, lockedEmail, WrongPassword);

        foreach (var response in new[] { unknownCompany, otherCompany, unknownEmail, wrongPassword, lockedRightPassword, lockedWrongPassword })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Invalid, Html.SignInError(await response.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task Lockout_Should_Be_Written_To_The_Audit_Log_With_The_Address()
    {
        var t = await App.CreateTenantAsync("lock-f");
        var email = await App.CreateUserAsync(t.Id, StaffRole.CreditAnalyst);
        var userId = (await App.UserIdAsync(t.Id, email)).ToString();
        using var attacker = App.CreateStaffClient().From(Attacker);

        await FailAsync(attacker, t.Code, email, SignInLockout.MaxFailuresPerAddress - 1);
        var beforeLockout = await LockoutEntriesAsync(t.Id, userId);
        await FailAsync(attacker, t.Code, email, 2);
        var entry = Assert.Single(await LockoutEntriesAsync(t.Id, userId));

        Assert.Empty(beforeLockout);
        Assert.Equal(AuditAction.Updated, entry.Action);
        Assert.Equal("sign-in", entry.Actor);
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal(Attacker, after.RootElement.GetProperty("ClientAddress").GetString());
        Assert.Equal([Attacker], after.RootElement.GetProperty("SignInLockout").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Backstop_Should_Lock_Every_Address_After_Fifty_Failures_Spread_Over_Many()
    {
        var t = await App.CreateTenantAsync("lock-g");
        var email = await App.CreateUserAsync(t.Id, StaffRole.CreditAnalyst);
        var userId = await App.UserIdAsync(t.Id, email);
        // Setup as superuser: 49 recent failures from 49 addresses, each under the per-address limit.
        await App.Database.Server.ExecuteAsync(App.Database.Name, $"""
            INSERT INTO sign_in_failures (tenant_id, user_id, client_address, failed_at)
            SELECT '{t.Id}', '{userId}', '10.9.0.' || n, now() - interval '1 minute'
            FROM generate_series(1, {SignInLockout.MaxFailuresPerAccount - 1}) AS n
            """);
        using var guesser = App.CreateStaffClient().From("10.9.1.1");
        using var owner = App.CreateStaffClient().From(Office);

        await FailAsync(guesser, t.Code, email, 1);
        var ownerSignIn = await owner.SignInAsync(t.Code, email, TestData.Password);

        Assert.Equal(Invalid, Html.SignInError(await ownerSignIn.Content.ReadAsStringAsync()));
        var entry = Assert.Single(await LockoutEntriesAsync(t.Id, userId.ToString()));
        Assert.Contains("\"*\"", entry.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unlock_By_The_TenantAdmin_Should_Show_The_Lock_Let_The_User_In_Again_And_Be_Audited()
    {
        var t = await App.CreateTenantAsync("lock-d");
        var email = await App.CreateUserAsync(t.Id, StaffRole.CardOperator);
        var userId = await App.UserIdAsync(t.Id, email);
        using var user = App.CreateStaffClient().From(Office);
        await FailAsync(user, t.Code, email, SignInLockout.MaxFailuresPerAddress);
        Assert.Equal(Invalid, Html.SignInError(await (await user.SignInAsync(t.Code, email, TestData.Password)).Content.ReadAsStringAsync()));
        using var admin = App.CreateStaffClient();
        await admin.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);

        var list = Html.Parse(await admin.Http.GetStringAsync("/usuarios"));
        var row = list.QuerySelectorAll("[data-testid=users-table] tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
        var edit = Html.Parse(await admin.Http.GetStringAsync($"/usuarios/{userId}/editar"));
        var unlock = await admin.PostFormFromPageAsync($"/usuarios/{userId}/editar", $"/usuarios/{userId}/desbloquear", new Dictionary<string, string>());
        var signIn = await user.SignInAsync(t.Code, email, TestData.Password);

        Assert.Contains("Bloqueado", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(Office, edit.QuerySelector("[data-testid=unlock-user]")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var entries = await LockoutEntriesAsync(t.Id, userId.ToString());
        Assert.Equal(2, entries.Count);
        Assert.Equal(t.AdminEmail, entries[1].Actor);
        Assert.Equal(await App.UserIdAsync(t.Id, t.AdminEmail), entries[1].UserId);
    }

    private static async Task FailAsync(StaffClient client, string tenantCode, string email, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var wrong = await client.SignInAsync(tenantCode, email, WrongPassword);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
    }

    private async Task<List<AuditEntry>> LockoutEntriesAsync(Guid tenantId, string userId) =>
        [.. (await App.InTenantAsync(tenantId, db => db.AuditEntries
                .Where(e => e.EntityType == nameof(StaffUser) && e.EntityId == userId).OrderBy(e => e.Id).ToListAsync()))
            .Where(e => e.After?.Contains("SignInLockout", StringComparison.Ordinal) == true)];
}
