import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Workbench.Ui

// Shown at the first launch (and from Help): what the demo feed is and how to
// bring in real telemetry.
Dialog {
    id: dialog
    signal connectRequested() // "Connect telemetry…": the Connections screen

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(640, parent ? parent.width - 80 : 640)
    modal: true
    focus: true
    padding: 20
    title: qsTr("Welcome to the LLM Auto-Optimizer Workbench")

    LoggingCategory { id: shellLog; name: "llmopt.qml.shell"; defaultLogLevel: LoggingCategory.Warning }
    onOpened: console.info(shellLog, "welcome shown")

    component Paragraph: Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.text
        textFormat: Text.StyledText
        lineHeight: 1.15
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 12
        Paragraph {
            text: qsTr("What you see is the <b>demo feed</b>: a built-in simulator playing three services — support chat, summariser and code assistant — over seven published models, with scripted incidents: a drift in what users ask, a latency incident, a provider outage and a price cut. Everything works on it: findings, recommendations, experiments and canary rollouts.")
        }
        Paragraph {
            text: qsTr("To watch your own LLM calls, open <b>Connections</b> (Ctrl+7) and add an <b>OTLP/HTTP receiver</b> — point your OpenTelemetry exporter at port 4318 (OTEL_EXPORTER_OTLP_ENDPOINT) — or a <b>Kafka topic</b> that carries the spans. The demo feed stops as soon as a source is configured.")
        }
        Paragraph {
            color: Theme.mutedText
            text: qsTr("Keyboard shortcuts: F1. This welcome stays in the Help menu (?) at the top right.")
        }
    }

    footer: DialogButtonBox {
        Button {
            text: qsTr("Connect telemetry…")
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: {
                dialog.close()
                dialog.connectRequested()
            }
        }
        Button {
            text: qsTr("Explore the demo")
            highlighted: true
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }
}
