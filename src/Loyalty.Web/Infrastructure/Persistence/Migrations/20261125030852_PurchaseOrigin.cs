using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Loyalty.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PurchaseOrigin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "origin",
                table: "purchases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Pos");

            migrationBuilder.CreateIndex(
                name: "ix_purchases_tenant_id_occurred_at",
                table: "purchases",
                columns: new[] { "tenant_id", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_purchases_tenant_id_occurred_at",
                table: "purchases");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "purchases");
        }
    }
}
