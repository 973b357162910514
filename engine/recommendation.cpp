#include "recommendation.h"

#include <array>
#include <utility>

namespace llmopt {

namespace {

constexpr std::array<std::pair<Recommendation::Status, std::string_view>, 4> kStatusNames{{
    {Recommendation::Status::Proposed, "proposed"},
    {Recommendation::Status::Approved, "approved"},
    {Recommendation::Status::Rejected, "rejected"},
    {Recommendation::Status::Superseded, "superseded"},
}};

} // namespace

std::string_view Recommendation::statusName(Status status)
{
    for (const auto& [s, name] : kStatusNames)
        if (s == status)
            return name;
    return "";
}

std::optional<Recommendation::Status> Recommendation::statusFromName(std::string_view name)
{
    for (const auto& [s, n] : kStatusNames)
        if (n == name)
            return s;
    return std::nullopt;
}

nlohmann::json Recommendation::toJson() const
{
    return {
        {"id", id},
        {"created_unix_nano", createdUnixNano},
        {"strategy", strategy},
        {"topic", topic},
        {"service", service},
        {"from_variant", fromVariant},
        {"to_variant", toVariant},
        {"action", action},
        {"summary", summary},
        {"impact", impact},
        {"evidence", evidence},
        {"status", std::string(statusName(status))},
        {"decided_unix_nano", decidedUnixNano},
        {"decided_by", decidedBy},
    };
}

} // namespace llmopt
