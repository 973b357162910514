import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Workbench.Ui

// What the analyzers concluded: a filtered list, and the selected finding's
// method, numbers and evidence chart.
Item {
    id: root

    property int selected: list.currentIndex
    property int revision: 0 // bumped when the list is rebuilt
    readonly property var findings: Engine.findings

    // The family of a method, for the list.
    function methodName(method) {
        for (const name of ["EWMA", "CUSUM", "robust z", "Kolmogorov", "chi-square", "ADWIN", "Page-Hinkley", "Welch", "two-proportion", "quantile shift", "price table", "spend so far"])
            if (method.indexOf(name) >= 0)
                return name === "Kolmogorov" ? "KS" : name
        return method
    }
    function severityColor(severity) {
        return severity >= 2 ? Theme.danger : severity === 1 ? Theme.warning : Theme.mutedText
    }
    function number(v) {
        if (v === undefined || v === null)
            return "—"
        return Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v !== 0)
            ? Number(v).toExponential(2) : Number(v).toLocaleString(Qt.locale(), 'f', 3)
    }
    function refreshChart() {
        // Read from the model: the detail bindings may not have caught up with the selection yet.
        const kind = root.selected >= 0 && root.selected < list.count
            ? findings.data(findings.index(root.selected, 0), FindingListModel.ChartRole)
            : FindingListModel.NoChart
        const series = kind === FindingListModel.WindowSeries
        const comparison = kind === FindingListModel.Comparison
        const a = findings.fillEvidence(first, root.selected,
                                        series ? FindingListModel.Baseline : FindingListModel.Reference)
        const b = findings.fillEvidence(second, root.selected,
                                        series ? FindingListModel.Current : FindingListModel.Latest)
        const c = findings.fillEvidence(firstInterval, root.selected, FindingListModel.ReferenceInterval)
        const d = findings.fillEvidence(secondInterval, root.selected, FindingListModel.LatestInterval)
        first.name = series ? qsTr("previous windows") : qsTr("reference")
        second.name = series ? qsTr("window tested") : qsTr("current")
        firstInterval.name = qsTr("reference interval")
        secondInterval.name = qsTr("current interval")
        firstInterval.visible = firstInterval.count > 0
        secondInterval.visible = secondInterval.count > 0
        evidenceFrame.resetZoom()
        evidenceFrame.fullTo = comparison ? 2.5 : Math.max(2, first.count + (series ? 1 : 0)) + 0.5
        yAxis.max = Math.max(a, b, c, d) * 1.15 || 1
        yAxis.applyNiceNumbers()
        xAxis.tickCount = comparison ? 2 : Math.min(7, Math.max(2, first.count + 1))
        xAxis.labelsVisible = !comparison
        xAxis.titleText = series ? qsTr("window (oldest first)")
                        : comparison ? ""
                        : qsTr("bin / category")
        evidenceFrame.kind = kind
        evidenceFrame.visible = kind !== FindingListModel.NoChart
        const field = role => (root.selected >= 0 && root.selected < list.count
            ? findings.data(findings.index(root.selected, 0), role) : "") || ""
        Engine.driftHistory.load(field(FindingListModel.KeyRole), field(FindingListModel.MetricRole),
                                 field(FindingListModel.MethodRole))
    }
    function refreshHistory() {
        const history = Engine.driftHistory
        history.fillSeries(statisticLine, DriftHistory.Statistic)
        history.fillSeries(detections, DriftHistory.Detections, [Theme.mutedText, Theme.warning, Theme.danger])
        historyValue.min = history.axisMin
        historyValue.max = history.axisMax
        historyValue.applyNiceNumbers()
        historyFrame.resetZoom()
    }

    onSelectedChanged: refreshChart()
    ReportExportDialog { id: exportDialog; kind: "drift" }
    Shortcut {
        sequence: "Ctrl+E"
        enabled: root.visible
        onActivated: exportDialog.openFor(Overview.timeFrom, Overview.timeTo)
    }
    Connections {
        target: Engine.driftHistory
        function onChanged() { root.refreshHistory() }
    }
    Connections {
        target: root.findings
        function onModelReset() {
            ++root.revision
            if (list.currentIndex < 0 && list.count > 0)
                list.currentIndex = 0
            root.refreshChart()
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 8

                RowLayout {
                    Layout.fillWidth: true
                    spacing: 8
                    ComboBox {
                        id: analyzer
                        model: [qsTr("All analyzers"), "performance", "cost", "quality", "drift", "anomaly"]
                        onActivated: root.findings.analyzerFilter = currentIndex === 0 ? "" : currentText
                        Accessible.name: qsTr("Analyzer")
                    }
                    ComboBox {
                        id: severity
                        model: [qsTr("Info and up"), qsTr("Warnings and up"), qsTr("Critical only")]
                        onActivated: root.findings.minimumSeverity = currentIndex
                        Accessible.name: qsTr("Least severity")
                    }
                    TextField {
                        Layout.fillWidth: true
                        placeholderText: qsTr("Filter by service, variant, metric or method")
                        onTextChanged: root.findings.textFilter = text
                    }
                    Label {
                        text: qsTr("%1 of %2").arg(root.findings.count).arg(root.findings.total)
                        color: Theme.mutedText
                    }
                    Button {
                        text: qsTr("Export report…")
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("The drift and anomaly report of the range chosen on the Overview: findings by analyzer and severity, over time, the strongest drifts' distributions and every finding's method and numbers (Ctrl+E)")
                        onClicked: exportDialog.openFor(Overview.timeFrom, Overview.timeTo)
                    }
                }

                Item {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Label {
                        anchors.centerIn: parent
                        width: parent.width * 0.8
                        visible: list.count === 0
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        color: Theme.mutedText
                        text: root.findings.total === 0
                              ? qsTr("No findings yet. The analyzers test one-minute windows per service and variant once ten of them have closed (anomalies) or thirty (drift against the reference).")
                              : qsTr("No finding matches the filters.")
                    }
                    ListView {
                        id: list
                        anchors.fill: parent
                        clip: true
                        model: root.findings
                        keyNavigationEnabled: true
                        focus: true
                        onCountChanged: if (currentIndex < 0 && count > 0) currentIndex = 0
                        delegate: ItemDelegate {
                            id: row
                            required property int index
                            required property int severity
                            required property string severityName
                            required property string summary
                            required property var windowEnd
                            required property string analyzer
                            required property string method
                            width: ListView.view.width
                            highlighted: ListView.isCurrentItem
                            onClicked: list.currentIndex = index
                            contentItem: RowLayout {
                                spacing: 8
                                Rectangle {
                                    implicitWidth: 64
                                    implicitHeight: 20
                                    radius: 3
                                    color: root.severityColor(row.severity)
                                    Label {
                                        anchors.centerIn: parent
                                        text: row.severityName
                                        color: "white"
                                        font.pixelSize: 11
                                    }
                                }
                                Label {
                                    text: Qt.formatTime(row.windowEnd, "hh:mm")
                                    color: Theme.mutedText
                                }
                                Label {
                                    text: root.methodName(row.method)
                                    color: Theme.mutedText
                                    Layout.preferredWidth: 90
                                    elide: Text.ElideRight
                                }
                                Label {
                                    text: row.summary
                                    color: Theme.text
                                    elide: Text.ElideRight
                                    Layout.fillWidth: true
                                }
                            }
                        }
                    }
                }
            }
        }

        Rectangle {
            Layout.preferredWidth: 540
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border

            // The selected finding's fields, read through the model.
            QtObject {
                id: detail
                function value(role) {
                    return root.selected >= 0 && root.selected < list.count
                        ? root.findings.data(root.findings.index(root.selected, 0), role) : undefined
                }
                property string analyzer: root.selected, root.revision, value(FindingListModel.AnalyzerRole) || ""
                property string summary: root.selected, root.revision, value(FindingListModel.SummaryRole) || ""
                property string method: root.selected, root.revision, value(FindingListModel.MethodRole) || ""
                property string key: root.selected, root.revision, value(FindingListModel.KeyRole) || ""
                property string metric: root.selected, root.revision, value(FindingListModel.MetricRole) || ""
                property var statistic: root.selected, root.revision, value(FindingListModel.StatisticRole)
                property var pValue: root.selected, root.revision, value(FindingListModel.PValueRole)
                property var threshold: root.selected, root.revision, value(FindingListModel.ThresholdRole)
                property var windowStart: root.selected, root.revision, value(FindingListModel.WindowStartRole)
                property var windowEnd: root.selected, root.revision, value(FindingListModel.WindowEndRole)
                property string evidence: root.selected, root.revision, value(FindingListModel.EvidenceRole) || ""
            }

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 8
                visible: detail.summary.length > 0

                Label {
                    text: detail.summary
                    wrapMode: Text.Wrap
                    font.pixelSize: 15
                    font.weight: Font.DemiBold
                    color: Theme.text
                    Layout.fillWidth: true
                }
                GridLayout {
                    columns: 2
                    columnSpacing: 12
                    rowSpacing: 4
                    Layout.fillWidth: true
                    Label { text: qsTr("Key"); color: Theme.mutedText }
                    Label { text: detail.key; color: Theme.text; elide: Text.ElideMiddle; Layout.fillWidth: true }
                    Label { text: qsTr("Metric"); color: Theme.mutedText }
                    Label { text: detail.metric; color: Theme.text }
                    Label { text: qsTr("Method"); color: Theme.mutedText }
                    Label { text: detail.method; color: Theme.text; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    Label { text: qsTr("Statistic"); color: Theme.mutedText }
                    Label { text: root.number(detail.statistic); color: Theme.text }
                    Label { text: detail.pValue !== undefined ? qsTr("p-value") : qsTr("Threshold"); color: Theme.mutedText }
                    Label {
                        text: detail.pValue !== undefined
                              ? qsTr("%1 (α %2)").arg(root.number(detail.pValue)).arg(root.number(detail.threshold))
                              : root.number(detail.threshold)
                        color: Theme.text
                    }
                    Label { text: qsTr("Window"); color: Theme.mutedText }
                    Label {
                        text: detail.windowStart && detail.windowEnd
                              ? Qt.formatDateTime(detail.windowStart, "yyyy-MM-dd hh:mm")
                                + " – " + Qt.formatTime(detail.windowEnd, "hh:mm") : ""
                        color: Theme.text
                    }
                }

                Label {
                    visible: !evidenceFrame.visible
                    text: qsTr("This method keeps no series to draw; its numbers are above.")
                    color: Theme.mutedText
                }
                ChartFrame {
                    id: evidenceFrame
                    property int kind: FindingListModel.NoChart
                    Layout.fillWidth: true
                    Layout.preferredHeight: 230
                    chart: evidenceChart
                    fullFrom: 0.5
                    minimumSpan: 1
                    title: kind === FindingListModel.WindowSeries ? qsTr("Window tested against the ones before")
                         : kind === FindingListModel.Bins ? qsTr("Reference against current distribution")
                         : qsTr("Reference against current estimate")
                    explanation: kind === FindingListModel.WindowSeries
                                 ? qsTr("The metric in the key's previous one-minute windows (line, oldest first) and in the window tested (dot): the method above tests the latter against the former.")
                                 : kind === FindingListModel.Bins
                                 ? qsTr("Share of calls per bin (the reference's deciles) or category, in the reference stretch (the key's first windows) and in the current one (its last windows). PSI and the test above are computed from these shares.")
                                 : qsTr("The reference and current estimates of the metric with their confidence intervals (vertical bars), as the test above computed them.")
                    ChartView {
                        id: evidenceChart
                        localizeNumbers: true // axis labels in the chosen language's number format
                        anchors.fill: parent
                        antialiasing: true
                        backgroundColor: "transparent"
                        legend.labelColor: Theme.text
                        legend.alignment: Qt.AlignBottom
                        legend.font.pixelSize: 11
                        margins { top: 4; bottom: 0; left: 4; right: 4 }
                        ValueAxis {
                            id: xAxis
                            min: evidenceFrame.shownFrom
                            max: evidenceFrame.shownTo
                            labelFormat: "%.0f"
                            labelsColor: Theme.mutedText
                            gridLineColor: Theme.border
                            titleBrush: Theme.mutedText
                        }
                        ValueAxis {
                            id: yAxis
                            min: 0
                            labelsColor: Theme.mutedText
                            gridLineColor: Theme.border
                        }
                        LineSeries { id: first; axisX: xAxis; axisY: yAxis; color: Theme.seriesColors[0]; width: 2; pointsVisible: true }
                        ScatterSeries { id: second; axisX: xAxis; axisY: yAxis; color: Theme.danger; markerSize: 11 }
                        LineSeries { id: firstInterval; axisX: xAxis; axisY: yAxis; color: Theme.seriesColors[0]; width: 3 }
                        LineSeries { id: secondInterval; axisX: xAxis; axisY: yAxis; color: Theme.danger; width: 3 }
                    }
                }
                ChartFrame {
                    id: historyFrame
                    readonly property var history: Engine.driftHistory
                    Layout.fillWidth: true
                    Layout.preferredHeight: 200
                    chart: historyChart
                    fullFrom: history.timeFrom.getTime()
                    fullTo: history.timeTo.getTime()
                    minimumSpan: 60000
                    title: qsTr("%1 over time").arg(history.statisticName)
                    explanation: qsTr("This key's %1 as the same method judged it in every stored finding about it: the line joins the statistic at the end of each window tested (PSI where the finding has one), the dots mark when each finding was raised, coloured by severity. Analyzers store the statistic only when they raise a finding.")
                                 .arg(history.metric)
                    ChartView {
                        id: historyChart
                        localizeNumbers: true // axis labels in the chosen language's number format
                        anchors.fill: parent
                        antialiasing: true
                        backgroundColor: "transparent"
                        legend.labelColor: Theme.text
                        legend.alignment: Qt.AlignBottom
                        legend.font.pixelSize: 11
                        margins { top: 4; bottom: 0; left: 4; right: 4 }
                        DateTimeAxis {
                            id: historyTime
                            format: historyFrame.shownTo - historyFrame.shownFrom > 86400000 ? qsTr("MMM d hh:mm", "date format (QDateTime) of a time axis over more than a day") : "hh:mm"
                            tickCount: 5
                            min: new Date(historyFrame.shownFrom)
                            max: new Date(historyFrame.shownTo)
                            labelsColor: Theme.mutedText
                            gridLineColor: Theme.border
                        }
                        ValueAxis {
                            id: historyValue
                            tickCount: 5
                            labelFormat: max - min >= 10 ? "%.0f" : "%.2f"
                            labelsColor: Theme.mutedText
                            gridLineColor: Theme.border
                        }
                        LineSeries {
                            id: statisticLine
                            name: historyFrame.history.statisticName
                            axisX: historyTime; axisY: historyValue
                            color: Theme.seriesColors[0]
                            width: 2
                        }
                        ScatterSeries {
                            id: detections
                            name: qsTr("finding raised")
                            axisX: historyTime; axisY: historyValue
                            color: Theme.warning
                            borderColor: Theme.surface
                            markerSize: 10
                        }
                    }
                }

                Label { text: qsTr("Evidence"); color: Theme.mutedText }
                ScrollView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    TextArea {
                        readOnly: true
                        text: detail.evidence
                        font.family: "monospace"
                        font.pixelSize: 11
                        color: Theme.text
                        background: null
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: detail.summary.length === 0
                text: qsTr("Select a finding to see its evidence.")
                color: Theme.mutedText
            }
        }
    }
}
