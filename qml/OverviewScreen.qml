import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Workbench.Ui

// Live KPIs, spend and latency per model, and the variant table.
Item {
    id: root

    function money(v) { return qsTr("$%1", "US dollars: put the sign where your language does").arg(Number(v).toLocaleString(Qt.locale(), 'f', v < 10 ? 2 : 0)) }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Rectangle {
            visible: Overview.feedError.length > 0
            Layout.fillWidth: true
            implicitHeight: problem.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Qt.rgba(Theme.danger.r, Theme.danger.g, Theme.danger.b, 0.12)
            border.color: Theme.danger
            Label {
                id: problem
                anchors.fill: parent
                anchors.margins: Theme.spacing
                wrapMode: Text.Wrap
                color: Theme.text
                text: qsTr("Events cannot be stored: %1").arg(Overview.feedError)
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KpiTile {
                label: qsTr("Requests / s")
                value: Number(Overview.requestsPerSecond).toLocaleString(Qt.locale(), 'f', 1)
                detail: qsTr("last minute")
                explanation: qsTr("Calls in the 10-second buckets that started within the last minute, divided by the seconds those buckets cover.")
            }
            KpiTile {
                label: qsTr("Spend / hour")
                value: root.money(Overview.spendPerHour)
                detail: qsTr("at the last minute's rate")
                explanation: qsTr("Cost of the last minute's calls (price table × tokens, cached tokens at their own price) scaled to an hour.")
            }
            KpiTile {
                label: qsTr("p95 latency")
                value: Number(Overview.p95LatencyMs / 1000).toLocaleString(Qt.locale(), 'f', 2) + " s"
                detail: qsTr("successful calls, last minute")
                explanation: qsTr("95th percentile of call duration from a quantile sketch with ≤1% relative error.")
            }
            KpiTile {
                label: qsTr("Error rate")
                value: Number(Overview.errorRate * 100).toLocaleString(Qt.locale(), 'f', 2) + " %"
                valueColor: Overview.errorRate > 0.05 ? Theme.danger : Theme.text
                detail: qsTr("last minute")
                explanation: qsTr("Failed calls (span status error or error.type set) over all calls in the last 60 s.")
            }
            KpiTile {
                label: qsTr("Mean quality")
                value: Overview.hasQuality ? Number(Overview.meanQuality).toLocaleString(Qt.locale(), 'f', 3) : "–"
                detail: qsTr("evaluation score 0–1")
                explanation: qsTr("Mean of gen_ai.evaluation.result scores attached to the last minute's calls.")
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 6
            visible: Overview.historyLoading || historyNote.text.length > 0 // nothing to say live
            BusyIndicator {
                running: Overview.historyLoading
                visible: running
                Layout.preferredHeight: 24
                Layout.preferredWidth: 24
            }
            Label {
                id: historyNote
                Layout.fillWidth: true
                elide: Text.ElideRight
                color: Overview.historyError.length > 0 ? Theme.danger : Theme.mutedText
                text: Overview.historyError.length > 0
                      ? qsTr("History cannot be read: %1").arg(Overview.historyError)
                      : Filter.range === Filter.Live ? ""
                      : qsTr("p95 per bucket: mean of the one-minute windows' p95, weighted by their successful calls")
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 3
            spacing: Theme.spacing
            ModelChart {
                Layout.fillWidth: true
                Layout.fillHeight: true
                title: qsTr("Spend rate by model")
                unit: qsTr("USD / hour")
                metric: OverviewController.SpendPerHour
                axisMax: Overview.spendAxisMax
                explanation: qsTr("Cost per bucket (10 seconds live, else the range's bucket), scaled to USD per hour, by the variant's model.")
            }
            ModelChart {
                Layout.fillWidth: true
                Layout.fillHeight: true
                title: qsTr("p95 latency by model")
                unit: qsTr("seconds")
                metric: OverviewController.LatencyP95
                axisMax: Overview.latencyAxisMax
                quantileBands: true
                explanation: qsTr("95th percentile duration of successful calls per bucket, by model; for the model chosen in the header also the band from the median (p50) to p95 and the 99th percentile (dashed). Live: quantiles of each 10-second bucket's sketch (≤1% relative error); history: the one-minute windows' quantiles averaged, weighted by their successful calls.")
            }
        }

        VariantTable {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 2
        }
    }
}
