using System.Globalization;
using CsvHelper;
using Loyalty.Domain.Points;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Customers.Statement;

/// <summary>
/// The statement as CSV for Brazilian Excel: UTF-8 with a byte-order mark (or Excel reads the accents as Latin-1) and
/// ';' between fields (',' is the decimal separator there). Headers and operation names are in the user's language;
/// values are written the same for every language so a sheet reads the same anywhere: local date-times
/// dd/MM/yyyy HH:mm:ss in the tenant's zone, points as plain signed integers (no thousands separator, which Excel
/// would take for decimals in one locale or another), the lot's last valid day as dd/MM/yyyy. Rows are written as
/// they are read: newest first, like the screen.
/// </summary>
public static class StatementCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    // A typed reason is free text: one that starts like a formula is escaped, or the sheet would run it. Numbers are not
    // text to CsvHelper, so a negative number of points stays a number.
    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ';',
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<StatementLedger.Line> lines, TimeZoneInfo zone,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var header in new[] { "Statement.When", "Statement.Operation", "Statement.Points", "Statement.Balance",
                     "Statement.Reference", "Statement.LotExpiry" })
        {
            csv.WriteField(l[header].Value);
        }
        await csv.EndRecordAsync(cancellationToken);
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            csv.WriteField(TimeZoneInfo.ConvertTime(line.OccurredAt, zone).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture));
            csv.WriteField(l["Statement.Operation." + CustomerStatement.OperationOf(line.Kind)].Value);
            csv.WriteField(line.Points, default);
            csv.WriteField(line.BalanceAfter, default);
            csv.WriteField(StatementReference.Describe(line, l));
            csv.WriteField(line.LotExpiresAt is { } expires
                ? PointsExpiry.LastValidDay(expires, zone).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
                : "");
            await csv.EndRecordAsync(cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }
}
