#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace llmopt {

// A proposed change from a strategy (DESIGN.md, Recommendation): which
// variant a service should move to, what that is expected to do, and why.
// None changes production by itself; an operator approves or rejects it, and
// the actuator carries out approved ones. A newer recommendation of the same
// strategy, service and topic supersedes a proposed older one.
struct Recommendation {
    enum class Status { Proposed, Approved, Rejected, Superseded };

    int64_t id = 0; // the store's; 0 until stored
    int64_t createdUnixNano = 0;
    std::string strategy; // "pareto", "threshold", "experiment", "parameter_tuning", …
    // What it is about, within its strategy and service: a newer proposal on
    // the same topic supersedes a proposed older one ("" for a strategy's one
    // proposal per service; a rule and key; an experiment; a tuned parameter).
    std::string topic;
    std::string service;
    std::string fromVariant; // empty: no specific variant (an alert)
    std::string toVariant;
    std::string action; // "switch", "fall_back", "hold_rollout", "alert", "set_parameter"
    std::string summary; // one sentence for the list
    // Expected change per request (to − from), each {value, low, high} at 95 %,
    // in "cost_usd", "quality", "latency_p95_ms"; and "monthly_savings_usd".
    nlohmann::json impact = nlohmann::json::object();
    nlohmann::json evidence = nlohmann::json::object();
    Status status = Status::Proposed;
    int64_t decidedUnixNano = 0;
    std::string decidedBy; // OS user and host of the operator

    static std::string_view statusName(Status status);
    static std::optional<Status> statusFromName(std::string_view name);
    nlohmann::json toJson() const;
};

} // namespace llmopt
