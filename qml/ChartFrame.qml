import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Workbench.Ui

// The frame every chart sits in: the title, whose tooltip says what the chart
// shows and how it was computed; a read-out of what is under the cursor
// (ChartReadout: each series at the cursor's x, or the nearest point); zoom
// along x (wheel, or drag a band), pan (right-drag or Shift+drag) and reset
// (double-click or Reset zoom); export as PNG (the picture) or SVG (written
// from the series' data by ChartExporter, over the range shown).
//
// The chart is the frame's child and fills it (anchors.fill: parent); its x
// axis shows [shownFrom, shownTo], and series reduced to what is shown are
// refilled on viewChanged().
Rectangle {
    id: root
    property string title
    property string explanation
    // A line or two under the chart (latest values, how to read it); "" for none.
    property string note
    property ChartView chart
    default property alias content: plot.data
    // Items shown in the header, before the buttons.
    property alias tools: toolRow.data
    // The x range of the data (ms since the epoch on a time axis); zoom stays within it.
    property real fullFrom: 0
    property real fullTo: 1
    property real minimumSpan: (fullTo - fullFrom) / 500
    property bool zoomable: true
    // Time charts: every series at the cursor's x; scatter charts: the nearest point.
    property bool readoutAlongX: true
    // Optional function(hit, x) → text, with `hit` from ChartReadout.at (empty
    // when no point is near) and `x` the cursor's value; else hit.text.
    property var readout: null
    // The range shown while zoomed; equal: the whole range.
    property real zoomFrom: 0
    property real zoomTo: 0
    readonly property bool zoomed: zoomTo > zoomFrom
    readonly property real shownFrom: zoomed ? zoomFrom : fullFrom
    readonly property real shownTo: zoomed ? zoomTo : fullTo
    // Too narrow for the title, the hint and three buttons: a menu button instead.
    readonly property bool compact: width < 560 + toolRow.width
    // A round step (1, 2 or 5 × 10^k) giving about five ticks over the range
    // shown: ValueAxis.TicksDynamic keeps ticks round while zooming.
    readonly property real tickInterval: {
        const span = (shownTo - shownFrom) / 5
        const magnitude = Math.pow(10, Math.floor(Math.log10(span)))
        return [1, 2, 5, 10].map(m => m * magnitude).find(step => step >= span) || 1
    }
    // The range shown changed (once per zoom step): refill reduced series.
    signal viewChanged()

    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    function valueAt(x) {
        const area = chart.plotArea
        return shownFrom + (x - area.x) / area.width * (shownTo - shownFrom)
    }
    function resetZoom() {
        zoomFrom = 0
        zoomTo = 0
    }
    function zoomInto(from, to) {
        from = Math.max(from, fullFrom)
        to = Math.min(to, fullTo)
        if (to - from >= fullTo - fullFrom)
            resetZoom()
        else if (to - from >= minimumSpan) {
            zoomFrom = from
            zoomTo = to
        }
    }
    function pan(delta) {
        const width = shownTo - shownFrom
        const from = Math.min(Math.max(shownFrom + delta, fullFrom), fullTo - width)
        zoomFrom = from
        zoomTo = from + width
    }
    function seriesList() {
        const list = []
        for (let i = 0; chart && i < chart.count; ++i)
            list.push(chart.series(i))
        return list
    }

    onZoomFromChanged: viewLater.restart()
    onZoomToChanged: viewLater.restart()
    Timer { id: viewLater; interval: 30; onTriggered: root.viewChanged() }

    Action {
        id: resetAction
        text: qsTr("Reset zoom")
        enabled: root.zoomed
        onTriggered: root.resetZoom()
    }
    Action {
        id: pngAction
        text: qsTr("PNG…")
        onTriggered: exportDialog.ask("png")
    }
    Action {
        id: svgAction
        text: qsTr("SVG…")
        onTriggered: exportDialog.ask("svg")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 6
        spacing: 0
        // Positioners rather than a RowLayout: Qt 6.4 does not lay out again a
        // layout whose items changed while its screen was hidden.
        Item {
            Layout.fillWidth: true
            implicitHeight: Math.max(titleRow.height, buttonRow.height)
            Row {
                id: titleRow
                anchors.left: parent.left
                anchors.leftMargin: 6
                anchors.verticalCenter: parent.verticalCenter
                spacing: 4
                Label {
                    anchors.verticalCenter: parent.verticalCenter
                    width: Math.min(implicitWidth, root.width * 0.6)
                    text: root.title
                    font.pixelSize: root.compact ? 13 : 14
                    font.weight: Font.DemiBold
                    color: Theme.text
                    elide: Text.ElideRight
                    HoverHandler { id: titleHover }
                    ToolTip.visible: titleHover.hovered && root.explanation.length > 0
                    ToolTip.text: root.explanation
                    ToolTip.delay: 300
                }
                Rectangle { // the explanation's marker
                    anchors.verticalCenter: parent.verticalCenter
                    visible: root.explanation.length > 0
                    width: 16
                    height: 16
                    radius: 8
                    color: "transparent"
                    border.color: Theme.mutedText
                    Label {
                        anchors.centerIn: parent
                        text: "?"
                        font.pixelSize: 11
                        color: Theme.mutedText
                    }
                    HoverHandler { id: markerHover }
                    ToolTip.visible: markerHover.hovered
                    ToolTip.text: root.explanation
                    ToolTip.delay: 100
                    Accessible.role: Accessible.StaticText
                    Accessible.name: root.explanation
                }
            }
            Label {
                anchors.left: titleRow.right
                anchors.leftMargin: 8
                anchors.right: buttonRow.left
                anchors.rightMargin: 4
                anchors.verticalCenter: parent.verticalCenter
                elide: Text.ElideRight
                color: exportStatus.failed ? Theme.danger : Theme.mutedText
                text: exportStatus.text.length > 0 ? exportStatus.text
                      : root.compact || !root.zoomable ? ""
                      : qsTr("Wheel or drag to zoom · right-drag to pan · double-click to reset")
                font.pixelSize: 12
            }
            Row {
                id: buttonRow
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                spacing: 4
                Row { id: toolRow; spacing: 4; anchors.verticalCenter: parent.verticalCenter }
                ToolButton {
                    visible: !root.compact && root.zoomable
                    action: resetAction
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Show the whole range again (or double-click the chart)")
                    ToolTip.delay: 600
                }
                ToolButton {
                    visible: !root.compact
                    action: pngAction
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Save the chart as it is drawn now as a PNG picture")
                    ToolTip.delay: 600
                }
                ToolButton {
                    visible: !root.compact
                    action: svgAction
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Save the range shown as an SVG drawing, written from the data (sharp at any size)")
                    ToolTip.delay: 600
                }
                ToolButton {
                    visible: root.compact
                    text: "⋯"
                    onClicked: actionMenu.popup()
                    Accessible.name: qsTr("Zoom and export")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Reset the zoom, or save the chart as PNG or SVG")
                    ToolTip.delay: 600
                    Menu {
                        id: actionMenu
                        MenuItem { action: resetAction; visible: root.zoomable; height: visible ? implicitHeight : 0 }
                        MenuItem { action: pngAction }
                        MenuItem { action: svgAction }
                    }
                }
            }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Item { id: plot; anchors.fill: parent }

            MouseArea {
                id: mouse
                anchors.fill: parent
                enabled: root.chart !== null
                hoverEnabled: true
                acceptedButtons: Qt.LeftButton | Qt.RightButton
                property real pressX: -1
                property bool panning: false
                readonly property rect area: root.chart ? root.chart.plotArea : Qt.rect(0, 0, 0, 0)
                readonly property bool inPlot: containsMouse && mouseX >= area.x && mouseX <= area.x + area.width
                                               && mouseY >= area.y && mouseY <= area.y + area.height
                onPressed: (event) => {
                    pressX = event.x
                    panning = event.button === Qt.RightButton || (event.modifiers & Qt.ShiftModifier)
                }
                onPositionChanged: (event) => {
                    if (root.zoomable && panning && pressed) {
                        root.pan(root.valueAt(pressX) - root.valueAt(event.x))
                        pressX = event.x
                    }
                }
                onReleased: (event) => {
                    if (root.zoomable && !panning && Math.abs(event.x - pressX) > 8)
                        root.zoomInto(root.valueAt(Math.min(pressX, event.x)), root.valueAt(Math.max(pressX, event.x)))
                    pressX = -1
                    panning = false
                }
                onDoubleClicked: root.resetZoom()
                onWheel: (wheel) => {
                    if (!root.zoomable) {
                        wheel.accepted = false // the page scrolls instead
                        return
                    }
                    const at = root.valueAt(wheel.x)
                    const factor = wheel.angleDelta.y > 0 ? 0.8 : 1.25
                    root.zoomInto(at - (at - root.shownFrom) * factor, at + (root.shownTo - at) * factor)
                }
            }
            Rectangle { // the band being dragged
                visible: root.zoomable && mouse.pressed && !mouse.panning && mouse.pressX >= 0
                x: Math.min(mouse.pressX, mouse.mouseX)
                width: Math.abs(mouse.mouseX - mouse.pressX)
                y: mouse.area.y
                height: mouse.area.height
                color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.15)
                border.color: Theme.accent
            }
            Rectangle { // the cursor
                visible: root.readoutAlongX && mouse.inPlot && !mouse.pressed
                x: mouse.mouseX
                y: mouse.area.y
                width: 1
                height: mouse.area.height
                color: Theme.mutedText
            }
            Rectangle { // the point read out
                readonly property var at: readoutBox.hit.position
                visible: at !== undefined && readoutBox.text.length > 0
                x: at ? at.x - width / 2 : 0
                y: at ? at.y - height / 2 : 0
                width: 12
                height: 12
                radius: 6
                color: "transparent"
                border.color: Theme.text
                border.width: 2
            }
            Rectangle { // the read-out
                id: readoutBox
                readonly property var hit: mouse.inPlot && !mouse.pressed
                                           ? ChartReadout.at(root.seriesList(), Qt.point(mouse.mouseX, mouse.mouseY), root.readoutAlongX)
                                           : ({})
                readonly property string text: !(mouse.inPlot && !mouse.pressed) ? ""
                                               : root.readout ? root.readout(hit, root.valueAt(mouse.mouseX))
                                               : hit.text || ""
                visible: text.length > 0
                x: mouse.mouseX + 12 + width > parent.width ? Math.max(0, mouse.mouseX - 12 - width) : mouse.mouseX + 12
                y: Math.min(Math.max(mouse.area.y + 8, mouse.mouseY - height - 12), parent.height - height)
                width: readoutText.implicitWidth + 16
                height: readoutText.implicitHeight + 12
                radius: 4
                color: Theme.surface
                border.color: Theme.border
                opacity: 0.95
                Label {
                    id: readoutText
                    anchors.centerIn: parent
                    text: readoutBox.text
                    color: Theme.text
                    font.pixelSize: 12
                }
            }
        }
        Label {
            visible: root.note.length > 0
            Layout.fillWidth: true
            Layout.leftMargin: 6
            Layout.rightMargin: 6
            text: root.note
            color: Theme.mutedText
            font.pixelSize: 11
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
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
        onOpened: exportPath.text = ChartExporter.defaultPath(root.title, format)
        onAccepted: {
            const path = exportPath.text
            if (format === "svg")
                exportStatus.show(ChartExporter.exportSvg(path, root.title, root.seriesList()), path)
            else if (!root.chart.grabToImage(result => exportStatus.show(ChartExporter.exportPng(path, result.image), path)))
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
