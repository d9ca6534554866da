using Loyalty.Web.Features.Catalog.Import;

namespace Loyalty.UnitTests.Catalog;

public sealed class CatalogImportPlanTests
{
    private static readonly ColumnMapping Full = new() { Code = 0, Description = 1, DepartmentCode = 2, DepartmentName = 3, SectionCode = 4, SectionName = 5 };

    private static CatalogImportPlan Plan(params string[][] rows) =>
        CatalogImportPlan.Build(rows.Select((fields, i) => new CatalogCsv.CsvRow(i + 2, fields)), Full);

    [Fact]
    public void Valid_Rows_Should_Be_Normalised_And_Name_Their_Departments_And_Sections_Once()
    {
        var plan = Plan(
            ["gasc", "Gasolina comum", "comb", "Combustíveis", "auto", "Automotivos"],
            ["ETAN", "Etanol", "COMB", "Outro nome", "AUTO", ""],
            ["LAVAG", "Lavagem completa", "SERV", "", "", ""]);

        Assert.False(plan.HasErrors);
        Assert.Equal(["GASC", "ETAN", "LAVAG"], plan.Rows.Select(r => r.Code));
        Assert.Equal("Combustíveis", plan.Departments["COMB"]);
        Assert.Equal("SERV", plan.Departments["SERV"]);
        Assert.Equal("Automotivos", plan.Sections[("COMB", "AUTO")]);
        Assert.Null(plan.Rows[2].SectionCode);
    }

    [Fact]
    public void Every_Row_Error_Should_Be_Reported_With_Its_Line_And_Field()
    {
        var plan = Plan(
            ["", "Sem código", "", "", "", ""],
            [new string('X', 31), "Código longo", "", "", "", ""],
            ["GAS C", "Com espaço", "", "", "", ""],
            ["AGUA", "", "", "", "", ""],
            ["AGUA", "Água de novo", "", "", "", ""],
            ["REFRI", "Refrigerante", "", "", "BEB", "Bebidas"],
            ["OLEO", "Óleo", "", "Conveniência", "", "Lubrificantes"],
            ["OK1", "Certo", "CONV", "", "", ""]);

        Assert.Equal(
            [
                (2, ImportField.Code, "CatalogImport.CodeRequired"),
                (3, ImportField.Code, "CatalogImport.CodeTooLong"),
                (4, ImportField.Code, "CatalogImport.CodeWithSpaces"),
                (5, ImportField.Description, "Catalog.DescriptionRequired"),
                (6, ImportField.Code, "CatalogImport.DuplicateCode"),
                (7, ImportField.SectionCode, "CatalogImport.SectionWithoutDepartment"),
                (8, ImportField.DepartmentCode, "CatalogImport.DepartmentCodeRequired"),
                (8, ImportField.SectionCode, "CatalogImport.SectionCodeRequired"),
            ],
            plan.Errors.Select(e => (e.Line, e.Field, e.Key)));
        Assert.Equal(5, plan.Errors.Single(e => e.Key == "CatalogImport.DuplicateCode").Argument);
        Assert.Equal(["OK1"], plan.Rows.Select(r => r.Code));
    }

    [Fact]
    public void Code_Differing_Only_In_Case_Or_Spaces_Around_Is_A_Duplicate()
    {
        var plan = Plan(["gasc", "Gasolina", "", "", "", ""], [" GASC ", "Gasolina", "", "", "", ""]);
        Assert.Equal((3, "CatalogImport.DuplicateCode"), plan.Errors.Select(e => (e.Line, e.Key)).Single());
    }

    [Fact]
    public void Missing_Fields_At_The_End_Of_A_Short_Row_Are_Empty()
    {
        var plan = Plan(["GASC", "Gasolina comum"]);
        Assert.False(plan.HasErrors);
        Assert.Null(Assert.Single(plan.Rows).DepartmentCode);
    }
}
