#pragma once

#include "policy_sink.h"
#include "variant_router.h"
#include "xoshiro256.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace llmopt {

struct LlmEvent;

// A variant the router may choose for a service, as the caller needs it to
// make the call.
struct RoutedVariant {
    std::string name;
    std::string model;
    std::string promptVersion;
    nlohmann::json params = nlohmann::json::object(); // temperature, top_p, max_tokens, …
};

// The per-request routing of one service (`routing:` in the configuration).
struct RoutingConfig {
    std::string service;
    std::vector<RoutedVariant> variants;
    RewardWeights reward;
    std::vector<std::string> taskTypes;
};

// One decision as logged for off-policy evaluation, with its outcome once known.
struct DecisionRecord {
    uint64_t id = 0;
    int64_t timeUnixNano = 0;
    std::string service;
    std::string variant;
    double propensity = 1.0;
    RequestContext context;
    // Set by feedback (a record then carries only id and these).
    bool isFeedback = false;
    double quality = 0, costUsd = 0, latencyMs = 0, reward = 0;
};

// The daemon's per-request decisions (POST /api/v1/decide, /feedback): one
// VariantRouter per configured service behind one lock — a decision takes
// well under a microsecond, so HTTP threads and the engine thread (feedback
// that arrives as telemetry carrying `llmopt.decision.id`) share it cheaply.
// Decisions and feedback are queued for the engine thread to store.
//
// It is also a policy sink (the sidecar path of DESIGN.md): while the
// actuator's published policy names a service, that service's decisions
// follow the policy's weights instead of its router — a rollout moves the
// traffic of /decide as it moves a feature flag. The policy is read through
// an atomically swapped shared_ptr; the routers do not learn from such
// decisions (they did not choose them), but their feedback is logged.
class DecisionService : public PolicySink {
public:
    static constexpr const char* kDecisionAttribute = "llmopt.decision.id";
    static constexpr size_t kMaxQueuedRecords = 1'000'000; // older ones are dropped and counted

    explicit DecisionService(std::vector<RoutingConfig> services, uint64_t seed = 1);

    struct Decision {
        uint64_t id = 0;
        const RoutedVariant* variant = nullptr;
        double propensity = 1.0;
    };
    // nullopt when the service has no routing configured.
    std::optional<Decision> decide(const std::string& service, const RequestContext& context,
                                   int64_t nowUnixNano);
    // False when the decision is unknown, too old or already answered, quality
    // is outside 0–1, cost or latency is negative or not finite, or one the
    // reward weighs is missing (NaN).
    bool feedback(uint64_t decisionId, double quality, double costUsd, double latencyMs,
                  int64_t nowUnixNano);
    // Feedback from a stored call carrying the decision id attribute; false
    // when it has none, no quality, or the decision is unknown.
    bool feedback(const LlmEvent& event);

    // What always routing `service` to `variant` would have earned per decision,
    // estimated from logged decisions with known outcomes (newest first, as the
    // store returns them) by IPS, self-normalised IPS and doubly robust
    // off-policy evaluation, next to what the logging policy earned. nullopt
    // when the service or variant is unknown; {"error": …} when the log has no
    // usable record.
    std::optional<nlohmann::json>
    evaluateFixedVariant(const std::string& service, const std::string& variant,
                         const std::vector<DecisionRecord>& log) const;

    // Replaces `out` with the decisions and feedback since the last call,
    // oldest first. Pass the same vector each time: the log then reuses its
    // memory, which keeps page faults (fresh memory) off the decision path.
    void takeLog(std::vector<DecisionRecord>& out);
    uint64_t droppedRecords() const;
    std::vector<std::string> services() const;

    std::string name() const override { return "decision service (POST /api/v1/decide)"; }
    Result publish(const PolicyDocument& document) override;

private:
    struct Service {
        RoutingConfig config;
        std::unique_ptr<VariantRouter> router;
    };
    // Decision ids carry the service's index in their low byte, and the top
    // bit when the published policy made them.
    static constexpr unsigned kServiceBits = 8;
    // Bit 52: ids stay below 2^53, exact in every JSON parser (JavaScript's too).
    static constexpr uint64_t kPolicyBit = 1ULL << 52;
    // The newest policy decisions, for their feedback: slot n % size holds
    // decision n until answered (then 0).
    static constexpr size_t kPolicyPending = 1 << 16;
    std::optional<Decision> followPolicy(size_t index, const RequestContext& context,
                                         int64_t nowUnixNano);
    void log(DecisionRecord&& record);

    mutable std::mutex m_mutex;
    std::vector<Service> m_services;
    std::vector<DecisionRecord> m_log;
    uint64_t m_dropped = 0;
    std::atomic<std::shared_ptr<const PolicyDocument>> m_policy;
    Xoshiro256 m_policyRandom{0x5eed};
    uint64_t m_policyDecisions = 0;
    std::vector<uint64_t> m_policyPending = std::vector<uint64_t>(kPolicyPending, 0);
};

} // namespace llmopt
