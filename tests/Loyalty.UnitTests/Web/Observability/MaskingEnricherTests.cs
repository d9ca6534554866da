using Loyalty.Web.Infrastructure.Observability;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace Loyalty.UnitTests.Web.Observability;

public sealed class MaskingEnricherTests
{
    private static LogEvent Event(string template, params LogEventProperty[] properties) =>
        new(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse(template), properties);

    private static void Enrich(LogEvent logEvent) => new MaskingEnricher().Enrich(logEvent, new NoPropertyFactory());

    [Fact]
    public void Enrich_Should_MaskACpfInAStringProperty()
    {
        var logEvent = Event("Customer {Document} looked up", new LogEventProperty("Document", new ScalarValue("123.456.789-09")));

        Enrich(logEvent);

        Assert.Equal("************09", ((ScalarValue)logEvent.Properties["Document"]).Value);
        Assert.Equal("Customer \"************09\" looked up", logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Enrich_Should_MaskADocumentInsideARequestPath()
    {
        var logEvent = Event("HTTP {RequestMethod} {RequestPath} responded {StatusCode}",
            new LogEventProperty("RequestMethod", new ScalarValue("GET")),
            new LogEventProperty("RequestPath", new ScalarValue("/api/v1/customers/12345678909")),
            new LogEventProperty("StatusCode", new ScalarValue(200)));

        Enrich(logEvent);

        Assert.Equal("/api/v1/customers/*******8909", ((ScalarValue)logEvent.Properties["RequestPath"]).Value);
        Assert.DoesNotContain("12345678909", logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Enrich_Should_LeavePropertiesWithoutDocumentsAsTheyWere()
    {
        var method = new ScalarValue("GET");
        var status = new ScalarValue(200);
        var logEvent = Event("{RequestMethod} {StatusCode}",
            new LogEventProperty("RequestMethod", method), new LogEventProperty("StatusCode", status));

        Enrich(logEvent);

        Assert.Same(method, logEvent.Properties["RequestMethod"]);
        Assert.Same(status, logEvent.Properties["StatusCode"]);
    }

    private sealed class NoPropertyFactory : ILogEventPropertyFactory
    {
        public LogEventProperty CreateProperty(string name, object? value, bool destructureObjects = false) =>
            throw new InvalidOperationException("The enricher builds its properties itself.");
    }
}
