using System.Globalization;
using System.Text.RegularExpressions;
using Loyalty.Web;
using Loyalty.Web.Features.Audit;
using Loyalty.Web.Infrastructure.Auditing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Loyalty.UnitTests.Web.Audit;

/// <summary>SPEC §12: the audit log reads as the business — screen labels, values as the screens write them (the tenant's
/// time, R$ money, grouped numbers, Sim/Não), names of related records instead of ids, and no bookkeeping or secrets.</summary>
public sealed partial class AuditFormatterTests
{
    private static readonly IStringLocalizer L = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    private static readonly Guid CategoryId = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid AdminId = Guid.Parse("0193a000-0000-7000-8000-000000000002");
    private static readonly Guid StoreId = Guid.Parse("0193a000-0000-7000-8000-000000000003");
    private static readonly Guid CampaignId = Guid.Parse("0193a000-0000-7000-8000-000000000004");
    private static readonly Guid GoneId = Guid.Parse("0193a000-0000-7000-8000-0000000000ff");

    private static readonly NameBook Names = new(new Dictionary<(RecordKind, Guid), RecordName>
    {
        [(RecordKind.Category, CategoryId)] = new("Ouro", $"/categorias/{CategoryId}/editar"),
        [(RecordKind.User, AdminId)] = new("Ana Administradora", null),
        [(RecordKind.Store, StoreId)] = new("LJ01 — Loja Centro", $"/lojas/{StoreId}"),
        [(RecordKind.Campaign, CampaignId)] = new("Natal Premiado", $"/campanhas/{CampaignId}"),
    });

    [Fact]
    public void CategoryChange_Should_ReadWithTheFormLabels_And_FormattedValues() => InCulture("pt-BR", () =>
    {
        var change = Format(Entry("CustomerCategory", CategoryId, AuditAction.Updated,
            """{"Multiplier":1.5,"ValidityDays":30}""", """{"Multiplier":2,"ValidityDays":60}""", AdminId));

        Assert.Equal("Categoria", change.Type);
        Assert.Equal(new RecordName("Ouro", $"/categorias/{CategoryId}/editar"), change.Subject);
        Assert.Equal("Alteração", change.Action);
        Assert.Equal("Ana Administradora", change.Who);
        Assert.Equal(
            [new FieldChange("Fator multiplicativo", "1,5", "2"), new FieldChange("Validade dos pontos (dias)", "30 dias", "60 dias")],
            change.Fields);
    });

    [Fact]
    public void Values_Should_ReadInTheReadersLanguage() => InCulture("en-US", () =>
    {
        var change = Format(Entry("CustomerCategory", CategoryId, AuditAction.Updated, """{"Multiplier":1.5}""", """{"Multiplier":2.25}"""));

        Assert.Equal("Category", change.Type);
        Assert.Equal([new FieldChange("Multiplier", "1.5", "2.25")], change.Fields);
    });

    [Fact]
    public void EmptyValues_Should_SayWhatEmptyMeans_And_Money_Should_BeReais() => InCulture("pt-BR", () =>
    {
        var change = Format(Entry("CustomerCategory", CategoryId, AuditAction.Updated,
            """{"ValidityDays":365,"CustomRules.MaxPurchaseAmount":null}""", """{"ValidityDays":null,"CustomRules.MaxPurchaseAmount":1234.5}"""));

        Assert.Contains(new FieldChange("Validade dos pontos (dias)", "365 dias", "Não expiram"), change.Fields);
        Assert.Contains(change.Fields, f => f is { Before: "Sem limite", After: "R$ 1.234,50" });
    });

    [Fact]
    public void Instants_Should_ReadInTheTenantsZone_And_ARevocation_Should_BeNamedAsSuch() => InCulture("pt-BR", () =>
    {
        var entry = Entry("ApiKey", Guid.NewGuid(), AuditAction.Updated, """{"RevokedAt":null}""",
            """{"RevokedAt":"2026-12-04T15:30:00+00:00"}""") with { OccurredAt = new DateTimeOffset(2026, 12, 4, 15, 30, 0, TimeSpan.Zero) };

        var change = Format(entry);

        Assert.Equal("04/12/2026 12:30", change.When);
        Assert.Equal("Revogação", change.Action);
        Assert.Equal([new FieldChange("Revogada em", null, "04/12/2026 12:30")], change.Fields);
        Assert.Equal("Sistema", change.Who);
    });

    [Fact]
    public void RelatedIds_Should_BeReplacedByNames_And_ARemovedOne_Should_SaySo() => InCulture("pt-BR", () =>
    {
        var change = Format(Entry("Customer", Guid.NewGuid(), AuditAction.Created, null,
            $$"""{"Name":"Maria Souza","CategoryId":"{{CategoryId}}","RegisteringStoreId":"{{GoneId}}","PersonType":1,"Status":1,"BirthDate":"1990-05-17","Address.City":"Campinas","MobilePhone":null}"""));

        Assert.Equal(new RecordName("Maria Souza", null), change.Subject); // not found any more: the kept name, no link
        Assert.Contains(new FieldChange("Categoria do cliente", null, "Ouro"), change.Fields);
        Assert.Contains(new FieldChange("Loja de cadastro", null, "registro excluído"), change.Fields);
        Assert.Contains(new FieldChange("Tipo", null, "Pessoa física"), change.Fields);
        Assert.Contains(new FieldChange("Data de nascimento", null, "17/05/1990"), change.Fields);
        Assert.DoesNotContain(change.Fields, f => f.Label == "Celular"); // a new record lists only what it was given
        Assert.Equal("Inclusão", change.Action);
    });

