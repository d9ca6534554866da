using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Loyalty.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CardLifeCycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "card_flow",
                table: "program_settings",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "LoyaltyOnly");

            migrationBuilder.AddColumn<int>(
                name: "card_validity_months",
                table: "program_settings",
                type: "integer",
                nullable: false,
                defaultValue: 60);

            migrationBuilder.AddColumn<Guid>(
                name: "embossing_batch_id",
                table: "cards",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "expires_on",
                table: "cards",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<Guid>(
                name: "replaced_by_card_id",
                table: "cards",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "replaces_card_id",
                table: "cards",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddUniqueConstraint(
                name: "ak_cards_tenant_id_id",
                table: "cards",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.CreateTable(
                name: "card_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    card_id = table.Column<Guid>(type: "uuid", nullable: false),
                    @event = table.Column<string>(name: "event", type: "character varying(20)", maxLength: 20, nullable: false),
                    from_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    observation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    related_card_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_card_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_card_history_cards_tenant_id_card_id",
                        columns: x => new { x.tenant_id, x.card_id },
                        principalTable: "cards",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cards_tenant_id_embossing_batch_id",
                table: "cards",
                columns: new[] { "tenant_id", "embossing_batch_id" });

            migrationBuilder.CreateIndex(
                name: "ix_cards_tenant_id_status",
                table: "cards",
                columns: new[] { "tenant_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_card_history_tenant_id_card_id_at",
                table: "card_history",
                columns: new[] { "tenant_id", "card_id", "at" });

            migrationBuilder.EnableTenantIsolation("card_history");

            // Cards issued before expiry existed: the last day of the month 60 months after the month of issue, counted
            // in the tenant's time zone (the default validity of SPEC §8).
            migrationBuilder.Sql("""
                UPDATE cards c SET expires_on =
                    (date_trunc('month', c.issued_at AT TIME ZONE t.time_zone_id) + interval '61 months' - interval '1 day')::date
                FROM tenants t WHERE t.id = c.tenant_id
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantIsolation("card_history");

            migrationBuilder.DropTable(
                name: "card_history");

            migrationBuilder.DropUniqueConstraint(
                name: "ak_cards_tenant_id_id",
                table: "cards");

            migrationBuilder.DropIndex(
                name: "ix_cards_tenant_id_embossing_batch_id",
                table: "cards");

            migrationBuilder.DropIndex(
                name: "ix_cards_tenant_id_status",
                table: "cards");

            migrationBuilder.DropColumn(
                name: "card_flow",
                table: "program_settings");

            migrationBuilder.DropColumn(
                name: "card_validity_months",
                table: "program_settings");

            migrationBuilder.DropColumn(
                name: "embossing_batch_id",
                table: "cards");

            migrationBuilder.DropColumn(
                name: "expires_on",
                table: "cards");

            migrationBuilder.DropColumn(
                name: "replaced_by_card_id",
                table: "cards");

            migrationBuilder.DropColumn(
                name: "replaces_card_id",
                table: "cards");
        }
    }
}
