import QtQuick
import QtQuick.Controls
import QtCharts
import Workbench.Ui

// A line chart with one series per model, live or over a stored range; points
// are replaced as a whole list on each refresh (at most 10 Hz), never
// appended per event.
Rectangle {
    id: root
    property string title
    property string unit
    property int metric
    property real axisMax: 1
    property string explanation

    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    ChartView {
        id: chart
        anchors.fill: parent
        anchors.margins: 1
        title: root.title
        titleColor: Theme.text
        antialiasing: true
        legend.alignment: Qt.AlignRight
        legend.font.pixelSize: 11
        legend.labelColor: Theme.text
        backgroundColor: "transparent"
        margins { top: 4; bottom: 4; left: 4; right: 4 }

        DateTimeAxis {
            id: timeAxis
            format: Overview.range >= OverviewController.LastDay ? "MMM d hh:mm" : "hh:mm"
            tickCount: 6
            min: Overview.timeFrom
            max: Overview.timeTo
            labelsColor: Theme.mutedText
            gridLineColor: Theme.border
        }
        ValueAxis {
            id: valueAxis
            min: 0
            max: root.axisMax
            tickCount: 6
            labelFormat: root.axisMax >= 10 ? "%.0f" : "%.1f"
            titleText: root.unit
            titleBrush: Theme.mutedText
            labelsColor: Theme.mutedText
            gridLineColor: Theme.border
        }
    }

    function refresh() {
        for (let j = 0; j < chart.count; ++j) // models without calls in this range
            if (Overview.models.indexOf(chart.series(j).name) < 0)
                chart.series(j).clear()
        for (let i = 0; i < Overview.models.length; ++i) {
            const model = Overview.models[i]
            let series = chart.series(model)
            if (!series) {
                series = chart.createSeries(ChartView.SeriesTypeLine, model, timeAxis, valueAxis)
                series.color = Theme.seriesColors[chart.count % Theme.seriesColors.length]
                series.width = 2
            }
            Overview.fillSeries(series, model, root.metric)
        }
    }

    Connections {
        target: Overview
        function onSeriesChanged() { root.refresh() }
    }

    HoverHandler { id: hover }
    ToolTip.visible: hover.hovered && root.explanation.length > 0
    ToolTip.text: root.explanation
    ToolTip.delay: 800
}
