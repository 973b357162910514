import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Workbench.Ui

// The operators' audit log: every approval, rejection and rollout command,
// newest first, with who gave it and what they saw; and a check of the hash
// chain that shows where it was tampered with.
Item {
    id: root
    readonly property var audit: Engine.audit

    function actionColor(action) {
        return action === "approve" || action === "confirm" ? Theme.good
             : action === "reject" || action === "abort" || action === "rollback" ? Theme.danger
             : Theme.accent
    }

    Shortcut { sequences: [StandardKey.Refresh]; enabled: root.visible; onActivated: root.audit.refresh() }
    // Opening the screen reads the newest records and checks the chain once
    // (both off the GUI thread); Refresh and Verify chain do it again.
    function opened() {
        audit.refresh()
        if (audit.verification.length === 0)
            audit.verify()
    }
    onVisibleChanged: if (visible) opened()
    Component.onCompleted: if (visible) opened()

    component Card: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Card {
            Layout.fillWidth: true
            implicitHeight: header.implicitHeight + 2 * Theme.spacing
            ColumnLayout {
                id: header
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 8
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            text: qsTr("Audit log")
                            font.pixelSize: 17
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        Label {
                            Layout.fillWidth: true
                            elide: Text.ElideMiddle
                            color: Theme.mutedText
                            text: !root.audit.available ? qsTr("No database file")
                                : root.audit.count === 0 ? qsTr("In %1").arg(root.audit.databasePath)
                                : qsTr("The newest %n record(s) in %1 · read %2", "", root.audit.count)
                                      .arg(root.audit.databasePath).arg(Qt.formatTime(root.audit.loadedAt, "hh:mm:ss"))
                        }
                    }
                    BusyIndicator {
                        running: root.audit.loading || root.audit.verifying
                        visible: running
                        implicitWidth: 28; implicitHeight: 28
                    }
                    Button {
                        text: qsTr("Refresh")
                        enabled: root.audit.available
                        onClicked: root.audit.refresh()
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Read the newest records again (F5). The list also follows every command.")
                    }
                    Button {
                        text: qsTr("Verify chain")
                        highlighted: true
                        enabled: root.audit.available && !root.audit.verifying
                        onClicked: root.audit.verify()
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Walk every record from the first and check that each one's hash covers its content and the record before it.")
                    }
                }

                // The result of the last check.
                Rectangle {
                    Layout.fillWidth: true
                    visible: root.audit.verification.length > 0
                    implicitHeight: verdict.implicitHeight + 16
                    radius: Theme.radius
                    readonly property color tone: root.audit.verification === "ok" ? Theme.good : Theme.danger
                    color: Qt.rgba(tone.r, tone.g, tone.b, 0.1)
                    border.color: tone
                    ColumnLayout {
                        id: verdict
                        anchors.fill: parent
                        anchors.margins: 8
                        spacing: 6
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            font.weight: Font.DemiBold
                            color: Theme.text
                            text: (root.audit.verification === "ok" ? "✓ " : "✕ ") + root.audit.verificationText
                                  + "  " + qsTr("(checked %1)").arg(Qt.formatTime(root.audit.verifiedAt, "hh:mm:ss"))
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            visible: root.audit.headSeq > 0
                            spacing: 8
                            Label {
                                text: root.audit.verification === "ok" ? qsTr("Head: record %1").arg(root.audit.headSeq)
                                                                       : qsTr("Last intact record: %1").arg(root.audit.headSeq)
                                color: Theme.text
                            }
                            TextField {
                                id: headHash
                                Layout.fillWidth: true
                                readOnly: true
                                selectByMouse: true
                                text: root.audit.headHash
                                font.family: "monospace"
                                font.pixelSize: 12
                                Accessible.name: qsTr("Head hash")
                            }
                            Button {
                                text: qsTr("Copy")
                                onClicked: root.audit.copyToClipboard(headHash.text)
                            }
                        }
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            color: Theme.mutedText
                            font.pixelSize: 12
                            text: root.audit.verification === "broken"
                                  ? qsTr("Records after the break cannot be trusted. The broken record is marked in the list below; compare with a copy of the database or a head hash kept elsewhere.")
                                  : qsTr("Keep this hash outside the database — in a ticket or a log shipped elsewhere — and compare it later: deleting the newest records, or rewriting every hash after an edit, is caught only that way.")
                        }
                    }
                }
                Label {
                    Layout.fillWidth: true
                    visible: root.audit.verification.length === 0 && root.audit.available
                    wrapMode: Text.Wrap
                    color: Theme.mutedText
                    text: qsTr("Each record's SHA-256 hash covers its content and the hash of the record before it, so an edited or deleted record breaks the chain at that point. “Verify chain” walks the whole log and names the first broken record.")
                }
                Label {
                    Layout.fillWidth: true
                    visible: root.audit.error.length > 0
                    wrapMode: Text.Wrap
                    color: Theme.danger
                    text: root.audit.error
                }
            }
        }

        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 4

                RowLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: 8 // the rows' padding
                    Layout.rightMargin: 20
                    visible: list.count > 0
                    spacing: 10
                    Label { text: qsTr("Seq"); color: Theme.mutedText; font.pixelSize: 12; Layout.preferredWidth: 44; horizontalAlignment: Text.AlignRight }
                    Label { text: qsTr("Time"); color: Theme.mutedText; font.pixelSize: 12; Layout.preferredWidth: 140 }
                    Label { text: qsTr("Operator"); color: Theme.mutedText; font.pixelSize: 12; Layout.preferredWidth: 170 }
                    Label { text: qsTr("Action"); color: Theme.mutedText; font.pixelSize: 12; Layout.preferredWidth: 80 }
                    Label { text: qsTr("Subject"); color: Theme.mutedText; font.pixelSize: 12; Layout.preferredWidth: 150 }
                    Label { text: qsTr("Evidence (Enter or click to expand)"); color: Theme.mutedText; font.pixelSize: 12; Layout.fillWidth: true }
                }
                Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: Theme.border; visible: list.count > 0 }

                Item {
                    Layout.fillWidth: true
                    Layout.fillHeight: true

                    ColumnLayout {
                        anchors.centerIn: parent
                        width: Math.min(parent.width - 40, 640)
                        visible: list.count === 0
                        spacing: 10
                        Label {
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.Wrap
                            font.pixelSize: 17
                            font.weight: Font.DemiBold
                            color: Theme.text
                            text: !root.audit.available ? qsTr("Auditing needs a database file")
                                : root.audit.loading ? qsTr("Reading the audit log…")
                                : qsTr("No operator action recorded yet")
                        }
                        Label {
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.Wrap
                            color: Theme.mutedText
                            text: !root.audit.available
                                  ? qsTr("This session keeps its events in memory, where nobody else could check what was done — so commands are refused. Start the workbench with --db FILE to record approvals and rollout commands in a hash-chained log.")
                                  : qsTr("Approvals, rejections and rollout commands (confirm, abort, roll back) are written here by the engine as they are carried out: who gave them, when, on what, and what they saw. Approve a recommendation on the Pareto or Rollouts screen to make the first entry.")
                        }
                    }

                    ListView {
                        id: list
                        anchors.fill: parent
                        clip: true
                        model: root.audit
                        keyNavigationEnabled: true
                        activeFocusOnTab: true
                        focus: true
                        ScrollBar.vertical: ScrollBar {}
                        delegate: ItemDelegate {
                            id: row
                            required property int index
                            required property var seq
                            required property var time
                            required property string actor
                            required property var model // "action" would hide AbstractButton.action
                            required property string subject
                            required property string evidence
                            required property string evidenceLine
                            required property string hash
                            required property string previousHash
                            required property bool broken
                            // The newest record opens expanded until the operator toggles it.
                            property bool expanded: index === 0
                            width: ListView.view.width - 12
                            leftPadding: 8
                            rightPadding: 8
                            highlighted: ListView.isCurrentItem
                            onClicked: { list.currentIndex = index; expanded = !expanded }
                            Keys.onReturnPressed: expanded = !expanded
                            Keys.onEnterPressed: expanded = !expanded
                            background: Rectangle {
                                color: row.broken ? Qt.rgba(Theme.danger.r, Theme.danger.g, Theme.danger.b, 0.15)
                                     : row.highlighted ? Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.12)
                                     : row.index % 2 ? Qt.rgba(Theme.border.r, Theme.border.g, Theme.border.b, 0.25) : "transparent"
                                border.color: row.broken ? Theme.danger : "transparent"
                            }
                            contentItem: ColumnLayout {
                                spacing: 6
                                RowLayout {
                                    Layout.fillWidth: true
                                    spacing: 10
                                    Label { text: row.seq; color: Theme.text; font.family: "monospace"; Layout.preferredWidth: 44; horizontalAlignment: Text.AlignRight }
                                    Label { text: Qt.formatDateTime(row.time, "yyyy-MM-dd hh:mm:ss"); color: Theme.text; Layout.preferredWidth: 140 }
                                    Label { text: row.actor; color: Theme.text; elide: Text.ElideRight; Layout.preferredWidth: 170 }
                                    Item {
                                        Layout.preferredWidth: 80
                                        implicitHeight: actionChip.implicitHeight
                                        Label {
                                            id: actionChip
                                            text: row.model.action
                                            color: "white"
                                            font.pixelSize: 11
                                            leftPadding: 7; rightPadding: 7; topPadding: 2; bottomPadding: 2
                                            background: Rectangle { radius: 3; color: root.actionColor(row.model.action) }
                                        }
                                    }
                                    Label { text: row.subject; color: Theme.text; elide: Text.ElideMiddle; Layout.preferredWidth: 150 }
                                    Label {
                                        text: (row.expanded ? "▾ " : "▸ ") + row.evidenceLine
                                        color: Theme.mutedText
                                        font.family: "monospace"
                                        font.pixelSize: 12
                                        elide: Text.ElideRight
                                        Layout.fillWidth: true
                                    }
                                }
                                ColumnLayout {
                                    visible: row.expanded
                                    Layout.fillWidth: true
                                    Layout.leftMargin: 54
                                    spacing: 4
                                    Label {
                                        visible: row.broken
                                        text: qsTr("The chain breaks here: %1").arg(root.audit.problem)
                                        color: Theme.danger
                                        wrapMode: Text.Wrap
                                        Layout.fillWidth: true
                                    }
                                    ScrollView {
                                        id: evidenceScroll
                                        Layout.fillWidth: true
                                        // Long evidence scrolls within the row: the next records stay in view.
                                        Layout.preferredHeight: Math.min(evidenceText.implicitHeight, 240)
                                        clip: true
                                        contentWidth: availableWidth
                                        background: Rectangle { color: Theme.window; radius: 4; border.color: Theme.border }
                                        TextArea {
                                            id: evidenceText
                                            readOnly: true
                                            selectByMouse: true
                                            text: row.evidence
                                            font.family: "monospace"
                                            font.pixelSize: 12
                                            color: Theme.text
                                            wrapMode: TextEdit.WrapAnywhere
                                            background: null
                                        }
                                    }
                                    Label {
                                        text: qsTr("hash %1\nprevious %2").arg(row.hash).arg(row.previousHash)
                                        color: Theme.mutedText
                                        font.family: "monospace"
                                        font.pixelSize: 11
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
    }
}
