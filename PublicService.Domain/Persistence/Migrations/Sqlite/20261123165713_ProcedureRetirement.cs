using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicService.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProcedureRetirement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "RetiredFrom",
                table: "ProcedureVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetirementReason",
                table: "ProcedureVersions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RetiredFrom",
                table: "ProcedureVersions");

            migrationBuilder.DropColumn(
                name: "RetirementReason",
                table: "ProcedureVersions");
        }
    }
}
