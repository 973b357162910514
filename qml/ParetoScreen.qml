import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Workbench.Ui

// Cost against quality per variant of a service, the front beyond noise, and
// the cheapest variant within the operator's quality tolerance and latency
// SLO; next to it, what the strategies recommend, to approve or reject.
Item {
    id: root
    readonly property var pareto: Engine.pareto
    readonly property var recommendations: Engine.recommendations

    readonly property real costAxisMax: pareto.costMax * 1.1 || 0.001

    function money(v, digits) { return qsTr("$%1", "US dollars: put the sign where your language does").arg(Number(v).toLocaleString(Qt.locale(), 'f', digits)) }
    // The read-out of the variant drawn at (cost, quality); "" when none is.
    function variantText(cost, quality) {
        for (let i = 0; i < pareto.variantCount; ++i) {
            const v = pareto.variant(i)
            if (Math.abs(v.cost - cost) < 1e-12 && Math.abs(v.quality - quality) < 1e-12)
                return qsTr("%1\nquality %2 (%3–%4)\ncost per request %5\np95 %6 ms · %7 calls%8")
                    .arg(v.name).arg(Number(v.quality).toLocaleString(Qt.locale(), 'f', 3)).arg(Number(v.qualityLow).toLocaleString(Qt.locale(), 'f', 3))
                    .arg(Number(v.qualityHigh).toLocaleString(Qt.locale(), 'f', 3))
                    .arg(money(v.cost, 5)).arg(Math.round(v.p95)).arg(v.calls)
                    .arg(v.onFront ? qsTr("\non the front") : "")
        }
        return ""
    }

    function refresh() {
        pareto.fillSeries(all, ParetoController.AllVariants)
        pareto.fillSeries(front, ParetoController.Front)
        pareto.fillSeries(choice, ParetoController.Choice)
        pareto.fillSeries(incumbent, ParetoController.Incumbent)
        yAxis.min = Math.max(0, pareto.qualityMin - 0.02)
        yAxis.max = 1
        yAxis.applyNiceNumbers() // ticks on round values
    }
    Connections {
        target: root.pareto
        function onChanged() { root.refresh() }
    }
    Component.onCompleted: refresh()

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 8

                Flow {
                    Layout.fillWidth: true
                    spacing: 12
                    Label { text: qsTr("Service"); color: Theme.mutedText; height: serviceBox.height; verticalAlignment: Text.AlignVCenter }
                    ComboBox {
                        id: serviceBox
                        model: root.pareto.services
                        currentIndex: Math.max(0, model.indexOf(root.pareto.service))
                        onActivated: root.pareto.service = currentText
                        width: 180
                    }
                    Label { text: qsTr("Quality within"); color: Theme.mutedText; height: serviceBox.height; verticalAlignment: Text.AlignVCenter }
                    Slider {
                        id: loss
                        from: 0; to: 0.10; stepSize: 0.005
                        value: root.pareto.maxQualityLoss
                        onMoved: root.pareto.maxQualityLoss = value
                        width: 140
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("How much lower than the best variant's mean quality the chosen variant may be.")
                    }
                    Label {
                        text: qsTr("%1 % of the best").arg(Number(loss.value * 100).toLocaleString(Qt.locale(), 'f', 1))
                        color: Theme.text
                        height: serviceBox.height; verticalAlignment: Text.AlignVCenter
                    }
                    Label { text: qsTr("p95 SLO"); color: Theme.mutedText; height: serviceBox.height; verticalAlignment: Text.AlignVCenter }
                    SpinBox {
                        from: 0; to: 120000; stepSize: 500
                        editable: true
                        value: root.pareto.latencySloMs
                        onValueModified: root.pareto.latencySloMs = value
                        textFromValue: function(v) { return v === 0 ? qsTr("none") : v + " ms" }
                        valueFromText: function(t) { return parseInt(t) || 0 }
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("The chosen variant's p95 latency must be at most this (0: no SLO).")
                    }
                }

                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.text
                    font.pixelSize: 15
                    font.weight: Font.DemiBold
                    text: root.pareto.variantCount === 0
                          ? qsTr("Waiting for variants with at least 100 evaluated calls in the last hour…")
                          : root.pareto.choice.length === 0 ? qsTr("No variant meets the constraints")
                          : root.pareto.choice === root.pareto.incumbent
                          ? qsTr("Choice: %1, which already has the most traffic — moving the rest of the traffic there %2 a month").arg(root.pareto.choice).arg(savingsText)
                          : qsTr("Choice: %1 (most traffic now: %2) — all traffic there %3 a month").arg(root.pareto.choice).arg(root.pareto.incumbent).arg(savingsText)
                    readonly property string savingsText: root.pareto.monthlySavings >= 0 ? qsTr("saves %1").arg(root.money(root.pareto.monthlySavings, 0))
                                                                                         : qsTr("costs %1 more").arg(root.money(-root.pareto.monthlySavings, 0))
                }

                ChartFrame {
                    id: paretoFrame
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    color: "transparent"
                    border.width: 0
                    chart: chart
                    fullFrom: 0
                    fullTo: root.costAxisMax
                    readoutAlongX: false
                    readout: (hit, x) => hit.series ? root.variantText(hit.x, hit.y) || hit.text : ""
                    title: qsTr("Quality against cost per request")
                    explanation: qsTr("Each variant of the service over the engine's trailing hour of windows: mean evaluation score against cost per request (price table × tokens), coloured by p95 latency. The front joins the variants no other beats on both cost and quality by more than the noise (their confidence intervals); rings mark the constrained choice and the variant with most traffic now.")
                    ChartView {
                        id: chart
                        localizeNumbers: true // axis labels in the chosen language's number format
                        anchors.fill: parent
                        antialiasing: true
                        backgroundColor: "transparent"
                        legend.alignment: Qt.AlignBottom
                        legend.labelColor: Theme.text
                        margins { top: 4; bottom: 4; left: 4; right: 4 }
                        ValueAxis {
                            id: xAxis
                            min: paretoFrame.shownFrom
                            max: paretoFrame.shownTo
                            tickType: ValueAxis.TicksDynamic
                            tickAnchor: 0
                            tickInterval: paretoFrame.tickInterval
                            titleText: qsTr("cost per request (USD)")
                            labelFormat: "%.4f"
                            labelsColor: Theme.mutedText
                            gridLineColor: Theme.border
                            titleBrush: Theme.mutedText
                        }
                        ValueAxis {
                            id: yAxis
                            titleText: qsTr("mean quality")
                            labelFormat: "%.2f"
                            labelsColor: Theme.mutedText
                            gridLineColor: Theme.border
                            titleBrush: Theme.mutedText
                        }
                        LineSeries {
                            id: front
                            name: qsTr("front")
                            axisX: xAxis; axisY: yAxis
                            color: Theme.seriesColors[0]
                            width: 2
                        }
                        ScatterSeries {
                            id: incumbent
                            name: qsTr("most traffic")
                            axisX: xAxis; axisY: yAxis
                            color: "transparent"
                            borderColor: Theme.text
                            borderWidth: 2
                            markerSize: 26
                        }
                        ScatterSeries {
                            id: choice
                            name: qsTr("choice")
                            axisX: xAxis; axisY: yAxis
                            color: "transparent"
                            borderColor: Theme.good
                            borderWidth: 3
                            markerSize: 34
                        }
                        ScatterSeries {
                            id: all
                            name: qsTr("variants (p95: green fast, red slow)")
                            axisX: xAxis; axisY: yAxis
                            markerSize: 14
                            borderColor: Theme.surface
                        }
                    }
                }

                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.mutedText
                    text: root.pareto.reason
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 8
                Label {
                    text: qsTr("Recommendations (%1 awaiting an answer)").arg(root.recommendations.proposed)
                    font.pixelSize: 15
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                Label {
                    // The engine's answer to the last approval or rejection.
                    visible: text.length > 0
                    text: root.recommendations.lastError.length > 0 ? qsTr("Not done — %1").arg(root.recommendations.lastError)
                                                                     : root.recommendations.lastMessage
                    color: root.recommendations.lastError.length > 0 ? Theme.danger : Theme.good
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                ListView {
                    id: list
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 6
                    model: root.recommendations
                    ScrollBar.vertical: ScrollBar {}
                    Label {
                        anchors.centerIn: parent
                        visible: list.count === 0
                        width: parent.width - 2 * Theme.spacing
                        wrapMode: Text.Wrap
                        horizontalAlignment: Text.AlignHCenter
                        color: Theme.mutedText
                        text: qsTr("Nothing to recommend yet. Strategies propose a change when a cheaper variant is within the quality tolerance, an experiment has a winner, a parameter can be tuned or a threshold rule fires.")
                    }
                    delegate: Rectangle {
                        required property int index
                        required property string strategy
                        required property string summary
                        required property string action
                        required property string status
                        required property string decidedBy
                        required property var savings
                        required property string details
                        required property bool answering
                        property bool expanded: false
                        width: ListView.view.width - 12
                        implicitHeight: body.implicitHeight + 16
                        radius: Theme.radius
                        color: status === "proposed" ? Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.06) : "transparent"
                        border.color: Theme.border
                        ColumnLayout {
                            id: body
                            anchors.fill: parent
                            anchors.margins: 8
                            spacing: 4
                            RowLayout {
                                Label {
                                    text: strategy
                                    color: "white"
                                    font.pixelSize: 11
                                    leftPadding: 6; rightPadding: 6; topPadding: 2; bottomPadding: 2
                                    background: Rectangle { radius: 3; color: Theme.accent }
                                }
                                Label {
                                    text: status === "proposed" ? qsTr("proposed")
                                        : status === "approved" ? qsTr("approved by %1").arg(decidedBy)
                                        : status === "rejected" ? qsTr("rejected by %1").arg(decidedBy)
                                        : qsTr("superseded")
                                    color: status === "approved" ? Theme.good : status === "rejected" ? Theme.danger : Theme.mutedText
                                }
                                Item { Layout.fillWidth: true }
                                Label {
                                    visible: savings !== undefined
                                    text: savings !== undefined ? qsTr("%1 / month").arg(root.money(savings, 0)) : ""
                                    color: Theme.good
                                    font.weight: Font.DemiBold
                                }
                            }
                            Label {
                                text: summary
                                wrapMode: Text.Wrap
                                color: Theme.text
                                Layout.fillWidth: true
                            }
                            Label {
                                visible: expanded
                                text: details
                                font.family: "monospace"
                                font.pixelSize: 11
                                color: Theme.mutedText
                                wrapMode: Text.WrapAnywhere
                                Layout.fillWidth: true
                            }
                            RowLayout {
                                Button {
                                    text: expanded ? qsTr("Hide evidence") : qsTr("Evidence")
                                    flat: true
                                    onClicked: expanded = !expanded
                                }
                                Item { Layout.fillWidth: true }
                                Button {
                                    visible: status === "proposed"
                                    text: qsTr("Approve")
                                    highlighted: true
                                    enabled: !answering
                                    // A switch moves production traffic: said first, then sent.
                                    onClicked: {
                                        if (action === "switch" || action === "fall_back") {
                                            approveDialog.row = index
                                            approveDialog.summary = summary
                                            approveDialog.open()
                                        } else {
                                            root.recommendations.approve(index)
                                        }
                                    }
                                    ToolTip.visible: hovered
                                    ToolTip.text: qsTr("Send your approval to the engine: an approved switch starts a canary rollout (Rollouts screen, Ctrl+6).")
                                }
                                Button {
                                    visible: status === "proposed"
                                    text: qsTr("Reject")
                                    enabled: !answering
                                    onClicked: root.recommendations.reject(index)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    Dialog {
        id: approveDialog
        property int row: -1
        property string summary
        anchors.centerIn: parent
        width: Math.min(520, root.width - 80)
        modal: true
        focus: true
        padding: 16
        title: qsTr("Approve and start a rollout?")
        standardButtons: Dialog.Ok | Dialog.Cancel
        onAccepted: root.recommendations.approve(row)
        ColumnLayout {
            anchors.fill: parent
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.text
                text: qsTr("%1\n\nApproving starts a canary rollout: 1 % of the traffic first, judged after each step of the plan and rolled back automatically if it fails; the last step waits for your confirmation (Rollouts screen, Ctrl+6). Your approval is written to the audit log.").arg(approveDialog.summary)
            }
        }
    }
}
