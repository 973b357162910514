import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Workbench.Ui

// Export report… of a period (Costs, Drift & Anomalies): format and file,
// written off the GUI thread by Engine.reports with a busy indicator and
// Cancel; the outcome stays in the dialog until it is closed.
Dialog {
    id: dialog
    property string kind: "cost" // or "drift"
    property date from
    property date to
    readonly property var exporter: Engine.reports

    anchors.centerIn: parent
    width: Math.min(620, parent ? parent.width - 80 : 620)
    modal: true
    focus: true
    padding: 16
    closePolicy: exporter.busy ? Popup.NoAutoClose : Popup.CloseOnEscape
    title: kind === "cost" ? qsTr("Export the cost report") : qsTr("Export the drift and anomaly report")

    function openFor(fromTime, toTime) {
        from = fromTime
        to = toTime
        path.text = exporter.defaultPath(kind, formatBox.currentValue, from)
        open()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.text
            text: qsTr("Period: %1 to %2 (the range chosen at the top).")
                      .arg(dialog.from.toLocaleString(Qt.locale(), Locale.ShortFormat))
                      .arg(dialog.to.toLocaleString(Qt.locale(), Locale.ShortFormat))
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: 8
            rowSpacing: 10
            Label { text: qsTr("Format"); color: Theme.mutedText }
            ComboBox {
                id: formatBox
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "value"
                model: [{ value: "pdf", text: qsTr("PDF — for reading and sharing") },
                        { value: "html", text: qsTr("HTML — self-contained, charts as SVG") },
                        { value: "json", text: qsTr("JSON — machine-readable") },
                        { value: "csv", text: dialog.kind === "cost" ? qsTr("CSV — one row per hour, service and model") : qsTr("CSV — one row per finding") }]
                onActivated: path.text = path.text.replace(/\.[A-Za-z]+$/, "." + currentValue)
                Accessible.name: qsTr("Report format")
            }
            Label { text: qsTr("File"); color: Theme.mutedText }
            TextField {
                id: path
                Layout.fillWidth: true
                selectByMouse: true
                font.family: "monospace"
                onAccepted: write.clicked()
                Accessible.name: qsTr("File to write the report to")
            }
        }
        RowLayout {
            Layout.fillWidth: true
            visible: dialog.exporter.busy || dialog.exporter.message.length > 0
            BusyIndicator { running: dialog.exporter.busy; visible: running; implicitWidth: 28; implicitHeight: 28 }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: dialog.exporter.message
                color: dialog.exporter.failed ? Theme.danger : Theme.text
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Item { Layout.fillWidth: true }
            Button {
                id: write
                text: qsTr("Write")
                enabled: !dialog.exporter.busy
                highlighted: true
                onClicked: dialog.exporter.exportReport(dialog.kind, formatBox.currentValue, path.text, dialog.from, dialog.to)
            }
            Button {
                text: dialog.exporter.busy ? qsTr("Cancel export") : qsTr("Close")
                onClicked: dialog.exporter.busy ? dialog.exporter.cancel() : dialog.close()
            }
        }
    }
}
