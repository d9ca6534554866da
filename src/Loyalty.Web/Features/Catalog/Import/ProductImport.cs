using System.Text;
using System.Text.Json;
using Loyalty.Domain.Catalog;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Web.Features.Catalog.Import;

/// <summary>What to do with a row whose code the catalogue already has.</summary>
public enum ExistingProducts
{
    Skip,
    Update,
}

/// <summary>
/// The catalogue import (SPEC §3 "Import" principles): the uploaded file read with a mapping, every row checked, and
/// then all rows imported in one transaction, or none when any row has an error. Departments and sections the file names
/// are created when missing (existing ones keep their names). Products go through one binary COPY and one set-based
/// upsert, so 50,000 rows take seconds; the import writes one audit entry with its figures instead of one per product.
/// </summary>
public static class ProductImport
{
    public const int PreviewRows = 20;

    public sealed record Upload(Guid Id, string FileName, byte[] Bytes, CatalogCsv.Layout Layout);

    public sealed record Preview(Upload Upload, ColumnMapping Mapping, IReadOnlyList<(ImportField Field, string Key)> MappingProblems,
        CatalogImportPlan? Plan, HashSet<string> ExistingCodes, int NewDepartments, int NewSections)
    {
        public bool CanImport => MappingProblems.Count == 0 && Plan is { HasErrors: false, Rows.Count: > 0 };
        public int Existing => Plan?.Rows.Count(r => ExistingCodes.Contains(r.Code)) ?? 0;
    }

    public sealed record Outcome(int Created, int Updated, int Skipped, int NewDepartments, int NewSections);

    public sealed class Handler(LoyaltyDbContext db, ImportFileStore files, TimeProvider clock, AuditActor actor)
    {
        public async Task<Upload?> LoadAsync(Guid id, CancellationToken cancellationToken)
        {
            if (await files.ReadAsync(id, cancellationToken) is not { } file || CatalogCsv.ReadLayout(file.Bytes) is not { } layout)
            {
                return null;
            }
            return new Upload(id, file.FileName, file.Bytes, layout);
        }

