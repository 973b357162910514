#include "rollout.h"

#include "finding.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace llmopt {

namespace {

constexpr const char* kPhaseNames[]
    = {"progressing", "paused", "promoted", "rolled_back", "aborted"};
constexpr const char* kStepNames[] = {"set_weight", "pause", "analysis"};

} // namespace

RolloutPlan RolloutPlan::standard()
{
    return fromWeights({1, 5, 25, 50}, true);
}

RolloutPlan RolloutPlan::fromWeights(const std::vector<int>& weights, bool confirmBeforePromotion)
{
    RolloutPlan p;
    using K = RolloutStep::Kind;
    for (int weight : weights) {
        p.steps.push_back({K::SetWeight, weight});
        p.steps.push_back({K::Analysis});
    }
    if (confirmBeforePromotion)
        p.steps.push_back({K::Pause, 0, 0, 0, true});
    p.steps.push_back({K::SetWeight, 100});
    return p;
}

std::string RolloutPlan::toString() const
{
    std::string out;
    for (const RolloutStep& s : steps) {
        out += out.empty() ? "" : ", ";
        out += kStepNames[int(s.kind)];
        if (s.kind == RolloutStep::Kind::SetWeight)
            out += " " + std::to_string(s.weight);
        if (s.kind == RolloutStep::Kind::Pause && s.untilConfirmed)
            out += " until confirmed";
        if (s.kind == RolloutStep::Kind::Pause && s.pauseSeconds > 0)
            out += " " + formatted("%g", s.pauseSeconds) + " s";
        if (s.kind == RolloutStep::Kind::Pause && s.pauseSamples > 0)
            out += " " + std::to_string(s.pauseSamples) + " calls";
    }
    return out;
}

std::string RolloutPlan::validate(const Guardrails& g) const
{
    if (steps.empty())
        return "the plan has no steps";
    int weight = 0;
    for (size_t i = 0; i < steps.size(); ++i) {
        const RolloutStep& s = steps[i];
        const std::string at = "step " + std::to_string(i + 1) + ": ";
        if (s.kind == RolloutStep::Kind::SetWeight) {
            if (s.weight < 0 || s.weight > 100)
                return at + "weight " + std::to_string(s.weight) + " is outside 0–100";
            if (s.weight - weight > g.maxWeightStep)
                return at + "raises the weight from " + std::to_string(weight) + " to "
                    + std::to_string(s.weight) + " %, more than the guardrail's "
                    + std::to_string(g.maxWeightStep) + " points; add intermediate steps";
            weight = s.weight;
        } else if (s.kind == RolloutStep::Kind::Pause && s.pauseSeconds < 0) {
            return at + "a pause cannot be negative";
        }
    }
    if (weight != 100)
        return "the plan ends at " + std::to_string(weight) + " %; its last weight must be 100";
    if (failureLimit < 0 || inconclusiveLimit < 0)
        return "failure and inconclusive limits cannot be negative";
    if (minSamplesPerAnalysis < 10 || minSamplesPerAnalysis > 10'000'000)
        return "an analysis needs 10 to 10,000,000 canary calls, not "
            + std::to_string(minSamplesPerAnalysis);
    return {};
}

Rollout::Rollout(std::string service, std::string stable, std::string candidate, RolloutPlan plan,
                 Guardrails guardrails)
    : m_service(std::move(service))
    , m_stable(std::move(stable))
    , m_candidate(std::move(candidate))
    , m_plan(std::move(plan))
    , m_guardrails(guardrails)
{
    if (const std::string problem = m_plan.validate(m_guardrails); !problem.empty())
        throw std::invalid_argument("rollout of " + m_service + ": " + problem);
    m_message = "approved, not started";
}

const char* Rollout::phaseName(Phase phase)
{
    return kPhaseNames[int(phase)];
}

Rollout::Transition Rollout::moved(std::string message)
{
    m_message = std::move(message);
    return {true, m_weight, m_message};
}

void Rollout::beginStep(int64_t now, uint64_t samples)
{
    m_stepStartedUnixNano = now;
    m_stepStartSamples = samples;
}

Rollout::Transition Rollout::start(int64_t now)
{
    if (m_started)
        return {false, m_weight, m_message};
    m_started = true;
    m_phase = Phase::Progressing;
    beginStep(now, 0);
    return moved("started: " + m_stable + " → " + m_candidate);
}

RolloutStep::Kind Rollout::currentStep() const
{
    return m_step < m_plan.steps.size() ? m_plan.steps[m_step].kind : RolloutStep::Kind::SetWeight;
}

