import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Workbench.Ui

// Canary rollouts: the switches awaiting approval, the actuator's rollouts
// (active first), and for the selected one its plan, weights, sink status and
// the judge's analyses, canary against stable per metric. Every command —
// approve, reject, confirm, abort, roll back — asks first, then goes to the
// engine, which checks it and writes the audit record.
Item {
    id: root
    readonly property var ctl: Engine.rollouts
    readonly property var pending: ctl.pending

    function phaseLabel(phase) {
        return phase === "rolled_back" ? qsTr("rolled back")
             : phase === "progressing" ? qsTr("progressing")
             : phase === "paused" ? qsTr("paused")
             : phase === "promoted" ? qsTr("promoted")
             : phase === "aborted" ? qsTr("aborted") : phase
    }
    function phaseColor(phase) {
        return phase === "progressing" ? Theme.accent
             : phase === "paused" ? Theme.warning
             : phase === "promoted" ? Theme.good
             : phase === "rolled_back" ? Theme.danger : Theme.mutedText
    }
    function verdictColor(verdict) {
        return verdict === "pass" ? Theme.good
             : verdict === "marginal" ? Theme.warning
             : verdict === "fail" ? Theme.danger : Theme.mutedText
    }
    function number(v, digits) {
        return v === undefined ? "—" : Number(v).toLocaleString(Qt.locale(), 'f', digits)
    }
    function digitsFor(range) { return range >= 100 ? 0 : range >= 10 ? 1 : range >= 1 ? 2 : 3 }
    // The step after the current one, for the confirmation dialog.
    function nextStepLabel() {
        const steps = ctl.steps
        for (let i = 0; i < steps.length; ++i)
            if (steps[i].state === "current")
                return i + 1 < steps.length ? steps[i + 1].label : qsTr("the end of the plan")
        return qsTr("the next step")
    }

    // One confirmation dialog for every command: what will happen, an
    // optional reason (written to the audit log), Enter to go, Escape to cancel.
    function ask(kind, row) {
        commandDialog.kind = kind
        commandDialog.row = row === undefined ? -1 : row
        if (kind === "approve" || kind === "reject") {
            const r = pending.get(row)
            commandDialog.subject = qsTr("%1: %2 → %3").arg(r.service).arg(r.fromVariant).arg(r.toVariant)
        }
        reason.text = ""
        commandDialog.open()
    }

    component Chip: Label {
        property color fill: Theme.accent
        color: "white"
        font.pixelSize: 11
        leftPadding: 7; rightPadding: 7; topPadding: 2; bottomPadding: 2
        background: Rectangle { radius: 3; color: parent.fill }
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
    // The plan's steps as a row of chips joined by arrows, the current one filled.
    component StepRow: Flow {
        id: stepRow
        property var steps: []
        // The width of the chips in one row: a centred row need not be wider.
        readonly property real naturalWidth: {
            let w = 0
            for (let i = 0; i < stepRepeater.count; ++i)
                w += (stepRepeater.itemAt(i) ? stepRepeater.itemAt(i).implicitWidth : 0) + spacing
            return w
        }
        spacing: 3
        Repeater {
            id: stepRepeater
            model: stepRow.steps
            delegate: Row {
                required property var modelData
                required property int index
                spacing: 3
                Label {
                    visible: index > 0
                    text: "→"
                    color: Theme.mutedText
                    anchors.verticalCenter: parent.verticalCenter
                }
                Label {
                    readonly property string stepState: modelData.state
                    text: (stepState === "done" ? "✓ " : stepState === "stopped" ? "✕ " : "") + modelData.label
                    font.pixelSize: 12
                    font.weight: stepState === "current" ? Font.DemiBold : Font.Normal
                    font.strikeout: stepState === "skipped"
                    color: stepState === "current" || stepState === "stopped" ? "white"
                         : stepState === "done" ? Theme.good : Theme.mutedText
                    leftPadding: 6; rightPadding: 6; topPadding: 3; bottomPadding: 3
                    background: Rectangle {
                        radius: 10
                        color: parent.stepState === "current" ? Theme.accent
                             : parent.stepState === "stopped" ? Theme.danger : "transparent"
                        border.color: parent.stepState === "done" ? Theme.good
                                    : parent.stepState === "current" ? Theme.accent
                                    : parent.stepState === "stopped" ? Theme.danger : Theme.border
                    }
                }
            }
        }
    }

    Dialog {
        id: commandDialog
        property string kind
        property int row: -1
        property string subject
        anchors.centerIn: parent
        width: Math.min(560, root.width - 80)
        modal: true
        focus: true
        padding: 16
        closePolicy: Popup.CloseOnEscape
        title: kind === "confirm" ? qsTr("Confirm rollout %1?").arg(ctl.rolloutId)
             : kind === "abort" ? qsTr("Abort rollout %1?").arg(ctl.rolloutId)
             : kind === "rollback" ? qsTr("Roll back rollout %1?").arg(ctl.rolloutId)
             : kind === "approve" ? qsTr("Approve and start a rollout?")
             : qsTr("Reject this recommendation?")
        standardButtons: Dialog.Ok | Dialog.Cancel
        onOpened: reason.forceActiveFocus()
        onAccepted: {
            const why = reason.text
            if (kind === "confirm") ctl.confirm(why)
            else if (kind === "abort") ctl.abort(why)
            else if (kind === "rollback") ctl.rollback(why)
            else if (kind === "approve") pending.approve(row, why)
            else if (kind === "reject") pending.reject(row, why)
        }
        Component.onCompleted: {
            standardButton(Dialog.Ok).text = Qt.binding(function() {
                return kind === "confirm" ? qsTr("Confirm") : kind === "abort" ? qsTr("Abort rollout")
                     : kind === "rollback" ? qsTr("Roll back") : kind === "approve" ? qsTr("Approve")
                     : qsTr("Reject")
            })
        }
        ColumnLayout {
            anchors.fill: parent
            spacing: 10
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.text
                text: commandDialog.kind === "confirm"
                      ? qsTr("%1 goes on with its plan: next step %2. The candidate %3 gets more of the traffic as the plan raises its weight; the judge keeps checking it after each raise and rolls it back if it fails.")
                            .arg(ctl.service).arg(root.nextStepLabel()).arg(ctl.candidate)
                      : commandDialog.kind === "abort"
                      ? qsTr("The rollout stops now: %1 gets no more traffic (weight 0 %) and all of %2 goes back to %3. An aborted rollout cannot be resumed; approve the change again to retry.")
                            .arg(ctl.candidate).arg(ctl.service).arg(ctl.stable)
                      : commandDialog.kind === "rollback"
                      ? (ctl.phase === "promoted"
                         ? qsTr("%1 was promoted. Rolling back sends all of %2 to %3 again at once (candidate weight 0 %).")
                               .arg(ctl.candidate).arg(ctl.service).arg(ctl.stable)
                         : qsTr("All of %1 goes back to the stable variant %2 at once (%3 from %4 % to 0 %). The rollout ends as rolled back.")
                               .arg(ctl.service).arg(ctl.stable).arg(ctl.candidate).arg(ctl.weight))
                      : commandDialog.kind === "approve"
                      ? qsTr("%1. Approving starts a canary rollout: traffic moves to the new variant in the steps of the plan below, judged after each step, and rolled back automatically if it fails.")
                            .arg(commandDialog.subject)
                      : qsTr("%1. The recommendation is closed as rejected; nothing changes in production.")
                            .arg(commandDialog.subject)
            }
            StepRow {
                Layout.fillWidth: true
                visible: commandDialog.kind === "approve"
                steps: ctl.plan
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.mutedText
                text: qsTr("The engine checks the command and writes it to the audit log as %1, with what you saw.").arg(ctl.actor)
            }
            TextField {
                id: reason
                Layout.fillWidth: true
                placeholderText: qsTr("Reason (optional, kept in the audit log)")
                onAccepted: commandDialog.accept() // Enter
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        // The engine's answer to the last command.
        Rectangle {
            Layout.fillWidth: true
            visible: ctl.bannerText.length > 0
            implicitHeight: bannerRow.implicitHeight + 14
            radius: Theme.radius
            readonly property color tone: ctl.bannerIsError ? Theme.danger : ctl.busy ? Theme.accent : Theme.good
            color: Qt.rgba(tone.r, tone.g, tone.b, 0.12)
            border.color: tone
            RowLayout {
                id: bannerRow
                anchors.fill: parent
                anchors.leftMargin: 12
                anchors.rightMargin: 6
                BusyIndicator { visible: ctl.busy; running: ctl.busy; implicitWidth: 24; implicitHeight: 24 }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.text
                    text: (ctl.bannerIsError ? qsTr("Not done — ") : "") + ctl.bannerText
                }
                ToolButton {
                    text: "✕"
                    visible: !ctl.busy
                    onClicked: ctl.dismissBanner()
                    Accessible.name: qsTr("Dismiss")
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            ColumnLayout {
                Layout.preferredWidth: 380
                Layout.maximumWidth: 420
                Layout.fillHeight: true
                spacing: Theme.spacing

                Card {
                    Layout.fillWidth: true
                    Layout.preferredHeight: pendingList.count === 0 ? pendingColumn.implicitHeight + 2 * Theme.spacing
                                            : Math.min(330, 56 + pendingList.contentHeight)
                    ColumnLayout {
                        id: pendingColumn
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        spacing: 8
                        Heading { text: qsTr("Awaiting approval (%1)").arg(pending.count) }
                        Muted {
                            visible: pendingList.count === 0
                            text: qsTr("No switch is waiting for approval. The Pareto strategy proposes one when a cheaper variant is within your quality tolerance, an experiment when a variant wins its test.")
                        }
                        ListView {
                            id: pendingList
                            visible: count > 0
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            clip: true
                            spacing: 6
                            model: root.pending
                            keyNavigationEnabled: true
                            activeFocusOnTab: true
                            ScrollBar.vertical: ScrollBar {}
                            delegate: Rectangle {
                                id: proposal
                                required property int index
                                required property string service
                                required property string fromVariant
                                required property string toVariant
                                required property string action
                                required property string summary
                                required property string impact
                                required property var savings
                                required property string details
                                required property bool answering
                                property bool expanded: false
                                width: ListView.view.width - 10
                                implicitHeight: body.implicitHeight + 16
                                radius: Theme.radius
                                color: ListView.isCurrentItem && pendingList.activeFocus
                                       ? Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.12)
                                       : Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.05)
                                border.color: Theme.border
                                ColumnLayout {
                                    id: body
                                    anchors.fill: parent
                                    anchors.margins: 8
                                    spacing: 4
                                    RowLayout {
                                        Layout.fillWidth: true
                                        Chip { text: action === "fall_back" ? qsTr("fall back") : qsTr("switch"); fill: action === "fall_back" ? Theme.warning : Theme.accent }
                                        Label {
                                            text: qsTr("%1: %2 → %3").arg(service).arg(fromVariant).arg(toVariant)
                                            color: Theme.text
                                            font.weight: Font.DemiBold
                                            wrapMode: Text.Wrap
                                            Layout.fillWidth: true
                                        }
                                        Label {
                                            visible: savings !== undefined
                                            text: savings !== undefined ? qsTr("$%1 / month").arg(root.number(savings, 0)) : ""
                                            color: Theme.good
                                        }
                                    }
                                    Label { text: summary; wrapMode: Text.Wrap; color: Theme.text; Layout.fillWidth: true }
                                    Label {
                                        visible: impact.length > 0
                                        text: qsTr("Expected per request: %1").arg(impact)
                                        color: Theme.mutedText
                                        font.pixelSize: 12
                                        wrapMode: Text.Wrap
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
                                        Layout.fillWidth: true
                                        Button {
                                            text: expanded ? qsTr("Hide evidence") : qsTr("Evidence")
                                            flat: true
                                            onClicked: expanded = !expanded
                                        }
                                        Item { Layout.fillWidth: true }
                                        BusyIndicator { visible: answering; running: answering; implicitWidth: 22; implicitHeight: 22 }
                                        Button {
                                            text: qsTr("Approve…")
                                            highlighted: true
                                            enabled: !answering
                                            onClicked: root.ask("approve", index)
                                        }
                                        Button {
                                            text: qsTr("Reject…")
                                            enabled: !answering
                                            onClicked: root.ask("reject", index)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }

                Card {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    ColumnLayout {
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        spacing: 8
                        Heading {
                            text: ctl.list.count === 0 ? qsTr("Rollouts")
                                : qsTr("Rollouts (%1 active, %2 finished)").arg(ctl.list.activeCount).arg(ctl.list.count - ctl.list.activeCount)
                        }
                        Item {
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            Muted {
                                anchors.centerIn: parent
                                width: parent.width - 20
                                visible: rolloutList.count === 0
                                horizontalAlignment: Text.AlignHCenter
                                text: qsTr("No rollout yet. Active rollouts are listed here first, then the finished ones, newest first.")
                            }
                            ListView {
                                id: rolloutList
                                anchors.fill: parent
                                clip: true
                                model: ctl.list
                                keyNavigationEnabled: true
                                activeFocusOnTab: true
                                focus: true
                                ScrollBar.vertical: ScrollBar {}
                                onCurrentIndexChanged: if (currentIndex >= 0) ctl.selectedRow = currentIndex
                                Component.onCompleted: currentIndex = ctl.selectedRow
                                Connections {
                                    target: root.ctl
                                    function onSelectedChanged() {
                                        if (rolloutList.currentIndex !== root.ctl.selectedRow)
                                            rolloutList.currentIndex = root.ctl.selectedRow
                                    }
                                }
                                delegate: ItemDelegate {
                                    id: rolloutRow
                                    required property int index
                                    required property var rolloutId
                                    required property string service
                                    required property string stable
                                    required property string candidate
                                    required property string phase
                                    required property int weight
                                    required property string lastMessage
                                    required property var updated
                                    width: ListView.view.width - 10
                                    highlighted: ListView.isCurrentItem
                                    onClicked: rolloutList.currentIndex = index
                                    contentItem: ColumnLayout {
                                        spacing: 3
                                        RowLayout {
                                            Layout.fillWidth: true
                                            Label { text: rolloutRow.service; color: rolloutRow.highlighted ? rolloutRow.palette.highlightedText : Theme.text; font.weight: Font.DemiBold }
                                            Label {
                                                text: rolloutRow.stable + " → " + rolloutRow.candidate
                                                color: rolloutRow.highlighted ? rolloutRow.palette.highlightedText : Theme.text
                                                elide: Text.ElideMiddle
                                                Layout.fillWidth: true
                                            }
                                            Chip { text: root.phaseLabel(rolloutRow.phase); fill: root.phaseColor(rolloutRow.phase) }
                                            Label {
                                                text: qsTr("%1 %").arg(rolloutRow.weight)
                                                color: rolloutRow.highlighted ? rolloutRow.palette.highlightedText : Theme.text
                                                horizontalAlignment: Text.AlignRight
                                                Layout.preferredWidth: 40
                                            }
                                        }
                                        Label {
                                            text: rolloutRow.updated.toLocaleString(Qt.locale(), qsTr("MMM d hh:mm", "date format (QDateTime) of the last change")) + " · " + rolloutRow.lastMessage
                                            color: rolloutRow.highlighted ? rolloutRow.palette.highlightedText : Theme.mutedText
                                            font.pixelSize: 12
                                            elide: Text.ElideRight
                                            Layout.fillWidth: true
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            // The selected rollout, or what a rollout is while there is none.
            Card {
                Layout.fillWidth: true
                Layout.fillHeight: true

                ScrollView {
                    id: detailScroll
                    anchors.fill: parent
                    anchors.margins: 1
                    visible: ctl.hasSelection
                    clip: true
                    contentWidth: availableWidth

                    ColumnLayout {
                        width: detailScroll.availableWidth - 2 * Theme.spacing
                        x: Theme.spacing
                        spacing: 10

                        Item { implicitHeight: 2 }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: 10
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 2
                                RowLayout {
                                    spacing: 8
                                    Label { text: ctl.service; font.pixelSize: 18; font.weight: Font.DemiBold; color: Theme.text }
                                    Chip { text: root.phaseLabel(ctl.phase); fill: root.phaseColor(ctl.phase); font.pixelSize: 12 }
                                }
                                Label {
                                    text: qsTr("%1 → %2").arg(ctl.stable).arg(ctl.candidate)
                                    color: Theme.text
                                    elide: Text.ElideMiddle
                                    Layout.fillWidth: true
                                }
                                Label {
                                    text: qsTr("Rollout %1 · approved by %2 · started %3%4").arg(ctl.rolloutId).arg(ctl.approvedBy)
                                        .arg(Qt.formatDateTime(ctl.created, "yyyy-MM-dd hh:mm"))
                                        .arg(ctl.recommendationId > 0 ? qsTr(" · recommendation %1").arg(ctl.recommendationId) : "")
                                    color: Theme.mutedText
                                    font.pixelSize: 12
                                    elide: Text.ElideRight
                                    Layout.fillWidth: true
                                }
                            }
                            Button {
                                text: qsTr("Confirm…")
                                highlighted: ctl.canConfirm
                                enabled: ctl.canConfirm
                                onClicked: root.ask("confirm")
                                ToolTip.visible: hovered
                                ToolTip.text: qsTr("Let a paused rollout go on with its plan.")
                            }
                            Button {
                                text: qsTr("Abort…")
                                enabled: ctl.canAbort
                                onClicked: root.ask("abort")
                                ToolTip.visible: hovered
                                ToolTip.text: qsTr("Stop the rollout: the candidate gets no more traffic.")
                            }
                            Button {
                                text: qsTr("Roll back…")
                                enabled: ctl.canRollback
                                onClicked: root.ask("rollback")
                                ToolTip.visible: hovered
                                ToolTip.text: qsTr("Send all traffic back to the stable variant now.")
                            }
                        }
                        Label {
                            text: ctl.lastMessage
                            color: ctl.phase === "paused" ? Theme.warning : Theme.text
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }

                        // Current weights: stable against candidate.
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 3
                            RowLayout {
                                Layout.fillWidth: true
                                Label { text: qsTr("stable %1 · %2 %").arg(ctl.stable).arg(100 - ctl.weight); color: Theme.text; font.pixelSize: 12; elide: Text.ElideRight; Layout.fillWidth: true }
                                Label { text: qsTr("%1 % · candidate %2").arg(ctl.weight).arg(ctl.candidate); color: Theme.text; font.pixelSize: 12; horizontalAlignment: Text.AlignRight; elide: Text.ElideLeft; Layout.fillWidth: true }
                            }
                            Rectangle {
                                Layout.fillWidth: true
                                implicitHeight: 14
                                radius: 7
                                color: Theme.seriesColors[0]
                                Rectangle {
                                    anchors.right: parent.right
                                    anchors.top: parent.top
                                    anchors.bottom: parent.bottom
                                    width: parent.width * ctl.weight / 100
                                    radius: 7
                                    color: Theme.seriesColors[1]
                                }
                            }
                            Label {
                                text: qsTr("In the current window: %1 canary and %2 stable calls").arg(ctl.canaryCalls).arg(ctl.stableCalls)
                                color: Theme.mutedText
                                font.pixelSize: 12
                            }
                        }

                        Label { text: qsTr("Plan"); color: Theme.mutedText; font.pixelSize: 12 }
                        StepRow { Layout.fillWidth: true; steps: ctl.steps }

                        // Where the weights stand with the policy sinks.
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: 8
                            Rectangle {
                                implicitWidth: 10; implicitHeight: 10; radius: 5
                                color: ctl.waitingForSinks ? Theme.warning : Theme.good
                            }
                            Label {
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                                color: Theme.text
                                text: ctl.waitingForSinks
                                      ? qsTr("Waiting for the policy sinks: %1. The rollout holds, and its calls do not count, until every sink has taken policy version %2.")
                                            .arg(ctl.sinkMessage).arg(ctl.awaitedPolicyVersion)
                                      : ctl.policyVersion === 0 ? qsTr("No policy published yet.")
                                      : qsTr("Policy version %1 published; every sink has acknowledged version %2.")
                                            .arg(ctl.policyVersion).arg(ctl.policyAcknowledged)
                            }
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: 6
                            visible: ctl.sinks.length > 0
                            Repeater {
                                model: ctl.sinks
                                delegate: Chip {
                                    required property var modelData
                                    text: modelData.name + " · v" + modelData.acknowledgedVersion
                                          + (modelData.failures > 0 ? qsTr(" · %1 failed").arg(modelData.failures) : "")
                                    fill: modelData.failures > 0 ? Theme.danger : modelData.upToDate ? Theme.good : Theme.warning
                                    HoverHandler { id: sinkHover }
                                    ToolTip.visible: sinkHover.hovered && modelData.message.length > 0
                                    ToolTip.text: modelData.message
                                }
                            }
                        }

                        // The judge's analyses: verdicts, then canary against stable per metric.
                        RowLayout {
                            Layout.fillWidth: true
                            Layout.topMargin: 4
                            Heading { text: qsTr("Analyses") }
                            Muted {
                                text: ctl.verdicts.length === 0
                                      ? qsTr("none yet — the judge compares canary and stable after each weight step, once the step has seen enough canary calls")
                                      : qsTr("%1 so far; each compares every canary call since the start with the stable variant over the same time").arg(ctl.verdicts.length)
                            }
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: 5
                            visible: ctl.verdicts.length > 0
                            Repeater {
                                model: ctl.verdicts
                                delegate: Chip {
                                    required property var modelData
                                    text: "#" + modelData.number + " " + modelData.verdict + " " + Math.round(modelData.score)
                                    fill: root.verdictColor(modelData.verdict)
                                    HoverHandler { id: verdictHover }
                                    ToolTip.visible: verdictHover.hovered
                                    ToolTip.text: qsTr("%1 at %2 % (%3 canary, %4 stable calls)\n%5")
                                        .arg(Qt.formatDateTime(modelData.time, "hh:mm:ss")).arg(modelData.weight)
                                        .arg(modelData.canaryCalls).arg(modelData.stableCalls).arg(modelData.summary)
                                }
                            }
                        }
                        GridLayout {
                            Layout.fillWidth: true
                            columns: width > 900 ? 4 : 2
                            columnSpacing: 8
                            rowSpacing: 8
                            Repeater {
                                model: 4 // the judge's metrics, in the controller's order
                                delegate: ChartFrame {
                                    id: metricCard
                                    required property int index
                                    readonly property var metric: ctl.metrics[index] || ({})
                                    Layout.fillWidth: true
                                    Layout.preferredHeight: 260
                                    chart: metricChart
                                    fullFrom: 0
                                    fullTo: Math.max(metric.count || 0, 1) + 1
                                    minimumSpan: 2
                                    title: metric.title || ""
                                    explanation: qsTr("%1 in %2 after each analysis of the judge (x: analysis number): the canary's and the stable variant's centres, each analysis comparing every canary call since the start with the stable variant over the same time; dots: the canary, green where the metric passed, red where it failed. Method: %3")
                                                 .arg(metric.title || "").arg(metric.unit || "").arg(metric.method || "")
                                    note: metric.count > 0
                                          ? qsTr("latest: canary %1, stable %2 — %3")
                                                .arg(root.number(metric.canary, root.digitsFor(metric.max)))
                                                .arg(root.number(metric.stable, root.digitsFor(metric.max)))
                                                .arg(metric.explanation)
                                          : qsTr("x: analysis number; canary and stable centres")
                                    tools: Chip {
                                        anchors.verticalCenter: parent.verticalCenter
                                        visible: metricCard.metric.count > 0
                                        text: !metricCard.metric.enoughData ? qsTr("too few calls") : metricCard.metric.passed ? qsTr("passed") : qsTr("failed")
                                        fill: !metricCard.metric.enoughData ? Theme.mutedText : metricCard.metric.passed ? Theme.good : Theme.danger
                                    }
                                    function refresh() {
                                        ctl.fillMetric(stableSeries, metric.name, "stable")
                                        ctl.fillMetric(canarySeries, metric.name, "canary")
                                        ctl.fillMetric(outcomeSeries, metric.name, "outcome")
                                        yAxis.min = metric.min
                                        yAxis.max = metric.max
                                        resetZoom()
                                    }
                                    Connections {
                                        target: root.ctl
                                        function onSelectedChanged() { metricCard.refresh() }
                                    }
                                    Component.onCompleted: refresh()
                                    ChartView {
                                        id: metricChart
                                        localizeNumbers: true // axis labels in the chosen language's number format
                                        anchors.fill: parent
                                        antialiasing: true
                                        backgroundColor: "transparent"
                                        legend.visible: metricCard.index === 0
                                        legend.alignment: Qt.AlignBottom
                                        legend.labelColor: Theme.text
                                        legend.font.pixelSize: 10
                                        margins { top: 0; bottom: 0; left: 0; right: 0 }
                                        ValueAxis {
                                            id: xAxis
                                            min: metricCard.shownFrom
                                            max: metricCard.shownTo
                                            tickType: ValueAxis.TicksDynamic
                                            tickAnchor: 0
                                            tickInterval: Math.max(1, Math.round(metricCard.tickInterval))
                                            labelFormat: "%.0f"
                                            labelsColor: Theme.mutedText
                                            labelsFont.pixelSize: 10
                                            gridLineColor: Theme.border
                                        }
                                        ValueAxis {
                                            id: yAxis
                                            labelFormat: metricCard.metric.max - metricCard.metric.min >= 10 ? "%.0f"
                                                       : metricCard.metric.max - metricCard.metric.min >= 1 ? "%.1f"
                                                       : metricCard.metric.max - metricCard.metric.min >= 0.1 ? "%.2f" : "%.3f"
                                            tickCount: 4
                                            labelsColor: Theme.mutedText
                                            labelsFont.pixelSize: 10
                                            gridLineColor: Theme.border
                                        }
                                        LineSeries { id: stableSeries; name: qsTr("stable"); axisX: xAxis; axisY: yAxis; color: Theme.seriesColors[0]; width: 2 }
                                        LineSeries { id: canarySeries; name: qsTr("canary"); axisX: xAxis; axisY: yAxis; color: Theme.seriesColors[1]; width: 2 }
                                        ScatterSeries { id: outcomeSeries; name: qsTr("passed / failed"); axisX: xAxis; axisY: yAxis; markerSize: 9; borderColor: Theme.surface; color: Theme.good }
                                        Label {
                                            anchors.centerIn: parent
                                            visible: !(metricCard.metric.count > 0)
                                            text: qsTr("no analysis yet")
                                            color: Theme.mutedText
                                        }
                                    }
                                }
                            }
                        }

                        Heading { text: qsTr("Timeline"); Layout.topMargin: 4 }
                        ListView {
                            id: timelineList
                            Layout.fillWidth: true
                            Layout.preferredHeight: Math.min(contentHeight, 220)
                            clip: true
                            interactive: contentHeight > height
                            model: ctl.timeline
                            keyNavigationEnabled: true
                            activeFocusOnTab: true
                            ScrollBar.vertical: ScrollBar {}
                            delegate: RowLayout {
                                required property var time
                                required property int weight
                                required property string phase
                                required property string message
                                required property int index
                                width: ListView.view.width - 12
                                spacing: 10
                                Label { text: time.toLocaleString(Qt.locale(), qsTr("MMM d hh:mm:ss", "date format (QDateTime) of a step")); color: Theme.mutedText; font.pixelSize: 12; Layout.preferredWidth: 110 }
                                Label { text: weight + " %"; color: Theme.text; font.pixelSize: 12; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 40 }
                                Chip { text: root.phaseLabel(phase); fill: root.phaseColor(phase) }
                                Label { text: message; color: Theme.text; font.pixelSize: 12; wrapMode: Text.Wrap; Layout.fillWidth: true }
                            }
                        }
                        Item { implicitHeight: Theme.spacing }
                    }
                }

                // No rollout yet: what one is and how to start it.
                ColumnLayout {
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 2 * Theme.spacing, 820)
                    visible: !ctl.hasSelection
                    spacing: 14
                    Label {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        font.pixelSize: 18
                        font.weight: Font.DemiBold
                        color: Theme.text
                        text: qsTr("No rollout yet — approve a recommendation (Pareto screen or on the left) to start one")
                    }
                    Label {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        color: Theme.mutedText
                        text: qsTr("A rollout moves a service's traffic from its stable variant to the candidate in steps. After each raise the judge compares the canary with the stable variant on error rate, quality, latency and cost: a failed analysis or a breached guardrail rolls it back at once, an unclear one pauses for you. A step begins only once every policy sink has taken the new weights.")
                    }
                    Label {
                        Layout.alignment: Qt.AlignHCenter
                        text: qsTr("The plan a new rollout follows")
                        color: Theme.text
                        font.weight: Font.DemiBold
                    }
                    StepRow {
                        id: emptyPlan
                        Layout.alignment: Qt.AlignHCenter
                        Layout.preferredWidth: Math.min(emptyPlan.naturalWidth, parent.width)
                        steps: ctl.plan
                    }
                    Label {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        color: Theme.mutedText
                        text: (ctl.policyVersion === 0 ? qsTr("No routing policy published yet.")
                               : qsTr("Routing policy version %1, acknowledged up to version %2.").arg(ctl.policyVersion).arg(ctl.policyAcknowledged))
                              + " " + (ctl.sinks.length === 0 ? qsTr("No policy sink is configured: the weights are kept in the database only.")
                                       : qsTr("%n policy sink(s) configured.", "", ctl.sinks.length))
                    }
                    Button {
                        Layout.alignment: Qt.AlignHCenter
                        visible: pendingList.count > 0
                        text: qsTr("Review the first approval…")
                        highlighted: true
                        onClicked: root.ask("approve", 0)
                    }
                }
            }
        }
    }
}
