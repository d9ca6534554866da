using Loyalty.Domain.Common;

namespace Loyalty.UnitTests.Domain.Common;

/// <summary>SPEC §12: text fields refuse control characters, bidirectional overrides and zero-width characters.</summary>
public sealed class PlainTextTests
{
    [Theory]
    [InlineData("João da Silva")]
    [InlineData("Ação, coração & pão — 100 %")]
    [InlineData("Ñandú; 東京; 😀")]
    [InlineData("")]
    public void Ordinary_Text_Is_Clean(string text) => Assert.True(PlainText.IsClean(text));

    [Fact]
    public void Null_Is_Clean() => Assert.True(PlainText.IsClean(null));

    [Theory]
    [InlineData("Ana\u0000")]
    [InlineData("Ana\u0007")]
    [InlineData("Ana\u001B[31m")]
    [InlineData("Ana\u007F")]
    [InlineData("Ana\u0085")]
    [InlineData("Ana\u009F")]
    [InlineData("Ana\u202Egnp.exe")]
    [InlineData("Ana\u202A")]
    [InlineData("Ana\u2066x\u2069")]
    [InlineData("A\u200Bna")]
    [InlineData("A\u200Cna")]
    [InlineData("A\u200Dna")]
    [InlineData("\uFEFFAna")]
    public void Control_Bidi_And_ZeroWidth_Characters_Are_Refused(string text) =>
        Assert.False(PlainText.IsClean(text, multiline: true));

    [Fact]
    public void Lone_Surrogates_Are_Refused()
    {
        // Built here: xUnit's serialisation of theory data would turn a lone surrogate into U+FFFD.
        Assert.False(PlainText.IsClean("Ana" + (char)0xD800));
        Assert.False(PlainText.IsClean((char)0xDC00 + "Ana"));
    }

    [Theory]
    [InlineData("linha 1\nlinha 2")]
    [InlineData("linha 1\r\nlinha 2")]
    [InlineData("coluna\tcoluna")]
    public void Line_Breaks_And_Tab_Are_Text_Only_Where_Text_Is_Multi_Line(string text)
    {
        Assert.False(PlainText.IsClean(text));
        Assert.True(PlainText.IsClean(text, multiline: true));
    }

    [Fact]
    public void FindForbidden_Points_At_The_First_Refused_Character() =>
        Assert.Equal(3, PlainText.FindForbidden("Ana\u0000\u200B"));

    [Fact]
    public void Clean_Takes_Out_Only_The_Refused_Characters()
    {
        Assert.Equal("João da Silva 😀", PlainText.Clean("Jo\u200Bão\u0000 da Silva\u202E 😀"));
        Assert.Equal("a\nb", PlainText.Clean("a\n\u0000b", multiline: true));
    }
}
