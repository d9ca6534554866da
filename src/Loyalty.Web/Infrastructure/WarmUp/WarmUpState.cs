namespace Loyalty.Web.Infrastructure.WarmUp;

/// <summary>Whether this process has finished <see cref="AppWarmUp"/>; with warm-up switched off it starts finished.</summary>
public sealed class WarmUpState(bool enabled)
{
    private volatile bool _done = !enabled;

    public bool IsDone => _done;

    public void Finish() => _done = true;
}
