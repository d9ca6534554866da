using Loyalty.Web.Cli;

namespace Loyalty.UnitTests.Web.Cli;

public sealed class CommandArgsTests
{
    [Fact]
    public void Parse_Should_ReadEveryNameValuePair()
    {
        var args = CommandArgs.Parse(["--tenant", "demo", "--code", "LJ03", "--name", "Loja Nova"]);

        Assert.Equal("demo", args.Required("tenant"));
        Assert.Equal("LJ03", args.Required("code"));
        Assert.Equal("Loja Nova", args.Required("name"));
    }

    [Fact]
    public void Parse_Should_AcceptNoOptions()
    {
        var args = CommandArgs.Parse([]);

        Assert.Null(args.Optional("tenant"));
    }

    [Fact]
    public void Required_Should_NameTheMissingOption()
    {
        var args = CommandArgs.Parse(["--code", "LJ03"]);

        var error = Assert.Throws<CommandException>(() => args.Required("name"));

        Assert.Contains("--name", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Required_Should_Refuse_When_ValueIsBlank(string value)
    {
        var args = CommandArgs.Parse(["--name", value]);

        var error = Assert.Throws<CommandException>(() => args.Required("name"));

        Assert.Contains("--name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_Should_GiveNull_When_OptionIsAbsent() =>
        Assert.Null(CommandArgs.Parse(["--code", "x"]).Optional("timezone"));

    [Fact]
    public void Optional_Should_GiveTheValue_When_OptionIsPresent() =>
        Assert.Equal("America/Manaus", CommandArgs.Parse(["--timezone", "America/Manaus"]).Optional("timezone"));

    [Fact]
    public void Parse_Should_Refuse_When_AnOptionHasNoValue()
    {
        var error = Assert.Throws<CommandException>(() => CommandArgs.Parse(["--code", "LJ03", "--name"]));

        Assert.Contains("--name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Should_Refuse_When_AnArgumentIsNotAnOption()
    {
        var error = Assert.Throws<CommandException>(() => CommandArgs.Parse(["LJ03"]));

        Assert.Contains("LJ03", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Should_TreatOptionNamesCaseSensitively()
    {
        var args = CommandArgs.Parse(["--Name", "x"]);

        Assert.Throws<CommandException>(() => args.Required("name"));
    }
}
