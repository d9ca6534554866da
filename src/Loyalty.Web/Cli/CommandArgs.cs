namespace Loyalty.Web.Cli;

/// <summary>`--name value` options of a management command.</summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, string> _values;

    private CommandArgs(Dictionary<string, string> values) => _values = values;

    public static CommandArgs Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new CommandException($"unexpected argument '{args[i]}' (options are --name value)");
            }
            values[args[i][2..]] = args[++i];
        }
        return new CommandArgs(values);
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new CommandException($"missing option --{name}");

    public string? Optional(string name) => _values.GetValueOrDefault(name);
}
