using Loyalty.Web.Infrastructure.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Loyalty.UnitTests.Web.Pdf;

public sealed class PdfRollTests
{
    private const double Mm = 72 / 25.4;

    [Fact]
    public void A_Roll_Is_One_Page_80mm_Wide_As_Long_As_Its_Content_With_Text_Inside_The_72mm_Printed()
    {
        static byte[] Roll(int lines)
        {
            var roll = new PdfRoll("Recibo");
            roll.Title("Recibo de resgate de prêmios");
            for (var i = 0; i < lines; i++)
            {
                roll.Columns($"Prêmio número {i} com um nome comprido que não cabe numa linha só da bobina", "1.250");
            }
            return roll.ToArray();
        }

        using var shortRoll = PdfDocument.Open(Roll(2));
        using var longRoll = PdfDocument.Open(Roll(40));

        Assert.Equal(1, longRoll.NumberOfPages);
        var page = longRoll.GetPage(1);
        Assert.Equal(80 * Mm, page.Width, 0.5);
        Assert.True(page.Height > shortRoll.GetPage(1).Height + 38 * 15, "the roll grows with its content");
        Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Left, 4 * Mm - 0.5, 76 * Mm + 0.5));
        Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, 4 * Mm - 0.5, 76 * Mm + 0.5));
        var text = ContentOrderTextExtractor.GetText(page);
        Assert.Contains("Prêmio número 39", text);
        Assert.Contains("1.250", text);
    }
}
