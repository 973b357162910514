#pragma once

#include "quantile_sketch.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace llmopt {

struct LlmEvent;

// Running totals of one (service, variant) since the start of the feed.
// The stream-processor issue replaces this with event-time windows.
struct VariantSummary {
    std::string service;
    std::string variantId;
    std::string variantName;
    std::string variantLabel;
    std::string model;
    std::string provider;
    uint64_t requests = 0;
    uint64_t errors = 0;
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    int64_t cacheReadTokens = 0;
    double costUsd = 0.0; // sum over events whose cost is known
    uint64_t costUnknown = 0; // events whose model has no price
    double qualitySum = 0.0;
    uint64_t qualityCount = 0;
    uint64_t feedbackUp = 0;
    uint64_t feedbackDown = 0;
    int64_t firstUnixNano = 0;
    int64_t lastUnixNano = 0;
    QuantileSketch latencyMs;
    QuantileSketch ttftMs;

    double errorRate() const { return requests ? double(errors) / double(requests) : 0.0; }
    std::optional<double> meanQuality() const;
    // Cost per request over the requests whose cost is known.
    std::optional<double> costPerRequest() const;
};

class VariantAggregator {
public:
    // Counts the event in the row of its service and variant; returns that row's index.
    size_t add(const LlmEvent& event);
    // A score for an earlier call counted in row `row`.
    void addEvaluation(size_t row, double score);
    const std::vector<VariantSummary>& rows() const { return m_rows; }

private:
    std::vector<VariantSummary> m_rows;
    std::unordered_map<std::string, size_t> m_index; // service + '\x1f' + variant id → row
    std::string m_key; // reused, so that counting an event allocates nothing
};

} // namespace llmopt
