using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Loyalty.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PurchasesAndEarning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "points_per_real",
                table: "program_settings",
                type: "numeric(7,2)",
                precision: 7,
                scale: 2,
                nullable: false,
                defaultValue: 1m); // every existing tenant earns at the new tenant's default rate

            migrationBuilder.CreateTable(
                name: "purchases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pos_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    coupon_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    card_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    total_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    returned_amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    points_earned = table.Column<long>(type: "bigint", nullable: false),
                    points_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    audit_reasons = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    audited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    points_reversed = table.Column<long>(type: "bigint", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancellation_points_reversed = table.Column<long>(type: "bigint", nullable: true),
                    request_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    response = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purchases", x => x.id);
                    table.UniqueConstraint("ak_purchases_tenant_id_id", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_purchases_customers_tenant_id_customer_id",
                        columns: x => new { x.tenant_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_purchases_stores_tenant_id_store_id",
                        columns: x => new { x.tenant_id, x.store_id },
                        principalTable: "stores",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "purchase_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purchase_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_number = table.Column<int>(type: "integer", nullable: false),
                    product_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(12,3)", precision: 12, scale: 3, nullable: false),
                    unit_price = table.Column<decimal>(type: "numeric(12,3)", precision: 12, scale: 3, nullable: false),
                    total_price = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purchase_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_purchase_items_purchases_tenant_id_purchase_id",
                        columns: x => new { x.tenant_id, x.purchase_id },
                        principalTable: "purchases",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "purchase_payments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purchase_id = table.Column<Guid>(type: "uuid", nullable: false),
                    method = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purchase_payments", x => x.id);
                    table.ForeignKey(
                        name: "fk_purchase_payments_purchases_tenant_id_purchase_id",
                        columns: x => new { x.tenant_id, x.purchase_id },
                        principalTable: "purchases",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "purchase_returns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purchase_id = table.Column<Guid>(type: "uuid", nullable: false),
                    return_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    points_reversed = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purchase_returns", x => x.id);
                    table.ForeignKey(
                        name: "fk_purchase_returns_purchases_tenant_id_purchase_id",
                        columns: x => new { x.tenant_id, x.purchase_id },
                        principalTable: "purchases",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_purchase_items_tenant_id_product_code",
                table: "purchase_items",
                columns: new[] { "tenant_id", "product_code" });

            migrationBuilder.CreateIndex(
                name: "ix_purchase_items_tenant_id_purchase_id",
                table: "purchase_items",
                columns: new[] { "tenant_id", "purchase_id" });

            migrationBuilder.CreateIndex(
                name: "ix_purchase_payments_tenant_id_purchase_id",
                table: "purchase_payments",
                columns: new[] { "tenant_id", "purchase_id" });

            migrationBuilder.CreateIndex(
                name: "ix_purchase_returns_tenant_id_purchase_id_return_number",
                table: "purchase_returns",
                columns: new[] { "tenant_id", "purchase_id", "return_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_purchases_audit_queue",
                table: "purchases",
                columns: new[] { "tenant_id", "occurred_at" },
                filter: "points_status = 'PendingAudit'");

            migrationBuilder.CreateIndex(
                name: "ix_purchases_tenant_id_customer_id_occurred_at",
                table: "purchases",
                columns: new[] { "tenant_id", "customer_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ux_purchases_store_pos_coupon",
                table: "purchases",
                columns: new[] { "tenant_id", "store_id", "pos_number", "coupon_number" },
                unique: true);

            foreach (var table in new[] { "purchases", "purchase_items", "purchase_payments", "purchase_returns" })
            {
                migrationBuilder.EnableTenantIsolation(table);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "purchase_items");

            migrationBuilder.DropTable(
                name: "purchase_payments");

            migrationBuilder.DropTable(
                name: "purchase_returns");

            migrationBuilder.DropTable(
                name: "purchases");

            migrationBuilder.DropColumn(
                name: "points_per_real",
                table: "program_settings");
        }
    }
}
