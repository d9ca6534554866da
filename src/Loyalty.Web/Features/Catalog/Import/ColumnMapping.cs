using System.Globalization;
using System.Text;

namespace Loyalty.Web.Features.Catalog.Import;

/// <summary>The catalogue fields a CSV column can fill.</summary>
public enum ImportField
{
    Code,
    Description,
    DepartmentCode,
    DepartmentName,
    SectionCode,
    SectionName,
}

/// <summary>
/// Which column (0-based) fills each field; null when no column does. Bound from the mapping step's query string, so the
/// preview, the error report and the import all read the same mapping without keeping it on the server.
/// </summary>
public sealed class ColumnMapping
{
    public int? Code { get; set; }
    public int? Description { get; set; }
    public int? DepartmentCode { get; set; }
    public int? DepartmentName { get; set; }
    public int? SectionCode { get; set; }
    public int? SectionName { get; set; }

    public int? this[ImportField field] => field switch
    {
        ImportField.Code => Code,
        ImportField.Description => Description,
        ImportField.DepartmentCode => DepartmentCode,
        ImportField.DepartmentName => DepartmentName,
        ImportField.SectionCode => SectionCode,
        _ => SectionName,
    };

    public bool IsEmpty => Enum.GetValues<ImportField>().All(f => this[f] is null);

    // Header names (without accents, case, spaces or punctuation) that pre-select a column, Portuguese and English.
    private static readonly Dictionary<ImportField, string[]> KnownHeaders = new()
    {
        [ImportField.Code] = ["codigo", "cod", "codproduto", "codigoproduto", "produtocodigo", "code", "productcode", "sku", "plu", "ean"],
        [ImportField.Description] = ["descricao", "descricaoproduto", "produto", "nomeproduto", "nome", "description", "product", "productname", "name"],
        [ImportField.DepartmentCode] = ["departamento", "coddepartamento", "codigodepartamento", "depto", "coddepto", "department", "departmentcode", "dept"],
        [ImportField.DepartmentName] = ["nomedepartamento", "descricaodepartamento", "nomedepto", "departmentname", "departmentdescription"],
        [ImportField.SectionCode] = ["secao", "codsecao", "codigosecao", "section", "sectioncode"],
        [ImportField.SectionName] = ["nomesecao", "descricaosecao", "sectionname", "sectiondescription"],
    };

    /// <summary>Pre-selects each field's column by the header's name; a column is used once.</summary>
    public static ColumnMapping Guess(IReadOnlyList<string> headers)
    {
        var names = headers.Select(Simplify).ToList();
        var used = new HashSet<int>();
        int? Find(ImportField field)
        {
            foreach (var known in KnownHeaders[field])
            {
                var index = names.FindIndex(n => n == known);
                if (index >= 0 && used.Add(index))
                {
                    return index;
                }
            }
            return null;
        }
        // The more specific fields first, so "nome_departamento" is not taken for the product's "nome".
        var mapping = new ColumnMapping
        {
            DepartmentName = Find(ImportField.DepartmentName),
            SectionName = Find(ImportField.SectionName),
            DepartmentCode = Find(ImportField.DepartmentCode),
            SectionCode = Find(ImportField.SectionCode),
            Code = Find(ImportField.Code),
        };
        mapping.Description = Find(ImportField.Description);
        return mapping;
    }

    /// <summary>What makes the mapping unusable, as resource keys with the field they concern.</summary>
    public IReadOnlyList<(ImportField Field, string Key)> Problems(int columns)
    {
        var problems = new List<(ImportField, string)>();
        foreach (var field in Enum.GetValues<ImportField>())
        {
            if (this[field] is { } column && (column < 0 || column >= columns))
            {
                problems.Add((field, "CatalogImport.ColumnMissing"));
            }
        }
        if (Code is null)
        {
            problems.Add((ImportField.Code, "CatalogImport.MapRequired"));
        }
        if (Description is null)
        {
            problems.Add((ImportField.Description, "CatalogImport.MapRequired"));
        }
        if (DepartmentCode is null && (DepartmentName is not null || SectionCode is not null))
        {
            problems.Add((ImportField.DepartmentCode, "CatalogImport.MapDepartmentCode"));
        }
        if (SectionCode is null && SectionName is not null)
        {
            problems.Add((ImportField.SectionCode, "CatalogImport.MapSectionCode"));
        }
        var repeated = Enum.GetValues<ImportField>().Where(f => this[f] is not null).GroupBy(f => this[f]).Where(g => g.Count() > 1);
        problems.AddRange(repeated.SelectMany(g => g.Skip(1)).Select(f => (f, "CatalogImport.ColumnTwice")));
        return problems;
    }

    public Dictionary<string, string?> ToQuery() => Enum.GetValues<ImportField>()
        .ToDictionary(f => f.ToString(), f => this[f]?.ToString(CultureInfo.InvariantCulture));

    private static string Simplify(string header)
    {
        var builder = new StringBuilder();
        foreach (var c in header.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }
}
