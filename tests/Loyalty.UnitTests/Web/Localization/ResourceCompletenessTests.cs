using System.Text.RegularExpressions;
using System.Xml.Linq;
using Loyalty.Domain.DailyClose;
using Loyalty.Domain.Staff;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Localization;

namespace Loyalty.UnitTests.Web.Localization;

/// <summary>
/// Every text on screen comes from SharedResource (pt-BR default, es-MX, en-US). These tests read the source: a key that a
/// view, controller, validator or domain rule uses must exist, and the three languages must stay in step.
/// </summary>
public sealed partial class ResourceCompletenessTests
{
    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly string WebDir = Path.Combine(RepoRoot, "src", "Loyalty.Web");
    private static readonly string DomainDir = Path.Combine(RepoRoot, "src", "Loyalty.Domain");

    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Resources = new(() =>
        new Dictionary<string, Dictionary<string, string>>
        {
            ["pt-BR"] = Read("SharedResource.resx"),
            ["es-MX"] = Read("SharedResource.es-MX.resx"),
            ["en-US"] = Read("SharedResource.en-US.resx"),
        });

    private static Dictionary<string, string> Default => Resources.Value["pt-BR"];

    /// <summary>The prefixes of keys built at run time (L["Role." + role]) and every value they can take.</summary>
    private static readonly Dictionary<string, string[]> DynamicKeys = new()
    {
        ["Role."] = Names<StaffRole>(),
        ["RoleScope."] = Names<StaffRole>(),
        ["Language."] = SupportedCultures.All,
        ["Audit."] = Names<AuditAction>(),
        ["DailyClose.Status."] = Names<DailyCloseStatus>(),
        ["DailyClose.Trigger."] = Names<DailyCloseTrigger>(),
        ["DailyClose.Step."] = [Loyalty.Web.Features.Points.PointsExpiryStep.StepKey],
        ["Mandatory."] = [.. Names<Loyalty.Domain.Customers.MandatoryFields>().Where(n => n != "None")],
        ["AuditParameter."] = Names<Loyalty.Domain.Categories.AuditParameter>(),
        ["AuditReason."] = [.. Loyalty.Domain.Purchases.AuditReason.All],
        ["Gender."] = Names<Loyalty.Domain.Customers.Gender>(),
        ["PersonType."] = Names<Loyalty.Domain.Customers.PersonType>(),
        ["RedeemScope."] = Names<Loyalty.Domain.Customers.RedeemScope>(),
        ["CustomerStatus."] = Names<Loyalty.Domain.Customers.CustomerStatus>(),
        ["Origin."] = Names<Loyalty.Domain.Customers.RegistrationOrigin>(),
        ["CardStatus."] = Names<Loyalty.Domain.Cards.CardStatus>(),
        ["CardFlow."] = Names<Loyalty.Domain.Cards.CardFlow>(),
        ["CardEvent."] = Names<Loyalty.Domain.Cards.CardEvent>(),
        ["NoEarningReason."] = Names<Loyalty.Domain.Cards.NoEarningReason>(),
        ["CardOperation."] = [.. Names<Loyalty.Domain.Cards.CardOperations>().Where(n => n != "None")],
        ["Relationship."] = Names<Loyalty.Web.Features.Customers.RelationshipView>(),
        ["RelationshipHelp."] = Names<Loyalty.Web.Features.Customers.RelationshipView>(),
        ["Statement.Operation."] = Names<Loyalty.Web.Features.Customers.CustomerStatement.Operation>(),
        ["CatalogImport.Field."] = Names<Loyalty.Web.Features.Catalog.Import.ImportField>(),
        ["CatalogImport.Existing."] = Names<Loyalty.Web.Features.Catalog.Import.ExistingProducts>(),
        ["Purchases.Status."] = Names<Loyalty.Domain.Purchases.PointsStatus>(),
        ["Purchases.Origin."] = Names<Loyalty.Domain.Purchases.PurchaseOrigin>(),
        ["Receipt.Title."] = Names<Loyalty.Web.Features.Redemptions.Receipts.Kind>(),
        ["ReceiptFormat."] = Names<Loyalty.Domain.Tenancy.ReceiptFormat>(),
        ["Counter.Classification."] = Names<Loyalty.Domain.Campaigns.CampaignClassification>(),
        ["CampaignSituation."] = Names<Loyalty.Domain.Campaigns.CampaignSituation>(),
        ["CampaignClassification."] = Names<Loyalty.Domain.Campaigns.CampaignClassification>(),
        ["Embossing.CustomerType."] = Names<Loyalty.Domain.Cards.Embossing.EmbossingCustomerType>(),
        ["Embossing.BatchStatus."] = Names<Loyalty.Domain.Cards.Embossing.EmbossingBatchStatus>(),
        ["Embossing.Batches.Show."] = Names<Loyalty.Web.Features.Embossing.BatchList.Show>(),
        ["MaritalStatus."] = Names<Loyalty.Domain.Credit.MaritalStatus>(),
        ["ResidenceType."] = Names<Loyalty.Domain.Credit.ResidenceType>(),
        ["Occupation."] = Names<Loyalty.Domain.Credit.Occupation>(),
        ["CreditRejection."] = [.. Names<Loyalty.Domain.Credit.CreditRejection>().Where(n => n != "None")],
        ["ScoreAttribute."] = Names<Loyalty.Domain.Credit.ScoreAttribute>(),
        ["CreditAnalysisMode."] = Names<Loyalty.Domain.Credit.CreditAnalysisMode>(),
        ["CreditOutcome."] = Names<Loyalty.Domain.Credit.CreditOutcome>(),
        ["CardAction.Done."] = [.. Names<Loyalty.Domain.Cards.CardOperations>().Where(n => n != "None")],
        ["CardAction.Confirm."] = [.. Names<Loyalty.Domain.Cards.CardOperations>().Where(n => n != "None")],
    };

