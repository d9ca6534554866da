using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>A row of an editable rule grid; a row left blank is not a rule (each grid ends with a blank row to type in).</summary>
public interface IGridRow
{
    bool IsBlank { get; }
}

/// <summary>
/// An editable grid of a campaign's rules, saved as a whole (the campaign replaces the set). Rows are added and removed by
/// posting the grid back with a command, so nothing typed is lost and no script is needed.
/// </summary>
public abstract class RuleGrid<TRow> where TRow : IGridRow, new()
{
    public List<TRow> Rows { get; set; } = [];

    [BindNever]
    public CampaignHeader? Campaign { get; set; }

    public IEnumerable<(int Index, TRow Row)> Filled => Rows.Select((row, index) => (index, row)).Where(r => !r.row.IsBlank);

    /// <summary>The grid as shown after loading: the stored rules and one blank row to type a new one.</summary>
    public void EndWithBlankRow()
    {
        if (Rows.Count == 0 || !Rows[^1].IsBlank)
        {
            Rows.Add(new TRow());
        }
    }
}

public static partial class GridCommand
{
    public const string Field = "command";
    public const string AddRow = "add";
    public const string RemoveRow = "remove:";

    /// <summary>Applies an "add row" or "remove row N" command to the grid.</summary>
    /// <returns>False when the post was not such a command (it is a save).</returns>
    public static bool Apply<TRow>(string? command, RuleGrid<TRow> grid, ModelStateDictionary modelState) where TRow : IGridRow, new()
    {
        if (command == AddRow)
        {
            grid.Rows.Add(new TRow());
            return true;
        }
        if (command?.StartsWith(RemoveRow, StringComparison.Ordinal) == true
            && int.TryParse(command.AsSpan(RemoveRow.Length), out var index) && index >= 0 && index < grid.Rows.Count)
        {
            grid.Rows.RemoveAt(index);
            ShiftDown(modelState, index);
            return true;
        }
        return false;
    }

    /// <summary>The values typed in the rows after the removed one move up with their row; the tag helpers show the
    /// attempted values of ModelState first, so left as they were they would land one row too low.</summary>
    private static void ShiftDown(ModelStateDictionary modelState, int removed)
    {
        var entries = modelState.Select(e => (e.Key, e.Value)).ToList();
        modelState.Clear();
        foreach (var (key, entry) in entries)
        {
            var match = RowKey().Match(key);
            var newKey = key;
            if (match.Success)
            {
                var index = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (index == removed)
                {
                    continue;
                }
                if (index > removed)
                {
                    newKey = $"Rows[{index - 1}]{match.Groups[2].Value}";
                }
            }
            if (entry is null)
            {
                continue;
            }
            modelState.SetModelValue(newKey, entry.RawValue, entry.AttemptedValue);
            foreach (var error in entry.Errors)
            {
                modelState.AddModelError(newKey, error.ErrorMessage);
            }
        }
    }

    [GeneratedRegex(@"^Rows\[(\d+)\](.*)$")]
    private static partial Regex RowKey();
}
