#pragma once

#include "canary_judge.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace llmopt {

// One step of a rollout plan, after Argo Rollouts: set the candidate's share
// of traffic, pause (for a time and/or a number of canary calls, or until an
// operator confirms), or judge the canary against the stable variant.
struct RolloutStep {
    enum class Kind { SetWeight, Pause, Analysis };
    Kind kind = Kind::SetWeight;
    int weight = 0; // SetWeight: whole percent
    double pauseSeconds = 0; // Pause
    uint64_t pauseSamples = 0; // Pause: canary calls since the step began
    bool untilConfirmed = false; // Pause: wait for an operator
};

// Limits no plan can override: breaching one rolls the canary back at once.
struct Guardrails {
    double maxErrorRate = 0.2; // of the canary
    double maxSpendPerHourUsd = 0; // of the canary; 0: none
    double qualityFloor = 0; // canary mean quality; 0: none
    int maxWeightStep = 50; // the largest raise of the weight in one step
};

struct RolloutPlan {
    std::vector<RolloutStep> steps;
    int failureLimit = 0; // failed analyses tolerated; one more rolls back
    int inconclusiveLimit = 1; // inconclusive/marginal analyses tolerated; one more pauses
    uint64_t minSamplesPerAnalysis = 400; // canary calls since the step began

    // 1 % → 5 % → 25 % → 50 % → 100 %, each raise followed by an analysis;
    // a confirmation before going past half the traffic.
    static RolloutPlan standard();
    // Each weight (rising, below 100) followed by an analysis, then 100 %,
    // with a pause for an operator's confirmation before it if asked.
    static RolloutPlan fromWeights(const std::vector<int>& weights, bool confirmBeforePromotion);
    // The steps in one line: "set_weight 1, analysis, …, pause until confirmed, set_weight 100".
    std::string toString() const;
    // Empty when the plan can run under `guardrails`; otherwise what is wrong.
    std::string validate(const Guardrails& guardrails) const;
};

// What the canary looks like now, fed to the rollout by the actuator.
struct RolloutObservation {
    int64_t nowUnixNano = 0;
    uint64_t canarySamples = 0; // canary calls since the rollout started
    std::optional<double> canaryErrorRate;
    std::optional<double> canarySpendPerHourUsd;
    std::optional<double> canaryQuality;
    std::optional<CanaryJudge::Verdict> analysis; // the judge's verdict on the current window
};

// The rollout state machine of one service, stable → candidate (DESIGN.md,
// Rollout). Every transition returns what changed, for the actuator to
// publish the new weight through the policy sinks and to audit; the whole
// state round-trips through JSON so that it is persisted at each transition.
// After a restart, resumed() never jumps ahead: a rollout that was
// progressing holds at its weight until an operator confirms, one whose last
// analysis failed rolls back.
class Rollout {
public:
    enum class Phase { Progressing, Paused, Promoted, RolledBack, Aborted };
    struct Transition {
        bool changed = false; // phase, step or weight moved
        int weight = 0; // the candidate's share now
        std::string message;
    };

    Rollout(std::string service, std::string stable, std::string candidate, RolloutPlan plan,
            Guardrails guardrails); // throws std::invalid_argument when the plan is invalid

    Transition start(int64_t nowUnixNano);
    // Rolls back when the observation breaches a guardrail while the canary
    // has traffic (progressing or paused); advance() checks them too.
    Transition guard(const RolloutObservation& observation);
    Transition advance(const RolloutObservation& observation);
    Transition confirm(int64_t nowUnixNano); // an operator lets a paused rollout go on
    Transition abort(int64_t nowUnixNano, const std::string& why); // weight 0, stopped
    Transition rollback(int64_t nowUnixNano, const std::string& why);
    Rollout resumed(int64_t nowUnixNano) const;

    Phase phase() const { return m_phase; }
    int weight() const { return m_weight; }
    size_t step() const { return m_step; }
    // The kind of the step in progress; SetWeight once the plan is done.
    RolloutStep::Kind currentStep() const;
    uint64_t stepStartSamples() const { return m_stepStartSamples; }
    const RolloutPlan& plan() const { return m_plan; }
    const Guardrails& guardrails() const { return m_guardrails; }
    const std::string& service() const { return m_service; }
    const std::string& stable() const { return m_stable; }
    const std::string& candidate() const { return m_candidate; }
    const std::string& lastMessage() const { return m_message; }
    static const char* phaseName(Phase phase);

    nlohmann::json toJson() const;
    static Rollout fromJson(const nlohmann::json& json); // throws std::invalid_argument

private:
    Transition moved(std::string message);
    void beginStep(int64_t now, uint64_t samples);

    std::string m_service, m_stable, m_candidate;
    RolloutPlan m_plan;
    Guardrails m_guardrails;
    Phase m_phase = Phase::Paused; // until start()
    size_t m_step = 0;
    int m_weight = 0;
    int m_failures = 0;
    int m_inconclusive = 0;
    bool m_lastAnalysisFailed = false;
    bool m_started = false;
    int64_t m_stepStartedUnixNano = 0;
    uint64_t m_stepStartSamples = 0;
    std::string m_message;
};

} // namespace llmopt
