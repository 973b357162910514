#pragma once

#include "ab_tests.h"
#include "answer_metrics.h"
#include "hypothesis_tests.h"
#include "recommendation.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace llmopt {
struct ExperimentItemResult;
}

namespace llmopt::offline {

struct ExperimentDefinition;

// One metric of one arm: the items that have a score for it, their mean and
// its confidence interval at 1 − α.
struct MetricSummary {
    std::string metric;
    std::string scale; // "proportion", "continuous" or "judge"
    uint64_t n = 0;
    double mean = 0.0;
    double standardDeviation = 0.0;
    Interval interval; // Wilson for proportions, Student t otherwise
    std::string intervalMethod;
};

struct ArmSummary {
    std::string arm;
    uint64_t items = 0; // stored outcomes
    uint64_t errors = 0; // outcomes whose status is not "ok"
    std::vector<MetricSummary> metrics; // in the definition's order
};

// One treatment arm against the control on one metric.
struct MetricComparison {
    std::string arm;
    std::string metric;
    ArmComparison test; // fixed horizon, difference = arm − control
    double holmP = 1.0; // Holm across the treatment arms of this metric
    double alwaysValidP = 1.0; // mSPRT (SequentialTest), valid whenever one looked
    bool significant = false; // holmP ≤ α
    bool better = false; // the difference points the metric's better way
};

// An item on which the arms' primary scores differ.
struct Disagreement {
    std::string itemId;
    std::vector<std::optional<double>> scores; // per arm, in the definition's order
};

struct OfflineVerdict {
    // "winner", "control_better", "no_significant_difference", "insufficient_data"
    std::string kind;
    std::string winner; // an arm's name when kind is "winner"
    std::string text; // one sentence for the operator
    std::optional<double> achievedPower; // on minimum_effect, with the items scored
    std::optional<double> detectableEffect; // at the requested power, with those items
};

// The analysis of an offline experiment's stored outcomes (docs/experiments.md,
// "Results"). Each treatment arm is compared with the first arm (the control)
// on every metric: pass/fail metrics with compareProportions (Newcombe
// interval, z or Fisher p), judge scores with Mann–Whitney and the
// Hodges–Lehmann shift, other continuous metrics with Welch's t-test.
// p-values are Holm-adjusted across the treatment arms per metric. The
// verdict names a winner only when it is significant on the primary metric
// after Holm and better in the metric's direction (higher for pass/fail and
// judge metrics, lower for length, latency and cost).
struct OfflineResults {
    static constexpr int kSchemaVersion = 1;

    int64_t experimentId = 0;
    std::string experiment;
    std::string primaryMetric;
    double alpha = 0.05;
    double minimumEffect = 0.0;
    std::vector<ArmSummary> arms;
    std::vector<MetricComparison> comparisons; // by metric, then arm
    std::vector<Disagreement> disagreements;
    OfflineVerdict verdict;

    static OfflineResults compute(const ExperimentDefinition& definition,
                                  const std::vector<ExperimentItemResult>& results,
                                  int64_t experimentId = 0);
    // Whether a larger value of the metric is better.
    static bool higherIsBetter(MetricKind kind);

    const MetricComparison* comparison(const std::string& arm, const std::string& metric) const;
    const MetricSummary* summary(const std::string& arm, const std::string& metric) const;

    // The winner as a proposal to move `service` to it (strategy
    // "offline_experiment", action "switch", from the control arm): the
    // operator's approval starts a canary rollout, which judges it again on
    // live traffic. The evidence carries these results and the arms'
    // definitions (model, prompt templates, parameters) for the policy. None
    // without a winner.
    std::optional<Recommendation> liveRecommendation(const ExperimentDefinition& definition,
                                                     const std::string& service,
                                                     int64_t nowUnixNano) const;
    // The schema is docs/experiment-report.schema.json.
    nlohmann::json toJson() const;
    std::string toText() const;
};

} // namespace llmopt::offline
