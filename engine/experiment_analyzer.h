#pragma once

#include "ab_tests.h"
#include "running_stats.h"
#include "sequential_test.h"

#include <cstdint>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace llmopt {

struct LlmEvent;

// The metric an experiment is decided on.
enum class ExperimentMetric {
    Quality, // mean evaluation score (higher is better): Welch
    SuccessRate, // share of evaluated calls scoring ≥ 0.5 (higher is better): proportions
    ErrorRate, // share of failed calls (lower is better): proportions
    CostPerRequest, // USD per priced call (lower is better): Mann–Whitney
    Latency, // ms per successful call (lower is better): Mann–Whitney
};
std::string_view experimentMetricName(ExperimentMetric metric);
std::optional<ExperimentMetric> experimentMetricFromName(std::string_view name);

// What an operator declared about an experiment. Without a definition an
// experiment is still found from its events' feature flag (key = flag key,
// arms = flag variants) and read with the defaults.
struct ExperimentDefinition {
    std::string key; // feature_flag.key, or a name for a split by variant ids
    // A split by variant ids of one service, for traffic without feature flags:
    // the arms are these variant ids.
    std::string service;
    std::vector<std::string> variantIds;
    std::string control; // arm name; default "control" when there is one, else the first arm seen
    std::map<std::string, double> weights; // planned split by arm; default equal
    ExperimentMetric metric = ExperimentMetric::Quality;
    double alpha = 0.05;
    double power = 0.8;
    // Smallest difference worth finding, in the metric's unit; with it the
    // planned sample size per arm is computed and the fixed-horizon test is
    // read once every arm has reached it. It also sets the sequential test's τ.
    double minimumEffect = 0.0;
};

// One arm's numbers on the experiment's metric, and — for every arm but the
// control — its comparison with the control.
struct ArmResult {
    std::string name;
    uint64_t assigned = 0; // calls in the arm
    uint64_t n = 0; // calls that count for the metric (evaluated, priced, successful, …)
    double mean = 0.0; // of the metric
    Interval interval; // 95 % for that mean (t, or Wilson for rates)
    // Against the control (not set for the control itself).
    std::optional<ArmComparison> comparison;
    double adjustedPValue = 1.0; // Holm over the arms compared with the control
    double alwaysValidPValue = 1.0; // mixture SPRT, valid at any look
    Interval confidenceSequence; // for the difference, valid at any look
    // Secondary numbers an operator looks at next.
    double errorRate = 0.0;
    double costPerRequestUsd = 0.0;
    double meanQuality = 0.0;
};

struct ExperimentResult {
    std::string key;
    std::string service; // of the experiment's first call
    ExperimentMetric metric = ExperimentMetric::Quality;
    bool lowerIsBetter = false;
    double alpha = 0.05;
    std::string control;
    std::vector<ArmResult> arms; // the control first
    TestResult sampleRatio; // chi-square against the planned split
    bool sampleRatioMismatch = false; // p < 0.001: no verdict
    uint64_t plannedPerArm = 0; // 0: no minimum effect declared
    bool atPlannedSize = false; // the fixed-horizon result counts only then
    uint64_t looks = 0; // sequential looks so far
    std::string verdict; // "blocked", "running", "winner", "loser", "no difference"
    std::string verdictDetail; // one sentence an operator can act on
    std::string winner; // the arm a "winner" verdict names

    // As in `analyze --format json` and the daemon's /api/v1/experiments (docs/cli.md).
    nlohmann::json toJson() const;
    // One line per arm for `analyze --format text`.
    std::string toText() const;
};

// Reads experiments from events (DESIGN.md, Experiment): per arm the metric's
// mean and interval; per candidate arm the fixed-horizon test against the
// control (Welch, two proportions or Mann–Whitney by metric, Holm-adjusted
// over arms) and the always-valid mixture SPRT updated every `lookEvery`
// calls of the experiment; a sample-ratio-mismatch check that blocks the
// verdict. Memory per arm is bounded: moments, counts and a reservoir of at
// most kReservoir values for the rank test.
class ExperimentAnalyzer {
public:
    static constexpr size_t kReservoir = 4000;
    static constexpr double kSampleRatioAlpha = 0.001;

    struct Options {
        std::vector<ExperimentDefinition> definitions;
        uint64_t lookEvery = 100;
        size_t maxExperiments = 1000; // flags beyond this many are not followed
        size_t maxArms = 50; // per experiment; calls of further arms are not counted
    };

    ExperimentAnalyzer();
    explicit ExperimentAnalyzer(Options options);

    void add(const LlmEvent& event);
    std::vector<ExperimentResult> results() const;

private:
    struct Arm {
        std::string name;
        uint64_t assigned = 0;
        uint64_t errors = 0;
        uint64_t successes = 0; // evaluated calls scoring ≥ 0.5
        RunningStats quality, cost, latency;
        std::vector<double> reservoir; // of the metric, for the rank test
        uint64_t seen = 0; // values offered to the reservoir
        std::optional<SequentialTest> sequential;
    };
    struct Experiment {
        ExperimentDefinition definition;
        std::string service;
        std::vector<Arm> arms;
        uint64_t events = 0;
        uint64_t looks = 0;
        std::optional<double> tau;
    };

    // n, mean and variance of the metric's value per counted call.
    struct Moments {
        uint64_t n = 0;
        double mean = 0.0;
        double variance = 0.0;
        uint64_t successes = 0; // rates only
    };
    static Moments metricOf(ExperimentMetric metric, const Arm& arm);

    Experiment* experimentFor(const LlmEvent& event, std::string& arm);
    Arm* armOf(Experiment& experiment, const std::string& name);
    const Arm* control(const Experiment& experiment) const;
    void look(Experiment& experiment);
    ExperimentResult result(const Experiment& experiment) const;

    Options m_options;
    std::unordered_map<std::string, Experiment> m_experiments;
    std::vector<std::string> m_order; // keys in the order first seen
    std::mt19937_64 m_rng{20261127}; // reservoir sampling
    std::string m_arm; // reused
};

} // namespace llmopt
