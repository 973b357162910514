#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace llmopt {

// Something an analyzer concluded (DESIGN.md, Vocabulary), with what is needed
// to check it: the method, its statistic and p-value or the threshold crossed,
// the window, and the evidence to draw it.
struct Finding {
    enum class Severity { Info, Warning, Critical };

    std::string analyzer; // performance, cost, quality, drift, anomaly
    std::string grouping; // what `key` is: service, service_variant, model, …
    std::string key;
    std::string metric; // e.g. latency_p95_ms, error_rate
    std::string method; // e.g. "robust z-score (median/MAD)"
    double statistic = 0.0;
    std::optional<double> pValue;
    std::optional<double> threshold; // the limit the statistic crossed
    Severity severity = Severity::Warning;
    int64_t windowStartUnixNano = 0;
    int64_t windowEndUnixNano = 0;
    int64_t detectedAtUnixNano = 0; // event time (the watermark) when it was concluded
    std::string summary; // one sentence for the operator
    nlohmann::json evidence = nlohmann::json::object();

    nlohmann::json toJson() const;
    static const char* severityName(Severity severity);
    // What every finding starts from: which analyzer concluded it about which
    // key and metric over [windowStart, windowEnd), concluded as that window closed.
    static Finding about(std::string_view analyzer, std::string_view grouping, std::string_view key,
                         std::string_view metric, int64_t windowStartUnixNano,
                         int64_t windowEndUnixNano);
};

// A number for a finding's summary, printf-style ("%.3f").
std::string formatted(const char* format, double value);

} // namespace llmopt
