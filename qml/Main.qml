import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Workbench.Ui

ApplicationWindow {
    id: window
    width: 1360
    height: 860
    minimumWidth: 960
    minimumHeight: 640
    visible: true
    title: qsTr("LLM Auto-Optimizer Workbench")
    color: Theme.window

    property int initialScreen: 0 // llm-optimizer --screen

    // Screens of the workbench; the ones not built yet are listed, disabled.
    readonly property var screens: [
        { name: qsTr("Overview"), ready: true },
        { name: qsTr("Costs"), ready: true },
        { name: qsTr("Drift && Anomalies"), ready: true },
        { name: qsTr("Pareto"), ready: true },
        { name: qsTr("Experiments"), ready: true },
        { name: qsTr("Rollouts"), ready: true },
        { name: qsTr("Connections"), ready: true },
        { name: qsTr("Audit"), ready: true }
    ]

    Shortcut { sequence: StandardKey.Quit; onActivated: Qt.quit() }
    Shortcut { sequence: "Ctrl+1"; onActivated: nav.currentIndex = 0 }
    Shortcut { sequence: "Ctrl+2"; onActivated: nav.currentIndex = 1 }
    Shortcut { sequence: "Ctrl+3"; onActivated: nav.currentIndex = 2 }
    Shortcut { sequence: "Ctrl+4"; onActivated: nav.currentIndex = 3 }
    Shortcut { sequence: "Ctrl+5"; onActivated: nav.currentIndex = 4 }
    Shortcut { sequence: "Ctrl+6"; onActivated: nav.currentIndex = 5 }
    Shortcut { sequence: "Ctrl+7"; onActivated: nav.currentIndex = 6 }
    Shortcut { sequence: "Ctrl+8"; onActivated: nav.currentIndex = 7 }

    header: ToolBar {
        implicitHeight: 48
        background: Rectangle { color: Theme.surface; border.color: Theme.border }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            spacing: Theme.spacing
            Label {
                text: qsTr("LLM Auto-Optimizer")
                font.pixelSize: 17
                font.weight: Font.DemiBold
                color: Theme.text
            }
            Rectangle {
                visible: Engine.demoRunning
                radius: 4
                color: Theme.accent
                implicitWidth: demoLabel.implicitWidth + 14
                implicitHeight: demoLabel.implicitHeight + 6
                Label {
                    id: demoLabel
                    anchors.centerIn: parent
                    text: qsTr("Demo feed")
                    color: "white"
                    font.pixelSize: 12
                }
                HoverHandler { id: demoHover }
                ToolTip.visible: demoHover.hovered
                ToolTip.text: qsTr("No telemetry connection is configured, so the built-in simulator plays three services over seven models. Add an OTLP/HTTP receiver or a Kafka topic on the Connections screen (Ctrl+7) to see your own telemetry.")
            }
            Item { Layout.fillWidth: true }
            Label {
                text: Overview.latestNote.length > 0 ? qsTr("Scenario: %1").arg(Overview.latestNote) : ""
                color: Theme.warning
                elide: Text.ElideLeft
                Layout.maximumWidth: window.width * 0.55
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: 200
            color: Theme.sidebar
            ListView {
                id: nav
                anchors.fill: parent
                anchors.topMargin: Theme.spacing
                model: window.screens
                keyNavigationEnabled: true
                focus: true
                currentIndex: window.initialScreen
                delegate: ItemDelegate {
                    required property var modelData
                    required property int index
                    width: ListView.view.width
                    enabled: modelData.ready
                    highlighted: ListView.isCurrentItem
                    text: modelData.ready ? modelData.name : qsTr("%1 (soon)").arg(modelData.name)
                    onClicked: nav.currentIndex = index
                }
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: nav.currentIndex
            OverviewScreen {}
            CostsScreen {}
            FindingsScreen {}
            ParetoScreen {}
            ExperimentsScreen {}
            RolloutsScreen {}
            ConnectionsScreen {}
            AuditScreen {}
        }
    }

    footer: ToolBar {
        implicitHeight: 30
        background: Rectangle { color: Theme.surface; border.color: Theme.border }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            spacing: Theme.spacing * 2
            Label {
                text: Overview.feedError.length > 0 ? Overview.feedError
                    : Engine.demoRunning ? qsTr("Demo feed running")
                    : Engine.sources.count === 1 ? qsTr("1 source configured")
                    : qsTr("%1 sources configured").arg(Engine.sources.count)
                color: Overview.feedError.length > 0 ? Theme.danger : Theme.mutedText
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            Label {
                text: qsTr("%1 events stored").arg(Number(Overview.eventsStored).toLocaleString(Qt.locale(), 'f', 0))
                color: Theme.mutedText
            }
            Label {
                text: qsTr("%1 rejected").arg(Overview.eventsRejected)
                color: Overview.eventsRejected > 0 ? Theme.warning : Theme.mutedText
            }
            Label {
                text: qsTr("%1 without a price").arg(Overview.unknownCost)
                color: Overview.unknownCost > 0 ? Theme.warning : Theme.mutedText
            }
        }
    }
}
