using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicService.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BoardAndDueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Board",
                table: "Dossiers",
                columns: new[] { "Status", "AlertLevel", "DueAtUtc", "CurrentAgencyId", "ReceivingAgencyId", "ProcedureVersionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_DueAtUtc",
                table: "Dossiers",
                column: "DueAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Board",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_DueAtUtc",
                table: "Dossiers");
        }
    }
}
