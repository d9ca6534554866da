using System.Text;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Documents.Embossing;

namespace Loyalty.UnitTests.Web.Embossing;

/// <summary>SPEC §11 read back field by field by the tests' own parser.</summary>
public sealed class EmbossingFileTests
{
    private static readonly EmbosserLayout Layout = EmbosserLayout.Standard;
    private static readonly DateTime GeneratedAt = new(2026, 12, 6, 14, 5, 9);

    private static EmbossedCard CardOf(string name, string? company = null) =>
        new("6012000000000042", name, new DateOnly(2031, 12, 31), "12345678909", "LJ01", company);

    private static async Task<byte[]> WriteAsync(params EmbossedCard[] cards)
    {
        using var output = new MemoryStream();
        await using (var writer = new EmbossingFileWriter(Layout, output))
        {
            await writer.WriteHeaderAsync(new EmbossingFileHeader(42, GeneratedAt, "demo", cards.Length), CancellationToken.None);
            foreach (var card in cards)
            {
                await writer.WriteCardAsync(card, CancellationToken.None);
            }
            await writer.WriteTrailerAsync(CancellationToken.None);
        }
        return output.ToArray();
    }

    [Fact]
    public void Standard_Layout_Has_The_Widths_Of_Spec_11()
    {
        Assert.Equal(1 + 6 + 14 + 10 + 6, Layout.Header.Width);
        Assert.Equal(1 + 19 + 26 + 5 + 14 + 6 + 26, Layout.Detail.Width);
        Assert.Equal(1 + 6, Layout.Trailer.Width);
    }

    [Fact]
    public async Task Header_Details_And_Trailer_Are_Read_Back_Field_By_Field()
    {
        var records = EmbossingFileParser.Parse(await WriteAsync(CardOf("Ana Souza"), CardOf("Bruno Lima", "Posto Alfa")), Layout);

        Assert.Equal("HDDT", string.Concat(records.Select(r => r.Type)));
        var header = records[0];
        Assert.Equal("000042", header[FieldSource.BatchNumber]);
        Assert.Equal("20261206140509", header[FieldSource.GeneratedAt]);
        Assert.Equal("DEMO      ", header[FieldSource.TenantCode]);
        Assert.Equal("000002", header[FieldSource.RecordCount]);

        var detail = records[1];
        Assert.Equal("6012000000000042   ", detail[FieldSource.CardNumber]);
        Assert.Equal("ANA SOUZA".PadRight(26), detail[FieldSource.EmbossName]);
        Assert.Equal("12/31", detail[FieldSource.CardExpiry]);
        Assert.Equal("12345678909   ", detail[FieldSource.CustomerDocument]);
        Assert.Equal("LJ01  ", detail[FieldSource.StoreCode]);
        Assert.Equal(new string(' ', 26), detail[FieldSource.AgreementCompany]);
        Assert.Equal("POSTO ALFA".PadRight(26), records[2][FieldSource.AgreementCompany]);

        Assert.Equal("T000002", records[3].Line);
    }

    [Fact]
    public async Task Accents_Are_Removed_And_The_Name_Upper_Cased()
    {
        var records = EmbossingFileParser.Parse(await WriteAsync(CardOf("João Conceição d'Ávila Müller")), Layout);
        Assert.Equal("JOAO CONCEICAO D'AVILA MUL", records[1][FieldSource.EmbossName]);
    }

    [Fact]
    public async Task A_Long_Name_Is_Cut_Without_Shifting_The_Next_Columns()
    {
        var longName = "Maria Aparecida dos Santos Oliveira Pereira";
        var bytes = await WriteAsync(CardOf(longName, "Cooperativa dos Transportadores Autônomos do Sul"));
        var detail = EmbossingFileParser.Parse(bytes, Layout)[1];

        Assert.Equal("MARIA APARECIDA DOS SANTOS", detail[FieldSource.EmbossName]);
        Assert.Equal("12/31", detail[FieldSource.CardExpiry]);
        Assert.Equal(Layout.Detail.OffsetOf(FieldSource.CardExpiry), detail.Line.IndexOf("12/31", StringComparison.Ordinal));
        Assert.Equal("COOPERATIVA DOS TRANSPORTA", detail[FieldSource.AgreementCompany]);
        Assert.Equal(Layout.Detail.Width, detail.Line.Length);
    }

    [Fact]
    public async Task Control_And_Non_Latin_Characters_Never_Reach_The_File()
    {
        var detail = EmbossingFileParser.Parse(await WriteAsync(CardOf("Zoë\tŁukasz 李")), Layout)[1];
        Assert.Equal("ZOE  UKASZ".PadRight(26), detail[FieldSource.EmbossName]);
    }

    [Fact]
    public async Task The_File_Is_Iso_8859_1_With_Crlf_Line_Ends()
    {
        var bytes = await WriteAsync(CardOf("Ana"), CardOf("Bia"));
        var lines = Encoding.Latin1.GetString(bytes).Split("\r\n");
        Assert.Equal(5, lines.Length); // four records and the empty rest after the last CRLF
        Assert.Equal("", lines[^1]);
        Assert.DoesNotContain(bytes, b => b > 0x7E || (b < 0x20 && b is not (0x0D or 0x0A)));
        Assert.Equal(bytes.Count(b => b == 0x0A), bytes.Count(b => b == 0x0D));
    }

    [Fact]
    public async Task A_Batch_Without_Cards_Still_Has_Its_Counts()
    {
        var records = EmbossingFileParser.Parse(await WriteAsync(), Layout);
        Assert.Equal("000000", records[0][FieldSource.RecordCount]);
        Assert.Equal("T000000", records[1].Line);
    }

    [Fact]
    public async Task The_Trailer_Refuses_A_Count_Other_Than_The_Header_Announced()
    {
        using var output = new MemoryStream();
        var writer = new EmbossingFileWriter(Layout, output);
        await writer.WriteHeaderAsync(new EmbossingFileHeader(1, GeneratedAt, "demo", 2), CancellationToken.None);
        await writer.WriteCardAsync(CardOf("Ana"), CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteTrailerAsync(CancellationToken.None));
    }

    [Fact]
    public void A_Count_That_Does_Not_Fit_Is_Refused_Rather_Than_Cut()
    {
        var field = Layout.Trailer.Fields[0];
        var slot = new char[field.Width];
        Assert.Throws<InvalidOperationException>(() => FieldFormatting.Place(field, 1_000_000, slot));
    }

    [Fact]
    public void File_Name_Has_Tenant_Batch_Number_And_Instant()
    {
        Assert.Equal("EMB_demo_000042_20261206140509.txt", EmbossingFileWriter.FileName("demo", 42, GeneratedAt));
    }
}
