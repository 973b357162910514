import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Workbench.Ui

// Spend over the Overview's time range by model or service, against the
// per-service budgets; spend so far and forecast per service; the top cost
// drivers; calls without a price.
Item {
    id: root
    readonly property var costs: Engine.costs

    function money(v) { return qsTr("$%1", "US dollars: put the sign where your language does").arg(Number(v).toLocaleString(Qt.locale(), 'f', v < 10 ? 2 : 0)) }
    function count(v) { return Number(v).toLocaleString(Qt.locale(), 'f', 0) }

    Binding { target: root.costs; property: "active"; value: root.visible }
    ReportExportDialog { id: exportDialog; kind: "cost" }
    Shortcut {
        sequence: "Ctrl+E"
        enabled: root.visible
        onActivated: exportDialog.openFor(root.costs.timeFrom, root.costs.timeTo)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Rectangle {
            visible: root.costs.error.length > 0
            Layout.fillWidth: true
            implicitHeight: problem.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Qt.rgba(Theme.danger.r, Theme.danger.g, Theme.danger.b, 0.12)
            border.color: Theme.danger
            Label {
                id: problem
                anchors.fill: parent
                anchors.margins: Theme.spacing
                wrapMode: Text.Wrap
                color: Theme.text
                text: qsTr("Spend cannot be read from the event store: %1").arg(root.costs.error)
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KpiTile {
                label: qsTr("Spend")
                value: root.money(root.costs.totalSpend)
                detail: qsTr("in the range shown")
                explanation: qsTr("Sum of per-call cost (price table × tokens, cached tokens at their own price) over the stored one-minute windows in the range.")
            }
            KpiTile {
                label: qsTr("Calls")
                value: root.count(root.costs.totalCalls)
                detail: qsTr("in the range shown")
                explanation: qsTr("Calls counted in the stored one-minute windows of every service and variant in the range.")
            }
            KpiTile {
                label: qsTr("Cost per 1k calls")
                readonly property real priced: root.costs.totalCalls - root.costs.unpricedCalls
                value: priced > 0 ? root.money(1000 * root.costs.totalSpend / priced) : "–"
                detail: qsTr("priced calls only")
                explanation: qsTr("Spend / calls with a price × 1,000: calls without a price are left out so that they do not lower the figure.")
            }
            KpiTile {
                label: qsTr("Calls without a price")
                value: root.count(root.costs.unpricedCalls)
                valueColor: root.costs.unpricedCalls > 0 ? Theme.warning : Theme.text
                detail: root.costs.unpricedModels.length > 0
                        ? qsTr("models: %1").arg(root.costs.unpricedModels.join(", "))
                        : qsTr("every model has a price")
                explanation: qsTr("Calls whose model is not in the price table. Their cost is unknown, so every figure here counts them as $0 — add the models to a prices file (--prices) to count them.")
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 6
            BusyIndicator {
                running: root.costs.loading
                visible: running
                Layout.preferredHeight: 24
                Layout.preferredWidth: 24
            }
            Item { Layout.fillWidth: true }
            Label { text: qsTr("By:"); color: Theme.mutedText }
            Repeater {
                model: [{ service: false, label: qsTr("Model"), tip: qsTr("One series per model (the variant's model)") },
                        { service: true, label: qsTr("Service"), tip: qsTr("One series per service (service.name); budgets are per service") }]
                delegate: Button {
                    required property var modelData
                    text: modelData.label
                    checkable: true
                    checked: root.costs.byService === modelData.service
                    highlighted: checked
                    flat: !checked
                    onClicked: root.costs.byService = modelData.service
                    ToolTip.visible: hovered
                    ToolTip.text: modelData.tip
                    ToolTip.delay: 600
                }
            }
            Repeater {
                model: [{ stacked: false, label: qsTr("Lines"), tip: qsTr("One line per series: compare them, and each service with its own budget") },
                        { stacked: true, label: qsTr("Stacked"), tip: qsTr("Series stacked: the top edge is the total spend, compared with the sum of the budgets") }]
                delegate: Button {
                    required property var modelData
                    text: modelData.label
                    checkable: true
                    checked: root.costs.stacked === modelData.stacked
                    highlighted: checked
                    flat: !checked
                    onClicked: root.costs.stacked = modelData.stacked
                    ToolTip.visible: hovered
                    ToolTip.text: modelData.tip
                    ToolTip.delay: 600
                }
            }
            Button {
                text: qsTr("Export report…")
                onClicked: exportDialog.openFor(root.costs.timeFrom, root.costs.timeTo)
                ToolTip.visible: hovered
                ToolTip.text: qsTr("The cost report of this range: spend, calls and tokens by service, model and both, spend over time, budgets per day and month (Ctrl+E)")
                ToolTip.delay: 600
            }
        }

        CostChart {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 3
            title: root.costs.byService ? qsTr("Spend by service") : qsTr("Spend by model")
            explanation: qsTr("Cost of the calls in each %1 bucket (sum of the stored one-minute windows' cost), by the variant's model or by service. Dashed: budgets spread evenly over the buckets of their day or month (with both, the tighter one). Whole buckets only: the newest minute or so appears once its windows close.").arg(root.costs.bucketText)
        }

        Label {
            visible: text.length > 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            font.pixelSize: 12
            text: root.costs.budgetNote
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 2
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 6
                TabBar {
                    id: tables
                    Layout.fillWidth: true
                    TabButton {
                        text: qsTr("Budgets: spend so far and forecast")
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Per service: the UTC day's and month's spend so far and where the last hour's rate takes it by the end of the period, next to the configured budgets.")
                        ToolTip.delay: 600
                    }
                    TabButton {
                        text: qsTr("Top cost drivers")
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Model × service in the range shown, the largest spend first.")
                        ToolTip.delay: 600
                    }
                }
                StackLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    currentIndex: tables.currentIndex
                    DataTable {
                        model: root.costs.budgets
                        columnShares: [0.16, 0.1, 0.1, 0.14, 0.1, 0.12, 0.15, 0.13]
                        emptyText: qsTr("No spend stored yet: windows are stored as each minute closes.")
                    }
                    DataTable {
                        model: root.costs.drivers
                        columnShares: [0.16, 0.13, 0.1, 0.08, 0.1, 0.1, 0.12, 0.12, 0.09]
                        emptyText: qsTr("No calls in the range shown.")
                    }
                }
            }
        }
    }
}
