import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One live figure with its label and, on hover, how it is computed.
Rectangle {
    id: tile
    property string label
    property string value
    property string detail
    property string explanation
    property color valueColor: Theme.text

    Layout.fillWidth: true
    Layout.preferredHeight: 96
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 2
        Label { text: tile.label; color: Theme.mutedText; font.pixelSize: 13 }
        Label {
            text: tile.value
            color: tile.valueColor
            font.pixelSize: 28
            font.weight: Font.DemiBold
        }
        Label { text: tile.detail; color: Theme.mutedText; font.pixelSize: 12 }
    }
    HoverHandler { id: hover }
    ToolTip.visible: hover.hovered && tile.explanation.length > 0
    ToolTip.text: tile.explanation
    ToolTip.delay: 400
}
