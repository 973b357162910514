import QtQuick
import QtQuick.Controls
import QtCharts
import Workbench.Ui

// A line per model, live or over a stored range; with quantile bands (the
// latency chart) also the p50–p95 band and the p99 line of one model chosen
// in the header. Points are replaced as whole lists on each refresh (at most
// 10 Hz) and at each zoom step, reduced to the plot's width, never appended
// per event.
ChartFrame {
    id: root
    property string unit
    property int metric
    property real axisMax: 1
    property bool quantileBands: false
    property var models: [] // Overview.models, replaced only when it changes
    property string chosenBand // "" before a choice: the first model; "-": none
    readonly property string bandModel: !quantileBands || chosenBand === "-" ? ""
                                        : models.indexOf(chosenBand) >= 0 ? chosenBand : models[0] || ""
    property var lines: ({}) // model → its line
    property var bands: ({}) // model → {band, p99}: the chosen model's only

    chart: view
    fullFrom: Overview.timeFrom.getTime()
    fullTo: Overview.timeTo.getTime()
    minimumSpan: 60000
    onViewChanged: refresh()
    onBandModelChanged: refreshBand()

    tools: ComboBox {
        anchors.verticalCenter: parent.verticalCenter
        visible: root.quantileBands
        model: [qsTr("No quantile band")].concat(root.models)
        currentIndex: root.models.indexOf(root.bandModel) + 1
        onActivated: (index) => root.chosenBand = index === 0 ? "-" : currentText
        implicitWidth: 170
        font.pixelSize: 12
        Accessible.name: qsTr("Model whose p50–p95 band and p99 are drawn")
        ToolTip.visible: hovered
        ToolTip.text: qsTr("The model whose p50–p95 band and p99 line are drawn under the p95 lines")
        ToolTip.delay: 600
    }

    function line(name, colour, style) {
        const series = view.createSeries(ChartView.SeriesTypeLine, name, timeAxis, valueAxis)
        series.color = colour
        series.width = style === Qt.DashLine ? 1.5 : 2
        series.style = style
        return series
    }
    function refresh() {
        if (String(Overview.models) !== String(models))
            models = Overview.models
        for (const model in lines) // models without calls in this range
            if (models.indexOf(model) < 0)
                lines[model].clear()
        for (let i = 0; i < models.length; ++i) {
            if (!lines[models[i]])
                lines[models[i]] = line(models[i], Theme.seriesColors[i % Theme.seriesColors.length], Qt.SolidLine)
            Overview.fillSeries(lines[models[i]], models[i], root.metric)
        }
        refreshBand()
    }
    // The chosen model's band and p99; the previous model's are removed.
    function refreshBand() {
        for (const model in bands)
            if (model !== bandModel) {
                view.removeSeries(bands[model].band)
                view.removeSeries(bands[model].p99)
                delete bands[model]
            }
        if (!lines[bandModel]) // none chosen, or its line is not made yet
            return
        if (!bands[bandModel]) {
            const colour = lines[bandModel].color
            const band = view.createSeries(ChartView.SeriesTypeArea, qsTr("%1 p50–p95").arg(bandModel), timeAxis, valueAxis)
            band.lowerSeries = lowerSeries.createObject(band)
            band.color = Qt.rgba(colour.r, colour.g, colour.b, 0.22)
            band.borderColor = "transparent"
            band.borderWidth = 0
            bands[bandModel] = {band: band, p99: line(qsTr("%1 p99").arg(bandModel), colour, Qt.DashLine)}
        }
        Overview.fillSeries(bands[bandModel].band.upperSeries, bandModel, OverviewController.LatencyP95)
        Overview.fillSeries(bands[bandModel].band.lowerSeries, bandModel, OverviewController.LatencyP50)
        Overview.fillSeries(bands[bandModel].p99, bandModel, OverviewController.LatencyP99)
    }

    Connections {
        target: Overview
        function onSeriesChanged() { root.refresh() }
    }
    Component { id: lowerSeries; LineSeries {} }

    ChartView {
        id: view
        localizeNumbers: true // axis labels in the chosen language's number format
        anchors.fill: parent
        antialiasing: true
        legend.alignment: Qt.AlignRight
        legend.font.pixelSize: 11
        legend.labelColor: Theme.text
        backgroundColor: "transparent"
        margins { top: 4; bottom: 0; left: 4; right: 8 }

        DateTimeAxis {
            id: timeAxis
            format: root.shownTo - root.shownFrom > 86400000 ? qsTr("MMM d hh:mm", "date format (QDateTime) of a time axis over more than a day") : "hh:mm"
            tickCount: 6
            min: new Date(root.shownFrom)
            max: new Date(root.shownTo)
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
}
