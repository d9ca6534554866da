using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Loyalty.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Embossing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "embossing_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<long>(type: "bigint", nullable: false),
                    request_key = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    generated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    generated_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    generated_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    card_count = table.Column<int>(type: "integer", nullable: false),
                    expected_return_on = table.Column<DateOnly>(type: "date", nullable: false),
                    file_name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    file_size = table.Column<long>(type: "bigint", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivered_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    delivered_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    download_count = table.Column<int>(type: "integer", nullable: false),
                    last_downloaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_downloaded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_embossing_batches", x => x.id);
                    table.UniqueConstraint("ak_embossing_batch_tenant_id_id", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "embossing_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    requested_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    filter_registered_from = table.Column<DateOnly>(type: "date", nullable: true),
                    filter_registered_to = table.Column<DateOnly>(type: "date", nullable: true),
                    filter_store_id = table.Column<Guid>(type: "uuid", nullable: true),
                    filter_card_number = table.Column<string>(type: "character varying(25)", maxLength: 25, nullable: true),
                    filter_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    filter_customer_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    processed = table.Column<int>(type: "integer", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_embossing_requests", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "embossing_batch_cards",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    card_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    checked_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_embossing_batch_cards", x => x.id);
                    table.ForeignKey(
                        name: "fk_embossing_batch_cards_cards_tenant_id_card_id",
                        columns: x => new { x.tenant_id, x.card_id },
                        principalTable: "cards",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_embossing_batch_cards_embossing_batch_tenant_id_batch_id",
                        columns: x => new { x.tenant_id, x.batch_id },
                        principalTable: "embossing_batches",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "embossing_file_chunks",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_embossing_file_chunks", x => new { x.tenant_id, x.batch_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_embossing_file_chunks_embossing_batches_tenant_id_batch_id",
                        columns: x => new { x.tenant_id, x.batch_id },
                        principalTable: "embossing_batches",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_embossing_batch_cards_tenant_id_batch_id_line",
                table: "embossing_batch_cards",
                columns: new[] { "tenant_id", "batch_id", "line" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_embossing_batch_cards_tenant_id_card_id",
                table: "embossing_batch_cards",
                columns: new[] { "tenant_id", "card_id" });

            migrationBuilder.CreateIndex(
                name: "ix_embossing_batches_tenant_id_number",
                table: "embossing_batches",
                columns: new[] { "tenant_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_embossing_batches_tenant_id_request_key",
                table: "embossing_batches",
                columns: new[] { "tenant_id", "request_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_embossing_batches_tenant_id_status_generated_at",
                table: "embossing_batches",
                columns: new[] { "tenant_id", "status", "generated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_embossing_requests_tenant_id_requested_at",
                table: "embossing_requests",
                columns: new[] { "tenant_id", "requested_at" });

            migrationBuilder.EnableTenantIsolation("embossing_batches");
            migrationBuilder.EnableTenantIsolation("embossing_requests");
            migrationBuilder.EnableTenantIsolation("embossing_batch_cards");
            migrationBuilder.EnableTenantIsolation("embossing_file_chunks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantIsolation("embossing_batches");
            migrationBuilder.DisableTenantIsolation("embossing_requests");
            migrationBuilder.DisableTenantIsolation("embossing_batch_cards");
            migrationBuilder.DisableTenantIsolation("embossing_file_chunks");

            migrationBuilder.DropTable(
                name: "embossing_batch_cards");

            migrationBuilder.DropTable(
                name: "embossing_file_chunks");

            migrationBuilder.DropTable(
                name: "embossing_requests");

            migrationBuilder.DropTable(
                name: "embossing_batches");
        }
    }
}
