#pragma once

#include "quantile_sketch.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace llmopt {

struct LlmEvent;

struct TimelinePoint {
    int64_t bucketStartUnixNano = 0;
    uint64_t requests = 0;
    double spendPerHourUsd = 0.0; // cost in the bucket scaled to an hourly rate
    double p95LatencyMs = 0.0; // successful calls only
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

// Recent history per model in fixed event-time buckets, bounded to `bucketCount`
// buckets: the live chart's data and the KPI tiles' source.
class ModelTimeline {
public:
    ModelTimeline(int64_t bucketNanos, size_t bucketCount);

    void add(const LlmEvent& event);
    std::vector<TimelineSeries> series() const;
    // Totals over the buckets that start in [now - span, now), as rates over
    // the time from the first such bucket's start to now.
    LiveKpis kpis(int64_t nowUnixNano, int64_t spanNanos) const;

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
    std::map<int64_t, std::map<std::string, Cell>> m_buckets; // bucket index → model → cell
};

} // namespace llmopt
