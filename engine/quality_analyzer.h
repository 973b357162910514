#pragma once

#include "finding.h"
#include "reference_tracker.h"

#include <string>
#include <vector>

namespace llmopt {

struct WindowResult;

// Quality per key against its reference (the key's first `referenceWindows`
// windows), over the latest `currentWindows`:
//  - mean evaluation score: Welch's t-test, t intervals;
//  - success rate (calls scoring ≥ 0.5): two-proportion z-test, Wilson intervals.
// A finding needs p < α and a change of at least `minChange`; a drop is a
// warning (critical from 0.1), a rise is info. Raised once per episode.
class QualityAnalyzer {
public:
    struct Options {
        int referenceWindows = 30;
        int currentWindows = 10;
        double alpha = 0.001;
        double minChange = 0.02;
        uint64_t minScored = 100; // evaluated calls in each of reference and current
    };

    QualityAnalyzer(std::string grouping, Options options);
    explicit QualityAnalyzer(std::string grouping);

    std::vector<Finding> add(const WindowResult& window);

private:
    void report(const WindowResult& window, const ReferenceTracker::Comparison& comparison,
                const char* metric, bool significant, double change, Finding&& finding,
                std::vector<Finding>& out);

    std::string m_grouping;
    Options m_options;
    ReferenceTracker m_tracker;
};

} // namespace llmopt