    [Fact]
    public void Bookkeeping_And_Secrets_Should_NeverShow() => InCulture("pt-BR", () =>
    {
        var userId = Guid.NewGuid();
        var change = Format(Entry("StaffUser", userId, AuditAction.Created, null,
            $$"""{"Id":"{{userId}}","TenantId":"{{Guid.NewGuid()}}","FullName":"Carla Caixa","Email":"carla@x.test","UserName":"demo/carla@x.test","NormalizedEmail":"CARLA@X.TEST","ConcurrencyStamp":"{{Guid.NewGuid()}}","SecurityStamp":"ABC","PasswordHash":"AQAAAA==","Role":4,"IsActive":true,"LockoutEnabled":true}"""));

        Assert.Equal(
            [new FieldChange("Nome completo", null, "Carla Caixa"), new FieldChange("E-mail", null, "carla@x.test"),
             new FieldChange("Perfil", null, "Caixa"), new FieldChange("Usuário ativo", null, "Sim")],
            change.Fields);
        Assert.Equal("Usuário", change.Type);
        AssertNoGuid(change);
    });

    [Fact]
    public void ALockout_Should_BeNamedAsSuch_With_TheAddresses() => InCulture("pt-BR", () =>
    {
        var change = Format(Entry("StaffUser", AdminId, AuditAction.Updated, """{"SignInLockout":[]}""",
            """{"SignInLockout":["*"],"ClientAddress":"10.0.0.7","LockedUntil":"2026-12-04T15:45:00+00:00"}"""));

        Assert.Equal("Acesso bloqueado", change.Action);
        Assert.Equal(new RecordName("Ana Administradora", null), change.Subject);
        Assert.Contains(new FieldChange("Acesso bloqueado para", "Nenhum bloqueio", "todos os endereços"), change.Fields);
        Assert.Contains(new FieldChange("Bloqueado até", null, "04/12/2026 12:45"), change.Fields);
    });

    [Fact]
    public void ANewCampaignRule_Should_BeNamedByItsCampaign() => InCulture("pt-BR", () =>
    {
        var entry = Entry("ProductPoints", CampaignId, AuditAction.Created, null,
            $$"""{"Id":-9223372036854774807,"CampaignId":"{{CampaignId}}","ProductId":"{{GoneId}}","PointsPerUnit":1200.5}""") with { EntityId = $"Campaign:{CampaignId}" };

        var change = Format(entry);

        Assert.Equal("Pontos por produto", change.Type);
        Assert.Equal("Natal Premiado", change.Subject?.Name);
        Assert.Equal([new FieldChange("Produto", null, "registro excluído"), new FieldChange("Pontos por unidade", null, "1.200,5")], change.Fields);
    });

    [Theory]
    [InlineData("pt-BR", "Valor mínimo", "R$ 100,00")]
    [InlineData("es-MX", "Monto mínimo", "R$ 100,00")]
    [InlineData("en-US", "Minimum amount", "R$ 100,00")]
    public void AMoneyField_Should_NameTheCurrencyOnce(string culture, string label, string value) => InCulture(culture, () =>
    {
        var entry = Entry("FrequencyBonus", CampaignId, AuditAction.Created, null,
            $$"""{"Id":-9223372036854774806,"CampaignId":"{{CampaignId}}","PurchasesRequired":3,"MinimumAmount":100}""") with { EntityId = $"Campaign:{CampaignId}" };

        var change = Format(entry);

        Assert.Contains(new FieldChange(label, null, value), change.Fields);
        Assert.All(change.Fields, f => Assert.DoesNotContain("R$", f.Label, StringComparison.Ordinal));
    });

    [Fact]
    public void AnUndeclaredRecordType_Should_ReadAsAnotherRecord_NeverAsItsClassName() => InCulture("pt-BR", () =>
    {
        var change = Format(Entry("LoyaltyWidget", Guid.NewGuid(), AuditAction.Created, null, $$"""{"OwnerId":"{{Guid.NewGuid()}}"}"""));

        Assert.Equal("Outro registro", change.Type);
        Assert.Equal([new FieldChange("Outro dado", null, "outro registro")], change.Fields);
        AssertNoGuid(change);
    });

    [Fact]
    public void Wanted_Should_AskForThePeople_TheRecord_And_EveryRecordTheFieldsPointAt()
    {
        var entry = Entry("Customer", Guid.NewGuid(), AuditAction.Updated, $$"""{"CategoryId":"{{GoneId}}"}""",
            $$"""{"CategoryId":"{{CategoryId}}"}""", AdminId);

        var wanted = AuditFormatter.Wanted(entry).ToList();

        Assert.Equal(
            [(RecordKind.User, AdminId.ToString()), (RecordKind.Customer, entry.EntityId),
             (RecordKind.Category, GoneId.ToString()), (RecordKind.Category, CategoryId.ToString())],
            wanted);
    }

    private static AuditEntryRow Entry(string type, Guid id, AuditAction action, string? before, string? after, Guid? userId = null) =>
        new(1, new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero), userId, userId is null ? "job:daily-close" : "admin@x.test",
            type, id.ToString(), action, before, after);

    private static AuditChange Format(AuditEntryRow entry) => new AuditFormatter(L, SaoPaulo, Names).Format(entry);

    private static void AssertNoGuid(AuditChange change)
    {
        var text = string.Join(" | ", new[] { change.When, change.Who, change.Type, change.Subject?.Name, change.Action }
            .Concat(change.Fields.SelectMany(f => new[] { f.Label, f.Before, f.After })));
        Assert.DoesNotMatch(GuidRegex(), text);
    }

    private static void InCulture(string culture, Action body)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            body();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
        }
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidRegex();
}
