namespace Loyalty.Web;

/// <summary>
/// The marker type of the UI strings: Resources/SharedResource.resx holds Brazilian Portuguese (the default),
/// SharedResource.es-MX.resx and SharedResource.en-US.resx the other languages.
/// </summary>
public sealed class SharedResource;
