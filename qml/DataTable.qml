import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Workbench.Ui

// A table model (roles display, toolTip, alignRight, warning) with a header
// whose tooltips say how each column is computed.
ColumnLayout {
    id: root
    property alias model: table.model
    property var columnShares: [] // fraction of the width per column
    property string emptyText // shown while the model has no rows
    spacing: 0

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
                horizontalAlignment: column > 0 ? Text.AlignRight : Text.AlignLeft
                text: display
                font.weight: Font.DemiBold
                color: Theme.text
                elide: Text.ElideRight
            }
            HoverHandler { id: headerHover }
            ToolTip.visible: headerHover.hovered && (toolTip || "").length > 0
            ToolTip.text: toolTip || ""
            ToolTip.delay: 400
        }
    }
    TableView {
        id: table
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        columnWidthProvider: function (column) {
            return Math.max(56, (root.columnShares[column] || 0.1) * (table.width - 2))
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
                color: warning ? Theme.warning : Theme.text
                font.weight: warning ? Font.DemiBold : Font.Normal
                elide: Text.ElideRight
            }
            HoverHandler { id: cellHover }
            ToolTip.visible: cellHover.hovered && (toolTip || "").length > 0
            ToolTip.text: toolTip || ""
            ToolTip.delay: 500
        }
        Label {
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.spacing
            visible: table.rows === 0 && root.emptyText.length > 0
            text: root.emptyText
            color: Theme.mutedText
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
        }
    }
}
