using MudBlazor;

namespace PublicService.Console.Components.Layout;

/// <summary>A sober office theme: deep blue for structure, the red of the national flag as a sparing accent.</summary>
public static class PublicServiceTheme
{
    private static readonly string[] _fontFamily = ["Roboto", "Noto Sans", "Segoe UI", "DejaVu Sans", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#123E7C",
            PrimaryContrastText = "#FFFFFF",
            Secondary = "#C62828",
            SecondaryContrastText = "#FFFFFF",
            Tertiary = "#B8860B",
            AppbarBackground = "#0F3466",
            AppbarText = "#FFFFFF",
            Background = "#F4F6F9",
            Surface = "#FFFFFF",
            DrawerBackground = "#FFFFFF",
            DrawerText = "#1F2A3C",
            TextPrimary = "#1F2A3C",
            TextSecondary = "#4A5568",
            Success = "#2E7D32",
            Warning = "#E08A00",
            Error = "#C62828",
            Info = "#1565C0",
            TableStriped = "#F7F9FC",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = _fontFamily },
            H4 = new H4Typography { FontSize = "1.75rem", FontWeight = "500" },
            H5 = new H5Typography { FontSize = "1.35rem", FontWeight = "500" },
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "500" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "4px", DrawerWidthLeft = "260px" },
    };
}
