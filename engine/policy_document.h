#pragma once

#include "decision_service.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <utility>
#include <vector>

namespace llmopt {

// How one service's traffic is split between its variants right now.
struct ServicePolicy {
    std::string service;
    std::string flagKey; // the feature flag the application evaluates ("<service>.variant")
    std::string defaultVariant; // the stable variant: what a caller gets when all else fails
    std::vector<std::pair<std::string, int>> weights; // variant name → whole percent, Σ = 100
    std::vector<RoutedVariant> variants; // the definitions of every variant named above
};

// The routing document the actuator publishes (DESIGN.md, Policy): versioned,
// one entry per service, written through each PolicySink. Weights are whole
// percent (as Argo Rollouts' setWeight) so that every flag system can carry
// them exactly — flagd before its relative weights required a sum of 100.
struct PolicyDocument {
    uint64_t version = 0; // increases with every publication
    int64_t createdUnixNano = 0;
    std::vector<ServicePolicy> services;

    // Empty when the document can be published; otherwise what is wrong, naming the service.
    std::string validate() const;
    // The workbench's own JSON form (webhook body, Kafka control record).
    nlohmann::json toJson() const;
    static PolicyDocument fromJson(const nlohmann::json& json); // throws std::invalid_argument

    // Whole percents that add up to exactly 100 from any non-negative shares
    // (largest remainder, ties to the earlier variant).
    static std::vector<std::pair<std::string, int>>
    percents(const std::vector<std::pair<std::string, double>>& shares);
};

} // namespace llmopt