        public async Task<Preview?> PreviewAsync(Guid id, ColumnMapping mapping, CancellationToken cancellationToken)
        {
            if (await LoadAsync(id, cancellationToken) is not { } upload)
            {
                return null;
            }
            var problems = mapping.Problems(upload.Layout.Headers.Count);
            if (problems.Count > 0)
            {
                return new Preview(upload, mapping, problems, null, [], 0, 0);
            }
            var plan = CatalogImportPlan.Build(CatalogCsv.ReadRows(upload.Bytes, upload.Layout), mapping);
            var existing = (await db.Products.AsNoTracking().Select(p => p.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var departments = (await db.Departments.AsNoTracking().Select(d => d.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var sections = (await db.Sections.AsNoTracking().Join(db.Departments, s => s.DepartmentId, d => d.Id, (s, d) => new { Department = d.Code, s.Code })
                .ToListAsync(cancellationToken)).Select(s => (s.Department, s.Code)).ToHashSet();
            return new Preview(upload, mapping, problems, plan, existing,
                plan.Departments.Keys.Count(c => !departments.Contains(c)), plan.Sections.Keys.Count(k => !sections.Contains(k)));
        }

        /// <summary>Imports everything or nothing: null when the file is gone, the preview (with its errors) when refused.</summary>
        public async Task<(Outcome? Done, Preview? Refused)?> RunAsync(Guid id, ColumnMapping mapping, ExistingProducts existing,
            CancellationToken cancellationToken)
        {
            if (await PreviewAsync(id, mapping, cancellationToken) is not { } preview)
            {
                return null;
            }
            if (!preview.CanImport)
            {
                return (null, preview);
            }
            var plan = preview.Plan!;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (departmentIds, sectionIds, newDepartments, newSections) = await EnsureGroupsAsync(plan, cancellationToken);
            var (created, updated) = await UpsertProductsAsync(plan, departmentIds, sectionIds, existing,
                keepGroups: mapping.DepartmentCode is null, cancellationToken);
            var outcome = new Outcome(created, updated, plan.Rows.Count - created - updated, newDepartments, newSections);
            db.AuditEntries.Add(new AuditEntry
            {
                OccurredAt = clock.GetUtcNow(), UserId = actor.UserId, Actor = actor.Name, CorrelationId = actor.CorrelationId,
                EntityType = "ProductImport", EntityId = id.ToString(), Action = AuditAction.Created,
                After = JsonSerializer.Serialize(new { preview.Upload.FileName, Rows = plan.Rows.Count, Existing = existing.ToString(), outcome }),
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            files.Delete(id);
            return (outcome, null);
        }

        public static byte[] ErrorReport(Preview preview, Func<RowError, (string Field, string Message)> describe, string[] headers)
        {
            var text = new StringBuilder();
            text.AppendLine(string.Join(';', headers.Select(Quote)));
            foreach (var error in preview.Plan?.Errors ?? [])
            {
                var (field, message) = describe(error);
                text.Append(error.Line).Append(';').Append(Quote(field)).Append(';').AppendLine(Quote(message));
            }
            // With a BOM, so that Excel in Brazil opens the accents right.
            return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text.ToString())];
        }

        private static string Quote(string value) => '"' + value.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';

        private async Task<(Dictionary<string, Guid>, Dictionary<(string, string), Guid>, int, int)> EnsureGroupsAsync(
            CatalogImportPlan plan, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id, StringComparer.Ordinal, cancellationToken);
            var newDepartments = 0;
            foreach (var (code, name) in plan.Departments.Where(d => !departments.ContainsKey(d.Key)))
            {
                departments[code] = db.Departments.Add(Department.Create(code, name, now)).Entity.Id;
                newDepartments++;
            }
            var sections = (await db.Sections.Join(db.Departments, s => s.DepartmentId, d => d.Id, (s, d) => new { Department = d.Code, s.Code, s.Id })
                .ToListAsync(cancellationToken)).ToDictionary(s => (s.Department, s.Code), s => s.Id);
            var newSections = 0;
            foreach (var ((department, code), name) in plan.Sections.Where(s => !sections.ContainsKey(s.Key)))
            {
                sections[(department, code)] = db.Sections.Add(Section.Create(departments[department], code, name, now)).Entity.Id;
                newSections++;
            }
            await db.SaveChangesAsync(cancellationToken);
            return (departments, sections, newDepartments, newSections);
        }

        private async Task<(int Created, int Updated)> UpsertProductsAsync(CatalogImportPlan plan, Dictionary<string, Guid> departments,
            Dictionary<(string, string), Guid> sections, ExistingProducts existing, bool keepGroups, CancellationToken cancellationToken)
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using (var create = new NpgsqlCommand(
                "CREATE TEMP TABLE product_import (id uuid, code text, description text, department_id uuid, section_id uuid) ON COMMIT DROP", connection))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            var now = clock.GetUtcNow();
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY product_import (id, code, description, department_id, section_id) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var row in plan.Rows)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(Guid.CreateVersion7(now), NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(row.Code, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(row.Description, NpgsqlDbType.Text, cancellationToken);
                    await WriteIdAsync(copy, row.DepartmentCode is { } d ? departments[d] : null, cancellationToken);
                    await WriteIdAsync(copy, row is { DepartmentCode: { } dc, SectionCode: { } sc } ? sections[(dc, sc)] : null, cancellationToken);
                }
                await copy.CompleteAsync(cancellationToken);
            }
            var onConflict = existing == ExistingProducts.Skip
                ? "DO NOTHING"
                : keepGroups
                    ? "DO UPDATE SET description = excluded.description"
                    : "DO UPDATE SET description = excluded.description, department_id = excluded.department_id, section_id = excluded.section_id";
            await using var upsert = new NpgsqlCommand($"""
                INSERT INTO products (id, tenant_id, code, description, department_id, section_id, is_active)
                SELECT id, @tenant, code, description, department_id, section_id, true FROM product_import
                ON CONFLICT (tenant_id, code) {onConflict}
                RETURNING (xmax = 0)
                """, connection);
            upsert.Parameters.AddWithValue("tenant", db.Tenant.RequiredTenantId);
            int created = 0, updated = 0;
            await using var reader = await upsert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                _ = reader.GetBoolean(0) ? created++ : updated++;
            }
            return (created, updated);
        }

        private static Task WriteIdAsync(NpgsqlBinaryImporter copy, Guid? id, CancellationToken cancellationToken) =>
            id is { } value ? copy.WriteAsync(value, NpgsqlDbType.Uuid, cancellationToken) : copy.WriteNullAsync(cancellationToken);
    }
}
