#pragma once

#include "event_store.h"
#include "finding.h"
#include "report_output.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

// What changed in a period (docs/reports.md): the findings of the drift,
// anomaly, quality and performance analyzers detected in it — counted by
// analyzer and severity, over time as a chart, each with its method,
// statistic, p-value and summary, and the reference-against-current
// distributions of the strongest drifts. `llm-optimizer report --drift` and
// the Drift & Anomalies screen's Export report… share it. (Cost findings
// belong to the cost report.)
class DriftReport {
public:
    static constexpr size_t kMaxFindings = 100'000;
    static constexpr size_t kDistributionsShown = 8;

    // `findings`: any order; cost findings are left out.
    DriftReport(int64_t fromUnixNano, int64_t toUnixNano, std::vector<llmopt::Finding> findings);
    static DriftReport load(const llmopt::EventStore& store, int64_t fromUnixNano,
                            int64_t toUnixNano);

    // Oldest first.
    const std::vector<llmopt::Finding>& findings() const { return m_findings; }
    // Drift findings with a distribution in their evidence, strongest first.
    std::vector<const llmopt::Finding*> strongestDrifts() const;

    QString timelineSvg() const; // findings per hour or day by severity
    // Reference against current shares of a drift finding's evidence; "" when it has none.
    static QString distributionSvg(const llmopt::Finding& finding);

    QString toHtml() const;
    QByteArray toPdf() const; // needs a QGuiApplication
    nlohmann::json toJson() const;
    QByteArray toCsv() const; // one row per finding
    bool write(report::Format format, const QString& path, QString* error = nullptr) const;

private:
    QString html(bool inlineSvg) const;

    int64_t m_from;
    int64_t m_to;
    std::vector<llmopt::Finding> m_findings;
};
