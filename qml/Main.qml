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
    // Controls in the application's palette (ColorScheme): Fusion's Quick
    // theme would keep its own light one. Popups and dialogs inherit it.
    palette {
        window: Theme.palette.window
        windowText: Theme.palette.windowText
        base: Theme.palette.base
        alternateBase: Theme.palette.alternateBase
        text: Theme.palette.text
        placeholderText: Theme.palette.placeholderText
        button: Theme.palette.button
        buttonText: Theme.palette.buttonText
        highlight: Theme.palette.highlight
        highlightedText: Theme.palette.highlightedText
        light: Theme.palette.light
        midlight: Theme.palette.midlight
        mid: Theme.palette.mid
        dark: Theme.palette.dark
        shadow: Theme.palette.shadow
        toolTipBase: Theme.surface
        toolTipText: Theme.text
        disabled {
            windowText: Theme.disabledPalette.windowText
            text: Theme.disabledPalette.text
            buttonText: Theme.disabledPalette.buttonText
            base: Theme.disabledPalette.base
        }
    }

    property int initialScreen: 0 // llm-optimizer --screen, else the one shown last
    readonly property int currentScreen: nav.currentIndex // saved at exit
    property bool showWelcome: false // the first launch

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
    Shortcut { sequence: "Ctrl+,"; onActivated: settingsDialog.open() }
    Shortcut { sequences: ["F1", "Ctrl+/"]; onActivated: shortcutsDialog.open() }

    SettingsDialog { id: settingsDialog }
    ShortcutsDialog { id: shortcutsDialog; screens: window.screens }
    WelcomeDialog {
        id: welcomeDialog
        onConnectRequested: nav.currentIndex = 6
    }
    Component.onCompleted: if (showWelcome) welcomeDialog.open()

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
            Item { Layout.preferredWidth: Theme.spacing }
            RangeSelector {}
            Item { Layout.fillWidth: true }
            Label {
                text: Overview.latestNote.length > 0 ? qsTr("Scenario: %1").arg(Overview.latestNote) : ""
                color: Theme.warning
                elide: Text.ElideRight // the scenario's name first
                horizontalAlignment: Text.AlignRight
                HoverHandler { id: noteHover }
                ToolTip.visible: noteHover.hovered && truncated
                ToolTip.text: text
                Layout.fillWidth: true // shrinks (elided) before the buttons on its right are pushed out
                Layout.maximumWidth: window.width * 0.55
            }
            ToolButton {
                text: "\u2699" // gear
                font.pixelSize: 18
                onClicked: settingsDialog.open()
                Accessible.name: qsTr("Settings")
                ToolTip.visible: hovered
                ToolTip.delay: 400
                ToolTip.text: qsTr("Settings (Ctrl+,)")
            }
            ToolButton {
                text: "?"
                font.pixelSize: 16
                font.weight: Font.DemiBold
                onClicked: helpMenu.popup(this, 0, height)
                Accessible.name: qsTr("Help")
                ToolTip.visible: hovered && !helpMenu.visible
                ToolTip.delay: 400
                ToolTip.text: qsTr("Help")
                Menu {
                    id: helpMenu
                    MenuItem { text: qsTr("Welcome and connecting telemetry…"); onTriggered: welcomeDialog.open() }
                    MenuItem { text: qsTr("Keyboard shortcuts (F1)"); onTriggered: shortcutsDialog.open() }
                }
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

    footer: StatusBar {
        onApprovalsRequested: nav.currentIndex = 5
    }
}
