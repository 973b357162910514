import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Workbench.Ui

// Spend per bucket from Engine.costs: a line or a stacked layer per model or
// service, dashed budget lines; the bucket under the cursor read out; wheel or
// drag a band to zoom, right-drag or Shift+drag to pan, double-click or Reset
// to see the whole range; export as PNG or SVG. Series are rebuilt as whole
// point lists, reduced to the plot's width (SeriesDownsampler).
Rectangle {
    id: root
    property string title
    property string explanation
    readonly property var costs: Engine.costs
    // The time shown while zoomed (ms since the epoch); equal: the whole range.
    property real zoomFrom: 0
    property real zoomTo: 0
    readonly property bool zoomed: zoomTo > zoomFrom
    readonly property real shownFrom: zoomed ? zoomFrom : costs.timeFrom.getTime()
    readonly property real shownTo: zoomed ? zoomTo : costs.timeTo.getTime()

    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    function msAt(x) {
        const area = chart.plotArea
        return shownFrom + (x - area.x) / area.width * (shownTo - shownFrom)
    }
    function zoomInto(from, to) {
        const first = costs.timeFrom.getTime(), last = costs.timeTo.getTime()
        from = Math.max(from, first)
        to = Math.min(to, last)
        if (to - from >= last - first) { // everything: not zoomed
            zoomFrom = 0
            zoomTo = 0
        } else if (to - from >= 60000) { // never closer than a minute
            zoomFrom = from
            zoomTo = to
        }
    }
    function pan(ms) {
        const full0 = costs.timeFrom.getTime(), full1 = costs.timeTo.getTime()
        const width = shownTo - shownFrom
        const from = Math.min(Math.max(shownFrom + ms, full0), full1 - width)
        zoomFrom = from
        zoomTo = from + width
    }

    function refresh() {
        chart.removeAllSeries()
        const names = costs.seriesNames
        for (let i = 0; i < names.length; ++i) {
            const colour = Theme.seriesColors[i % Theme.seriesColors.length]
            if (costs.stacked) {
                const area = chart.createSeries(ChartView.SeriesTypeArea, names[i], timeAxis, valueAxis)
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
                const line = chart.createSeries(ChartView.SeriesTypeLine, names[i], timeAxis, valueAxis)
                line.color = colour
                line.width = 2
                costs.fillSeries(line, i, false)
            }
        }
        for (const budget of costs.budgetLines) {
            const line = chart.createSeries(ChartView.SeriesTypeLine, budget.name, timeAxis, valueAxis)
            line.color = budget.seriesIndex >= 0
                    ? Theme.seriesColors[budget.seriesIndex % Theme.seriesColors.length] : Theme.danger
            line.style = Qt.DashLine
            line.width = 2
            line.append(costs.timeFrom.getTime(), budget.value)
            line.append(costs.timeTo.getTime(), budget.value)
        }
    }
    onZoomFromChanged: refreshLater.restart()
    onZoomToChanged: refreshLater.restart()
    Timer { id: refreshLater; interval: 30; onTriggered: root.refresh() } // once per zoom step
    Connections {
        target: root.costs
        function onSeriesChanged() { root.refresh() }
    }
    Component { id: lowerSeries; LineSeries {} }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 6
        spacing: 0
        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 6
            spacing: 4
            Label {
                text: root.title
                font.pixelSize: 14
                font.weight: Font.DemiBold
                color: Theme.text
                HoverHandler { id: titleHover }
                ToolTip.visible: titleHover.hovered
                ToolTip.text: root.explanation
                ToolTip.delay: 300
            }
            Label {
                Layout.fillWidth: true
                elide: Text.ElideRight
                color: exportStatus.failed ? Theme.danger : Theme.mutedText
                text: exportStatus.text.length > 0 ? exportStatus.text
                      : qsTr("Wheel or drag to zoom · right-drag to pan · double-click to reset")
                font.pixelSize: 12
            }
            ToolButton {
                text: qsTr("Reset zoom")
                enabled: root.zoomed
                onClicked: { root.zoomFrom = 0; root.zoomTo = 0 }
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Show the whole range again (or double-click the chart)")
                ToolTip.delay: 600
            }
            ToolButton {
                text: qsTr("PNG…")
                onClicked: exportDialog.ask("png")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Save the chart as it is drawn now as a PNG picture")
                ToolTip.delay: 600
            }
            ToolButton {
                text: qsTr("SVG…")
                onClicked: exportDialog.ask("svg")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Save the range shown as an SVG drawing, written from the data (sharp at any size)")
                ToolTip.delay: 600
            }
        }

        ChartView {
            id: chart
            Layout.fillWidth: true
            Layout.fillHeight: true
            antialiasing: true
            legend.alignment: Qt.AlignBottom
            legend.font.pixelSize: 11
            legend.labelColor: Theme.text
            backgroundColor: "transparent"
            margins { top: 4; bottom: 0; left: 4; right: 8 }

            DateTimeAxis {
                id: timeAxis
                format: root.shownTo - root.shownFrom > 86400000 ? "MMM d hh:mm" : "hh:mm"
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

            MouseArea {
                id: mouse
                anchors.fill: parent
                hoverEnabled: true
                acceptedButtons: Qt.LeftButton | Qt.RightButton
                property real pressX: -1
                property bool panning: false
                readonly property bool inPlot: containsMouse && mouseX >= chart.plotArea.x
                                               && mouseX <= chart.plotArea.x + chart.plotArea.width
                onPressed: (event) => {
                    pressX = event.x
                    panning = event.button === Qt.RightButton || (event.modifiers & Qt.ShiftModifier)
                }
                onPositionChanged: (event) => {
                    if (panning && pressed) {
                        root.pan(root.msAt(pressX) - root.msAt(event.x))
                        pressX = event.x
                    }
                }
                onReleased: (event) => {
                    if (!panning && Math.abs(event.x - pressX) > 8)
                        root.zoomInto(root.msAt(Math.min(pressX, event.x)), root.msAt(Math.max(pressX, event.x)))
                    pressX = -1
                    panning = false
                }
                onDoubleClicked: { root.zoomFrom = 0; root.zoomTo = 0 }
                onWheel: (wheel) => {
                    const at = root.msAt(wheel.x)
                    const factor = wheel.angleDelta.y > 0 ? 0.8 : 1.25
                    root.zoomInto(at - (at - root.shownFrom) * factor, at + (root.shownTo - at) * factor)
                }
            }
            Rectangle { // the band being dragged
                visible: mouse.pressed && !mouse.panning && mouse.pressX >= 0
                x: Math.min(mouse.pressX, mouse.mouseX)
                width: Math.abs(mouse.mouseX - mouse.pressX)
                y: chart.plotArea.y
                height: chart.plotArea.height
                color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.15)
                border.color: Theme.accent
            }
            Rectangle { // the cursor
                visible: mouse.inPlot && !mouse.pressed
                x: mouse.mouseX
                y: chart.plotArea.y
                width: 1
                height: chart.plotArea.height
                color: Theme.mutedText
            }
            Rectangle { // the read-out of the bucket under the cursor
                id: readout
                readonly property string text: mouse.inPlot && !mouse.pressed ? root.costs.readout(root.msAt(mouse.mouseX)) : ""
                visible: text.length > 0
                x: mouse.mouseX + 12 + width > chart.width ? mouse.mouseX - 12 - width : mouse.mouseX + 12
                y: chart.plotArea.y + 8
                width: readoutText.implicitWidth + 16
                height: readoutText.implicitHeight + 12
                radius: 4
                color: Theme.surface
                border.color: Theme.border
                opacity: 0.95
                Label {
                    id: readoutText
                    anchors.centerIn: parent
                    text: readout.text
                    color: Theme.text
                    font.pixelSize: 12
                }
            }
        }
    }

    QtObject {
        id: exportStatus
        property string text
        property bool failed
        function show(error, path) {
            failed = error.length > 0
            text = failed ? error : qsTr("Saved %1").arg(path)
        }
    }

    Dialog {
        id: exportDialog
        property string format: "png"
        function ask(f) { format = f; open() }
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(620, Overlay.overlay ? Overlay.overlay.width - 80 : 620)
        modal: true
        focus: true
        title: format === "png" ? qsTr("Save the chart as PNG") : qsTr("Save the chart as SVG")
        standardButtons: Dialog.Save | Dialog.Cancel
        onOpened: exportPath.text = root.costs.defaultExportPath(format)
        onAccepted: {
            const path = exportPath.text
            if (format === "svg") {
                exportStatus.show(root.costs.exportSvg(path, root.title, root.shownFrom, root.shownTo,
                                                       valueAxis.max, Theme.seriesColors), path)
                return
            }
            if (!chart.grabToImage(result => exportStatus.show(root.costs.exportPng(path, result.image), path)))
                exportStatus.show(qsTr("The chart cannot be grabbed while it is hidden."), path)
        }
        RowLayout {
            anchors.fill: parent
            spacing: 8
            Label { text: qsTr("File"); color: Theme.mutedText }
            TextField {
                id: exportPath
                Layout.fillWidth: true
                selectByMouse: true
                font.family: "monospace"
                onAccepted: exportDialog.accept()
                Accessible.name: qsTr("File to save the chart to")
            }
        }
    }
}
