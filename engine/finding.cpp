#include "finding.h"

#include <cstdio>

namespace llmopt {

Finding Finding::about(std::string_view analyzer, std::string_view grouping, std::string_view key,
                       std::string_view metric, int64_t windowStartUnixNano,
                       int64_t windowEndUnixNano)
{
    Finding f;
    f.analyzer = analyzer;
    f.grouping = grouping;
    f.key = key;
    f.metric = metric;
    f.windowStartUnixNano = windowStartUnixNano;
    f.windowEndUnixNano = windowEndUnixNano;
    f.detectedAtUnixNano = windowEndUnixNano;
    return f;
}

const char* Finding::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return "info";
    case Severity::Warning:
        return "warning";
    case Severity::Critical:
        return "critical";
    }
    return "";
}

nlohmann::json Finding::toJson() const
{
    auto optional = [](const std::optional<double>& v) {
        return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
    };
    return {
        {"analyzer", analyzer},
        {"grouping", grouping},
        {"key", key},
        {"metric", metric},
        {"method", method},
        {"statistic", statistic},
        {"p_value", optional(pValue)},
        {"threshold", optional(threshold)},
        {"severity", severityName(severity)},
        {"window",
         {{"start_unix_nano", windowStartUnixNano}, {"end_unix_nano", windowEndUnixNano}}},
        {"detected_at_unix_nano", detectedAtUnixNano},
        {"summary", summary},
        {"evidence", evidence},
    };
}

std::string formatted(const char* format, double value)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, format, value);
    return buf;
}

} // namespace llmopt
