import QtQuick
import QtCharts
import Workbench.Ui

// Spend per bucket from Engine.costs: a line or a stacked layer per model or
// service, dashed budget lines; the bucket under the cursor read out with every
// series, the total and the budgets. Series are rebuilt as whole point lists,
// reduced to the plot's width (SeriesDownsampler), at each zoom step.
ChartFrame {
    id: root
    readonly property var costs: Engine.costs

    chart: view
    fullFrom: costs.timeFrom.getTime()
    fullTo: costs.timeTo.getTime()
    minimumSpan: 60000 // never closer than a minute
    readout: (hit, ms) => costs.readout(ms)
    onViewChanged: refresh()

    function refresh() {
        view.removeAllSeries()
        const names = costs.seriesNames
        for (let i = 0; i < names.length; ++i) {
            const colour = Theme.seriesColors[i % Theme.seriesColors.length]
            if (costs.stacked) {
                const area = view.createSeries(ChartView.SeriesTypeArea, names[i], timeAxis, valueAxis)
                costs.fillSeries(area.upperSeries, i, false)
                if (i > 0) {
                    const lower = lowerSeries.createObject(area)
                    costs.fillSeries(lower, i, true)
                    area.lowerSeries = lower
                }
                area.color = colour
                area.opacity = 0.8
                area.borderColor = colour
                area.borderWidth = 1
            } else {
                const line = view.createSeries(ChartView.SeriesTypeLine, names[i], timeAxis, valueAxis)
                line.color = colour
                line.width = 2
                costs.fillSeries(line, i, false)
            }
        }
        for (const budget of costs.budgetLines) {
            const line = view.createSeries(ChartView.SeriesTypeLine, budget.name, timeAxis, valueAxis)
            line.color = budget.seriesIndex >= 0
                    ? Theme.seriesColors[budget.seriesIndex % Theme.seriesColors.length] : Theme.danger
            line.style = Qt.DashLine
            line.width = 2
            line.append(costs.timeFrom.getTime(), budget.value)
            line.append(costs.timeTo.getTime(), budget.value)
        }
    }
    Connections {
        target: root.costs
        function onSeriesChanged() { root.refresh() }
    }
    Component { id: lowerSeries; LineSeries {} }

    ChartView {
        id: view
        localizeNumbers: true // axis labels in the chosen language's number format
        anchors.fill: parent
        antialiasing: true
        legend.alignment: Qt.AlignBottom
        legend.font.pixelSize: 11
        legend.labelColor: Theme.text
        backgroundColor: "transparent"
        margins { top: 4; bottom: 0; left: 4; right: 8 }

        DateTimeAxis {
            id: timeAxis
            format: root.shownTo - root.shownFrom > 86400000 ? qsTr("MMM d hh:mm", "date format (QDateTime) of a time axis over more than a day") : "hh:mm"
            tickCount: root.zoomed ? 6 : root.costs.tickCount
            min: new Date(root.shownFrom)
            max: new Date(root.shownTo)
            labelsColor: Theme.mutedText
            gridLineColor: Theme.border
        }
        ValueAxis {
            id: valueAxis
            min: 0
            max: root.costs.axisMax
            tickCount: 6
            labelFormat: root.costs.axisMax >= 10 ? "%.0f" : root.costs.axisMax >= 0.1 ? "%.2f" : "%.4f"
            titleText: qsTr("USD per %1").arg(root.costs.bucketText)
            titleBrush: Theme.mutedText
            labelsColor: Theme.mutedText
            gridLineColor: Theme.border
        }
    }
}
