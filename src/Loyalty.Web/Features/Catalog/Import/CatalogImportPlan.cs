using Loyalty.Domain.Catalog;
using Loyalty.Domain.Common;

namespace Loyalty.Web.Features.Catalog.Import;

/// <summary>One problem of one row: the line in the file, the field, and a resource key with its argument.</summary>
public sealed record RowError(int Line, ImportField Field, string Key, object? Argument = null);

/// <summary>A valid row, normalised as it will be stored (codes trimmed and upper-cased, as the POS sends them).</summary>
public sealed record ImportRow(int Line, string Code, string Description, string? DepartmentCode, string? SectionCode);

/// <summary>
/// Every row of the file checked against the catalogue's rules, with no database: what would be imported and every
/// row's errors. Departments and sections named by the file are collected with the first name the file gives them
/// (the code itself when the file gives none).
/// </summary>
public sealed class CatalogImportPlan
{
    public List<ImportRow> Rows { get; } = [];
    public List<RowError> Errors { get; } = [];
    public Dictionary<string, string> Departments { get; } = new(StringComparer.Ordinal);
    public Dictionary<(string Department, string Section), string> Sections { get; } = [];
    public bool HasErrors => Errors.Count > 0;

    public static CatalogImportPlan Build(IEnumerable<CatalogCsv.CsvRow> rows, ColumnMapping mapping)
    {
        var plan = new CatalogImportPlan();
        var firstLineOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            string? Get(ImportField field) =>
                mapping[field] is { } i && i < row.Fields.Length && !string.IsNullOrWhiteSpace(row.Fields[i]) ? row.Fields[i].Trim() : null;
            var errors = plan.Errors.Count;

            var code = Code(plan, row.Line, ImportField.Code, Get(ImportField.Code), Product.CodeMaxLength, required: true);
            if (code is not null && !firstLineOfCode.TryAdd(code, row.Line))
            {
                plan.Errors.Add(new RowError(row.Line, ImportField.Code, "CatalogImport.DuplicateCode", firstLineOfCode[code]));
            }
            var description = Get(ImportField.Description);
            Text(plan, row.Line, ImportField.Description, description, Product.DescriptionMaxLength, "Catalog.DescriptionRequired");

            var departmentCode = Code(plan, row.Line, ImportField.DepartmentCode, Get(ImportField.DepartmentCode), Department.CodeMaxLength, required: false);
            var departmentName = Get(ImportField.DepartmentName);
            Text(plan, row.Line, ImportField.DepartmentName, departmentName, Department.NameMaxLength, null);
            if (departmentName is not null && Get(ImportField.DepartmentCode) is null)
            {
                plan.Errors.Add(new RowError(row.Line, ImportField.DepartmentCode, "CatalogImport.DepartmentCodeRequired"));
            }

            var sectionCode = Code(plan, row.Line, ImportField.SectionCode, Get(ImportField.SectionCode), Department.CodeMaxLength, required: false);
            var sectionName = Get(ImportField.SectionName);
            Text(plan, row.Line, ImportField.SectionName, sectionName, Department.NameMaxLength, null);
            if (Get(ImportField.SectionCode) is not null && Get(ImportField.DepartmentCode) is null)
            {
                plan.Errors.Add(new RowError(row.Line, ImportField.SectionCode, "CatalogImport.SectionWithoutDepartment"));
            }
            if (sectionName is not null && Get(ImportField.SectionCode) is null)
            {
                plan.Errors.Add(new RowError(row.Line, ImportField.SectionCode, "CatalogImport.SectionCodeRequired"));
            }

            if (plan.Errors.Count > errors)
            {
                continue;
            }
            if (departmentCode is not null)
            {
                plan.Departments.TryAdd(departmentCode, departmentName ?? departmentCode);
                if (sectionCode is not null)
                {
                    plan.Sections.TryAdd((departmentCode, sectionCode), sectionName ?? sectionCode);
                }
            }
            plan.Rows.Add(new ImportRow(row.Line, code!, description!, departmentCode, sectionCode));
        }
        return plan;
    }

    private static string? Code(CatalogImportPlan plan, int line, ImportField field, string? value, int maxLength, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                plan.Errors.Add(new RowError(line, field, "CatalogImport.CodeRequired"));
            }
            return null;
        }
        if (value.Length > maxLength)
        {
            plan.Errors.Add(new RowError(line, field, "CatalogImport.CodeTooLong", maxLength));
            return null;
        }
        if (!PlainText.IsClean(value))
        {
            plan.Errors.Add(new RowError(line, field, "Text.ForbiddenCharactersShort"));
            return null;
        }
        if (!CatalogCode.IsValid(value, maxLength))
        {
            plan.Errors.Add(new RowError(line, field, "CatalogImport.CodeWithSpaces"));
            return null;
        }
        return CatalogCode.Normalize(value, maxLength);
    }

    private static void Text(CatalogImportPlan plan, int line, ImportField field, string? value, int maxLength, string? requiredKey)
    {
        if (value is null && requiredKey is not null)
        {
            plan.Errors.Add(new RowError(line, field, requiredKey));
        }
        else if (value is not null && value.Length > maxLength)
        {
            plan.Errors.Add(new RowError(line, field, "Validation.TooLong", maxLength));
        }
        else if (!PlainText.IsClean(value))
        {
            plan.Errors.Add(new RowError(line, field, "Text.ForbiddenCharactersShort"));
        }
    }
}
