using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Loyalty.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReadableNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "receipt_format",
                table: "stores",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "A4");

            migrationBuilder.AddColumn<long>(
                name: "cancellation_number",
                table: "redemptions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "number",
                table: "redemptions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "delivery_number",
                table: "gift_vouchers",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "document_sequences",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    last_number = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_sequences", x => new { x.tenant_id, x.kind });
                    table.ForeignKey(
                        name: "fk_document_sequences_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Existing records are numbered in the order they happened, per tenant, and each counter starts after the last
            // number given. The owner is subject to the tenant policies (FORCE), so they are lifted for the copy only,
            // inside this migration's transaction.
            migrationBuilder.Sql("""
                ALTER TABLE redemptions NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE gift_vouchers NO FORCE ROW LEVEL SECURITY;
                UPDATE redemptions r SET number = n.number
                FROM (SELECT id, row_number() OVER (PARTITION BY tenant_id ORDER BY redeemed_at, id) AS number FROM redemptions) n
                WHERE r.id = n.id;
                UPDATE redemptions r SET cancellation_number = n.number
                FROM (SELECT id, row_number() OVER (PARTITION BY tenant_id ORDER BY cancelled_at, id) AS number
                      FROM redemptions WHERE cancelled_at IS NOT NULL) n
                WHERE r.id = n.id;
                UPDATE gift_vouchers v SET delivery_number = d.number
                FROM (SELECT tenant_id, account_id, campaign_id, delivered_store_id, delivered_at,
                             row_number() OVER (PARTITION BY tenant_id ORDER BY delivered_at, account_id, campaign_id, delivered_store_id) AS number
                      FROM gift_vouchers WHERE delivered_at IS NOT NULL
                      GROUP BY tenant_id, account_id, campaign_id, delivered_store_id, delivered_at) d
                WHERE v.tenant_id = d.tenant_id AND v.account_id = d.account_id AND v.campaign_id = d.campaign_id
                  AND v.delivered_store_id = d.delivered_store_id AND v.delivered_at = d.delivered_at;
                INSERT INTO document_sequences (tenant_id, kind, last_number)
                SELECT tenant_id, 1, max(number) FROM redemptions GROUP BY tenant_id
                UNION ALL
                SELECT tenant_id, 2, max(cancellation_number) FROM redemptions WHERE cancellation_number IS NOT NULL GROUP BY tenant_id
                UNION ALL
                SELECT tenant_id, 3, max(delivery_number) FROM gift_vouchers WHERE delivery_number IS NOT NULL GROUP BY tenant_id;
                ALTER TABLE redemptions FORCE ROW LEVEL SECURITY;
                ALTER TABLE gift_vouchers FORCE ROW LEVEL SECURITY;
                ALTER TABLE redemptions ALTER COLUMN number DROP DEFAULT;
                """);
            migrationBuilder.EnableTenantIsolation("document_sequences");

            migrationBuilder.CreateIndex(
                name: "ix_redemptions_tenant_id_cancellation_number",
                table: "redemptions",
                columns: new[] { "tenant_id", "cancellation_number" },
                unique: true,
                filter: "cancellation_number IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_redemptions_tenant_id_number",
                table: "redemptions",
                columns: new[] { "tenant_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_gift_vouchers_tenant_id_delivery_number",
                table: "gift_vouchers",
                columns: new[] { "tenant_id", "delivery_number" },
                filter: "delivery_number IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantIsolation("document_sequences");
            migrationBuilder.DropTable(
                name: "document_sequences");

            migrationBuilder.DropIndex(
                name: "ix_redemptions_tenant_id_cancellation_number",
                table: "redemptions");

            migrationBuilder.DropIndex(
                name: "ix_redemptions_tenant_id_number",
                table: "redemptions");

            migrationBuilder.DropIndex(
                name: "ix_gift_vouchers_tenant_id_delivery_number",
                table: "gift_vouchers");

            migrationBuilder.DropColumn(
                name: "receipt_format",
                table: "stores");

            migrationBuilder.DropColumn(
                name: "cancellation_number",
                table: "redemptions");

            migrationBuilder.DropColumn(
                name: "number",
                table: "redemptions");

            migrationBuilder.DropColumn(
                name: "delivery_number",
                table: "gift_vouchers");
        }
    }
}
