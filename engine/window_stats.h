#pragma once

#include "quantile_sketch.h"
#include "running_stats.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace llmopt {

struct LlmEvent;

// Counts per value of a categorical feature (task type, finish reason, error
// type). The handful of values such features take are kept in a small list.
class CategoryCounts {
public:
    void add(std::string_view value, uint64_t n = 1);
    void merge(const CategoryCounts& other);
    uint64_t total() const { return m_total; }
    uint64_t count(std::string_view value) const;
    const std::vector<std::pair<std::string, uint64_t>>& counts() const { return m_counts; }

private:
    std::vector<std::pair<std::string, uint64_t>> m_counts;
    uint64_t m_total = 0;
};

// What one window knows of its events: counts, moments (Welford), quantile
// sketches (DDSketch, 1 %) and categorical distributions — all mergeable, so
// that windows combine into longer ranges without the events.
struct WindowStats {
    uint64_t requests = 0;
    uint64_t errors = 0;
    uint64_t costUnknown = 0; // events whose model has no price
    RunningStats latencyMs; // successful calls
    RunningStats ttftMs;
    RunningStats inputTokens; // where reported
    RunningStats outputTokens;
    RunningStats costUsd; // per request, where known
    RunningStats quality; // mean evaluation score per evaluated call
    uint64_t qualityGood = 0; // evaluated calls scoring at least kGoodScore
    static constexpr double kGoodScore = 0.5;
    QuantileSketch latencySketch;
    QuantileSketch ttftSketch;
    QuantileSketch inputTokenSketch;
    QuantileSketch outputTokenSketch;
    CategoryCounts taskTypes;
    CategoryCounts finishReasons;
    CategoryCounts errorTypes;
    int64_t firstEventUnixNano = 0;
    int64_t lastEventUnixNano = 0;

    void add(const LlmEvent& event);
    void merge(const WindowStats& other);
    double errorRate() const { return requests ? double(errors) / double(requests) : 0.0; }
};

} // namespace llmopt
