using Serilog.Core;
using Serilog.Events;

namespace Loyalty.Web.Infrastructure.Observability;

/// <summary>Rewrites every string property of a log event through <see cref="SensitiveDataMasking"/>, so request paths
/// (e.g. /api/v1/customers/{cpf}) and template arguments never reach a sink unmasked.</summary>
public sealed class MaskingEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text })
            {
                var masked = SensitiveDataMasking.Mask(text);
                if (!ReferenceEquals(masked, text) && masked != text)
                {
                    logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(masked)));
                }
            }
        }
    }
}
