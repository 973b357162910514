import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Workbench.Ui

// The results of a stored offline experiment (docs/experiments.md, "Results"):
// the verdict, the primary metric per arm with its interval as a table and a
// chart, the comparisons with the control and the first disagreeing items.
// Everything shown is computed by Engine.experimentResults off the GUI thread.
Rectangle {
    id: panel
    readonly property var res: Engine.experimentResults
    signal exportRequested()

    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border
    implicitHeight: column.implicitHeight + 2 * Theme.spacing

    function verdictColor(kind) {
        return kind === "winner" ? Theme.good
             : kind === "control_better" ? Theme.warning
             : kind === "insufficient_data" ? Theme.mutedText : Theme.accent
    }

    function rebuildChart() {
        chart.removeAllSeries()
        for (const label of armAxis.categoriesLabels)
            armAxis.remove(label)
        const points = res.chartPoints
        armFrame.fullTo = Math.max(points.length, 1) - 0.5
        const margin = (res.chartMax - res.chartMin) / 12 // the controller's 10 % either side
        if (res.chartMin + margin >= 0 && res.chartMax - margin <= 1) { // a rate or a 0–1 score: the whole scale
            yAxis.min = 0
            yAxis.max = 1
            yAxis.tickCount = 6
        } else {
            yAxis.min = res.chartMin
            yAxis.max = res.chartMax
            yAxis.applyNiceNumbers() // ticks on round values
        }
        if (points.length === 0)
            return
        const means = chart.createSeries(ChartView.SeriesTypeScatter, qsTr("mean"), armAxis, yAxis)
        means.markerSize = 11
        means.color = Theme.seriesColors[0]
        means.borderColor = Theme.seriesColors[0]
        for (let i = 0; i < points.length; ++i) {
            const p = points[i]
            armAxis.append(p.arm, i)
            means.append(i, p.mean)
            const bar = chart.createSeries(ChartView.SeriesTypeLine, p.arm, armAxis, yAxis)
            bar.color = Theme.seriesColors[0]
            bar.width = 2
            bar.append(i, p.low); bar.append(i, p.high)
            for (const end of [p.low, p.high]) {
                const cap = chart.createSeries(ChartView.SeriesTypeLine, p.arm, armAxis, yAxis)
                cap.color = Theme.seriesColors[0]
                cap.width = 2
                cap.append(i - 0.08, end); cap.append(i + 0.08, end)
            }
        }
    }

    Connections {
        target: panel.res
        function onResultsChanged() { panel.rebuildChart() }
    }
    Component.onCompleted: rebuildChart()

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 10

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Label { text: qsTr("Results"); font.pixelSize: 15; font.weight: Font.DemiBold; color: Theme.text }
            ComboBox {
                id: picker
                Layout.preferredWidth: 320
                model: res.experiments
                textRole: "label"
                valueRole: "id"
                enabled: res.experiments.length > 0
                displayText: res.experiments.length === 0 ? qsTr("No stored experiment") : currentText
                currentIndex: res.experiments.findIndex(e => e.id === res.experimentId)
                onActivated: index => res.select(res.experiments[index].id)
                Accessible.name: qsTr("Stored experiment to show")
            }
            Button { text: qsTr("Refresh"); onClicked: res.refreshExperiments() }
            BusyIndicator { visible: res.loading; running: visible; implicitWidth: 26; implicitHeight: 26 }
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Export report…")
                enabled: res.hasResults && !res.exporting
                onClicked: panel.exportRequested()
            }
        }

        Label {
            Layout.fillWidth: true
            visible: res.error.length > 0
            wrapMode: Text.Wrap
            color: Theme.danger
            text: res.error
        }
        Label {
            Layout.fillWidth: true
            visible: !res.hasResults && res.error.length === 0
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: res.experimentId === 0
                  ? qsTr("Run the experiment, or choose a stored one above, to see its results.")
                  : qsTr("No outcomes stored for this experiment yet.")
        }

        // Verdict.
        Rectangle {
            Layout.fillWidth: true
            visible: res.hasResults
            radius: 4
            readonly property color tone: panel.verdictColor(res.verdict.kind)
            color: Qt.rgba(tone.r, tone.g, tone.b, 0.1)
            border.color: tone
            implicitHeight: verdictColumn.implicitHeight + 16
            ColumnLayout {
                id: verdictColumn
                anchors.fill: parent
                anchors.margins: 8
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    font.pixelSize: 16
                    font.weight: Font.DemiBold
                    color: parent.parent.tone
                    text: res.verdict.kind === "winner" ? qsTr("Winner: %1").arg(res.verdict.winner)
                        : res.verdict.kind === "control_better" ? qsTr("The control is better")
                        : res.verdict.kind === "insufficient_data" ? qsTr("Not enough data yet")
                        : qsTr("No significant difference")
                }
                Label { Layout.fillWidth: true; wrapMode: Text.Wrap; color: Theme.text; text: res.verdict.text || "" }
                Label {
                    Layout.fillWidth: true; wrapMode: Text.Wrap; color: Theme.mutedText; font.pixelSize: 12
                    text: [res.verdict.powerText, res.verdict.detectableText].filter(t => t && t.length > 0).join(" ")
                    visible: text.length > 0
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            visible: res.hasResults
            spacing: Theme.spacing

            // Primary metric per arm.
            ColumnLayout {
                Layout.preferredWidth: 560
                Layout.minimumWidth: 480
                Layout.maximumWidth: 560
                Layout.alignment: Qt.AlignTop
                spacing: 2
                Label { text: qsTr("%1 per arm").arg(res.primaryMetric); color: Theme.mutedText }
                RowLayout {
                    Layout.fillWidth: true
                    Repeater {
                        model: [qsTr("Arm"), qsTr("Items"), qsTr("Errors"), qsTr("Mean"), qsTr("Interval")]
                        Label {
                            required property string modelData
                            required property int index
                            Layout.preferredWidth: [140, 50, 50, 60, 220][index]
                            Layout.fillWidth: index === 4
                            text: modelData; font.pixelSize: 12; font.weight: Font.DemiBold; color: Theme.mutedText
                        }
                    }
                }
                Repeater {
                    model: res.arms
                    delegate: RowLayout {
                        required property string arm
                        required property bool control
                        required property bool winner
                        required property var items
                        required property var errors
                        required property string meanText
                        required property string intervalText
                        Layout.fillWidth: true
                        Label {
                            Layout.preferredWidth: 140; elide: Text.ElideRight; color: Theme.text
                            text: arm + (control ? qsTr(" (control)") : "") + (winner ? " ★" : "")
                            font.weight: winner ? Font.DemiBold : Font.Normal
                        }
                        Label { Layout.preferredWidth: 50; text: items; color: Theme.text }
                        Label { Layout.preferredWidth: 50; text: errors; color: Number(errors) > 0 ? Theme.danger : Theme.text }
                        Label { Layout.preferredWidth: 60; text: meanText; color: Theme.text; font.weight: Font.DemiBold }
                        Label { Layout.preferredWidth: 220; Layout.fillWidth: true; text: intervalText; color: Theme.mutedText; elide: Text.ElideRight }
                    }
                }
            }

            ChartFrame {
                id: armFrame
                Layout.fillWidth: true
                Layout.preferredHeight: 250
                Layout.minimumWidth: 260
                chart: chart
                fullFrom: -0.5
                fullTo: 0.5
                zoomable: false
                readoutAlongX: false
                readout: (hit, x) => {
                    const p = panel.res.chartPoints[Math.round(hit.x)]
                    return hit.series && p ? qsTr("%1\nmean %2\ninterval %3 – %4").arg(p.arm)
                                             .arg(Number(p.mean).toLocaleString(Qt.locale(), 'f', 3)).arg(Number(p.low).toLocaleString(Qt.locale(), 'f', 3))
                                             .arg(Number(p.high).toLocaleString(Qt.locale(), 'f', 3))
                                           : ""
                }
                title: qsTr("%1, mean and interval").arg(res.primaryMetric)
                explanation: qsTr("The primary metric's mean per arm over the experiment's items (dot) with its confidence interval (bar): Wilson score interval for a proportion, Student t otherwise.")
                ChartView {
                    id: chart
                    localizeNumbers: true // axis labels in the chosen language's number format
                    anchors.fill: parent
                    antialiasing: true
                    legend.visible: false
                    backgroundColor: "transparent"
                    margins { left: 4; right: 4; top: 4; bottom: 4 }
                    CategoryAxis {
                        id: armAxis
                        min: armFrame.shownFrom; max: armFrame.shownTo
                        labelsPosition: CategoryAxis.AxisLabelsPositionOnValue
                        labelsColor: Theme.text
                        gridVisible: false
                    }
                    ValueAxis { id: yAxis; labelsColor: Theme.text; labelFormat: "%.2f"; tickCount: 5 }
                }
            }
        }

        // Comparisons with the control.
        ColumnLayout {
            Layout.fillWidth: true
            visible: res.hasResults && res.comparisons.length > 0
            spacing: 2
            Label { text: qsTr("Comparisons with the control (difference = arm − control)"); color: Theme.mutedText }
            RowLayout {
                Repeater {
                    model: [qsTr("Arm"), qsTr("Metric"), qsTr("Difference [interval]"), qsTr("p (Holm)"), qsTr("p always-valid"), qsTr("Effect size"), qsTr("Method")]
                    Label {
                        required property string modelData
                        required property int index
                        Layout.preferredWidth: [90, 110, 230, 90, 100, 150, 260][index]
                        text: modelData; font.pixelSize: 12; font.weight: Font.DemiBold; color: Theme.mutedText
                    }
                }
            }
            Repeater {
                model: res.comparisons
                delegate: RowLayout {
                    required property var modelData
                    Label { Layout.preferredWidth: 90; text: modelData.arm; color: Theme.text; elide: Text.ElideRight }
                    Label {
                        Layout.preferredWidth: 110; elide: Text.ElideRight; color: Theme.text
                        text: modelData.metric; font.weight: modelData.primary ? Font.DemiBold : Font.Normal
                    }
                    Label { Layout.preferredWidth: 230; text: modelData.differenceText + " " + modelData.intervalText; color: Theme.text; elide: Text.ElideRight }
                    Label {
                        Layout.preferredWidth: 90
                        text: modelData.holmPText + (modelData.significant ? " *" : "")
                        color: modelData.significant ? (modelData.better ? Theme.good : Theme.danger) : Theme.text
                        ToolTip.text: qsTr("fixed-horizon p %1, Holm-adjusted %2").arg(modelData.pText).arg(modelData.holmPText)
                        ToolTip.visible: pHover.hovered
                        HoverHandler { id: pHover }
                    }
                    Label { Layout.preferredWidth: 100; text: modelData.alwaysValidPText; color: Theme.text }
                    Label { Layout.preferredWidth: 150; text: modelData.effectText; color: Theme.text; elide: Text.ElideRight }
                    Label { Layout.preferredWidth: 260; text: modelData.method; color: Theme.mutedText; elide: Text.ElideRight }
                }
            }
        }

        // Items on which the arms' primary scores differ.
        ColumnLayout {
            Layout.fillWidth: true
            visible: res.hasResults
            spacing: 2
            Label {
                color: Theme.mutedText
                readonly property string order: res.chartPoints.map(p => p.arm).join(" | ")
                text: (res.disagreementCount === 0 ? qsTr("The arms agree on every item.")
                    : res.disagreementCount > res.disagreements.length
                      ? qsTr("Disagreements: the first %1 of %2 items whose %3 differs between arms").arg(res.disagreements.length).arg(res.disagreementCount).arg(res.primaryMetric)
                      : qsTr("Disagreements: %1 items whose %2 differs between arms").arg(res.disagreementCount).arg(res.primaryMetric))
                      + (res.disagreementCount > 0 ? qsTr(" (scores: %1)").arg(order) : "")
            }
            Flow {
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: res.disagreements
                    delegate: Label {
                        required property var modelData
                        text: modelData.itemId + "  " + modelData.scores.join(" | ")
                        font.family: "monospace"
                        font.pixelSize: 12
                        color: Theme.text
                        leftPadding: 6; rightPadding: 6; topPadding: 2; bottomPadding: 2
                        background: Rectangle { radius: 3; color: Qt.rgba(Theme.border.r, Theme.border.g, Theme.border.b, 0.4) }
                    }
                }
            }
        }
    }
}
