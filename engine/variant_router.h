#pragma once

#include "context_features.h"
#include "linear_bandit.h"
#include "reward_weights.h"
#include "xoshiro256.h"

#include <Eigen/Dense>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace llmopt {

// What a request tells the router before it is sent.
struct RequestContext {
    std::string taskType;
    int64_t inputTokens = -1; // estimated prompt size; -1 unknown
    double hourUtc = std::numeric_limits<double>::quiet_NaN();
};

struct RoutingDecision {
    uint64_t decisionId = 0;
    size_t arm = 0;
    // P(this arm | context) under the policy at decision time: what off-policy
    // evaluation of the logged decisions needs.
    double propensity = 1.0;
};

// Chooses one of a service's variants per request with a contextual bandit
// (DESIGN.md, DecisionEngine: reinforcement feedback) and learns from the
// feedback on each decision: reward = quality − λ·cost − μ·latency
// (RewardWeights). LinUCB with an exploration floor by default, so every
// decision's propensity is exact and ≥ ε/K. Decisions awaiting feedback are
// kept in a ring of `pendingCapacity` slots; feedback for an older decision is
// refused (false), as is a second feedback for the same one.
//
// Not thread-safe: the daemon serialises calls with a lock (a decision takes
// well under a microsecond).
class VariantRouter {
public:
    struct Options {
        LinearBandit::Mode mode = LinearBandit::Mode::UCB;
        // A narrower confidence bonus and 2 % uniform exploration: on the routing
        // benchmark (docs/benchmarks.md) this kept 0.5–2 points more quality
        // than (1.0, 5 %) at the same cost, with propensities still ≥ 0.02/K.
        LinearBanditOptions bandit{1.0, 0.5, 0.5, 0.02};
        RewardWeights reward;
        std::vector<std::string> taskTypes; // the context's task vocabulary
        size_t pendingCapacity = 1 << 18; // ≈ 50 s of feedback delay at 5,000 decisions/s
        uint64_t seed = 1;
    };

    // `arms` names the variants (ids or labels) in the order decisions index them.
    VariantRouter(std::string service, std::vector<std::string> arms, Options options);

    static constexpr double kMaxAbsReward = 1e6;
    static constexpr int64_t kMaxInputTokens = 100'000'000;

    // An hour outside [0, 24) counts as unknown; tokens are clamped to [-1, 1e8].
    RoutingDecision decide(const RequestContext& context);
    // The observed outcome of decision `decisionId`; false when it is unknown,
    // too old, already answered, or its reward is not a finite number within ±1e6.
    bool feedback(uint64_t decisionId, double quality, double costUsd, double latencyMs);

    const std::string& service() const { return m_service; }
    const std::vector<std::string>& arms() const { return m_arms; }
    uint64_t decisions() const { return m_nextId - 1; }
    uint64_t feedbackCount() const { return m_feedback; }

private:
    std::string m_service;
    std::vector<std::string> m_arms;
    Options m_options;
    ContextFeatures m_features;
    LinearBandit m_bandit;
    Xoshiro256 m_rng;
    Eigen::VectorXd m_x; // reused
    // Pending decisions: slot id % capacity holds the id, the arm and the
    // context in a few numbers (32 bytes, not the encoded vector: a ring
    // long enough for minutes of traffic stays small and cache-friendly).
    struct Pending {
        uint64_t id = 0;
        ContextFeatures::Slots where;
        int64_t inputTokens = 0;
        float hourUtc = 0;
        uint32_t arm = 0;
    };
    std::vector<Pending> m_pending;
    uint64_t m_nextId = 1;
    uint64_t m_feedback = 0;
};

} // namespace llmopt