    [Fact]
    public void Translations_Should_HaveExactlyTheKeysOfTheDefaultLanguage()
    {
        foreach (var (culture, values) in Resources.Value)
        {
            var missing = Default.Keys.Except(values.Keys).Order(StringComparer.Ordinal).ToList();
            var extra = values.Keys.Except(Default.Keys).Order(StringComparer.Ordinal).ToList();

            Assert.True(missing.Count == 0, $"{culture} lacks: {string.Join(", ", missing)}");
            Assert.True(extra.Count == 0, $"{culture} has keys the default lacks: {string.Join(", ", extra)}");
        }
    }

    [Fact]
    public void Resources_Should_HaveNoEmptyValues()
    {
        var empty = Resources.Value
            .SelectMany(r => r.Value.Where(v => string.IsNullOrWhiteSpace(v.Value)).Select(v => $"{r.Key}:{v.Key}"))
            .ToList();

        Assert.True(empty.Count == 0, $"empty: {string.Join(", ", empty)}");
    }

    [Fact]
    public void Resources_Should_HaveNoDuplicateKeys()
    {
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.es-MX.resx", "SharedResource.en-US.resx" })
        {
            var duplicates = DataElements(file).GroupBy(d => (string)d.Attribute("name")!).Where(g => g.Count() > 1)
                .Select(g => g.Key).ToList();

            Assert.True(duplicates.Count == 0, $"{file} repeats: {string.Join(", ", duplicates)}");
        }
    }

    [Fact]
    public void Translations_Should_KeepThePlaceholdersOfTheDefaultLanguage()
    {
        var broken = new List<string>();
        foreach (var (culture, values) in Resources.Value)
        {
            foreach (var (key, text) in Default)
            {
                if (values.TryGetValue(key, out var translated) && !Placeholders(text).SetEquals(Placeholders(translated)))
                {
                    broken.Add($"{culture}:{key}");
                }
            }
        }

        Assert.True(broken.Count == 0, $"placeholders differ: {string.Join(", ", broken)}");
    }

    [Fact]
    public void SourceScan_Should_FindTheKeysItLooksFor()
    {
        // Guards the scan itself: if the patterns stopped matching, the test below would pass while checking nothing.
        var used = LiteralKeysInSource().Select(u => u.Key).ToHashSet();

        Assert.Contains("Nav.Stores", used);
        Assert.Contains("SignIn.Email", used);
        Assert.Contains("ApiKey.AlreadyRevoked", used);
        Assert.Contains("Store.NameRequired", used);
        Assert.True(used.Count > 100, $"only {used.Count} keys found");
    }

