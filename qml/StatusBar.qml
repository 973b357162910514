import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Workbench.Ui

// The window's footer: source health, the ingest rate, queue and
// backpressure, what the collector refused, and the recommendations waiting
// for an operator. Every figure explains itself in a tooltip.
ToolBar {
    id: bar
    signal approvalsRequested() // the pending badge was clicked

    readonly property var ingest: Engine.ingest
    readonly property int pending: Engine.rollouts.pending.count

    function count(n) { return Number(n).toLocaleString(Qt.locale(), 'f', 0) }

    component Figure: Label {
        property string tip
        color: Theme.mutedText
        HoverHandler { id: hover }
        ToolTip.visible: hover.hovered && tip.length > 0
        ToolTip.text: tip
        ToolTip.delay: 400
    }

    implicitHeight: 30
    background: Rectangle { color: Theme.surface; border.color: Theme.border }
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing * 2

        Figure {
            Layout.fillWidth: true
            elide: Text.ElideRight
            readonly property bool storeFailed: Overview.feedError.length > 0
            readonly property bool sourceFailed: bar.ingest.failingSource.length > 0
            text: storeFailed ? Overview.feedError
                : Engine.demoRunning ? qsTr("Demo feed")
                : sourceFailed ? qsTr("%1 of %2 sources up · %3 is down")
                                     .arg(bar.ingest.sourcesRunning).arg(bar.ingest.sourcesTotal)
                                     .arg(bar.ingest.failingSource)
                : bar.ingest.sourcesRunning < bar.ingest.sourcesTotal
                    ? qsTr("%1 of %2 sources up, the others connecting")
                          .arg(bar.ingest.sourcesRunning).arg(bar.ingest.sourcesTotal)
                : bar.ingest.sourcesTotal === 1 ? qsTr("Source up")
                : qsTr("All %1 sources up").arg(bar.ingest.sourcesTotal)
            color: storeFailed || sourceFailed ? Theme.danger
                : bar.ingest.sourcesRunning < bar.ingest.sourcesTotal ? Theme.warning
                : Theme.mutedText
            tip: storeFailed ? qsTr("The event store failed: %1").arg(Overview.feedError)
                : Engine.demoRunning ? qsTr("The built-in simulator is playing while no source is configured; Help › Welcome explains it, the Connections screen (Ctrl+7) adds your own telemetry.")
                : sourceFailed ? qsTr("%1: %2\nDetails and settings on the Connections screen (Ctrl+7).")
                                     .arg(bar.ingest.failingSource).arg(bar.ingest.failingError)
                : qsTr("Telemetry sources receiving or ready to receive; details on the Connections screen (Ctrl+7).")
        }
        Figure {
            text: qsTr("%1 events/s in").arg(Number(bar.ingest.eventsPerSecond)
                      .toLocaleString(Qt.locale(), 'f', bar.ingest.eventsPerSecond < 10 ? 1 : 0))
            tip: qsTr("Events the engine took in per second, from every source, over the last five seconds. %1 events are stored in all.")
                     .arg(bar.count(Overview.eventsStored))
        }
        Figure {
            text: qsTr("queue %1").arg(bar.count(bar.ingest.queueDepth))
            color: bar.ingest.queueDepth * 2 > bar.ingest.queueCapacity ? Theme.warning : Theme.mutedText
            tip: qsTr("Events received and waiting for the engine (room for %1). A queue that stays high means the engine cannot keep up.")
                     .arg(bar.count(bar.ingest.queueCapacity))
        }
        Figure {
            text: qsTr("%1 pushed back").arg(bar.count(bar.ingest.pushedBack))
            color: bar.ingest.pushedBack > 0 ? Theme.warning : Theme.mutedText
            tip: qsTr("Times a source was told to wait because the queue was full: OTLP requests answered 503 with Retry-After, Kafka consumers paused, demo ticks held. Nothing is dropped; senders retry.")
        }
        Figure {
            text: qsTr("%1 rejected").arg(bar.count(Overview.eventsRejected))
            color: Overview.eventsRejected > 0 ? Theme.warning : Theme.mutedText
            tip: qsTr("Spans that were malformed or could not be decoded. They are kept with the reason as dead letters, not analysed.")
        }
        Figure {
            text: qsTr("%1 without a price").arg(bar.count(Overview.unknownCost))
            color: Overview.unknownCost > 0 ? Theme.warning : Theme.mutedText
            tip: qsTr("Calls stored whose model is not in the price table, so their cost is unknown. Add the model's prices with --prices or the configuration's prices file.")
        }
        Button {
            id: badge
            readonly property bool due: bar.pending > 0
            padding: 2
            leftPadding: 10
            rightPadding: 10
            implicitHeight: 22
            text: qsTr("%1 awaiting approval").arg(bar.pending)
            contentItem: Label {
                text: badge.text
                font.pixelSize: 12
                font.weight: badge.due ? Font.DemiBold : Font.Normal
                color: badge.due ? "white" : Theme.mutedText
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            background: Rectangle {
                radius: height / 2
                color: !badge.due ? "transparent" : badge.down ? Qt.darker(Theme.accent, 1.2) : Theme.accent
                border.color: badge.due ? Theme.accent : badge.hovered ? Theme.border : "transparent"
            }
            onClicked: bar.approvalsRequested()
            ToolTip.visible: hovered
            ToolTip.delay: 400
            ToolTip.text: qsTr("Recommendations that would move traffic — a switch or a fall-back, each started as a canary rollout — waiting for an operator's approval. Opens the Rollouts screen (Ctrl+6).")
            Accessible.name: text
        }
    }
}
