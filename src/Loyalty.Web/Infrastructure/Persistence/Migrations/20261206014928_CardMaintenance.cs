using System;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Loyalty.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CardMaintenance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "card_pins",
                columns: table => new
                {
                    card_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pin_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    pin_salt = table.Column<byte[]>(type: "bytea", nullable: false),
                    pin_iterations = table.Column<int>(type: "integer", nullable: false),
                    wrong_tries = table.Column<int>(type: "integer", nullable: false),
                    locked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_card_pins", x => x.card_id);
                    table.ForeignKey(
                        name: "fk_card_pins_cards_card_id",
                        column: x => x.card_id,
                        principalTable: "cards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "card_reasons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    operations = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_card_reasons", x => x.id);
                    table.UniqueConstraint("ak_card_reasons_tenant_id_id", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_card_reasons_tenant_id_description",
                table: "card_reasons",
                columns: new[] { "tenant_id", "description" },
                unique: true);

            // Existing tenants get the list a new tenant starts with (CardReason.Defaults); operations are flags:
            // block 1, unblock 2, cancel 4, reissue 8.
            migrationBuilder.Sql("""
                INSERT INTO card_reasons (id, tenant_id, description, operations, is_active, created_at)
                SELECT gen_random_uuid(), t.id, r.description, r.operations, true, now()
                FROM tenants t CROSS JOIN (VALUES ('Perda ou roubo', 13), ('Suspeita de fraude', 5), ('Solicitação do cliente', 7),
                    ('Cartão danificado', 8), ('Cartão recuperado', 2), ('Situação regularizada', 2)) AS r(description, operations);
                """);
            migrationBuilder.EnableTenantIsolation("card_reasons");
            migrationBuilder.EnableTenantIsolation("card_pins");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantIsolation("card_pins");
            migrationBuilder.DisableTenantIsolation("card_reasons");
            migrationBuilder.DropTable(
                name: "card_pins");

            migrationBuilder.DropTable(
                name: "card_reasons");
        }
    }
}
