using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicService.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StepAlertLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StepAlertLevel",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Normal");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_StepAlertLevel_Status",
                table: "Dossiers",
                columns: new[] { "StepAlertLevel", "Status" },
                filter: "\"StepAlertLevel\" <> 'Normal'");

            // Existing running dossiers at a step with its own deadline may already be approaching it. Rather than
            // compute schedules in SQL, their next alert instant is brought forward to their last change, so the
            // next deadline scan (an index seek, as always) re-levels them, steps included, with the usual events.
            migrationBuilder.Sql(
                "UPDATE \"Dossiers\" SET \"NextAlertAtUtc\" = \"LastChangedAtUtc\" " +
                "WHERE \"Status\" IN ('Received', 'InProcess') AND \"StepDueAtUtc\" IS NOT NULL AND \"StepDueAtUtc\" < \"DueAtUtc\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_StepAlertLevel_Status",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "StepAlertLevel",
                table: "Dossiers");
        }
    }
}
