pragma Singleton
import QtQuick

// Colours and sizes shared by all screens; follows the application's palette:
// the system's, or the light or dark one chosen in Settings (ColorScheme).
QtObject {
    readonly property SystemPalette palette: SystemPalette { colorGroup: SystemPalette.Active }
    readonly property SystemPalette disabledPalette: SystemPalette { colorGroup: SystemPalette.Disabled }
    readonly property bool dark: palette.window.hslLightness < 0.5
    readonly property color window: palette.window
    readonly property color surface: dark ? Qt.lighter(palette.window, 1.35) : "#ffffff"
    readonly property color sidebar: dark ? Qt.darker(palette.window, 1.3) : "#eef1f5"
    readonly property color text: palette.windowText
    readonly property color mutedText: dark ? "#a8b0bb" : "#5b6472"
    readonly property color border: dark ? "#3a4048" : "#d7dce3"
    readonly property color accent: "#2f6fde"
    readonly property color accentText: dark ? "#7ab4ff" : accent // accent for text on window or surface
    // Drawn as text on the window or a surface and as fills under white text:
    // in dark, lighter tones keep 3:1 both ways.
    readonly property color warning: "#c77700"
    readonly property color good: dark ? "#43a047" : "#2e7d32"
    readonly property color danger: dark ? "#ef5350" : "#c62828"
    readonly property int spacing: 12
    readonly property int radius: 6
    // Series colours, distinguishable for common colour-vision deficiencies (Okabe–Ito).
    readonly property var seriesColors: ["#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                         "#56B4E9", "#D55E00", "#F0E442", dark ? "#ffffff" : "#000000"]
}
