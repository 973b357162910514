#pragma once

#include "finding.h"
#include "reference_tracker.h"

#include <string>
#include <vector>

namespace llmopt {

struct WindowResult;

// Latency and errors per key against its reference (the key's first
// `referenceWindows` windows), over the latest `currentWindows`:
//  - p95 latency and p95 time to first token: a distribution-free confidence
//    interval for each quantile from the order statistics at ranks
//    n·q ± z·√(n·q·(1−q)) (read from the sketches); a regression needs the
//    current interval entirely above the reference one and a shift of at least
//    `minRelativeShift` — a quantile shift with a confidence bound, not a bare
//    percentage;
//  - error rate: two-proportion z-test, Wilson intervals.
// Throughput (calls per second of the latest stretch) is in the evidence.
// Raised once per episode; improvements are info.
class PerformanceAnalyzer {
public:
    struct Options {
        int referenceWindows = 30;
        int currentWindows = 5;
        double alpha = 0.001;
        double quantile = 0.95;
        double minRelativeShift = 0.10;
        double minErrorRateChange = 0.01;
        uint64_t minCalls = 200;
    };

    PerformanceAnalyzer(std::string grouping, Options options);
    explicit PerformanceAnalyzer(std::string grouping);

    std::vector<Finding> add(const WindowResult& window);

private:
    void testQuantile(const WindowResult& window, const ReferenceTracker::Comparison& c,
                      const char* metric, const char* label,
                      const QuantileSketch WindowStats::*sketch, std::vector<Finding>& out);
    Finding finding(const WindowResult& window, const ReferenceTracker::Comparison& c,
                    const char* metric) const;

    std::string m_grouping;
    Options m_options;
    ReferenceTracker m_tracker;
};

} // namespace llmopt
