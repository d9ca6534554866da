namespace Loyalty.Web.Features.Embossing;

/// <summary>
/// A seam for the integration tests to fail a generation in the middle of its file (after N cards), proving the
/// all-or-nothing rule. Nothing sets it outside the tests.
/// </summary>
public sealed class EmbossingFaults
{
    public Action<int>? AfterCard { get; set; }
}
