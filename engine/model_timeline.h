#pragma once

#include "quantile_sketch.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace llmopt {

struct LlmEvent;

struct TimelinePoint {
    int64_t bucketStartUnixNano = 0;
    uint64_t requests = 0;
    double spendPerHourUsd = 0.0; // cost in the bucket scaled to an hourly rate
    double p95LatencyMs = 0.0; // successful calls only
    double p50LatencyMs = 0.0; // successful calls only: the Overview's quantile bands
    double p99LatencyMs = 0.0;
};

struct TimelineSeries {
    std::string model;
    std::vector<TimelinePoint> points;
};

struct LiveKpis {
    uint64_t requests = 0;
    double requestsPerSecond = 0.0;
    double spendPerHourUsd = 0.0;
    double p95LatencyMs = 0.0;
    double errorRate = 0.0;
    std::optional<double> meanQuality;
};

// Recent history per service and model in fixed event-time buckets, bounded
// to `bucketCount` buckets: the live chart's data and the KPI tiles' source,
// for every service or for one (the workbench's service filter).
class ModelTimeline {
public:
    ModelTimeline(int64_t bucketNanos, size_t bucketCount);

    void add(const LlmEvent& event);
    // One series per model; of `service`'s calls only unless it is empty.
    std::vector<TimelineSeries> series(std::string_view service = {}) const;
    // Totals over the buckets that start in [now - span, now), as rates over
    // the time from the first such bucket's start to now; of `service` as above.
    LiveKpis kpis(int64_t nowUnixNano, int64_t spanNanos, std::string_view service = {}) const;

private:
    struct Cell {
        uint64_t requests = 0;
        uint64_t errors = 0;
        double costUsd = 0.0;
        double qualitySum = 0.0;
        uint64_t qualityCount = 0;
        QuantileSketch latencyMs;
    };
    int64_t m_bucketNanos;
    size_t m_bucketCount;
    // bucket index → (service, model) → cell
    std::map<int64_t, std::map<std::pair<std::string, std::string>, Cell>> m_buckets;
};

} // namespace llmopt
