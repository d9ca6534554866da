using System.Text.RegularExpressions;
using System.Xml.Linq;
using Loyalty.Domain.Common;
using Loyalty.Web.Features.Audit;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Loyalty.UnitTests.Web.Audit;

/// <summary>Adding an audited record is declarative (<see cref="AuditRecordTypes"/>), and these tests keep it complete: every
/// type the log can hold reads by a business name, and every field it can hold has a screen label or is hidden on purpose.</summary>
public sealed partial class AuditRecordTypesTests
{
    private static readonly Lazy<IModel> Model = new(() =>
    {
        var options = new DbContextOptionsBuilder<LoyaltyDbContext>().UseNpgsql("Host=localhost;Database=model-only").Options;
        using var db = new LoyaltyDbContext(options, new TenantContext());
        return db.Model;
    });

    /// <summary>The entities the interceptor audits, with the field names it writes (complex values dotted).</summary>
    private static IEnumerable<(string Type, List<string> Fields)> AuditedEntities() =>
        Model.Value.GetEntityTypes().Where(e => typeof(IAudited).IsAssignableFrom(e.ClrType) && !e.ClrType.IsAbstract)
            .Select(e => (e.ClrType.Name, Fields(e).ToList()));

    [Fact]
    public void TheModel_Should_HaveAuditedEntities() => Assert.True(AuditedEntities().Count() > 20);

    [Fact]
    public void EveryAuditedEntity_Should_BeDeclared()
    {
        var undeclared = AuditedEntities().Select(e => e.Type).Where(t => !AuditRecordTypes.IsDeclared(t)).ToList();

        Assert.True(undeclared.Count == 0, $"declare in AuditRecordTypes: {string.Join(", ", undeclared)}");
    }

    [Fact]
    public void EveryFieldOfAnAuditedEntity_Should_BeLabelledOrHidden()
    {
        var loose = AuditedEntities()
            .SelectMany(e => e.Fields.Select(f => (e.Type, Field: f)))
            .Where(x => AuditRecordTypes.Find(x.Type) is var type && type.Field(x.Field) is null
                        && !type.Hidden.Contains(x.Field) && !AuditRecordTypes.AlwaysHidden.Contains(x.Field))
            .Select(x => $"{x.Type}.{x.Field}").ToList();

        Assert.True(loose.Count == 0, $"label or hide: {string.Join(", ", loose)}");
    }

    [Fact]
    public void EveryEntryWrittenByHand_Should_BeDeclared()
    {
        var written = SourceFiles().SelectMany(f => HandWrittenTypeRegex().Matches(File.ReadAllText(f)).Select(m => m.Groups["type"].Value))
            .Distinct().ToList();

        Assert.Contains("PointsAdjustment", written);
        Assert.All(written, t => Assert.True(AuditRecordTypes.IsDeclared(t), $"declare in AuditRecordTypes: {t}"));
    }

    [Fact]
    public void EveryLabel_Should_ExistInTheThreeLanguages()
    {
        var keys = AuditRecordTypes.All.Append(AuditRecordTypes.Unknown)
            .SelectMany(t => t.Fields.SelectMany(f => new[] { f.Field.Label, f.Field.Empty }).Append(t.Label))
            .OfType<string>().Distinct().ToList();
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.es-MX.resx", "SharedResource.en-US.resx" })
        {
            var present = XDocument.Load(Path.Combine(WebDir, "Resources", file)).Root!.Elements("data")
                .Select(d => (string)d.Attribute("name")!).ToHashSet();

            var missing = keys.Where(k => !present.Contains(k)).ToList();

            Assert.True(missing.Count == 0, $"{file} lacks: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void MoneyLabels_Should_LeaveTheCurrencyToTheValue()
    {
        var keys = AuditRecordTypes.All.SelectMany(t => t.Fields).Where(f => f.Field.Format == FieldFormat.Money)
            .Select(f => f.Field.Label).Distinct().ToList();
        Assert.NotEmpty(keys);
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.es-MX.resx", "SharedResource.en-US.resx" })
        {
            var labels = XDocument.Load(Path.Combine(WebDir, "Resources", file)).Root!.Elements("data")
                .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

            // The value already reads "R$ 100,00": "Valor mínimo R$ R$ 100,00" says it twice.
            var twice = keys.Where(k => labels[k].Contains("R$", StringComparison.Ordinal)).ToList();

            Assert.True(twice.Count == 0, $"{file}: {string.Join(", ", twice)}");
        }
    }

    [Fact]
    public void EveryDeclaredType_Should_HaveItsOwnLabel()
    {
        var shared = AuditRecordTypes.All.GroupBy(t => t.Label).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(shared);
    }

    private static IEnumerable<string> Fields(ITypeBase type) =>
        type.GetProperties().Select(p => p.Name)
            .Concat(type.GetComplexProperties().SelectMany(c => Fields(c.ComplexType).Select(f => $"{c.Name}.{f}")));

    private static string WebDir => Path.Combine(RepoRoot(), "src", "Loyalty.Web");

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(WebDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string RepoRoot()
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

    // EntityType = "PointsAdjustment" or EntityType = nameof(StaffUser) where a feature writes its own entry.
    [GeneratedRegex("""EntityType\s*=\s*(?:"(?<type>\w+)"|nameof\((?<type>\w+)\))""")]
    private static partial Regex HandWrittenTypeRegex();
}
