#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace llmopt {
class PriceTable;
}

namespace llmopt::offline {

class ExperimentDataset;
struct ExperimentDefinition;

// What one arm will take: tokens and money.
struct ArmPlan {
    std::string arm;
    std::string model;
    double inputTokensPerCall = 0.0; // mean over the planned items, characters / 4
    int64_t outputTokensPerCall = 0;
    bool outputFromMaxTokens = false; // false: the plan's default, the arm sets no max_tokens
    std::optional<double> callCostUsd; // the arm's own calls; nullopt: the model has no price
    std::optional<double> judgeCostUsd; // its answers' judge calls (0 without a judge metric)
    std::optional<double> costUsd; // both; nullopt when either is unknown — never a silent $0
};

// What an offline experiment will take before anything runs (DESIGN.md,
// Experiment: "pre-declared metric, test and sample size"): the items per arm
// that power analysis asks for on the primary metric, capped by the dataset;
// tokens, cost per arm and in total from the price table; and duration.
//
// Sample size: a pass/fail primary metric uses the two-proportion power (as R
// power.prop.test) from the baseline rate to baseline + minimum effect; a
// continuous one the two-sample t-test (as R power.t.test) with the declared
// SD. With k arms each of the k − 1 comparisons with the control gets α/(k − 1)
// (Bonferroni). All arms answer the same items, so a paired analysis has at
// least this power: the plan errs on the safe side.
// Items run in dataset order: the first itemsPerArm of them.
struct ExperimentPlan {
    struct Options {
        double assumedLatencyMs = 2000.0; // per call, for the duration
        int64_t defaultOutputTokens = 256; // for an arm without max_tokens
        int64_t judgeOutputTokens = 128; // a judge's grade with its reasons
    };

    std::string primaryMetric;
    std::string method; // the power calculation, named
    uint64_t requiredPerArm = 0; // 0: the inputs admit no plan (see problems)
    size_t datasetItems = 0;
    uint64_t itemsPerArm = 0; // min(required, dataset)
    double plannedPower = 0.0; // what itemsPerArm achieves
    bool datasetTooSmall = false;
    // With a too small dataset: the smallest effect the whole dataset finds
    // at the requested power, in the primary metric's unit.
    std::optional<double> detectableEffect;
    std::vector<ArmPlan> arms;
    uint64_t calls = 0; // arms' and judges' calls
    std::optional<double> totalCostUsd; // nullopt when any price is unknown
    std::optional<double> spendCapUsd;
    double assumedLatencyMs = 0.0;
    int concurrency = 1;
    double durationSeconds = 0.0;
    std::vector<std::string> notes; // the assumptions, stated
    std::vector<std::string> problems; // what the operator should fix or accept first

    // The definition should have passed validate(dataset).
    static ExperimentPlan compute(const ExperimentDefinition& definition,
                                  const ExperimentDataset& dataset, const PriceTable& prices,
                                  const Options& options);
    static ExperimentPlan compute(const ExperimentDefinition& definition,
                                  const ExperimentDataset& dataset, const PriceTable& prices)
    {
        return compute(definition, dataset, prices, Options{});
    }
    nlohmann::json toJson() const;
};

} // namespace llmopt::offline
