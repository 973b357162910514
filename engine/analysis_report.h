#pragma once

#include "collector.h"
#include "decision_engine.h"
#include "experiment_analyzer.h"
#include "finding.h"
#include "variant_aggregator.h"

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace llmopt {

// A problem with one input line, reported with its place.
struct InputProblem {
    std::string file;
    size_t line = 0;
    std::string reason;
};

// What `llm-optimizer analyze` prints (schema in docs/cli.md).
struct AnalysisReport {
    std::vector<std::string> files;
    IngestCounters counters;
    uint64_t spansSkipped = 0; // OTLP spans that are not LLM calls (HTTP, database, …)
    std::vector<InputProblem> problems;
    std::vector<VariantSummary> variants;
    // Event-time windows the analyzers read, and what they concluded.
    struct Windows {
        std::string grouping;
        std::string kind;
        double sizeSeconds = 0;
        uint64_t closed = 0;
        uint64_t lateEvents = 0; // later than the allowed lateness: stored, in no window
    } windows;
    std::vector<Finding> findings;
    std::vector<ExperimentResult> experiments;
    std::vector<DecisionEngine::ServiceView> pareto;
    std::vector<Recommendation> recommendations;

    std::string toJson() const;
    // Variant id → the operator's name for it, where the events carried one.
    std::map<std::string, std::string> variantLabels() const;
    // The "variants" list alone (also served by the daemon's /api/v1/variants).
    static nlohmann::json variantsJson(const std::vector<VariantSummary>& variants);
    std::string toText() const;
};

} // namespace llmopt
