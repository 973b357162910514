pragma Singleton
import QtQuick

// Colours and sizes shared by all screens; follows the system palette (light or dark).
QtObject {
    readonly property SystemPalette palette: SystemPalette { colorGroup: SystemPalette.Active }
    readonly property bool dark: palette.window.hslLightness < 0.5
    readonly property color window: palette.window
    readonly property color surface: dark ? Qt.lighter(palette.window, 1.35) : "#ffffff"
    readonly property color sidebar: dark ? Qt.darker(palette.window, 1.3) : "#eef1f5"
    readonly property color text: palette.windowText
    readonly property color mutedText: dark ? "#a8b0bb" : "#5b6472"
    readonly property color border: dark ? "#3a4048" : "#d7dce3"
    readonly property color accent: "#2f6fde"
    readonly property color warning: "#c77700"
    readonly property color good: "#2e7d32"
    readonly property color danger: "#c62828"
    readonly property int spacing: 12
    readonly property int radius: 6
    // Series colours, distinguishable for common colour-vision deficiencies (Okabe–Ito).
    readonly property var seriesColors: ["#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                         "#56B4E9", "#D55E00", "#F0E442", "#000000"]
}