Rollout::Transition Rollout::guard(const RolloutObservation& o)
{
    if ((m_phase == Phase::Progressing || m_phase == Phase::Paused) && m_weight > 0) {
        if (o.canaryErrorRate && *o.canaryErrorRate > m_guardrails.maxErrorRate)
            return rollback(o.nowUnixNano,
                            "guardrail: canary error rate " + formatted("%.3f", *o.canaryErrorRate)
                                + " > " + formatted("%.3f", m_guardrails.maxErrorRate));
        if (m_guardrails.maxSpendPerHourUsd > 0 && o.canarySpendPerHourUsd
            && *o.canarySpendPerHourUsd > m_guardrails.maxSpendPerHourUsd)
            return rollback(o.nowUnixNano,
                            "guardrail: canary spend " + formatted("%.2f", *o.canarySpendPerHourUsd)
                                + " USD/h > " + formatted("%.2f", m_guardrails.maxSpendPerHourUsd));
        if (m_guardrails.qualityFloor > 0 && o.canaryQuality
            && *o.canaryQuality < m_guardrails.qualityFloor)
            return rollback(o.nowUnixNano,
                            "guardrail: canary quality " + formatted("%.3f", *o.canaryQuality)
                                + " < floor " + formatted("%.3f", m_guardrails.qualityFloor));
    }
    return {false, m_weight, m_message};
}

Rollout::Transition Rollout::advance(const RolloutObservation& o)
{
    if (m_phase != Phase::Progressing)
        return {false, m_weight, m_message};
    // Guardrails come before the plan, at every step.
    if (Transition t = guard(o); t.changed)
        return t;
    Transition t{false, m_weight, m_message};
    // Steps that finish at once (set weight, a satisfied pause) run in one call.
    while (m_phase == Phase::Progressing && m_step < m_plan.steps.size()) {
        const RolloutStep& s = m_plan.steps[m_step];
        const uint64_t samples = o.canarySamples - std::min(o.canarySamples, m_stepStartSamples);
        if (s.kind == RolloutStep::Kind::SetWeight) {
            m_weight = s.weight;
            t = moved("weight " + std::to_string(m_weight) + " %");
        } else if (s.kind == RolloutStep::Kind::Pause) {
            if (s.untilConfirmed) {
                m_phase = Phase::Paused;
                return moved("paused at " + std::to_string(m_weight)
                             + " % until an operator confirms");
            }
            const double elapsed = double(o.nowUnixNano - m_stepStartedUnixNano) / 1e9;
            if (elapsed < s.pauseSeconds || samples < s.pauseSamples)
                return t;
            t = moved("pause over at " + std::to_string(m_weight) + " %");
        } else { // analysis
            if (samples < m_plan.minSamplesPerAnalysis || !o.analysis)
                return t;
            m_lastAnalysisFailed = *o.analysis == CanaryJudge::Verdict::Fail;
            if (*o.analysis == CanaryJudge::Verdict::Fail) {
                if (++m_failures > m_plan.failureLimit)
                    return rollback(o.nowUnixNano,
                                    "analysis failed at " + std::to_string(m_weight) + " % ("
                                        + std::to_string(m_failures) + " failures)");
                beginStep(o.nowUnixNano, o.canarySamples); // judge a fresh window
                return moved("analysis failed; within the failure limit, judging again");
            }
            if (*o.analysis != CanaryJudge::Verdict::Pass) {
                if (++m_inconclusive > m_plan.inconclusiveLimit) {
                    m_phase = Phase::Paused;
                    return moved("analysis inconclusive " + std::to_string(m_inconclusive)
                                 + " times at " + std::to_string(m_weight)
                                 + " %; paused for an operator");
                }
                beginStep(o.nowUnixNano, o.canarySamples);
                return moved("analysis inconclusive; judging again");
            }
            t = moved("analysis passed at " + std::to_string(m_weight) + " %");
        }
        ++m_step;
        beginStep(o.nowUnixNano, o.canarySamples);
    }
    if (m_phase == Phase::Progressing && m_step >= m_plan.steps.size()) {
        m_phase = Phase::Promoted;
        m_weight = 100;
        t = moved(m_candidate + " promoted: 100 %");
    }
    return t;
}

Rollout::Transition Rollout::confirm(int64_t now)
{
    if (m_phase != Phase::Paused || !m_started)
        return {false, m_weight, m_message};
    m_phase = Phase::Progressing;
    m_inconclusive = 0;
    if (m_step < m_plan.steps.size() && m_plan.steps[m_step].kind == RolloutStep::Kind::Pause
        && m_plan.steps[m_step].untilConfirmed)
        ++m_step; // the confirmation was what this step waited for
    beginStep(now, m_stepStartSamples);
    return moved("confirmed by an operator at " + std::to_string(m_weight) + " %");
}

Rollout::Transition Rollout::abort(int64_t now, const std::string& why)
{
    if (m_phase == Phase::Promoted || m_phase == Phase::Aborted || m_phase == Phase::RolledBack)
        return {false, m_weight, m_message};
    m_phase = Phase::Aborted;
    m_weight = 0;
    beginStep(now, m_stepStartSamples);
    return moved("aborted: " + why);
}

Rollout::Transition Rollout::rollback(int64_t now, const std::string& why)
{
    if (m_phase == Phase::RolledBack || m_phase == Phase::Aborted)
        return {false, m_weight, m_message};
    m_phase = Phase::RolledBack;
    m_weight = 0;
    beginStep(now, m_stepStartSamples);
    return moved("rolled back to " + m_stable + ": " + why);
}

