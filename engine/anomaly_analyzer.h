#pragma once

#include "finding.h"

#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

namespace llmopt {

struct WindowResult;
struct WindowStats;

// Anomalies in the per-window series of each key (p95 latency and time to
// first token, error rate, cost per request), by three methods, each named in
// its findings:
//  - robust z-score: (x − median)/(1.4826·MAD) over the previous
//    `baselineWindows` windows — the window under test is not in its baseline;
//  - EWMA control chart on the same standardised values, with the exact
//    time-varying limits L·√(λ/(2−λ)·(1−(1−λ)^(2t)));
//  - two-sided CUSUM whose target is the baseline median (not a constant),
//    S⁺ = max(0, S⁺ + z − k), S⁻ = max(0, S⁻ − z − k), alarm above h, then reset.
// Robust z and EWMA raise a finding only after `consecutive` windows beyond
// their limit, and once per episode, so that a single noisy window does not
// flap. Textbook limits (EWMA L 3, CUSUM h 5) assume known parameters; with a
// 60-window estimated baseline they alarm about twice as often, so the
// defaults are calibrated by simulation to stay at or below the textbook
// charts' in-control rates (tst_anomaly_analyzer, docs/benchmarks.md). The standard deviation has a
// floor — the sketch's 1 % for quantiles and means, the binomial error for the error rate — so that
// a flat baseline does not turn noise into infinite z-scores. The error rate,
// a proportion that is mostly zero when errors are rare, is centred on the
// baseline's mean rate p̄ with the binomial σ = √(p̄(1 − p̄)/n) (a p-chart).
class AnomalyAnalyzer {
public:
    struct Options {
        int baselineWindows = 60;
        int minBaseline = 10;
        double robustZ = 3.5; // Iglewicz & Hoaglin's cut-off
        double ewmaLambda = 0.2;
        double ewmaL = 3.5;
        double cusumK = 0.5;
        double cusumH = 7.0;
        int consecutive = 2;
        uint64_t minRequests = 10; // windows with fewer calls are not tested
    };

    AnomalyAnalyzer(std::string grouping, Options options);
    explicit AnomalyAnalyzer(std::string grouping);

    // Tests one closed window of one key; returns the findings it raised.
    std::vector<Finding> add(const WindowResult& window);

private:
    struct Series {
        std::deque<double> baseline;
        double ewma = 0.0;
        int ewmaPoints = 0;
        double cusumUp = 0.0;
        double cusumDown = 0.0;
        int zRun = 0;
        int ewmaRun = 0;
        bool zRaised = false;
        bool ewmaRaised = false;
        bool cusumRaised = false; // until both sums are back at zero
    };
    struct Metric {
        const char* name;
        const char* label;
        double value;
        double noiseFloor; // the least standard deviation to assume
        double trials = 0; // a proportion of this many calls: tested as a p-chart
    };
    static std::vector<Metric> metricsOf(const WindowStats& stats, uint64_t minRequests);
    void test(Series& series, const Metric& metric, const WindowResult& window,
              std::vector<Finding>& out);

    std::string m_grouping;
    Options m_options;
    std::unordered_map<std::string, Series> m_series; // key + U+001F + metric
};

} // namespace llmopt
