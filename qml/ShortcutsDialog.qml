import QtQuick
import QtQuick.Controls
import Workbench.Ui

// Every keyboard shortcut of the workbench (F1 or Ctrl+/). Kept in step with
// the Shortcut items of qml/ (grep Shortcut).
Dialog {
    id: dialog
    required property var screens // Main.qml's list: Ctrl+1… open them in order

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(620, parent ? parent.width - 80 : 620)
    height: Math.min(implicitHeight, parent ? parent.height - 80 : implicitHeight)
    modal: true
    focus: true
    padding: 16
    title: qsTr("Keyboard shortcuts")
    standardButtons: Dialog.Close

    // One row per shortcut, grouped by where it works.
    readonly property var rows: {
        const anywhere = qsTr("Anywhere")
        const list = dialog.screens.map((s, i) => ({ group: anywhere, keys: "Ctrl+" + (i + 1), action: s.name.replace("&&", "&") }))
        return list.concat([
            { group: anywhere, keys: "Ctrl+,", action: qsTr("Settings") },
            { group: anywhere, keys: qsTr("F1 or Ctrl+/"), action: qsTr("These keyboard shortcuts") },
            { group: anywhere, keys: "Ctrl+Q", action: qsTr("Quit") },
            { group: anywhere, keys: qsTr("Alt+1 … Alt+5"), action: qsTr("Time range of every screen: live 15 minutes, 1 hour, 6 hours, 24 hours, 7 days") },
            { group: anywhere, keys: "Alt+6", action: qsTr("A custom period") },
            { group: qsTr("Costs, Drift & Anomalies"), keys: "Ctrl+E", action: qsTr("Export a report of the period shown") },
            { group: qsTr("Experiments"), keys: "Ctrl+O", action: qsTr("Type the path of a definition file") },
            { group: qsTr("Experiments"), keys: qsTr("F5 or Ctrl+R"), action: qsTr("Read the definition and dataset again") },
            { group: qsTr("Audit"), keys: "F5", action: qsTr("Read the newest records again") },
            { group: qsTr("Audit"), keys: qsTr("Enter"), action: qsTr("Show or hide the selected record's details") }
        ])
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        implicitHeight: column.implicitHeight
        clip: true
        Column {
            id: column
            width: scroll.availableWidth
            Repeater {
                model: dialog.rows
                Column {
                    required property var modelData
                    required property int index
                    width: column.width
                    Label {
                        visible: index === 0 || dialog.rows[index - 1].group !== modelData.group
                        text: modelData.group
                        font.weight: Font.DemiBold
                        color: Theme.text
                        topPadding: index === 0 ? 0 : 10
                        bottomPadding: 4
                    }
                    Row {
                        spacing: Theme.spacing
                        bottomPadding: 4
                        Label {
                            width: 140
                            text: modelData.keys
                            font.family: "monospace"
                            color: Theme.accentText
                        }
                        Label {
                            width: column.width - 140 - Theme.spacing
                            wrapMode: Text.Wrap
                            text: modelData.action
                            color: Theme.text
                        }
                    }
                }
            }
        }
    }
}
