using Loyalty.Web.Infrastructure.Auditing;

namespace Loyalty.Web.Features.Audit;

public static partial class AuditRecordTypes
{
    private static IEnumerable<AuditRecordType> Catalog() =>
    [
        new("Department", "Audit.Type.Department")
        {
            Subject = new(RecordKind.Department, NameField: "Name"),
            Fields = [("Code", AuditField.Text("Catalog.Code")), ("Name", AuditField.Text("Catalog.Name"))],
        },
        new("Section", "Audit.Type.Section")
        {
            Subject = new(RecordKind.Section, NameField: "Name"),
            Fields =
            [
                ("DepartmentId", AuditField.Ref("Product.Department", RecordKind.Department)),
                ("Code", AuditField.Text("Catalog.Code")), ("Name", AuditField.Text("Catalog.Name")),
            ],
        },
        new("Product", "Audit.Type.Product")
        {
            Subject = new(RecordKind.Product, NameField: "Description"),
            Fields =
            [
                ("Code", AuditField.Text("Catalog.Code")), ("Description", AuditField.Text("Product.Description")),
                ("DepartmentId", AuditField.Ref("Product.Department", RecordKind.Department, empty: "Product.NoDepartment")),
                ("SectionId", AuditField.Ref("Product.Section", RecordKind.Section, empty: "Product.NoSection")),
                ("IsActive", Active),
            ],
            SpecialAction = (values, action) => ActivationOf(values, action),
        },
        // Written by the import itself (one entry per import, not per product): the file and what it did.
        new("ProductImport", "Audit.Type.ProductImport")
        {
            Fields =
            [
                ("FileName", AuditField.Text("CatalogImport.File")), ("Rows", AuditField.Number("Audit.Field.ImportRows")),
                ("Existing", AuditField.Choice("CatalogImport.ExistingProducts", "CatalogImport.Existing.")),
                ("outcome.Created", AuditField.Number("Audit.Field.ImportCreated")), ("outcome.Updated", AuditField.Number("Audit.Field.ImportUpdated")),
                ("outcome.Skipped", AuditField.Number("Audit.Field.ImportSkipped")),
                ("outcome.NewDepartments", AuditField.Number("Audit.Field.ImportNewDepartments")),
                ("outcome.NewSections", AuditField.Number("Audit.Field.ImportNewSections")),
            ],
            SpecialAction = (_, action) => action == AuditAction.Created ? "Audit.Action.Imported" : null,
        },
    ];
}
