using System.Text;
using Loyalty.Web.Features.Catalog.Import;

namespace Loyalty.UnitTests.Catalog;

public sealed class CatalogCsvTests
{
    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);
    private static byte[] Utf8(string text, bool bom = false) => [.. bom ? Encoding.UTF8.Preamble : [], .. Encoding.UTF8.GetBytes(text)];

    [Fact]
    public void Iso_8859_1_With_Semicolons_Should_Be_Detected_And_Read_With_Its_Accents()
    {
        var bytes = Latin1("Código;Descrição;Departamento\r\nOLEO1L;Óleo lubrificante 1 L;CONV\r\n");
        var layout = CatalogCsv.ReadLayout(bytes)!;

        Assert.Equal(Encoding.Latin1.WebName, layout.Encoding.WebName);
        Assert.Equal(';', layout.Delimiter);
        Assert.Equal(["Código", "Descrição", "Departamento"], layout.Headers);
        var row = Assert.Single(CatalogCsv.ReadRows(bytes, layout));
        Assert.Equal(2, row.Line);
        Assert.Equal(["OLEO1L", "Óleo lubrificante 1 L", "CONV"], row.Fields);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf8_With_Commas_And_Quotes_Should_Be_Read(bool bom)
    {
        var bytes = Utf8("code,description\n\"AGUA500\",\"Água mineral, 500 ml\"\n\nGASC, Gasolina comum \n", bom);
        var layout = CatalogCsv.ReadLayout(bytes)!;

        Assert.Equal(',', layout.Delimiter);
        Assert.Equal("utf-8", layout.Encoding.WebName);
        Assert.Equal(["code", "description"], layout.Headers);
        var rows = CatalogCsv.ReadRows(bytes, layout).ToList();
        Assert.Equal([2, 4], rows.Select(r => r.Line));
        Assert.Equal(["AGUA500", "Água mineral, 500 ml"], rows[0].Fields);
        Assert.Equal(["GASC", "Gasolina comum"], rows[1].Fields);
    }

    [Theory]
    [InlineData("a;b;c", ';')]
    [InlineData("a,b,c", ',')]
    [InlineData("\"a;x\",b,c", ',')]
    [InlineData("a\tb", '\t')]
    [InlineData("codigo", ';')]
    public void Delimiter_Should_Be_The_One_The_Header_Uses_Most_Outside_Quotes(string header, char expected) =>
        Assert.Equal(expected, CatalogCsv.DetectDelimiter(header));

    [Fact]
    public void Empty_File_Should_Have_No_Layout() => Assert.Null(CatalogCsv.ReadLayout(Utf8("\r\n\r\n")));

    [Theory]
    [InlineData("Código|Descrição|Cód. Departamento|Nome Departamento|Seção|Nome Seção")]
    [InlineData("code|description|department|department_name|section|section_name")]
    [InlineData("CODIGO|DESCRICAO|DEPTO|NOMEDEPARTAMENTO|COD_SECAO|DESCRICAO SECAO")]
    public void Mapping_Should_Be_Guessed_From_Portuguese_Or_English_Headers(string header)
    {
        var headers = header.Split('|');
        var mapping = ColumnMapping.Guess(headers);
        Assert.Equal([0, 1, 2, 3, 4, 5],
            new[] { mapping.Code, mapping.Description, mapping.DepartmentCode, mapping.DepartmentName, mapping.SectionCode, mapping.SectionName });
        Assert.Empty(mapping.Problems(headers.Length));
    }

    [Fact]
    public void Mapping_Should_Require_Code_And_Description_And_A_Department_For_Sections()
    {
        var problems = new ColumnMapping { SectionCode = 0, SectionName = 3, DepartmentName = 3 }.Problems(3);
        Assert.Contains((ImportField.Code, "CatalogImport.MapRequired"), problems);
        Assert.Contains((ImportField.Description, "CatalogImport.MapRequired"), problems);
        Assert.Contains((ImportField.DepartmentCode, "CatalogImport.MapDepartmentCode"), problems);
        Assert.Contains((ImportField.SectionName, "CatalogImport.ColumnMissing"), problems);
        Assert.Contains((ImportField.SectionName, "CatalogImport.ColumnTwice"), problems);
    }
}
