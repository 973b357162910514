#include "finding.h"

#include <cstdio>

namespace llmopt {

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
