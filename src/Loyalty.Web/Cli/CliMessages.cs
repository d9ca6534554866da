using System.Globalization;
using System.Resources;
using Loyalty.Web.Infrastructure.Localization;

namespace Loyalty.Web.Cli;

/// <summary>Operators read command output in English: domain codes are turned into the en-US resource text.</summary>
internal static class CliMessages
{
    private static readonly ResourceManager Resources =
        new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    public static string For(string code) =>
        Resources.GetString(code, CultureInfo.GetCultureInfo("en-US")) ?? code;
}
