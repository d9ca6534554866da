using Loyalty.Web.Infrastructure.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Loyalty.UnitTests.Web.Pdf;

public sealed class PdfReportTests
{
    private static byte[] Render(Action<PdfReport> write)
    {
        using var report = new PdfReport("Extrato de pontos", (page, total) => $"Página {page} de {total}");
        write(report);
        return report.ToArray();
    }

    private static List<string> PagesText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p))];
    }

    [Fact]
    public void Text_Should_ReadBack_WithPortugueseAccents()
    {
        var pdf = Render(r =>
        {
            r.Title("Extrato — Ação de fidelização");
            r.Field("Cliente", "João Conceição Pôrto");
            r.Paragraph("Não há lançamentos: coração, maçã, avó, pão, ônibus, açaí, é, õ, ü, ñ.");
        });

        var text = PagesText(pdf).Single();
        Assert.Contains("Extrato — Ação de fidelização", text);
        Assert.Contains("Cliente: João Conceição Pôrto", text);
        Assert.Contains("Não há lançamentos: coração, maçã, avó, pão, ônibus, açaí, é, õ, ü, ñ.", text);
        Assert.Contains("Página 1 de 1", text);
    }

    [Fact]
    public void Table_Should_RepeatItsHeader_OnEveryPage_AndNumberThePages()
    {
        var pdf = Render(r =>
        {
            r.Title("Lançamentos");
            var table = r.Table(new PdfColumn("Operação", 2), new PdfColumn("Descrição", 4), new PdfColumn("Pontos", 1, PdfAlign.Right));
            for (var i = 1; i <= 150; i++)
            {
                table.Row($"Acúmulo {i}", $"Compra nº {i} na loja São João", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        });

        var pages = PagesText(pdf);
        Assert.True(pages.Count >= 3, $"150 rows should take at least 3 pages, took {pages.Count}");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains("Operação", pages[i]);
            Assert.Contains("Descrição", pages[i]);
            Assert.Contains($"Página {i + 1} de {pages.Count}", pages[i]);
        }
        var all = string.Join("\n", pages);
        for (var i = 1; i <= 150; i++)
        {
            Assert.Contains($"Acúmulo {i} Compra nº {i} na loja São João {i}", all, StringComparison.Ordinal);
        }
        Assert.Contains("Compra nº 150 na loja São João", pages[^1]);
        Assert.DoesNotContain("Acúmulo 150", pages[0]);
    }

    [Fact]
    public void LongCells_Should_WrapInsideTheirColumn()
    {
        var reason = string.Join(" ", Enumerable.Repeat("correção", 40));
        var pdf = Render(r => r.Table(new PdfColumn("Motivo", 1), new PdfColumn("Pontos", 1)).Row(reason, "-10"));

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var words = page.GetWords().Where(w => w.Text == "correção").ToList();
        Assert.Equal(40, words.Count);
        // Half the page's width holds a handful of words per line, so they are on several lines, all left of "Pontos".
        Assert.True(words.Select(w => Math.Round(w.BoundingBox.Bottom)).Distinct().Count() > 3);
        var pointsColumn = page.GetWords().First(w => w.Text == "Pontos").BoundingBox.Left;
        Assert.All(words, w => Assert.True(w.BoundingBox.Right < pointsColumn));
    }
}
