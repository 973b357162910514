#pragma once

#include "anomaly_analyzer.h"
#include "cost_analyzer.h"
#include "drift_analyzer.h"
#include "performance_analyzer.h"
#include "quality_analyzer.h"
#include "stream_processor.h"

#include <string>
#include <vector>

namespace llmopt {

// StreamProcessor → analyzers → findings (DESIGN.md, the loop): one-minute
// windows per service and variant read by the performance, cost, quality,
// drift and anomaly analyzers, and each call's quality by the online drift
// detectors. What the engine thread, `analyze` and the benchmark run.
class AnalysisPipeline {
public:
    struct Options {
        WindowSpec windows; // one-minute tumbling windows by default
        Grouping grouping = Grouping::ServiceVariant;
        PerformanceAnalyzer::Options performance;
        CostAnalyzer::Options cost; // budgets by service included
        QualityAnalyzer::Options quality;
        DriftAnalyzer::Options drift;
        AnomalyAnalyzer::Options anomaly;
    };

    AnalysisPipeline();
    explicit AnalysisPipeline(Options options);

    // A stored call; findings of the online detectors are appended to `out`.
    void add(const LlmEvent& event, std::vector<Finding>& out);
    // The windows closed since the last call; their findings are appended to `out`.
    std::vector<WindowResult> takeClosed(std::vector<Finding>& out);
    // Closes every open window (end of the input), as takeClosed().
    std::vector<WindowResult> flush(std::vector<Finding>& out);

    const StreamProcessor& windows() const { return m_windows; }
    const std::string& groupingName() const { return m_groupingName; }

private:
    std::vector<WindowResult> analyse(std::vector<WindowResult> closed, std::vector<Finding>& out);

    StreamProcessor m_windows;
    std::string m_groupingName;
    PerformanceAnalyzer m_performance;
    CostAnalyzer m_cost;
    QualityAnalyzer m_quality;
    DriftAnalyzer m_drift;
    AnomalyAnalyzer m_anomalies;
    std::string m_key; // reused
};

} // namespace llmopt
