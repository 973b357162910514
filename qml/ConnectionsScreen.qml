import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Workbench.Ui

// Where telemetry comes from: OTLP/HTTP receivers and Kafka topics, each with
// its health, counters and last error; a form to add or edit one.
Item {
    id: root

    property int editingRow: -1 // -1: the form adds a new source
    property string formError: ""

    function count(v) { return Number(v).toLocaleString(Qt.locale(), 'f', 0) }

    function formSettings() {
        if (kind.currentIndex === 0)
            return { kind: "otlp", address: address.text.trim(), port: Number(port.text),
                     token: token.text, tlsCertificate: certificate.text.trim(),
                     tlsPrivateKey: privateKey.text.trim() }
        return { kind: "kafka", brokers: brokers.text.trim(), topics: topics.text.trim(),
                 group: group.text.trim(), encoding: encoding.currentText,
                 logTopics: logTopics.text.trim() }
    }

    function resetForm() {
        editingRow = -1
        formError = ""
        address.text = "127.0.0.1"
        port.text = "4318"
        token.text = ""
        certificate.text = ""
        privateKey.text = ""
        brokers.text = "localhost:9092"
        topics.text = "otlp_spans"
        group.text = "llm-optimizer-workbench"
        encoding.currentIndex = 0
        logTopics.text = ""
    }

    function startEditing(row) {
        const s = Engine.sources.settingsAt(row)
        resetForm()
        editingRow = row
        kind.currentIndex = s.kind === "kafka" ? 1 : 0
        if (s.kind === "kafka") {
            brokers.text = s.brokers
            topics.text = s.topics
            group.text = s.group
            encoding.currentIndex = Math.max(0, encoding.find(s.encoding))
            logTopics.text = s.logTopics || ""
        } else {
            address.text = s.address
            port.text = s.port
            token.text = s.token || ""
            certificate.text = s.tlsCertificate || ""
            privateKey.text = s.tlsPrivateKey || ""
        }
    }

    function submit() {
        const settings = formSettings()
        formError = editingRow < 0 ? Engine.sources.add(settings)
                                   : Engine.sources.edit(editingRow, settings)
        if (formError.length === 0)
            resetForm()
    }

    Component.onCompleted: resetForm()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Rectangle {
            visible: Engine.demoRunning
            Layout.fillWidth: true
            implicitHeight: demoText.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.10)
            border.color: Theme.accent
            Label {
                id: demoText
                anchors.fill: parent
                anchors.margins: Theme.spacing
                wrapMode: Text.Wrap
                color: Theme.text
                text: qsTr("The demo feed is playing because no source is configured. Add an OTLP/HTTP receiver for your services' OpenTelemetry exporters, or a Kafka topic that carries their spans: the demo stops as soon as one is listed.")
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border

                Label {
                    anchors.centerIn: parent
                    visible: Engine.sources.count === 0
                    text: qsTr("No sources yet — add one with the form on the right.")
                    color: Theme.mutedText
                }

                ListView {
                    id: list
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: Theme.spacing
                    clip: true
                    model: Engine.sources
                    keyNavigationEnabled: true
                    delegate: Rectangle {
                        id: card
                        required property int index
                        required property string name
                        required property string kind
                        required property string health
                        required property string lastError
                        required property var received
                        required property var stored
                        required property var rejected
                        required property var pushedBack
                        required property var lag

                        width: ListView.view.width
                        implicitHeight: cardLayout.implicitHeight + 2 * Theme.spacing
                        radius: Theme.radius
                        color: ListView.isCurrentItem ? Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.08)
                                                      : "transparent"
                        border.color: Theme.border

                        ColumnLayout {
                            id: cardLayout
                            anchors.fill: parent
                            anchors.margins: Theme.spacing
                            spacing: 4
                            RowLayout {
                                spacing: 8
                                Rectangle {
                                    implicitWidth: 10
                                    implicitHeight: 10
                                    radius: 5
                                    color: card.health === "running" ? Theme.good
                                         : card.health === "error" ? Theme.danger : Theme.warning
                                }
                                Label {
                                    text: card.name
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                    elide: Text.ElideMiddle
                                    Layout.fillWidth: true
                                }
                                Label {
                                    text: card.health === "running" ? qsTr("running")
                                        : card.health === "error" ? qsTr("error") : qsTr("connecting")
                                    color: Theme.mutedText
                                }
                                Button {
                                    text: qsTr("Edit")
                                    onClicked: root.startEditing(card.index)
                                }
                                Button {
                                    text: qsTr("Remove")
                                    onClicked: Engine.sources.remove(card.index)
                                }
                            }
                            Label {
                                text: qsTr("%1 received · %2 stored · %3 dead-lettered · %4 pushed back")
                                      .arg(root.count(card.received)).arg(root.count(card.stored))
                                      .arg(root.count(card.rejected)).arg(root.count(card.pushedBack))
                                      + (card.kind === "kafka" && card.lag >= 0 ? qsTr(" · lag %1").arg(root.count(card.lag)) : "")
                                color: Theme.mutedText
                                HoverHandler { id: countersHover }
                                ToolTip.visible: countersHover.hovered
                                ToolTip.text: qsTr("Received: calls decoded from this source. Stored: new calls written to the database (duplicates are received, not stored again). Dead-lettered: spans or records that could not be used, kept with the reason. Pushed back: requests answered 503 or Kafka pauses because the engine was behind — nothing is dropped. Lag: Kafka records not read yet.")
                            }
                            Label {
                                visible: card.lastError.length > 0
                                text: card.lastError
                                color: Theme.danger
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
            }

            Rectangle {
                Layout.preferredWidth: 380
                Layout.fillHeight: true
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: 8

                    Label {
                        text: root.editingRow < 0 ? qsTr("Add a source") : qsTr("Edit source")
                        font.pixelSize: 16
                        font.weight: Font.DemiBold
                        color: Theme.text
                    }
                    ComboBox {
                        id: kind
                        Layout.fillWidth: true
                        model: [qsTr("OTLP/HTTP receiver"), qsTr("Kafka topic")]
                        Accessible.name: qsTr("Kind of source")
                    }

                    GridLayout {
                        visible: kind.currentIndex === 0
                        columns: 2
                        columnSpacing: 8
                        rowSpacing: 6
                        Layout.fillWidth: true
                        Label { text: qsTr("Address"); color: Theme.text }
                        TextField { id: address; Layout.fillWidth: true; onAccepted: root.submit() }
                        Label { text: qsTr("Port"); color: Theme.text }
                        TextField {
                            id: port
                            Layout.fillWidth: true
                            inputMethodHints: Qt.ImhDigitsOnly
                            validator: IntValidator { bottom: 1; top: 65535 }
                            onAccepted: root.submit()
                        }
                        Label { text: qsTr("Bearer token"); color: Theme.text }
                        TextField {
                            id: token
                            Layout.fillWidth: true
                            echoMode: TextInput.Password
                            placeholderText: qsTr("optional")
                            onAccepted: root.submit()
                        }
                        Label { text: qsTr("Certificate"); color: Theme.text }
                        TextField {
                            id: certificate
                            Layout.fillWidth: true
                            placeholderText: qsTr("optional: PEM file for HTTPS")
                            onAccepted: root.submit()
                        }
                        Label { text: qsTr("Private key"); color: Theme.text }
                        TextField {
                            id: privateKey
                            Layout.fillWidth: true
                            placeholderText: qsTr("optional: its PEM key file")
                            onAccepted: root.submit()
                        }
                    }
                    Label {
                        visible: kind.currentIndex === 0
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: Theme.mutedText
                        text: qsTr("Point exporters at %3://%1:%2 (OTEL_EXPORTER_OTLP_ENDPOINT); protobuf and JSON, gzip accepted. 127.0.0.1 accepts this computer only, 0.0.0.0 every network interface — set a token and a certificate then.")
                              .arg(address.text).arg(port.text)
                              .arg(certificate.text.length > 0 ? "https" : "http")
                    }

                    GridLayout {
                        visible: kind.currentIndex === 1
                        columns: 2
                        columnSpacing: 8
                        rowSpacing: 6
                        Layout.fillWidth: true
                        Label { text: qsTr("Brokers"); color: Theme.text }
                        TextField { id: brokers; Layout.fillWidth: true; onAccepted: root.submit() }
                        Label { text: qsTr("Topics"); color: Theme.text }
                        TextField { id: topics; Layout.fillWidth: true; onAccepted: root.submit() }
                        Label { text: qsTr("Group"); color: Theme.text }
                        TextField { id: group; Layout.fillWidth: true; onAccepted: root.submit() }
                        Label { text: qsTr("Encoding"); color: Theme.text }
                        ComboBox {
                            id: encoding
                            Layout.fillWidth: true
                            model: ["otlp_proto", "otlp_json", "flat_json"]
                        }
                        Label { text: qsTr("Evaluations"); color: Theme.text }
                        TextField {
                            id: logTopics
                            Layout.fillWidth: true
                            placeholderText: qsTr("optional, e.g. otlp_logs")
                            onAccepted: root.submit()
                        }
                    }
                    Label {
                        visible: kind.currentIndex === 1
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: Theme.mutedText
                        text: qsTr("Topics are comma-separated. otlp_proto: each record an ExportTraceServiceRequest (the OpenTelemetry Collector's Kafka exporter); otlp_json: the same as JSON; flat_json: one event per record or line. Evaluation topics carry OTLP log records (gen_ai.evaluation.result) scoring earlier calls. Offsets are committed only after the events are stored.")
                    }

                    Label {
                        visible: root.formError.length > 0
                        text: root.formError
                        color: Theme.danger
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Item { Layout.fillWidth: true }
                        Button {
                            visible: root.editingRow >= 0
                            text: qsTr("Cancel")
                            onClicked: root.resetForm()
                        }
                        Button {
                            text: root.editingRow < 0 ? qsTr("Add") : qsTr("Save")
                            highlighted: true
                            onClicked: root.submit()
                        }
                    }
                    Item { Layout.fillHeight: true }
                }
            }
        }
    }
}
