import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Workbench.Ui

// The time range and service every screen shows (Filter, kept for the next
// launch): presets with Alt+1…Alt+5, a custom period (Alt+6), and the service.
RowLayout {
    id: root
    spacing: 4

    Repeater {
        model: [
            { range: Filter.Live, label: qsTr("Live"), tip: qsTr("The last quarter hour, as calls arrive (Alt+1).") },
            { range: Filter.LastHour, label: qsTr("1 h"), tip: qsTr("The last hour, from the stored one-minute windows (Alt+2).") },
            { range: Filter.Last6Hours, label: qsTr("6 h"), tip: qsTr("The last 6 hours, stored windows in 3-minute buckets (Alt+3).") },
            { range: Filter.LastDay, label: qsTr("24 h"), tip: qsTr("The last 24 hours, stored windows in 12-minute buckets (Alt+4).") },
            { range: Filter.LastWeek, label: qsTr("7 d"), tip: qsTr("The last 7 days, stored windows in 84-minute buckets (Alt+5).") }
        ]
        delegate: Button {
            required property var modelData
            required property int index
            text: modelData.label
            checkable: true
            checked: Filter.range === modelData.range
            highlighted: checked
            flat: !checked
            onClicked: Filter.range = modelData.range
            ToolTip.visible: hovered
            ToolTip.text: modelData.tip
            ToolTip.delay: 600
            Shortcut {
                sequence: "Alt+" + (index + 1)
                onActivated: Filter.range = modelData.range
            }
        }
    }
    Button {
        text: Filter.range === Filter.Custom ? Filter.summary.split(" · ")[0] : qsTr("Custom…")
        checkable: true
        checked: Filter.range === Filter.Custom
        highlighted: checked
        flat: !checked
        onClicked: { checked = Qt.binding(() => Filter.range === Filter.Custom); customDialog.open() }
        ToolTip.visible: hovered
        ToolTip.text: qsTr("A period of your choice, from the stored windows (Alt+6).")
        ToolTip.delay: 600
        Shortcut { sequence: "Alt+6"; onActivated: customDialog.open() }
    }
    ComboBox {
        id: serviceBox
        Layout.preferredWidth: 180
        model: [qsTr("All services")].concat(Filter.services)
        currentIndex: Filter.service.length === 0 ? 0 : Filter.services.indexOf(Filter.service) + 1
        onActivated: index => Filter.service = index === 0 ? "" : Filter.services[index - 1]
        Accessible.name: qsTr("Service shown")
        ToolTip.visible: hovered
        ToolTip.text: qsTr("The service every screen shows: KPIs, charts, tables, findings, costs and the Pareto view (service.name of the calls).")
        ToolTip.delay: 600
    }

    Dialog {
        id: customDialog
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: 420
        modal: true
        focus: true
        padding: 16
        title: qsTr("Show a custom period")
        standardButtons: Dialog.Ok | Dialog.Cancel
        onOpened: {
            const to = Filter.range === Filter.Custom ? Filter.customTo : new Date()
            const from = Filter.range === Filter.Custom ? Filter.customFrom : new Date(to.getTime() - 24 * 3600 * 1000)
            fromField.text = Qt.formatDateTime(from, "yyyy-MM-dd HH:mm")
            toField.text = Qt.formatDateTime(to, "yyyy-MM-dd HH:mm")
            problem.text = ""
            fromField.forceActiveFocus()
        }
        onAccepted: {
            const from = Filter.parseTime(fromField.text)
            const to = Filter.parseTime(toField.text)
            if (!Filter.setCustom(from, to)) {
                problem.text = isNaN(from.getTime()) || isNaN(to.getTime())
                    ? qsTr("Write the times as 2026-11-27 14:00 (local time).")
                    : qsTr("The start must be before the end.")
                open()
            }
        }
        GridLayout {
            anchors.fill: parent
            columns: 2
            columnSpacing: 8
            rowSpacing: 8
            Label { text: qsTr("From"); color: Theme.mutedText }
            TextField { id: fromField; Layout.fillWidth: true; font.family: "monospace"; Accessible.name: qsTr("Start of the period"); onAccepted: customDialog.accept() }
            Label { text: qsTr("To"); color: Theme.mutedText }
            TextField { id: toField; Layout.fillWidth: true; font.family: "monospace"; Accessible.name: qsTr("End of the period"); onAccepted: customDialog.accept() }
            Label {
                Layout.columnSpan: 2
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.mutedText
                text: qsTr("Local time, yyyy-MM-dd HH:mm. Charts, costs and findings show the stored windows of this period.")
            }
            Label { id: problem; Layout.columnSpan: 2; Layout.fillWidth: true; wrapMode: Text.Wrap; color: Theme.danger; visible: text.length > 0 }
        }
    }
}
