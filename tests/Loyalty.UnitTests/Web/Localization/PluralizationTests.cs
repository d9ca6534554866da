using System.Globalization;
using System.Xml.Linq;
using Loyalty.Web;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Loyalty.UnitTests.Web.Localization;

/// <summary>Counts read as people write them in the three languages: "1 ponto", "2 pontos" — never "ponto(s)".</summary>
public sealed class PluralizationTests
{
    private static readonly IStringLocalizer L = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    [Theory]
    [InlineData(1, "One")]
    [InlineData(-1, "One")]
    [InlineData(0, "Other")]
    [InlineData(2, "Other")]
    [InlineData(1200, "Other")]
    public void Form_Should_BeSingularForExactlyOne(long count, string form) => Assert.Equal(form, Pluralization.Form(count));

    [Theory]
    [InlineData("1", "One")]
    [InlineData("1.5", "Other")]
    [InlineData("0.5", "Other")]
    public void Form_Should_BeSingularForExactlyOne_When_TheCountIsARate(string count, string form) =>
        Assert.Equal(form, Pluralization.Form(decimal.Parse(count, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("pt-BR", 1, "1 ponto")]
    [InlineData("pt-BR", 0, "0 pontos")]
    [InlineData("pt-BR", 1200, "1.200 pontos")]
    [InlineData("es-MX", 1, "1 punto")]
    [InlineData("es-MX", 3, "3 puntos")]
    [InlineData("en-US", 1, "1 point")]
    [InlineData("en-US", 2, "2 points")]
    public void Plural_Should_ChooseTheFormOfTheLanguage(string culture, long count, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(expected, L.Plural("Count.Points", count).Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Plural_Should_AgreeTheWholePhrase_When_ThePhraseHasAnAdjective()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("pt-BR");
        try
        {
            Assert.Equal("1 pontuação aprovada.", L.Plural("PointsAudit.Approved", 1).Value);
            Assert.Equal("3 pontuações aprovadas.", L.Plural("PointsAudit.Approved", 3).Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Resources_Should_GiveEveryCountedTextBothForms_AndNoTextAHedgedPlural()
    {
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.es-MX.resx", "SharedResource.en-US.resx" })
        {
            var path = Path.Combine(WebDir(), "Resources", file);
            var values = XDocument.Load(path).Root!.Elements("data")
                .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty);

            var lonely = values.Keys.Where(k => k.EndsWith(".One", StringComparison.Ordinal) && !values.ContainsKey(k[..^4] + ".Other")).ToList();
            var hedged = values.Where(v => v.Value.Contains("(s)", StringComparison.Ordinal) || v.Value.Contains("(es)", StringComparison.Ordinal)
                                           || v.Value.Contains("(ões)", StringComparison.Ordinal)).Select(v => v.Key).ToList();

            Assert.True(lonely.Count == 0, $"{file}: singular without plural: {string.Join(", ", lonely)}");
            Assert.True(hedged.Count == 0, $"{file}: texts that hedge the plural: {string.Join(", ", hedged)}");
        }
    }

    private static string WebDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Loyalty.sln")))
            {
                return Path.Combine(dir.FullName, "src", "Loyalty.Web");
            }
        }
        throw new InvalidOperationException($"No Loyalty.sln above {AppContext.BaseDirectory}");
    }
}
