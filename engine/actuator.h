#pragma once

#include "canary_judge.h"
#include "policy_document.h"
#include "rollout.h"
#include "running_stats.h"
#include "xoshiro256.h"

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace llmopt {

class AuditLog;
class EventStore;
class PolicyPublisher;
struct LlmEvent;

// An operator's order to the actuator. Each is checked (permission, state)
// and, when carried out, written to the audit log with the actor and what
// they saw, in one step: nothing moves production unrecorded.
struct ActuatorCommand {
    enum class Kind { Approve, Reject, Start, Confirm, Abort, Rollback };
    Kind kind = Kind::Approve;
    std::string actor; // "user@host" (AuditLog::operatorIdentity())
    int64_t recommendationId = 0; // Approve, Reject
    int64_t rolloutId = 0; // Confirm, Abort, Rollback
    // Start: an operator's own rollout, the request being its approval.
    std::string service, stable, candidate;
    std::optional<RolloutPlan> plan; // Approve, Start: none = the configured plan
    std::string reason; // Reject, Abort, Rollback
    nlohmann::json evidence = nlohmann::json::object(); // what the operator saw

    static const char* kindName(Kind kind);
    // nullopt for an unknown name.
    static std::optional<Kind> kindFromName(std::string_view name);
};

struct CommandResult {
    int status = 200; // as HTTP: 200 done, 400 invalid, 403 not permitted, 404 unknown, 409
                      // conflict, 503 no audit log
    std::string message;
    int64_t rolloutId = 0; // the rollout started or acted on
    int64_t auditSeq = 0; // the audit record written
    bool ok() const { return status == 200; }
};

// A rollout with what the actuator knows about it, as the GUI, the API and
// the rollouts table see it.
struct RolloutRecord {
    struct Entry { // one line of the step timeline
        int64_t timeUnixNano = 0;
        int weight = 0;
        std::string phase;
        std::string message;
    };
    explicit RolloutRecord(Rollout r)
        : rollout(std::move(r))
    {
    }
    int64_t id = 0; // the store's
    int64_t recommendationId = 0; // 0: started by an operator directly
    std::string approvedBy;
    int64_t createdUnixNano = 0;
    int64_t updatedUnixNano = 0;
    Rollout rollout;
    std::vector<Entry> timeline; // oldest first, at most kTimelineEntries
    // The judge's verdicts, oldest first (at most kAnalyses): time, weight,
    // verdict, score, and per metric canary and stable centre, difference
    // with its interval, tolerance and outcome — what the charts draw.
    std::vector<nlohmann::json> analyses;
    uint64_t awaitedPolicyVersion = 0; // not yet acknowledged by every sink; 0: none
    std::string sinkMessage; // why it waits, while it waits
    uint64_t canaryCalls = 0, stableCalls = 0; // since the newest weight was acknowledged

    static constexpr size_t kTimelineEntries = 200;
    static constexpr size_t kAnalyses = 100;
    bool active() const;
    nlohmann::json toJson() const;
    static RolloutRecord fromJson(const nlohmann::json& json); // throws std::invalid_argument
};

// The actuator (DESIGN.md, the loop's last step): carries out approved
// rollouts on the engine thread. It is fed every stored call, watches the
// canary against the stable variant of each service under rollout, asks the
// judge at each analysis step, applies guardrails and an always-valid
// sequential check at every tick, and publishes the resulting weights as a
// versioned PolicyDocument through the PolicyPublisher. A rollout advances
// only after every sink acknowledged its current weight; until then it holds
// and its calls do not count. Each transition is stored (rollouts table), so
// that after a restart every rollout resumes in a safe state (Rollout::resumed).
class Actuator {
public:
    struct Options {
        RolloutPlan plan = RolloutPlan::standard();
        Guardrails guardrails;
        CanaryJudge::Options judge;
        // The relative change in the bad direction tolerated per metric.
        double allowedErrorRateIncrease = 0.25; // the canary may fail up to 1.25 times as often
        double allowedLatencyIncrease = 0.2;
        double allowedCostIncrease = 0.1;
        double allowedQualityDecrease = 0.05;
        // The sequential check stops a clearly bad canary between analyses:
        // always-valid intervals (mixture SPRT) on quality and error rate.
        double sequentialAlpha = 0.01;
        // Who may give commands ("user" or "user@host"); empty: anyone who
        // can reach the engine (a local GUI user, an API caller with the token).
        std::vector<std::string> operators;
        size_t maxSamplesPerSide = 4000; // per metric and window (reservoir)
        uint64_t seed = 1;
    };

    // Loads the stored rollouts and resumes the active ones in their safe
    // state, republishing the newest policy. `audit` may be null (an
    // in-memory store): commands are then refused with status 503.
    Actuator(EventStore& store, AuditLog* audit, PolicyPublisher& publisher, Options options,
             int64_t nowUnixNano);
    ~Actuator();
    Actuator(const Actuator&) = delete;
    Actuator& operator=(const Actuator&) = delete;

    // A stored call: a sample of its service's rollout, if it has one running.
    void add(const LlmEvent& event);
    // Advances the rollouts: publications acknowledged, guardrails, the
    // sequential check, analyses, pauses. Call often (every engine round).
    void tick(int64_t nowUnixNano);
    CommandResult execute(const ActuatorCommand& command, int64_t nowUnixNano);

    // The active rollouts and the newest finished ones, newest first.
    std::vector<RolloutRecord> rollouts() const;
    const PolicyDocument& policy() const { return m_policy; }
    bool changedSince(uint64_t round) const { return m_round != round; }
    // Why the newest state could not be stored (it is tried again each tick); empty when stored.
    const std::string& storeError() const { return m_storeError; }
    uint64_t round() const { return m_round; } // grows with every change a reader should see

    static constexpr size_t kFinishedKept = 50;

private:
    struct Samples; // one side's observations in the current window
    struct Live; // per active rollout: its window and sequential tests
    CommandResult refuse(int status, std::string message) const;
    std::optional<CommandResult> permitted(const ActuatorCommand& command) const;
    CommandResult audited(const ActuatorCommand& command, const std::string& subject,
                          nlohmann::json evidence, int64_t now, CommandResult result);
    CommandResult startRollout(const ActuatorCommand& command, int64_t recommendationId,
                               std::string service, std::string stable, std::string candidate,
                               int64_t now);
    RolloutRecord* find(int64_t rolloutId);
    void applied(RolloutRecord& record, const Rollout::Transition& t, int64_t now);
    void publishWeights(RolloutRecord& record, int64_t now);
    void resetWindow(int64_t rolloutId, int64_t now);
    std::optional<CanaryJudge::Verdict> judge(RolloutRecord& record, int64_t now);
    std::optional<std::string> sequentialVerdict(const RolloutRecord& record);
    void save(RolloutRecord& record, int64_t now);
    void storeAgain(int64_t now);
    RoutedVariant definition(const std::string& service, const std::string& variant) const;

    EventStore& m_store;
    AuditLog* m_audit;
    PolicyPublisher& m_publisher;
    Options m_options;
    CanaryJudge m_judge;
    std::vector<RolloutRecord> m_records; // active first, then finished, each newest first
    std::map<int64_t, std::unique_ptr<Live>> m_live;
    // Variant definitions seen in calls, per service and variant name or id.
    std::map<std::pair<std::string, std::string>, RoutedVariant> m_definitions;
    PolicyDocument m_policy;
    Xoshiro256 m_random;
    uint64_t m_round = 0;
    // Transitions carried out but not stored (the store refused): stored again at each tick.
    std::set<int64_t> m_unsaved;
    bool m_policyUnsaved = false;
    std::string m_storeError;
};

} // namespace llmopt
