using System.Text.RegularExpressions;
using Loyalty.Domain.Staff;

namespace Loyalty.BrowserTests;

public sealed class MenuByRoleTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] AllItems =
        ["nav-tenants", "nav-jobs", "nav-customers", "nav-register-customer", "nav-redemption", "nav-purchases", "nav-new-purchase", "nav-blocks", "nav-points-audit", "nav-stores", "nav-products", "nav-campaigns", "nav-categories",
            "nav-settings", "nav-users", "nav-apikeys", "nav-dailyclose", "nav-audit", "nav-card-settings",
            "nav-credit-analysis", "nav-credit-score", "nav-credit-modalities", "nav-card-maintenance", "nav-embossing", "nav-batches",
            "nav-expiring-cards", "nav-card-movements", "nav-card-reasons", "nav-agreements"];

    public static TheoryData<StaffRole, string?, string, string, string[]> Menus => new()
    {
        { StaffRole.PlatformAdmin, null, "plataforma@loyalty.local", "Administrador da plataforma", ["nav-tenants", "nav-jobs"] },
        { StaffRole.TenantAdmin, "demo", "admin@demo.local", "Administrador da empresa",
            ["nav-customers", "nav-register-customer", "nav-redemption", "nav-purchases", "nav-blocks", "nav-points-audit", "nav-stores", "nav-products", "nav-campaigns", "nav-categories", "nav-settings", "nav-users",
                "nav-apikeys", "nav-dailyclose", "nav-audit", "nav-card-settings",
                "nav-credit-analysis", "nav-credit-score", "nav-credit-modalities", "nav-card-maintenance", "nav-embossing", "nav-batches",
                "nav-expiring-cards", "nav-card-movements", "nav-card-reasons", "nav-agreements"] },
        { StaffRole.StoreManager, "demo", "gerente@demo.local", "Gerente de loja", ["nav-customers", "nav-register-customer", "nav-redemption", "nav-purchases", "nav-blocks", "nav-points-audit", "nav-stores", "nav-card-movements"] },
        { StaffRole.Cashier, "demo", "caixa@demo.local", "Caixa", ["nav-customers", "nav-register-customer", "nav-redemption", "nav-new-purchase", "nav-stores"] },
        { StaffRole.CreditAnalyst, "demo", "credito@demo.local", "Analista de crédito", ["nav-credit-analysis"] },
        { StaffRole.CardOperator, "demo", "cartoes@demo.local", "Operador de cartões", ["nav-card-maintenance", "nav-embossing", "nav-batches", "nav-expiring-cards"] },
    };

    [Theory]
    [MemberData(nameof(Menus))]
    public Task SignIn_Should_ShowExactlyTheMenuOfTheRole(StaffRole role, string? company, string email, string roleLabel, string[] items) =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync(company, email);

            await Expect(page).ToHaveURLAsync(new Regex("/$"));
            await Expect(page.GetByTestId("current-role")).ToHaveTextAsync(roleLabel);
            var menu = page.GetByTestId("main-menu");
            foreach (var item in items)
            {
                await Expect(menu.GetByTestId(item)).ToBeVisibleAsync();
            }
            foreach (var item in AllItems.Except(items))
            {
                await Expect(page.GetByTestId(item)).ToHaveCountAsync(0);
            }
            await Expect(menu.Locator("[data-testid^='nav-']")).ToHaveCountAsync(items.Length);
        }, test: $"{nameof(SignIn_Should_ShowExactlyTheMenuOfTheRole)}_{role}");
}
