import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Workbench.Ui

// The time range of the charts, shared by every screen that shows one
// (Overview.range); Alt+1…Alt+5 while the screen is shown.
RowLayout {
    id: root
    spacing: 6
    Label { text: qsTr("Charts:"); color: Theme.mutedText }
    Repeater {
        model: [
            { range: OverviewController.Live, label: qsTr("Live 15 min"), tip: qsTr("The last quarter hour, as calls arrive (Alt+1).") },
            { range: OverviewController.LastHour, label: qsTr("1 hour"), tip: qsTr("Stored one-minute windows (Alt+2).") },
            { range: OverviewController.Last6Hours, label: qsTr("6 hours"), tip: qsTr("Stored windows in 3-minute buckets (Alt+3).") },
            { range: OverviewController.LastDay, label: qsTr("24 hours"), tip: qsTr("Stored windows in 12-minute buckets (Alt+4).") },
            { range: OverviewController.LastWeek, label: qsTr("7 days"), tip: qsTr("Stored windows in 84-minute buckets (Alt+5).") }
        ]
        delegate: Button {
            required property var modelData
            required property int index
            text: modelData.label
            checkable: true
            checked: Overview.range === modelData.range
            highlighted: checked
            flat: !checked
            onClicked: Overview.range = modelData.range
            ToolTip.visible: hovered
            ToolTip.text: modelData.tip
            ToolTip.delay: 600
            Shortcut {
                sequence: "Alt+" + (index + 1)
                enabled: root.visible // one selector per screen: only the shown one answers
                onActivated: Overview.range = modelData.range
            }
        }
    }
}
