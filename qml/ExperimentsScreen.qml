import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Workbench.Ui

// The designer of an offline prompt experiment (docs/experiments.md):
// everything before a run. Open a definition, see its arms and how their
// templates differ, the dataset they run on, the metrics, and the plan —
// items per arm, power, tokens, cost and duration — with every problem
// shown where it belongs, naming the field and the fix. Run… starts the
// experiment here (Engine.experimentRun, after a confirmation that states the
// cost), and the results panel shows the analysis of any stored experiment.
Item {
    id: root
    readonly property var ctl: Engine.experiments
    readonly property var run: Engine.experimentRun
    readonly property var res: Engine.experimentResults
    readonly property bool hasStored: res.experiments.length > 0
    readonly property bool hasDefinition: ctl.state === "loaded"
                                         || (ctl.state === "loading" && ctl.arms.count > 0)

    function issuesOf(section) { return ctl.issues.filter(i => i.section === section) }
    function number(v, digits) { return Number(v).toLocaleString(Qt.locale(), 'f', digits) }
    function openTyped() { if (pathField.text.trim().length > 0) ctl.open(pathField.text) }

    Shortcut { sequence: StandardKey.Open; enabled: root.visible; onActivated: { pathField.forceActiveFocus(); pathField.selectAll() } }
    Shortcut { sequence: StandardKey.Refresh; enabled: root.visible && ctl.path.length > 0; onActivated: ctl.reload() }
    Shortcut { sequence: "Ctrl+R"; enabled: root.visible && ctl.path.length > 0; onActivated: ctl.reload() }

    // Shows the newest stored version of the definition opened, else the newest experiment.
    function showStored() {
        if (res.experimentId !== 0 || res.experiments.length === 0)
            return
        const same = res.experiments.find(e => e.name === ctl.name)
        res.select((same || res.experiments[0]).id)
    }

    Component.onCompleted: ctl.openMostRecent()
    Connections {
        target: root.ctl
        function onStateChanged() {
            if (!pathField.activeFocus) pathField.text = root.ctl.path
            root.showStored()
        }
    }
    Connections {
        target: root.res
        function onExperimentsChanged() { root.showStored() }
        function onExportChanged() { if (root.res.exportMessage.length > 0) exportBanner.visible = true }
    }

    // Run…: what it costs and that the providers are called for real.
    Dialog {
        id: runDialog
        anchors.centerIn: parent
        width: Math.min(620, root.width - 80)
        modal: true
        focus: true
        padding: 16
        closePolicy: Popup.CloseOnEscape
        title: qsTr("Run %1?").arg(ctl.name)
        standardButtons: Dialog.Ok | Dialog.Cancel
        onAccepted: root.run.run()
        Component.onCompleted: standardButton(Dialog.Ok).text = qsTr("Run")
        onOpened: standardButton(Dialog.Ok).enabled = Qt.binding(() => root.run.providerProblem.length === 0)
        ColumnLayout {
            anchors.fill: parent
            spacing: 10
            Label {
                Layout.fillWidth: true; wrapMode: Text.Wrap; color: Theme.text
                text: qsTr("Estimated cost: %1 for %2 calls.").arg(ctl.plan.totalCostText || qsTr("unknown")).arg(ctl.plan.calls || 0)
                font.weight: Font.DemiBold
            }
            Label {
                Layout.fillWidth: true; wrapMode: Text.Wrap
                color: ctl.plan.overCap ? Theme.warning : Theme.text
                text: ctl.plan.capText || ""
            }
            Label {
                Layout.fillWidth: true; wrapMode: Text.Wrap; color: Theme.text
                text: qsTr("The providers are called for real and bill your account.")
            }
            // Each provider the run calls: where its key comes from, and the
            // base URL of an OpenAI-compatible server.
            GridLayout {
                Layout.fillWidth: true
                columns: 3
                columnSpacing: 10
                rowSpacing: 6
                Repeater {
                    model: root.run.providers
                    delegate: Label {
                        required property var modelData
                        Layout.row: index
                        Layout.column: 0
                        required property int index
                        text: modelData.name
                        font.family: "monospace"
                        color: Theme.text
                    }
                }
                Repeater {
                    model: root.run.providers
                    delegate: Loader {
                        required property var modelData
                        required property int index
                        Layout.row: index
                        Layout.column: 1
                        Layout.fillWidth: true
                        sourceComponent: modelData.compatible ? baseUrlField : keyStatus
                        Component {
                            id: baseUrlField
                            TextField {
                                text: modelData.baseUrl
                                placeholderText: qsTr("Base URL, e.g. http://localhost:11434")
                                selectByMouse: true
                                font.family: "monospace"
                                Accessible.name: qsTr("Base URL of %1").arg(modelData.name)
                                ToolTip.visible: hovered
                                ToolTip.text: qsTr("The address of the OpenAI-compatible server (Ollama, vLLM, LM Studio); /v1/chat/completions is added. Kept for the next launch.")
                                onEditingFinished: root.run.setBaseUrl(modelData.name, text)
                            }
                        }
                        Component {
                            id: keyStatus
                            Label {
                                readonly property string source: { Engine.keys.revision; return Engine.keys.keySource(modelData.name) }
                                text: source.length > 0 ? qsTr("key from the %1").arg(source) : qsTr("no key: calls will fail")
                                color: source.length > 0 ? Theme.mutedText : Theme.danger
                                verticalAlignment: Text.AlignVCenter
                            }
                        }
                    }
                }
                Repeater {
                    model: root.run.providers
                    delegate: Button {
                        required property var modelData
                        required property int index
                        Layout.row: index
                        Layout.column: 2
                        text: qsTr("Set key…")
                        flat: true
                        onClicked: keyDialog.openFor(modelData.name)
                    }
                }
            }
            Label {
                Layout.fillWidth: true; wrapMode: Text.Wrap; color: Theme.danger
                visible: text.length > 0
                text: root.run.providerProblem
            }
            Label {
                Layout.fillWidth: true; wrapMode: Text.Wrap; color: Theme.warning
                visible: text.length > 0
                text: Engine.keys.keychainError
            }
            Label {
                Layout.fillWidth: true; wrapMode: Text.Wrap; color: Theme.mutedText; font.pixelSize: 12
                text: qsTr("Outcomes and call events are stored in the workbench's event database; items already answered there are not asked again, so a cancelled run resumes.")
            }
        }
    }

    // Set key…: saves a provider's API key in the system keychain (never in
    // the settings or the database).
    Dialog {
        id: keyDialog
        property string provider
        function openFor(name) { provider = name; keyField.text = ""; keyError.text = ""; open() }
        anchors.centerIn: parent
        width: Math.min(520, root.width - 80)
        modal: true
        focus: true
        padding: 16
        closePolicy: Popup.CloseOnEscape
        title: qsTr("API key for %1").arg(provider)
        standardButtons: Dialog.Save | Dialog.Cancel
        onAccepted: Engine.keys.store(provider, keyField.text)
        onOpened: keyField.forceActiveFocus()
        ColumnLayout {
            anchors.fill: parent
            spacing: 10
            Label {
                Layout.fillWidth: true; wrapMode: Text.Wrap; color: Theme.text
                text: qsTr("The key is saved in the system keychain and used by experiment runs; a key in the environment (%1) is used when the keychain has none.").arg(Engine.keys.environmentVariables(keyDialog.provider).join(qsTr(" or ")))
            }
            TextField {
                id: keyField
                Layout.fillWidth: true
                echoMode: TextInput.Password
                placeholderText: qsTr("API key")
                Accessible.name: qsTr("API key for %1").arg(keyDialog.provider)
                onAccepted: keyDialog.accept()
            }
            Label { id: keyError; Layout.fillWidth: true; wrapMode: Text.Wrap; color: Theme.danger; visible: text.length > 0 }
            Button {
                text: qsTr("Remove the saved key")
                flat: true
                visible: { Engine.keys.revision; return Engine.keys.hasSavedKey(keyDialog.provider) }
                onClicked: { Engine.keys.forget(keyDialog.provider); keyDialog.close() }
            }
        }
        Connections {
            target: Engine.keys
            function onFailed(provider, message) { keyError.text = message; keyDialog.open() }
        }
    }

    // Export report…: format and file.
    Dialog {
        id: exportDialog
        anchors.centerIn: parent
        width: Math.min(620, root.width - 80)
        modal: true
        focus: true
        padding: 16
        closePolicy: Popup.CloseOnEscape
        title: qsTr("Export the report of %1").arg(res.experimentName)
        standardButtons: Dialog.Ok | Dialog.Cancel
        onOpened: exportPath.text = res.defaultExportPath(formatBox.currentValue)
        onAccepted: res.exportReport(formatBox.currentValue, exportPath.text)
        Component.onCompleted: standardButton(Dialog.Ok).text = qsTr("Write")
        GridLayout {
            anchors.fill: parent
            columns: 2
            columnSpacing: 8
            rowSpacing: 10
            Label { text: qsTr("Format"); color: Theme.mutedText }
            ComboBox {
                id: formatBox
                textRole: "text"
                valueRole: "value"
                model: [{ value: "pdf", text: qsTr("PDF — for reading and sharing") },
                        { value: "html", text: qsTr("HTML — self-contained, charts as SVG") },
                        { value: "json", text: qsTr("JSON — the analysis, machine-readable") },
                        { value: "csv", text: qsTr("CSV — one row per item and arm") }]
                Layout.fillWidth: true
                onActivated: exportPath.text = exportPath.text.replace(/\.[A-Za-z]+$/, "." + currentValue)
            }
            Label { text: qsTr("File"); color: Theme.mutedText }
            TextField {
                id: exportPath
                Layout.fillWidth: true
                selectByMouse: true
                font.family: "monospace"
                onAccepted: exportDialog.accept()
                Accessible.name: qsTr("File to write the report to")
            }
        }
    }

    component Card: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
    }
    component Heading: Label {
        font.pixelSize: 15
        font.weight: Font.DemiBold
        color: Theme.text
    }
    component Muted: Label {
        color: Theme.mutedText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    component Chip: Label {
        property color fill: Theme.accent
        color: "white"
        font.pixelSize: 11
        leftPadding: 7; rightPadding: 7; topPadding: 2; bottomPadding: 2
        background: Rectangle { radius: 3; color: parent.fill }
    }
    // A figure with its caption above.
    component Figure: ColumnLayout {
        property alias caption: cap.text
        property alias value: val.text
        property color tone: Theme.text
        spacing: 0
        Label { id: cap; color: Theme.mutedText; font.pixelSize: 12 }
        Label { id: val; color: parent.tone; font.pixelSize: 18; font.weight: Font.DemiBold }
    }
    // The problems of one section of the definition: the field, what is
    // wrong and what to do.
    component IssueList: ColumnLayout {
        id: issueList
        property var entries: []
        function escaped(s) {
            return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
        }
        visible: entries.length > 0
        spacing: 4
        Repeater {
            model: issueList.entries
            delegate: Rectangle {
                required property var modelData
                Layout.fillWidth: true
                implicitHeight: issueText.implicitHeight + 12
                radius: 4
                color: Qt.rgba(Theme.danger.r, Theme.danger.g, Theme.danger.b, 0.08)
                border.color: Theme.danger
                Label {
                    id: issueText
                    anchors.fill: parent
                    anchors.margins: 6
                    wrapMode: Text.Wrap
                    textFormat: Text.StyledText
                    color: Theme.text
                    text: (modelData.field.length > 0 ? "<b><tt>" + modelData.field + "</tt></b> " : "")
                          + issueList.escaped(modelData.message)
                          + "<br><font color=\"" + Theme.mutedText + "\">" + issueList.escaped(modelData.fix) + "</font>"
                }
            }
        }
    }
    function escaped(s) {
        return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    }
    // A line diff of two templates: removed lines red with "−", added green with "+".
    component DiffView: ListView {
        id: diffView
        implicitHeight: contentHeight
        interactive: false
        activeFocusOnTab: count > 0
        keyNavigationEnabled: true
        delegate: Rectangle {
            id: diffLine
            required property int index
            required property string kind
            required property string text
            required property int leftLine
            required property int rightLine
            readonly property color tone: kind === "added" ? Theme.good : kind === "removed" ? Theme.danger : "transparent"
            width: ListView.view.width
            implicitHeight: Math.max(20, lineText.implicitHeight + 4)
            color: kind === "same" ? "transparent" : Qt.rgba(tone.r, tone.g, tone.b, 0.13)
            border.width: ListView.isCurrentItem && diffView.activeFocus ? 1 : 0
            border.color: Theme.accent
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 4
                spacing: 6
                Label {
                    text: diffLine.leftLine > 0 ? diffLine.leftLine : ""
                    color: Theme.mutedText; font.family: "monospace"; font.pixelSize: 11
                    horizontalAlignment: Text.AlignRight
                    Layout.preferredWidth: 18
                }
                Label {
                    text: diffLine.rightLine > 0 ? diffLine.rightLine : ""
                    color: Theme.mutedText; font.family: "monospace"; font.pixelSize: 11
                    horizontalAlignment: Text.AlignRight
                    Layout.preferredWidth: 18
                }
                Label {
                    text: diffLine.kind === "added" ? "+" : diffLine.kind === "removed" ? "−" : " "
                    color: diffLine.kind === "same" ? Theme.mutedText : diffLine.tone
                    font.family: "monospace"
                    font.weight: Font.Bold
                }
                Label {
                    id: lineText
                    Layout.fillWidth: true
                    text: diffLine.text.length > 0 ? diffLine.text : " "
                    font.family: "monospace"
                    font.pixelSize: 13
                    color: Theme.text
                    wrapMode: Text.WrapAnywhere
                }
            }
        }
    }

    // New from example: where to write the starter definition.
    Dialog {
        id: exampleDialog
        anchors.centerIn: parent
        width: Math.min(620, root.width - 80)
        modal: true
        focus: true
        padding: 16
        closePolicy: Popup.CloseOnEscape
        title: qsTr("New experiment from the example")
        standardButtons: Dialog.Ok | Dialog.Cancel
        property string problem
        onOpened: { problem = ""; examplePath.forceActiveFocus(); examplePath.selectAll() }
        onAccepted: {
            const error = ctl.createFromExample(examplePath.text)
            if (error.length > 0) { problem = error; open() }
        }
        Component.onCompleted: standardButton(Dialog.Ok).text = qsTr("Write and open")
        ColumnLayout {
            anchors.fill: parent
            spacing: 10
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.text
                text: qsTr("Writes a starter definition — two arms answering support questions, seven metrics, exact match as the primary one, a $5 spend cap — and its dataset faq.csv beside it (an existing faq.csv is kept). Edit the file in your editor, then Reload here.")
            }
            TextField {
                id: examplePath
                Layout.fillWidth: true
                text: ctl.suggestedExamplePath
                selectByMouse: true
                onAccepted: exampleDialog.accept()
                Accessible.name: qsTr("Where to write the definition")
            }
            Label {
                Layout.fillWidth: true
                visible: exampleDialog.problem.length > 0
                wrapMode: Text.Wrap
                color: Theme.danger
                text: exampleDialog.problem
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        // Which definition: typed path (Ctrl+O), recent files, reload, new.
        Card {
            Layout.fillWidth: true
            implicitHeight: fileRow.implicitHeight + 2 * 10
            RowLayout {
                id: fileRow
                anchors.fill: parent
                anchors.margins: 10
                spacing: 8
                Label { text: qsTr("Definition"); color: Theme.mutedText }
                TextField {
                    id: pathField
                    Layout.fillWidth: true
                    placeholderText: qsTr("Path of an experiment definition (.json) — Ctrl+O")
                    selectByMouse: true
                    text: ctl.path
                    font.family: "monospace"
                    onAccepted: root.openTyped()
                    Accessible.name: qsTr("Definition file path")
                    KeyNavigation.tab: openButton
                }
                Button {
                    id: openButton
                    text: qsTr("Open")
                    enabled: pathField.text.trim().length > 0
                    onClicked: root.openTyped()
                    KeyNavigation.tab: recentButton
                }
                Button {
                    id: recentButton
                    text: qsTr("Recent ▾")
                    enabled: ctl.recentFiles.length > 0
                    onClicked: recentMenu.open()
                    KeyNavigation.tab: reloadButton
                    Menu {
                        id: recentMenu
                        y: recentButton.height
                        Repeater {
                            model: ctl.recentFiles
                            delegate: MenuItem {
                                required property string modelData
                                text: modelData
                                onTriggered: ctl.open(modelData)
                            }
                        }
                    }
                }
                Button {
                    id: reloadButton
                    text: qsTr("Reload")
                    enabled: ctl.path.length > 0 && ctl.state !== "loading"
                    onClicked: ctl.reload()
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Read the definition and its dataset again (F5)")
                    KeyNavigation.tab: newButton
                }
                Button {
                    id: newButton
                    text: qsTr("New from example…")
                    onClicked: exampleDialog.open()
                }
                BusyIndicator {
                    visible: ctl.state === "loading"
                    running: visible
                    implicitWidth: 26; implicitHeight: 26
                }
            }
        }

        // Empty state: what an experiment is, and a way to start.
        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: ctl.state === "empty" && !root.hasStored
            ColumnLayout {
                anchors.centerIn: parent
                width: Math.min(parent.width - 80, 640)
                spacing: 14
                Heading { text: qsTr("Design an offline experiment"); font.pixelSize: 20; Layout.alignment: Qt.AlignHCenter }
                Muted {
                    horizontalAlignment: Text.AlignHCenter
                    text: qsTr("An experiment compares prompt variants — arms: a model, a prompt template and its parameters — on a fixed dataset before any of them sees production traffic. Everything is declared up front in one JSON file: the items, the metrics, the one metric it is decided on, α, power, the smallest effect worth finding and a spend cap.")
                }
                Muted {
                    horizontalAlignment: Text.AlignHCenter
                    text: qsTr("Here you check that design before spending anything: how the arms' prompts differ, what the dataset holds, and the plan — how many items each arm needs, what power the dataset gives, tokens, cost and duration.")
                }
                Button {
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("New from example…")
                    highlighted: true
                    onClicked: exampleDialog.open()
                }
                Muted {
                    horizontalAlignment: Text.AlignHCenter
                    text: qsTr("or type the path of a definition above and press Enter (Ctrl+O). The format is described in docs/experiments.md.")
                }
            }
        }

        // The definition could not be read: why, where, and what to do.
        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: ctl.state === "failed" || (ctl.state === "loading" && !root.hasDefinition)
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 10
                Heading {
                    text: ctl.state === "loading" ? qsTr("Reading %1…").arg(ctl.path)
                                                  : qsTr("The definition could not be read")
                }
                IssueList { Layout.fillWidth: true; entries: root.issuesOf("definition") }
                IssueList { Layout.fillWidth: true; entries: root.issuesOf("arms") }
                IssueList { Layout.fillWidth: true; entries: root.issuesOf("dataset") }
                IssueList { Layout.fillWidth: true; entries: root.issuesOf("metrics") }
                IssueList { Layout.fillWidth: true; entries: root.issuesOf("plan") }
                Muted {
                    visible: ctl.state === "failed"
                    text: qsTr("Definitions are JSON with \"schema_version\": 1; unknown fields are refused so that a typo is never a silent default. Fix the file, then Reload (F5).")
                }
                Item { Layout.fillHeight: true }
            }
        }

        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: root.hasDefinition || (ctl.state === "empty" && root.hasStored)
            contentWidth: availableWidth
            clip: true

            ColumnLayout {
                width: scroll.availableWidth
                spacing: Theme.spacing

                // What this experiment is, and how to run it.
                Card {
                    Layout.fillWidth: true
                    visible: root.hasDefinition
                    implicitHeight: headColumn.implicitHeight + 2 * Theme.spacing
                    ColumnLayout {
                        id: headColumn
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        spacing: 6
                        RowLayout {
                            Layout.fillWidth: true
                            Heading { text: ctl.name; font.pixelSize: 18 }
                            Chip {
                                text: ctl.issues.length === 0 ? qsTr("valid") : ctl.issues.length === 1 ? qsTr("1 problem") : qsTr("%1 problems").arg(ctl.issues.length)
                                fill: ctl.issues.length === 0 ? Theme.good : Theme.danger
                            }
                            Item { Layout.fillWidth: true }
                        }
                        Muted { text: ctl.description; visible: ctl.description.length > 0 }
                        IssueList { Layout.fillWidth: true; entries: root.issuesOf("definition") }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: 8
                            Button {
                                text: run.experimentId !== 0 && run.status !== "completed" && !run.running ? qsTr("Resume run…") : qsTr("Run…")
                                highlighted: true
                                enabled: run.canRun && ctl.state === "loaded"
                                onClicked: runDialog.open()
                                ToolTip.visible: hovered && !enabled && !run.running
                                ToolTip.text: ctl.planBlocked.length > 0 ? ctl.planBlocked : qsTr("Waiting for the plan")
                            }
                            Button {
                                text: run.paused ? qsTr("Resume") : qsTr("Pause")
                                enabled: run.running
                                onClicked: run.paused ? run.resume() : run.pause()
                            }
                            Button {
                                text: qsTr("Cancel")
                                enabled: run.running
                                onClicked: run.cancel()
                            }
                            Label {
                                Layout.fillWidth: true
                                elide: Text.ElideRight
                                text: run.statusText
                                color: run.status === "failed" ? Theme.danger
                                     : run.status === "spend_cap_reached" ? Theme.warning
                                     : run.status === "completed" ? Theme.good : Theme.text
                                ToolTip.visible: statusHover.hovered && truncated
                                ToolTip.text: run.statusText
                                HoverHandler { id: statusHover }
                            }
                            Label {
                                visible: run.total > 0
                                text: qsTr("$%1 spent").arg(root.number(run.spentUsd, 4))
                                color: Theme.mutedText
                            }
                        }
                        // Progress per arm.
                        Flow {
                            Layout.fillWidth: true
                            visible: run.arms.length > 0
                            spacing: 16
                            Repeater {
                                model: run.arms
                                delegate: RowLayout {
                                    required property var modelData
                                    spacing: 6
                                    Label { text: modelData.name; color: Theme.text }
                                    ProgressBar {
                                        Layout.preferredWidth: 160
                                        from: 0; to: Math.max(1, modelData.total)
                                        value: modelData.done
                                    }
                                    Label {
                                        color: modelData.errors > 0 ? Theme.warning : Theme.mutedText
                                        font.pixelSize: 12
                                        text: modelData.errors > 0 ? qsTr("%1/%2, %3 errors").arg(modelData.done).arg(modelData.total).arg(modelData.errors)
                                                                   : qsTr("%1/%2").arg(modelData.done).arg(modelData.total)
                                    }
                                }
                            }
                        }
                        Muted {
                            font.pixelSize: 12
                            text: qsTr("The run calls the providers for real and spends money up to the spend cap; each item's outcome is stored once, so an interrupted run resumes without paying twice. From a terminal:")
                        }
                        TextField {
                            Layout.fillWidth: true
                            readOnly: true
                            selectByMouse: true
                            font.family: "monospace"
                            font.pixelSize: 12
                            text: ctl.runCommand
                            Accessible.name: qsTr("Command that runs this experiment")
                        }
                    }
                }

                // The report export's outcome.
                Rectangle {
                    id: exportBanner
                    Layout.fillWidth: true
                    visible: false
                    radius: 4
                    readonly property color tone: res.exportFailed ? Theme.danger : Theme.good
                    color: Qt.rgba(tone.r, tone.g, tone.b, 0.1)
                    border.color: tone
                    implicitHeight: bannerRow.implicitHeight + 12
                    RowLayout {
                        id: bannerRow
                        anchors.fill: parent
                        anchors.margins: 6
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            color: exportBanner.tone
                            text: res.exporting ? qsTr("Writing the report…") : res.exportMessage
                        }
                        ToolButton { text: "✕"; onClicked: exportBanner.visible = false; Accessible.name: qsTr("Dismiss") }
                    }
                }

                ExperimentResultsPanel {
                    Layout.fillWidth: true
                    onExportRequested: exportDialog.open()
                }

                RowLayout {
                    Layout.fillWidth: true
                    visible: root.hasDefinition
                    spacing: Theme.spacing

                    // Left: arms and how their templates differ.
                    ColumnLayout {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 5
                        Layout.alignment: Qt.AlignTop
                        spacing: Theme.spacing

                        Card {
                            Layout.fillWidth: true
                            implicitHeight: armsColumn.implicitHeight + 2 * Theme.spacing
                            ColumnLayout {
                                id: armsColumn
                                anchors.fill: parent
                                anchors.margins: Theme.spacing
                                spacing: 8
                                Heading { text: qsTr("Arms (%1)").arg(ctl.arms.count) }
                                IssueList { Layout.fillWidth: true; entries: root.issuesOf("arms") }
                                ListView {
                                    id: armList
                                    Layout.fillWidth: true
                                    implicitHeight: contentHeight
                                    interactive: false
                                    model: ctl.arms
                                    keyNavigationEnabled: true
                                    activeFocusOnTab: true
                                    spacing: 4
                                    currentIndex: ctl.diffRight
                                    onCurrentIndexChanged: if (currentIndex >= 0 && currentIndex !== ctl.diffRight)
                                                               ctl.setDiffArms(currentIndex === ctl.diffLeft ? 0 : ctl.diffLeft, currentIndex)
                                    delegate: ItemDelegate {
                                        id: armRow
                                        required property int index
                                        required property string name
                                        required property string provider
                                        required property string modelName
                                        required property string params
                                        required property bool control
                                        width: ListView.view.width
                                        highlighted: ListView.isCurrentItem
                                        onClicked: armList.currentIndex = index
                                        Accessible.name: qsTr("Arm %1: %2 %3").arg(name).arg(provider).arg(modelName)
                                        contentItem: ColumnLayout {
                                            spacing: 2
                                            RowLayout {
                                                Layout.fillWidth: true
                                                Label { text: armRow.name; font.weight: Font.DemiBold; color: armRow.highlighted ? "white" : Theme.text }
                                                Chip { visible: armRow.control; text: qsTr("control"); fill: Theme.mutedText }
                                                Chip { visible: armRow.index === ctl.diffLeft || armRow.index === ctl.diffRight
                                                       text: armRow.index === ctl.diffLeft && armRow.index === ctl.diffRight ? "A = B"
                                                             : armRow.index === ctl.diffLeft ? "A" : "B"
                                                       fill: Theme.accent }
                                                Item { Layout.fillWidth: true }
                                                Label { text: armRow.provider + " · " + armRow.modelName; color: armRow.highlighted ? "white" : Theme.text; font.family: "monospace" }
                                            }
                                            Label { text: armRow.params; color: armRow.highlighted ? "white" : Theme.mutedText; font.pixelSize: 12 }
                                        }
                                    }
                                }
                                Muted {
                                    font.pixelSize: 12
                                    text: qsTr("The first arm is the control; each other arm is compared with it. Select an arm (↑/↓) to compare its templates with A below.")
                                }
                            }
                        }

                        Card {
                            Layout.fillWidth: true
                            implicitHeight: diffColumn.implicitHeight + 2 * Theme.spacing
                            ColumnLayout {
                                id: diffColumn
                                anchors.fill: parent
                                anchors.margins: Theme.spacing
                                spacing: 8
                                RowLayout {
                                    Layout.fillWidth: true
                                    spacing: 8
                                    Heading { text: qsTr("Template diff") }
                                    Item { Layout.fillWidth: true }
                                    Label { text: "A"; color: Theme.mutedText }
                                    ComboBox {
                                        id: leftBox
                                        model: ctl.arms
                                        textRole: "name"
                                        currentIndex: ctl.diffLeft
                                        onActivated: ctl.setDiffArms(currentIndex, ctl.diffRight)
                                        Accessible.name: qsTr("Arm A")
                                    }
                                    Label { text: "→ B"; color: Theme.mutedText }
                                    ComboBox {
                                        model: ctl.arms
                                        textRole: "name"
                                        currentIndex: ctl.diffRight
                                        onActivated: ctl.setDiffArms(ctl.diffLeft, currentIndex)
                                        Accessible.name: qsTr("Arm B")
                                    }
                                }
                                Label {
                                    text: qsTr("System message")
                                    color: Theme.mutedText
                                    font.weight: Font.DemiBold
                                }
                                Muted {
                                    visible: ctl.systemDiff.bothEmpty
                                    text: qsTr("Neither arm sends a system message.")
                                }
                                DiffView { Layout.fillWidth: true; model: ctl.systemDiff; visible: !ctl.systemDiff.bothEmpty }
                                Label {
                                    text: qsTr("Prompt (user message)")
                                    color: Theme.mutedText
                                    font.weight: Font.DemiBold
                                }
                                DiffView { Layout.fillWidth: true; model: ctl.promptDiff }
                                Muted {
                                    font.pixelSize: 12
                                    text: ctl.diffLeft === ctl.diffRight ? qsTr("A and B are the same arm: choose another B.")
                                        : ctl.promptDiff.identical && ctl.systemDiff.identical ? qsTr("The templates are identical: the arms differ only in model or parameters.")
                                        : qsTr("Prompt: %1 lines added, %2 removed; system: %3 added, %4 removed.")
                                              .arg(ctl.promptDiff.added).arg(ctl.promptDiff.removed)
                                              .arg(ctl.systemDiff.added).arg(ctl.systemDiff.removed)
                                }
                            }
                        }
                    }

                    // Right: the plan, then the metrics.
                    ColumnLayout {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 6
                        Layout.alignment: Qt.AlignTop
                        spacing: Theme.spacing

                        Card {
                            Layout.fillWidth: true
                            implicitHeight: planColumn.implicitHeight + 2 * Theme.spacing
                            ColumnLayout {
                                id: planColumn
                                readonly property var plan: ctl.plan
                                readonly property bool has: plan.itemsPerArm !== undefined
                                anchors.fill: parent
                                anchors.margins: Theme.spacing
                                spacing: 10
                                RowLayout {
                                    Layout.fillWidth: true
                                    Heading { text: qsTr("Plan") }
                                    BusyIndicator { visible: ctl.planning; running: visible; implicitWidth: 22; implicitHeight: 22 }
                                    Label { visible: ctl.planning; text: qsTr("computing…"); color: Theme.mutedText }
                                    Item { Layout.fillWidth: true }
                                    Label {
                                        visible: planColumn.has
                                        text: planColumn.has ? qsTr("decided on %1").arg(planColumn.plan.primaryMetric) : ""
                                        color: Theme.mutedText
                                        font.pixelSize: 12
                                    }
                                }
                                Muted {
                                    visible: planColumn.has
                                    font.pixelSize: 12
                                    text: planColumn.has ? qsTr("Sample size: %1.").arg(planColumn.plan.method) : ""
                                }
                                IssueList { Layout.fillWidth: true; entries: root.issuesOf("plan") }
                                Muted { visible: ctl.planBlocked.length > 0; text: ctl.planBlocked; color: Theme.warning }
                                GridLayout {
                                    visible: planColumn.has
                                    Layout.fillWidth: true
                                    columns: 4
                                    columnSpacing: 18
                                    rowSpacing: 8
                                    Figure {
                                        caption: qsTr("Items per arm")
                                        value: planColumn.has ? qsTr("%1 of %2 needed").arg(root.number(planColumn.plan.itemsPerArm, 0)).arg(root.number(planColumn.plan.requiredPerArm, 0)) : ""
                                        tone: planColumn.plan.datasetTooSmall ? Theme.warning : Theme.text
                                    }
                                    Figure {
                                        caption: qsTr("Power achieved")
                                        value: planColumn.has ? qsTr("%1 of %2").arg(planColumn.plan.plannedPowerText).arg(planColumn.plan.requestedPowerText) : ""
                                        tone: planColumn.plan.datasetTooSmall ? Theme.warning : Theme.good
                                    }
                                    Figure {
                                        caption: qsTr("Estimated cost")
                                        value: planColumn.has ? (planColumn.plan.costKnown ? planColumn.plan.totalCostText : qsTr("unknown")) : ""
                                        tone: !planColumn.plan.costKnown || planColumn.plan.overCap ? Theme.danger : Theme.text
                                    }
                                    Figure {
                                        caption: qsTr("Tokens (arms' calls)")
                                        value: planColumn.has ? planColumn.plan.tokensText : ""
                                    }
                                }
                                Rectangle {
                                    visible: planColumn.has && planColumn.plan.datasetTooSmall === true
                                    Layout.fillWidth: true
                                    implicitHeight: smallText.implicitHeight + 14
                                    radius: 4
                                    color: Qt.rgba(Theme.warning.r, Theme.warning.g, Theme.warning.b, 0.12)
                                    border.color: Theme.warning
                                    Label {
                                        id: smallText
                                        anchors.fill: parent
                                        anchors.margins: 7
                                        wrapMode: Text.Wrap
                                        color: Theme.text
                                        text: qsTr("Dataset too small. %1").arg(planColumn.plan.tooSmallText || "")
                                    }
                                }
                                // Per arm: tokens and cost; an unknown price is said, never $0.
                                GridLayout {
                                    visible: planColumn.has
                                    Layout.fillWidth: true
                                    columns: 6
                                    columnSpacing: 14
                                    rowSpacing: 4
                                    Repeater {
                                        model: [qsTr("arm"), qsTr("model"), qsTr("in / out tokens per call"), qsTr("tokens"), qsTr("calls + judge"), qsTr("cost")]
                                        delegate: Label {
                                            required property string modelData
                                            text: modelData
                                            color: Theme.mutedText
                                            font.pixelSize: 12
                                        }
                                    }
                                    Repeater {
                                        model: planColumn.has ? planColumn.plan.arms : []
                                        delegate: Repeater {
                                            id: armCells
                                            required property var modelData
                                            readonly property var arm: modelData
                                            model: [arm.arm, arm.model,
                                                    root.number(arm.inputTokensPerCall, 0) + " / " + root.number(arm.outputTokensPerCall, 0) + (arm.outputFromMaxTokens ? "" : "*"),
                                                    arm.tokensText,
                                                    arm.callCostText + " + " + arm.judgeCostText,
                                                    arm.costText]
                                            delegate: Label {
                                                required property string modelData
                                                required property int index
                                                text: modelData
                                                color: index === 5 && !armCells.arm.costKnown ? Theme.danger : Theme.text
                                                font.weight: index === 5 ? Font.DemiBold : Font.Normal
                                                font.family: index === 1 ? "monospace" : Qt.application.font.family
                                                Layout.fillWidth: index === 1
                                                elide: Text.ElideRight
                                            }
                                        }
                                    }
                                }
                                Label {
                                    visible: planColumn.has
                                    Layout.fillWidth: true
                                    wrapMode: Text.Wrap
                                    color: planColumn.plan.overCap ? Theme.danger : planColumn.plan.costKnown ? Theme.text : Theme.warning
                                    text: planColumn.has ? (planColumn.plan.costKnown ? "" : qsTr("Total cost unknown: a model has no price, so the estimate is not $0 but missing. ")) + planColumn.plan.capText : ""
                                }
                                Label {
                                    visible: planColumn.has
                                    Layout.fillWidth: true
                                    wrapMode: Text.Wrap
                                    color: Theme.text
                                    text: planColumn.has ? qsTr("Duration: %1.").arg(planColumn.plan.durationText) : ""
                                }
                                Repeater {
                                    model: planColumn.has ? planColumn.plan.problems : []
                                    delegate: Label {
                                        required property string modelData
                                        Layout.fillWidth: true
                                        wrapMode: Text.Wrap
                                        color: Theme.warning
                                        text: "⚠ " + modelData
                                    }
                                }
                                Button {
                                    id: notesToggle
                                    visible: planColumn.has
                                    flat: true
                                    checkable: true
                                    text: checked ? qsTr("Hide assumptions") : qsTr("Assumptions (%1)").arg(planColumn.has ? planColumn.plan.notes.length : 0)
                                }
                                Repeater {
                                    model: planColumn.has && notesToggle.checked ? planColumn.plan.notes : []
                                    delegate: Muted {
                                        required property string modelData
                                        font.pixelSize: 12
                                        text: "• " + modelData
                                    }
                                }
                            }
                        }

                        Card {
                            Layout.fillWidth: true
                            implicitHeight: metricsColumn.implicitHeight + 2 * Theme.spacing
                            ColumnLayout {
                                id: metricsColumn
                                anchors.fill: parent
                                anchors.margins: Theme.spacing
                                spacing: 6
                                Heading { text: qsTr("Metrics (%1)").arg(ctl.metrics.length) }
                                IssueList { Layout.fillWidth: true; entries: root.issuesOf("metrics") }
                                Label {
                                    Layout.fillWidth: true
                                    wrapMode: Text.Wrap
                                    color: Theme.text
                                    text: qsTr("Decided on <b>%1</b> · α %2 · power %3 · minimum effect %4 · %5")
                                          .arg(root.escaped(ctl.primaryMetric)).arg(ctl.alpha).arg(ctl.power)
                                          .arg(ctl.minimumEffect).arg(ctl.baselineText)
                                }
                                ListView {
                                    id: metricList
                                    Layout.fillWidth: true
                                    implicitHeight: contentHeight
                                    interactive: false
                                    model: ctl.metrics
                                    keyNavigationEnabled: true
                                    activeFocusOnTab: true
                                    delegate: Rectangle {
                                        required property var modelData
                                        required property int index
                                        width: ListView.view.width
                                        implicitHeight: metricRow.implicitHeight + 8
                                        color: ListView.isCurrentItem && metricList.activeFocus
                                               ? Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.12) : "transparent"
                                        RowLayout {
                                            id: metricRow
                                            anchors.fill: parent
                                            anchors.leftMargin: 4
                                            spacing: 8
                                            Label {
                                                text: modelData.primary ? "★" : ""
                                                color: Theme.accent
                                                Layout.preferredWidth: 14
                                            }
                                            Label {
                                                text: modelData.name
                                                color: Theme.text
                                                font.weight: modelData.primary ? Font.DemiBold : Font.Normal
                                                Layout.preferredWidth: 150
                                                elide: Text.ElideRight
                                            }
                                            Chip {
                                                text: modelData.proportion ? qsTr("pass/fail") : qsTr("continuous")
                                                fill: modelData.proportion ? Theme.accent : Theme.mutedText
                                            }
                                            Label {
                                                text: modelData.kind + (modelData.detail.length > 0 ? " · " + modelData.detail : "")
                                                color: Theme.mutedText
                                                font.pixelSize: 12
                                                elide: Text.ElideRight
                                                Layout.fillWidth: true
                                            }
                                            Chip { visible: modelData.primary; text: qsTr("primary"); fill: Theme.good }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }

                // The dataset: where, what, the first items.
                Card {
                    Layout.fillWidth: true
                    visible: root.hasDefinition
                    implicitHeight: dataColumn.implicitHeight + 2 * Theme.spacing
                    ColumnLayout {
                        id: dataColumn
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        spacing: 8
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: 10
                            Heading { text: qsTr("Dataset"); Layout.minimumWidth: implicitWidth }
                            Label {
                                text: ctl.datasetItems >= 0 ? qsTr("%1 · %2 items").arg(ctl.datasetFormat).arg(ctl.datasetItems)
                                                            : qsTr("%1 · not read").arg(ctl.datasetFormat)
                                color: ctl.datasetItems >= 0 ? Theme.text : Theme.danger
                                font.weight: Font.DemiBold
                            }
                            Label {
                                Layout.fillWidth: true
                                Layout.preferredWidth: 100
                                text: ctl.datasetPath
                                color: Theme.mutedText
                                font.family: "monospace"
                                elide: Text.ElideMiddle
                            }
                        }
                        IssueList { Layout.fillWidth: true; entries: root.issuesOf("dataset") }
                        Muted {
                            visible: ctl.datasetColumns.length > 0
                            text: qsTr("Columns: %1").arg(ctl.datasetColumns.join(", "))
                        }
                        Label {
                            visible: ctl.missingColumns.length > 0 || ctl.itemsMissingVariables > 0
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            color: Theme.danger
                            text: (ctl.missingColumns.length > 0 ? qsTr("The templates use %1, which the dataset does not have. ").arg(ctl.missingColumns.join(", ")) : "")
                                  + (ctl.itemsMissingVariables > 0 ? qsTr("%1 items lack a variable the templates use: the run stops at such an item rather than send a prompt with a hole.").arg(ctl.itemsMissingVariables) : "")
                        }
                        Label {
                            visible: preview.rows > 0
                            text: ctl.datasetItems > preview.rows ? qsTr("The first %1 items:").arg(preview.rows) : qsTr("All items:")
                            color: Theme.mutedText
                            font.pixelSize: 12
                        }
                        // Header of the preview, scrolled with it.
                        Item {
                            visible: preview.rows > 0
                            Layout.fillWidth: true
                            Layout.bottomMargin: -8 // no gap between the header and its table
                            implicitHeight: 26
                            clip: true
                            Row {
                                x: -preview.contentX
                                Repeater {
                                    model: ctl.datasetPreview.columns
                                    delegate: Rectangle {
                                        required property string modelData
                                        required property int index
                                        readonly property bool missing: ctl.datasetPreview.columnMissing[index] === true
                                        width: preview.columnWidthProvider(index)
                                        height: 26
                                        color: missing ? Qt.rgba(Theme.danger.r, Theme.danger.g, Theme.danger.b, 0.15) : Theme.sidebar
                                        border.color: Theme.border
                                        Label {
                                            anchors.fill: parent
                                            anchors.leftMargin: 6
                                            verticalAlignment: Text.AlignVCenter
                                            text: modelData + (parent.missing ? qsTr("  (missing)") : "")
                                            color: parent.missing ? Theme.danger : Theme.text
                                            font.weight: Font.DemiBold
                                            elide: Text.ElideRight
                                        }
                                    }
                                }
                            }
                        }
                        TableView {
                            id: preview
                            visible: rows > 0
                            Layout.fillWidth: true
                            implicitHeight: Math.min(rows * 28, 28 * 12)
                            clip: true
                            model: ctl.datasetPreview
                            boundsBehavior: Flickable.StopAtBounds
                            activeFocusOnTab: true
                            columnWidthProvider: function(column) {
                                return column === 0 ? 90 : Math.max(200, (preview.width - 90) / Math.max(1, columns - 1))
                            }
                            onWidthChanged: forceLayout()
                            ScrollBar.horizontal: ScrollBar {}
                            ScrollBar.vertical: ScrollBar {}
                            Keys.onDownPressed: contentY = Math.min(contentY + 28, Math.max(0, contentHeight - height))
                            Keys.onUpPressed: contentY = Math.max(0, contentY - 28)
                            Keys.onRightPressed: contentX = Math.min(contentX + 60, Math.max(0, contentWidth - width))
                            Keys.onLeftPressed: contentX = Math.max(0, contentX - 60)
                            delegate: Rectangle {
                                required property string display
                                required property string toolTip
                                required property bool missing
                                required property string kind
                                required property int row
                                implicitHeight: 28
                                color: missing ? Qt.rgba(Theme.danger.r, Theme.danger.g, Theme.danger.b, 0.12)
                                     : row % 2 ? Qt.rgba(Theme.border.r, Theme.border.g, Theme.border.b, 0.25) : "transparent"
                                Label {
                                    anchors.fill: parent
                                    anchors.leftMargin: 6
                                    anchors.rightMargin: 6
                                    verticalAlignment: Text.AlignVCenter
                                    text: parent.missing ? qsTr("missing") : parent.display
                                    color: parent.missing ? Theme.danger : parent.kind === "id" ? Theme.mutedText : Theme.text
                                    font.italic: parent.missing || parent.kind === "reference"
                                    font.family: parent.kind === "id" ? "monospace" : Qt.application.font.family
                                    elide: Text.ElideRight
                                }
                                HoverHandler { id: cellHover }
                                ToolTip.visible: cellHover.hovered && (missing || display.length > 24)
                                ToolTip.text: toolTip
                                ToolTip.delay: 400
                            }
                        }
                    }
                }
            }
        }
    }
}
