#pragma once

#include "audit_log.h"
#include "event_store.h"
#include "experiment_definition.h"
#include "offline_results.h"
#include "report_output.h"

#include <QByteArray>
#include <QImage>
#include <QString>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The report of a stored offline experiment (docs/experiments.md, "Reports"):
// its definition, the analysis of its outcomes and who approved what, as
// self-contained HTML, PDF, JSON or the per-item CSV. Plain C++ so that the
// CLI (`llm-optimizer report`) and a GUI action share it.
//
// toPdf() lays out text and needs a QGuiApplication; the others
// work with a QCoreApplication or none.
class ExperimentReport {
public:
    using Format = report::Format;

    // How many disagreeing items the HTML and PDF list; JSON keeps them all.
    static constexpr size_t kDisagreementsShown = 50;

    ExperimentReport(llmopt::offline::ExperimentDefinitionRecord record,
                     std::vector<llmopt::ExperimentItemResult> rows,
                     std::vector<llmopt::AuditRecord> approvals = {},
                     std::optional<uint64_t> plannedItemsPerArm = std::nullopt);

    // The stored definition with that id, or the newest version with that
    // name; nullopt when there is none.
    static std::optional<llmopt::offline::ExperimentDefinitionRecord>
    findExperiment(const llmopt::EventStore& store, const std::string& idOrName);
    // The audit records whose subject mentions the experiment: its id as
    // "experiment/<id>" or its name. Oldest first.
    static std::vector<llmopt::AuditRecord>
    approvalsFor(const llmopt::offline::ExperimentDefinitionRecord& record,
                 const std::vector<llmopt::AuditRecord>& auditRecords);

    const llmopt::offline::OfflineResults& results() const { return m_results; }
    const llmopt::offline::ExperimentDefinitionRecord& record() const { return m_record; }
    // Items each arm was to run: the one given, else the distinct item ids
    // stored in any arm (every arm runs every item).
    uint64_t plannedItemsPerArm() const { return m_planned; }
    // Sum of the arm's cost metric (kind cost_usd) over its items; nullopt
    // when the definition measures no cost or no item has one.
    std::optional<double> costUsd(const std::string& arm) const;

    QString toHtml() const; // charts as inline SVG
    QByteArray toPdf() const; // A4, via QTextDocument and QPdfWriter
    nlohmann::json toJson() const; // OfflineResults::toJson() + definition + approvals
    QByteArray toCsv() const; // RFC 4180, CRLF line ends

    // The primary metric's mean and interval per arm as an error-bar chart.
    QString chartSvg() const; // the PDF rasterizes the same picture

    // Writes the format to `path`; false with a sentence in `error` when it cannot.
    bool write(Format format, const QString& path, QString* error = nullptr) const;

private:
    // `inlineSvg`: the chart as <svg>; otherwise as <img src="chart.png">,
    // for QTextDocument, which does not render SVG.
    QString html(bool inlineSvg) const;

    llmopt::offline::ExperimentDefinitionRecord m_record;
    std::vector<llmopt::ExperimentItemResult> m_rows;
    std::vector<llmopt::AuditRecord> m_approvals;
    llmopt::offline::OfflineResults m_results;
    uint64_t m_planned = 0;
};
