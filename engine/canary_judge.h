#pragma once

#include "ab_tests.h"

#include <cstdint>
#include <string>
#include <vector>

namespace llmopt {

// One metric a canary is judged on, canary against stable over the same window.
struct CanaryMetric {
    std::string name; // "latency_ms", "cost_usd", "quality", "error_rate"
    // Which way is bad: a rise of latency, cost or errors; a fall of quality.
    enum class Bad { Increase, Decrease };
    Bad bad = Bad::Increase;
    // The relative change tolerated in the bad direction before the metric
    // fails, e.g. 0.1: the canary may be up to 10 % slower.
    double allowedChange = 0.1;
    double weight = 1.0;
    // Continuous metrics: the observations of each side (rank test).
    std::vector<double> canary;
    std::vector<double> stable;
    // Rates (error_rate): events and trials of each side instead.
    bool isRate = false;
    uint64_t canaryEvents = 0, canaryTrials = 0, stableEvents = 0, stableTrials = 0;
};

// Canary analysis in the manner of Kayenta, with the statistics made explicit:
// each metric compares canary with stable — Mann–Whitney with the
// Hodges–Lehmann shift and its interval for continuous metrics, two
// proportions with Newcombe's interval for rates — and fails when the whole
// interval lies beyond the allowed change in the bad direction (relative to
// the stable side's median or rate); it passes otherwise, so noise alone never
// fails a canary. The score is the weighted share of passing metrics (0–100);
// Pass ≥ passScore, Marginal ≥ marginalScore, else Fail (Kayenta's defaults
// 95 and 75). A sample-ratio mismatch of the split fails the analysis before
// any metric is read: its numbers cannot be trusted.
class CanaryJudge {
public:
    struct Options {
        double passScore = 95;
        double marginalScore = 75;
        double alpha = 0.05; // of each metric's interval
        uint64_t minSamples = 50; // per side and metric; fewer: "insufficient data"
    };
    enum class Verdict { Pass, Marginal, Fail, Inconclusive };

    struct MetricResult {
        std::string name;
        bool passed = true;
        bool enoughData = true;
        ArmComparison comparison; // canary − stable
        double tolerated = 0.0; // the largest difference allowed in the bad direction
        std::string explanation;
    };
    struct Result {
        Verdict verdict = Verdict::Inconclusive;
        double score = 0.0;
        std::vector<MetricResult> metrics;
        TestResult sampleRatio;
        std::string summary;
    };

    CanaryJudge();
    explicit CanaryJudge(Options options);

    // `canaryCalls` and `stableCalls` against the planned canary weight (percent).
    Result judge(const std::vector<CanaryMetric>& metrics, uint64_t canaryCalls,
                 uint64_t stableCalls, double canaryWeightPercent) const;
    static const char* verdictName(Verdict verdict);

private:
    Options m_options;
};

} // namespace llmopt
