#pragma once

#include "answer_metrics.h"
#include "experiment_dataset.h"
#include "prompt_template.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The offline prompt experiment (DESIGN.md, Experiment: "offline on a
// dataset"). Its own namespace because the live experiment already owns the
// names ExperimentDefinition, ExperimentPlan and ExperimentResult in llmopt.
namespace llmopt::offline {

// The call parameters of an arm; unset ones are left to the provider's default.
struct ArmParams {
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int64_t> maxTokens;
    // {"temperature", "top_p", "max_tokens"}, each only when set.
    nlohmann::json toJson() const;
};

// One variant under test: model, prompt and parameters.
struct ExperimentArm {
    std::string name;
    std::string provider;
    std::string model;
    PromptTemplate prompt; // the user message
    PromptTemplate system; // empty: no system message
    ArmParams params;
};

struct DatasetSource {
    std::string path;
    ExperimentDataset::Format format = ExperimentDataset::Format::Csv;
    std::string referenceColumn = std::string(ExperimentDataset::kDefaultReferenceColumn);
};

// What an offline experiment compares, on which items, scored how, decided on
// which metric, with which error rates, within which budget — declared
// before it runs. Stored and exchanged as JSON with "schema_version": 1
// (docs/experiments.md).
struct ExperimentDefinition {
    static constexpr int kSchemaVersion = 1;
    // Planning defaults when the definition does not say (the plan names them).
    static constexpr double kDefaultBaselineRate = 0.5;
    static constexpr double kDefaultJudgeStandardDeviation = 0.25; // of a 0–1 judge score
    static constexpr int kMaxConcurrency = 256;

    std::string name;
    std::string description;
    std::vector<ExperimentArm> arms; // the first is the control
    DatasetSource dataset;
    std::vector<MetricSpec> metrics;
    std::string primaryMetric; // a metric's name: the one the experiment is decided on
    double alpha = 0.05;
    double power = 0.8;
    // Smallest difference of the primary metric worth finding, absolute, in
    // its unit (0.1: ten points of exact-match rate).
    double minimumEffect = 0.1;
    std::optional<double> baselineRate; // pass/fail primary: the control's expected rate
    std::optional<double> standardDeviation; // continuous primary: its SD per item
    std::optional<double> spendCapUsd; // the runner stops before spending more
    int concurrency = 4; // calls in flight at once

    // Throws ConfigError naming `origin` and the field path ("arms[1].params.top_p").
    static ExperimentDefinition fromJson(const nlohmann::json& json,
                                         std::string_view origin = "experiment definition");
    static ExperimentDefinition parse(std::string_view text, std::string_view origin);
    nlohmann::json toJson() const;

    // Every problem that would make the experiment unsound or fail, each
    // naming its field; empty when there is none. With the dataset, also
    // that every template variable is one of its columns and that a
    // reference exists where a metric needs one.
    std::vector<std::string> validate(const ExperimentDataset* dataset = nullptr) const;

    const MetricSpec* metric(std::string_view name) const;
    const MetricSpec* primary() const { return metric(primaryMetric); }
    double baselineRateOrDefault() const { return baselineRate.value_or(kDefaultBaselineRate); }
    // The primary metric's SD for planning: the declared one, the default for
    // a judge score, else nullopt (length, latency and cost have no sensible default).
    std::optional<double> standardDeviationOrDefault() const;
};

// A stored definition: definitions of the same name are numbered 1, 2, ….
struct ExperimentDefinitionRecord {
    int64_t id = 0;
    std::string name;
    int version = 0;
    int64_t createdUnixNano = 0;
    ExperimentDefinition definition;
};

} // namespace llmopt::offline
