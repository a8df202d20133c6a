using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicService.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeadlineScan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LastEventSequence",
                table: "Dossiers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Existing dossiers continue their histories where they are.
            migrationBuilder.Sql(
                "UPDATE \"Dossiers\" SET \"LastEventSequence\" = " +
                "COALESCE((SELECT MAX(e.\"Sequence\") FROM \"DossierEvents\" e WHERE e.\"DossierId\" = \"Dossiers\".\"Id\"), 0);");

            migrationBuilder.CreateTable(
                name: "ScanLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanLeases", x => x.Name);
                });

            migrationBuilder.InsertData(
                table: "ScanLeases",
                columns: new[] { "Name", "ExpiresAtUtc", "Holder" },
                values: new object[] { "deadline-scan", null, null });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScanLeases");

            migrationBuilder.DropColumn(
                name: "LastEventSequence",
                table: "Dossiers");
        }
    }
}
