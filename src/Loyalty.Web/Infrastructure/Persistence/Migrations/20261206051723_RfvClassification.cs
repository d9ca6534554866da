using System;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Loyalty.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RfvClassification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "rfv_class",
                table: "customers",
                type: "character(3)",
                fixedLength: true,
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "rfv_date",
                table: "customers",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "rfv_classifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_date = table.Column<DateOnly>(type: "date", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_purchase_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    frequency = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    recency = table.Column<short>(type: "smallint", nullable: false),
                    frequency_score = table.Column<short>(type: "smallint", nullable: false),
                    value_score = table.Column<short>(type: "smallint", nullable: false),
                    @class = table.Column<string>(name: "class", type: "character(3)", fixedLength: true, maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rfv_classifications", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_rfv_classifications_tenant_id_business_date",
                table: "rfv_classifications",
                columns: new[] { "tenant_id", "business_date" });

            migrationBuilder.CreateIndex(
                name: "ix_rfv_classifications_tenant_id_customer_id_business_date",
                table: "rfv_classifications",
                columns: new[] { "tenant_id", "customer_id", "business_date" },
                unique: true);

            migrationBuilder.EnableTenantIsolation("rfv_classifications");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rfv_classifications");

            migrationBuilder.DropColumn(
                name: "rfv_class",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "rfv_date",
                table: "customers");
        }
    }
}
