import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Workbench.Ui

// Per-variant totals since the feed started.
Rectangle {
    id: root
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    readonly property var columnShares: [0.12, 0.22, 0.08, 0.07, 0.09, 0.09, 0.11, 0.12, 0.08]

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 6
        Label {
            text: qsTr("Variants (model · prompt · parameters) since the feed started")
            font.pixelSize: 14
            font.weight: Font.DemiBold
            color: Theme.text
        }
        HorizontalHeaderView {
            id: header
            syncView: table
            Layout.fillWidth: true
            clip: true
            delegate: Rectangle {
                implicitHeight: 28
                color: Theme.sidebar
                Label {
                    anchors.fill: parent
                    anchors.leftMargin: 8
                    anchors.rightMargin: 8
                    verticalAlignment: Text.AlignVCenter
                    horizontalAlignment: column >= 2 ? Text.AlignRight : Text.AlignLeft
                    text: display
                    font.weight: Font.DemiBold
                    color: Theme.text
                    elide: Text.ElideRight
                }
            }
        }
        TableView {
            id: table
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: Overview.variants
            boundsBehavior: Flickable.StopAtBounds
            columnWidthProvider: function (column) {
                return Math.max(60, root.columnShares[column] * (table.width - 2))
            }
            onWidthChanged: forceLayout()
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                implicitHeight: 26
                color: row % 2 ? Theme.window : Theme.surface
                Label {
                    anchors.fill: parent
                    anchors.leftMargin: 8
                    anchors.rightMargin: 8
                    verticalAlignment: Text.AlignVCenter
                    horizontalAlignment: alignRight ? Text.AlignRight : Text.AlignLeft
                    text: display
                    color: Theme.text
                    elide: Text.ElideRight
                }
                HoverHandler { id: cellHover }
                ToolTip.visible: cellHover.hovered && column === 1
                ToolTip.text: toolTip
                ToolTip.delay: 500
            }
        }
    }
}
