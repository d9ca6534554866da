using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Loyalty.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CardLastDigits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "last_digits",
                table: "cards",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true,
                computedColumnSql: "right(number, 4)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_cards_tenant_id_last_digits",
                table: "cards",
                columns: new[] { "tenant_id", "last_digits" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cards_tenant_id_last_digits",
                table: "cards");

            migrationBuilder.DropColumn(
                name: "last_digits",
                table: "cards");
        }
    }
}