Rollout Rollout::resumed(int64_t now) const
{
    Rollout r = *this;
    // The canary calls are counted again from 0 by the new process.
    r.m_stepStartSamples = 0;
    if (r.m_phase != Phase::Progressing)
        return r;
    if (r.m_lastAnalysisFailed) {
        r.rollback(now, "the last analysis before the restart had failed");
        return r;
    }
    r.m_phase = Phase::Paused;
    r.m_message = "resumed after a restart: holding at " + std::to_string(r.m_weight)
        + " % until an operator confirms";
    return r;
}

nlohmann::json Rollout::toJson() const
{
    nlohmann::json steps = nlohmann::json::array();
    for (const RolloutStep& s : m_plan.steps)
        steps.push_back({{"kind", kStepNames[int(s.kind)]},
                         {"weight", s.weight},
                         {"pause_seconds", s.pauseSeconds},
                         {"pause_samples", s.pauseSamples},
                         {"until_confirmed", s.untilConfirmed}});
    return {{"service", m_service},
            {"stable", m_stable},
            {"candidate", m_candidate},
            {"plan",
             {{"steps", steps},
              {"failure_limit", m_plan.failureLimit},
              {"inconclusive_limit", m_plan.inconclusiveLimit},
              {"min_samples_per_analysis", m_plan.minSamplesPerAnalysis}}},
            {"guardrails",
             {{"max_error_rate", m_guardrails.maxErrorRate},
              {"max_spend_per_hour_usd", m_guardrails.maxSpendPerHourUsd},
              {"quality_floor", m_guardrails.qualityFloor},
              {"max_weight_step", m_guardrails.maxWeightStep}}},
            {"phase", phaseName(m_phase)},
            {"started", m_started},
            {"step", m_step},
            {"weight", m_weight},
            {"failures", m_failures},
            {"inconclusive", m_inconclusive},
            {"last_analysis_failed", m_lastAnalysisFailed},
            {"step_started_unix_nano", m_stepStartedUnixNano},
            {"step_start_samples", m_stepStartSamples},
            {"message", m_message}};
}

Rollout Rollout::fromJson(const nlohmann::json& j)
{
    try {
        RolloutPlan plan;
        for (const auto& s : j.at("plan").at("steps")) {
            RolloutStep step;
            const std::string kind = s.at("kind").get<std::string>();
            step.kind = kind == "set_weight" ? RolloutStep::Kind::SetWeight
                : kind == "pause"            ? RolloutStep::Kind::Pause
                : kind == "analysis"
                ? RolloutStep::Kind::Analysis
                : throw std::invalid_argument("rollout: unknown step kind \"" + kind + "\"");
            step.weight = s.at("weight").get<int>();
            step.pauseSeconds = s.at("pause_seconds").get<double>();
            step.pauseSamples = s.at("pause_samples").get<uint64_t>();
            step.untilConfirmed = s.at("until_confirmed").get<bool>();
            plan.steps.push_back(step);
        }
        plan.failureLimit = j.at("plan").at("failure_limit").get<int>();
        plan.inconclusiveLimit = j.at("plan").at("inconclusive_limit").get<int>();
        plan.minSamplesPerAnalysis = j.at("plan").at("min_samples_per_analysis").get<uint64_t>();
        const auto& g = j.at("guardrails");
        Guardrails guardrails{
            g.at("max_error_rate").get<double>(), g.at("max_spend_per_hour_usd").get<double>(),
            g.at("quality_floor").get<double>(), g.at("max_weight_step").get<int>()};
        Rollout r(j.at("service").get<std::string>(), j.at("stable").get<std::string>(),
                  j.at("candidate").get<std::string>(), std::move(plan), guardrails);
        const std::string phase = j.at("phase").get<std::string>();
        bool known = false;
        for (int i = 0; i < 5; ++i)
            if (phase == kPhaseNames[i]) {
                r.m_phase = Phase(i);
                known = true;
            }
        if (!known)
            throw std::invalid_argument("rollout: unknown phase \"" + phase + "\"");
        r.m_started = j.at("started").get<bool>();
        r.m_step = std::min(j.at("step").get<size_t>(), r.m_plan.steps.size());
        r.m_weight = j.at("weight").get<int>();
        r.m_failures = j.at("failures").get<int>();
        r.m_inconclusive = j.at("inconclusive").get<int>();
        r.m_lastAnalysisFailed = j.at("last_analysis_failed").get<bool>();
        r.m_stepStartedUnixNano = j.at("step_started_unix_nano").get<int64_t>();
        r.m_stepStartSamples = j.at("step_start_samples").get<uint64_t>();
        r.m_message = j.at("message").get<std::string>();
        return r;
    } catch (const nlohmann::json::exception& e) {
        throw std::invalid_argument(std::string("rollout state: ") + e.what());
    }
}

} // namespace llmopt