    [Fact]
    public void EveryLiteralKeyInTheSource_Should_ExistInTheResources()
    {
        var missing = LiteralKeysInSource().Where(u => !Default.ContainsKey(u.Key))
            .Select(u => $"{u.Key} ({u.File})").Distinct().ToList();

        Assert.True(missing.Count == 0, $"keys without a resource: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryKeyBuiltAtRunTime_Should_ExistInTheResources()
    {
        var missing = DynamicKeys.SelectMany(d => d.Value.Select(v => d.Key + v)).Where(k => !Default.ContainsKey(k)).ToList();

        Assert.True(missing.Count == 0, $"keys without a resource: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryKeyPrefixBuiltAtRunTime_Should_BeKnownToThisTest()
    {
        var unknown = SourceFiles(WebDir)
            .SelectMany(f => DynamicKeyRegex().Matches(File.ReadAllText(f)).Select(m => $"{m.Groups["prefix"].Value} ({Relative(f)})"))
            .Where(p => !DynamicKeys.ContainsKey(p[..p.IndexOf(' ', StringComparison.Ordinal)]))
            .ToList();

        Assert.True(unknown.Count == 0, $"add these prefixes to DynamicKeys: {string.Join(", ", unknown)}");
    }

    private static IEnumerable<(string Key, string File)> LiteralKeysInSource()
    {
        var patterns = new[] { LocalizerKeyRegex(), DisplayNameRegex(), DomainExceptionRegex(), GuardCodeRegex(), LocalizerChoiceRegex() };
        foreach (var file in SourceFiles(WebDir).Concat(SourceFiles(DomainDir)))
        {
            var text = File.ReadAllText(file);
            foreach (var pattern in patterns)
            {
                foreach (Match match in pattern.Matches(text))
                {
                    foreach (var group in new[] { "key", "other" })
                    {
                        if (match.Groups[group].Success)
                        {
                            yield return (match.Groups[group].Value, Relative(file));
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<string> SourceFiles(string dir) =>
        Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string file) => Path.GetRelativePath(RepoRoot, file);

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderRegex().Matches(text).Select(m => m.Groups[1].Value)];

    private static string[] Names<T>() where T : struct, Enum => Enum.GetNames<T>();

    private static IEnumerable<XElement> DataElements(string file) =>
        XDocument.Load(Path.Combine(WebDir, "Resources", file)).Root!.Elements("data");

    private static Dictionary<string, string> Read(string file) =>
        DataElements(file).GroupBy(d => (string)d.Attribute("name")!)
            .ToDictionary(g => g.Key, g => (string?)g.First().Element("value") ?? string.Empty, StringComparer.Ordinal);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Loyalty.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Loyalty.sln above {AppContext.BaseDirectory}");
    }

    // L["Key"] and L["Key", arg] in views, l["Key"] in controllers and validators; not L["Prefix." + value].
    [GeneratedRegex("""\b[lL]\[\s*"(?<key>[^"]+)"(?!\s*\+)""")]
    private static partial Regex LocalizerKeyRegex();

    // L[condition ? "Active" : "Inactive"]
    [GeneratedRegex("""\b[lL]\[[^\]"]*\?\s*"(?<key>[^"]+)"\s*:\s*"(?<other>[^"]+)"\s*\]""")]
    private static partial Regex LocalizerChoiceRegex();

    [GeneratedRegex(@"Display\(\s*Name\s*=\s*""(?<key>[^""]+)""")]
    private static partial Regex DisplayNameRegex();

    [GeneratedRegex(@"DomainException\(\s*""(?<key>[^""]+)""")]
    private static partial Regex DomainExceptionRegex();

    // Guard.Text(value, max, "Code") throws a DomainException with that code.
    [GeneratedRegex("""Guard\.Text\([^;]*?,\s*"(?<key>[^"]+)"\s*\)""")]
    private static partial Regex GuardCodeRegex();

    [GeneratedRegex("""\b[lL]\[\s*"(?<prefix>[^"]+)"\s*\+""")]
    private static partial Regex DynamicKeyRegex();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderRegex();
}
