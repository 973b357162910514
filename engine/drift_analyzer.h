#pragma once

#include "adwin.h"
#include "finding.h"
#include "page_hinkley.h"
#include "reference_tracker.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace llmopt {

struct WindowResult;

// Input and output drift per key:
//  - window tests: a reference (the key's first `referenceWindows` windows)
//    against the current stretch (its last `currentWindows`): input and output
//    tokens by two-sample Kolmogorov–Smirnov on the sketches plus the
//    Population Stability Index over the reference's deciles; task mix and
//    finish reasons by Pearson chi-square plus PSI over the categories. A
//    finding needs p < α *and* PSI ≥ 0.1 (with many calls a test alone finds
//    shifts too small to matter); PSI ≥ 0.25 makes it critical. Raised once
//    per episode and level: again only when it grows from moderate to major,
//    or after the feature tested clean.
//  - online detectors on the quality stream (the mean evaluation score of
//    each call): ADWIN and a two-sided Page–Hinkley test.
class DriftAnalyzer {
public:
    struct Options {
        int referenceWindows = 30;
        int currentWindows = 5;
        double alpha = 0.001;
        double psiModerate = 0.1;
        double psiMajor = 0.25;
        uint64_t minCalls = 200; // in each of reference and current
        Adwin::Options adwin;
        PageHinkley::Options pageHinkley{30, 0.05, 25.0, 1.0, PageHinkley::Direction::Both};
        uint64_t quietCalls = 1000; // an online detector reports again only after this many calls
    };

    DriftAnalyzer(std::string grouping, Options options);
    explicit DriftAnalyzer(std::string grouping);

    // Tests a closed window of one key against that key's reference.
    std::vector<Finding> add(const WindowResult& window);
    // Feeds one call's quality score to the online detectors of `key`.
    std::vector<Finding> observeQuality(std::string_view key, double score, int64_t timeUnixNano);

private:
    // The online detectors of one key.
    struct KeyState {
        Adwin adwin;
        PageHinkley pageHinkley;
        // Calls since each detector's last finding: a change is one finding,
        // not one per step ADWIN takes to shed the old part of its window.
        uint64_t sinceAdwin = UINT64_MAX;
        uint64_t sincePageHinkley = UINT64_MAX;
        KeyState(const Options& o)
            : adwin(o.adwin)
            , pageHinkley(o.pageHinkley)
        {
        }
    };
    void testNumeric(const WindowResult& window, const ReferenceTracker::Comparison& c,
                     const char* metric, const QuantileSketch WindowStats::*sketch,
                     std::vector<Finding>& out);
    void testCategories(const WindowResult& window, const ReferenceTracker::Comparison& c,
                        const char* metric, const CategoryCounts WindowStats::*counts,
                        std::vector<Finding>& out);
    Finding finding(const WindowResult& window, const ReferenceTracker::Comparison& c,
                    const char* metric) const;
    // Whether a drift of this size is news: the feature was clean or the shift grew
    // (levels: 1 moderate, 2 major).
    bool raise(const std::string& key, const char* metric, bool drifted, double psi);
    KeyState& stateOf(std::string_view key);

    std::string m_grouping;
    Options m_options;
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    ReferenceTracker m_tracker;
    std::unordered_map<std::string, KeyState, Hash, std::equal_to<>> m_keys;
};

} // namespace llmopt
