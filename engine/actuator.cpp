#include "actuator.h"

#include "audit_log.h"
#include "event_store.h"
#include "finding.h"
#include "hypothesis_tests.h"
#include "llm_event.h"
#include "policy_publisher.h"
#include "sequential_test.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

namespace llmopt {

namespace {

constexpr const char* kCommandNames[]
    = {"approve", "reject", "start", "confirm", "abort", "rollback"};
constexpr uint64_t kSequentialMinimum = 30; // per side: the normal approximation needs a few
constexpr uint64_t kGuardrailMinimum = 20; // canary calls in the window
constexpr int64_t kSecond = 1'000'000'000LL;

// Keeps a uniform sample of at most `cap` of the values offered (Vitter's algorithm R).
void keep(std::vector<double>& values, uint64_t& seen, double x, size_t cap, Xoshiro256& random)
{
    ++seen;
    if (values.size() < cap) {
        values.push_back(x);
        return;
    }
    const uint64_t j = random() % seen;
    if (j < cap)
        values[j] = x;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    const size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + static_cast<long>(mid), v.end());
    return v[mid];
}

bool isFinished(Rollout::Phase phase)
{
    return phase == Rollout::Phase::Promoted || phase == Rollout::Phase::RolledBack
        || phase == Rollout::Phase::Aborted;
}

} // namespace

struct Actuator::Samples {
    std::vector<double> latency, cost, quality;
    uint64_t latencySeen = 0, costSeen = 0, qualitySeen = 0;
    uint64_t calls = 0, errors = 0;
};

// The judge reads every call since the canary started, as Kayenta does by
// default (no lookback): what each side does does not depend on the split,
// and the early calls give the later analyses their power. The split itself
// (the sample-ratio check) and the guardrails read the current window — the
// calls since the newest weight was acknowledged.
struct Actuator::Live {
    Samples canary, stable; // since the start
    struct Window {
        int64_t startUnixNano = 0;
        uint64_t canaryCalls = 0, stableCalls = 0, canaryErrors = 0;
        double canaryCost = 0.0;
        RunningStats canaryQuality;
    } window;
    uint64_t canaryCounted = 0; // canary calls in every window since the start
    // Since the canary first got traffic, for the sequential check.
    RunningStats canaryQuality, stableQuality, canaryErrors, stableErrors;
    std::optional<SequentialTest> qualityTest, errorTest;
    uint64_t lookedAt = 0; // calls when the tests last looked
};

const char* ActuatorCommand::kindName(Kind kind)
{
    return kCommandNames[int(kind)];
}

std::optional<ActuatorCommand::Kind> ActuatorCommand::kindFromName(std::string_view name)
{
    for (int i = 0; i < int(std::size(kCommandNames)); ++i)
        if (name == kCommandNames[i])
            return Kind(i);
    return std::nullopt;
}

bool RolloutRecord::active() const
{
    return !isFinished(rollout.phase());
}

nlohmann::json RolloutRecord::toJson() const
{
    nlohmann::json t = nlohmann::json::array();
    for (const Entry& e : timeline)
        t.push_back({{"time_unix_nano", e.timeUnixNano},
                     {"weight", e.weight},
                     {"phase", e.phase},
                     {"message", e.message}});
    return {{"id", id},
            {"recommendation_id", recommendationId},
            {"approved_by", approvedBy},
            {"created_unix_nano", createdUnixNano},
            {"updated_unix_nano", updatedUnixNano},
            {"rollout", rollout.toJson()},
            {"timeline", t},
            {"analyses", analyses},
            {"awaited_policy_version", awaitedPolicyVersion},
            {"sink_message", sinkMessage},
            {"canary_calls", canaryCalls},
            {"stable_calls", stableCalls}};
}

RolloutRecord RolloutRecord::fromJson(const nlohmann::json& j)
{
    try {
        RolloutRecord r{Rollout::fromJson(j.at("rollout"))};
        r.id = j.at("id").get<int64_t>();
        r.recommendationId = j.at("recommendation_id").get<int64_t>();
        r.approvedBy = j.at("approved_by").get<std::string>();
        r.createdUnixNano = j.at("created_unix_nano").get<int64_t>();
        r.updatedUnixNano = j.at("updated_unix_nano").get<int64_t>();
        for (const auto& e : j.at("timeline"))
            r.timeline.push_back({e.at("time_unix_nano").get<int64_t>(), e.at("weight").get<int>(),
                                  e.at("phase").get<std::string>(),
                                  e.at("message").get<std::string>()});
        for (const auto& a : j.at("analyses"))
            r.analyses.push_back(a);
        r.awaitedPolicyVersion = j.at("awaited_policy_version").get<uint64_t>();
        r.sinkMessage = j.at("sink_message").get<std::string>();
        return r;
    } catch (const nlohmann::json::exception& e) {
        throw std::invalid_argument(std::string("stored rollout: ") + e.what());
    }
}

Actuator::Actuator(EventStore& store, AuditLog* audit, PolicyPublisher& publisher, Options options,
                   int64_t now)
    : m_store(store)
    , m_audit(audit)
    , m_publisher(publisher)
    , m_options(std::move(options))
    , m_judge(m_options.judge)
    , m_random(m_options.seed)
{
    if (const std::string problem = m_options.plan.validate(m_options.guardrails); !problem.empty())
        throw std::invalid_argument("actuator.plan: " + problem);
    if (auto stored = m_store.latestPolicy())
        m_policy = std::move(*stored);
    m_records = m_store.rollouts(kFinishedKept); // active first
    for (RolloutRecord& r : m_records) {
        if (!r.active())
            break;
        // Never jump ahead after a restart: hold where it was, or roll back
        // when its last analysis had failed (Rollout::resumed).
        r.rollout = r.rollout.resumed(now);
        m_live[r.id] = std::make_unique<Live>();
        applied(r, {true, r.rollout.weight(), r.rollout.lastMessage()}, now);
    }
    std::stable_partition(m_records.begin(), m_records.end(),
                          [](const RolloutRecord& r) { return r.active(); });
    // What the sinks acknowledged before the restart may be older than what
    // was stored: the newest policy is published again, and every rollout
    // waiting for it holds until it is acknowledged.
    if (m_policy.version > 0) {
        m_publisher.publish(m_policy);
        for (RolloutRecord& r : m_records)
            if (r.active() || r.awaitedPolicyVersion != 0)
                r.awaitedPolicyVersion = m_policy.version;
    }
}

Actuator::~Actuator() = default;

void Actuator::add(const LlmEvent& event)
{
    if (m_live.empty())
        return;
    for (RolloutRecord& r : m_records) {
        if (!r.active())
            break; // finished ones come after the active ones
        if (r.rollout.service() != event.service)
            continue;
        const Rollout& ro = r.rollout;
        bool canary = event.variantName == ro.candidate();
        bool stable = !canary && event.variantName == ro.stable();
        if (!canary && !stable) {
            const std::string id = event.variant.id();
            canary = id == ro.candidate();
            stable = !canary && id == ro.stable();
            if (!canary && !stable)
                return;
        }
        auto [it, added]
            = m_definitions.try_emplace({event.service, canary ? ro.candidate() : ro.stable()});
        if (added)
            it->second = {it->first.second, event.variant.model, event.variant.promptVersion,
                          nlohmann::json::object()};
        if (added && event.variant.temperature)
            it->second.params["temperature"] = *event.variant.temperature;
        if (added && event.variant.topP)
            it->second.params["top_p"] = *event.variant.topP;
        if (added && event.variant.maxTokens)
            it->second.params["max_tokens"] = *event.variant.maxTokens;

        // What each side does does not depend on the split: every call counts
        // for the judge and the sequential check, also while the split changes
        // (the sinks that acknowledged already route by the new weight). The
        // window — the split itself, the analyses' pace, the guardrails — only
        // counts calls once every sink acknowledged the current weight.
        Live& live = *m_live.at(r.id);
        Live::Window& w = live.window;
        const bool inWindow = r.awaitedPolicyVersion == 0 && event.timeUnixNano >= w.startUnixNano;
        Samples& s = canary ? live.canary : live.stable;
        const size_t cap = m_options.maxSamplesPerSide;
        ++s.calls;
        if (inWindow) {
            ++(canary ? w.canaryCalls : w.stableCalls);
            live.canaryCounted += canary ? 1 : 0;
        }
        const double error = event.isError() ? 1.0 : 0.0;
        (canary ? live.canaryErrors : live.stableErrors).add(error);
        if (event.isError()) {
            ++s.errors;
            w.canaryErrors += canary && inWindow ? 1 : 0;
            return; // failed calls have no answer to cost or grade
        }
        keep(s.latency, s.latencySeen, event.latencyMs, cap, m_random);
        if (event.costUsd) {
            keep(s.cost, s.costSeen, *event.costUsd, cap, m_random);
            w.canaryCost += canary && inWindow ? *event.costUsd : 0.0;
        }
        if (const auto q = event.quality()) {
            keep(s.quality, s.qualitySeen, *q, cap, m_random);
            (canary ? live.canaryQuality : live.stableQuality).add(*q);
            if (canary && inWindow)
                w.canaryQuality.add(*q);
        }
        return;
    }
}

RolloutRecord* Actuator::find(int64_t rolloutId)
{
    for (RolloutRecord& r : m_records)
        if (r.id == rolloutId)
            return &r;
    return nullptr;
}

void Actuator::resetWindow(int64_t rolloutId, int64_t now)
{
    const auto it = m_live.find(rolloutId);
    if (it == m_live.end())
        return;
    Live& live = *it->second;
    live.window = {};
    live.window.startUnixNano = now;
}

RoutedVariant Actuator::definition(const std::string& service, const std::string& variant) const
{
    const auto it = m_definitions.find({service, variant});
    if (it != m_definitions.end())
        return it->second;
    // Not seen since the start: as the newest policy defined it (after a
    // restart), else the name is all there is.
    for (const ServicePolicy& p : m_policy.services)
        if (p.service == service)
            for (const RoutedVariant& v : p.variants)
                if (v.name == variant)
                    return v;
    return {variant, {}, {}, nlohmann::json::object()};
}

void Actuator::publishWeights(RolloutRecord& record, int64_t now)
{
    const Rollout& ro = record.rollout;
    ServicePolicy p;
    p.service = ro.service();
    p.flagKey = ro.service() + ".variant";
    p.defaultVariant = ro.phase() == Rollout::Phase::Promoted ? ro.candidate() : ro.stable();
    p.weights = {{ro.stable(), 100 - ro.weight()}, {ro.candidate(), ro.weight()}};
    p.variants = {definition(ro.service(), ro.stable()), definition(ro.service(), ro.candidate())};
    auto it = std::find_if(m_policy.services.begin(), m_policy.services.end(),
                           [&](const ServicePolicy& s) { return s.service == p.service; });
    if (it == m_policy.services.end())
        m_policy.services.push_back(std::move(p));
    else
        *it = std::move(p);
    ++m_policy.version;
    m_policy.createdUnixNano = now;
    record.awaitedPolicyVersion = m_policy.version;
    record.sinkMessage = "publishing policy version " + std::to_string(m_policy.version);
}

void Actuator::save(RolloutRecord& record, int64_t now)
{
    record.updatedUnixNano = now;
    record.id = m_store.saveRollout(record);
}

void Actuator::applied(RolloutRecord& record, const Rollout::Transition& t, int64_t now)
{
    ++m_round;
    record.timeline.push_back(
        {now, t.weight, Rollout::phaseName(record.rollout.phase()), t.message});
    if (record.timeline.size() > RolloutRecord::kTimelineEntries)
        record.timeline.erase(record.timeline.begin());
    const auto current = std::find_if(
        m_policy.services.begin(), m_policy.services.end(),
        [&](const ServicePolicy& s) { return s.service == record.rollout.service(); });
    const bool publish = current == m_policy.services.end() || current->weights.size() != 2
        || current->weights[0].first != record.rollout.stable()
        || current->weights[1].first != record.rollout.candidate()
        || current->weights[1].second != t.weight;
    if (publish)
        publishWeights(record, now);
    try {
        // The new state and the policy it needs are stored together: after a
        // crash the newest stored policy matches the stored rollouts.
        EventStore::Transaction transaction(m_store);
        if (publish)
            m_store.addPolicy(m_policy);
        save(record, now);
        transaction.commit();
    } catch (const StoreError& e) {
        // The transition stands — traffic must follow a rollback even when
        // the disk is full; the state is stored again at the next tick.
        m_storeError = e.what();
        m_unsaved.insert(record.id);
        m_policyUnsaved = m_policyUnsaved || publish;
    }
    if (publish)
        m_publisher.publish(m_policy);
    resetWindow(record.id, now);
    if (!record.active())
        m_live.erase(record.id);
}

std::optional<CanaryJudge::Verdict> Actuator::judge(RolloutRecord& record, int64_t now)
{
    const Live& live = *m_live.at(record.id);
    using Bad = CanaryMetric::Bad;
    const auto metric = [](const char* name, Bad bad, double allowed, double weight,
                           const std::vector<double>& canary, const std::vector<double>& stable) {
        CanaryMetric m;
        m.name = name;
        m.bad = bad;
        m.allowedChange = allowed;
        m.weight = weight;
        m.canary = canary;
        m.stable = stable;
        return m;
    };
    // Errors and quality weigh three times as much as speed and cost: either
    // failing alone fails the analysis (score 62.5), while a slower or
    // dearer canary alone is marginal (87.5) and waits for an operator.
    std::vector<CanaryMetric> metrics{
        metric("error_rate", Bad::Increase, m_options.allowedErrorRateIncrease, 3.0, {}, {}),
        metric("quality", Bad::Decrease, m_options.allowedQualityDecrease, 3.0, live.canary.quality,
               live.stable.quality),
        metric("latency_ms", Bad::Increase, m_options.allowedLatencyIncrease, 1.0,
               live.canary.latency, live.stable.latency),
        metric("cost_usd", Bad::Increase, m_options.allowedCostIncrease, 1.0, live.canary.cost,
               live.stable.cost)};
    metrics[0].isRate = true;
    metrics[0].canaryEvents = live.canary.errors;
    metrics[0].canaryTrials = live.canary.calls;
    metrics[0].stableEvents = live.stable.errors;
    metrics[0].stableTrials = live.stable.calls;
    const CanaryJudge::Result result = m_judge.judge(
        metrics, live.window.canaryCalls, live.window.stableCalls, record.rollout.weight());

    nlohmann::json perMetric = nlohmann::json::array();
    for (size_t i = 0; i < result.metrics.size(); ++i) {
        const CanaryJudge::MetricResult& m = result.metrics[i];
        const CanaryMetric& in = metrics[i];
        const double canaryCentre = in.isRate
            ? (in.canaryTrials ? double(in.canaryEvents) / double(in.canaryTrials) : 0.0)
            : median(in.canary);
        const double stableCentre = in.isRate
            ? (in.stableTrials ? double(in.stableEvents) / double(in.stableTrials) : 0.0)
            : median(in.stable);
        perMetric.push_back({{"name", m.name},
                             {"canary", canaryCentre},
                             {"stable", stableCentre},
                             {"difference", m.comparison.difference},
                             {"low", m.comparison.interval.low},
                             {"high", m.comparison.interval.high},
                             {"tolerated", m.tolerated},
                             {"passed", m.passed},
                             {"enough_data", m.enoughData},
                             {"method", m.comparison.method},
                             {"explanation", m.explanation}});
    }
    record.analyses.push_back({{"time_unix_nano", now},
                               {"weight", record.rollout.weight()},
                               {"verdict", CanaryJudge::verdictName(result.verdict)},
                               {"score", result.score},
                               {"summary", result.summary},
                               {"canary_calls", live.canary.calls},
                               {"stable_calls", live.stable.calls},
                               {"window_canary_calls", live.window.canaryCalls},
                               {"window_stable_calls", live.window.stableCalls},
                               {"sample_ratio_p", result.sampleRatio.pValue},
                               {"metrics", perMetric}});
    if (record.analyses.size() > RolloutRecord::kAnalyses)
        record.analyses.erase(record.analyses.begin());
    ++m_round;
    return result.verdict;
}

std::optional<std::string> Actuator::sequentialVerdict(const RolloutRecord& record)
{
    Live& live = *m_live.at(record.id);
    const uint64_t calls = live.canaryErrors.count() + live.stableErrors.count();
    if (calls == live.lookedAt)
        return std::nullopt;
    live.lookedAt = calls;
    const double alpha = m_options.sequentialAlpha;
    const auto look = [&](std::optional<SequentialTest>& test, const RunningStats& canary,
                          const RunningStats& stable, double tolerated, bool riseIsBad,
                          const char* what) -> std::optional<std::string> {
        if (canary.count() < kSequentialMinimum || stable.count() < kSequentialMinimum)
            return std::nullopt;
        if (!test)
            test.emplace(alpha, std::max(tolerated, 1e-3));
        const double v = canary.variance() / double(canary.count())
            + stable.variance() / double(stable.count());
        test->look(canary.mean() - stable.mean(), v);
        const Interval ci = test->interval();
        if (riseIsBad ? ci.low <= tolerated : ci.high >= -tolerated)
            return std::nullopt;
        return std::string("sequential check: canary ") + what + " "
            + formatted("%.4g", canary.mean()) + " vs stable " + formatted("%.4g", stable.mean())
            + ", difference certainly beyond the tolerated " + formatted("%.4g", tolerated)
            + " (always-valid " + formatted("%g", 100 * (1 - alpha)) + " % interval "
            + formatted("%.4g", ci.low) + " to " + formatted("%.4g", ci.high) + ")";
    };
    if (auto bad
        = look(live.errorTest, live.canaryErrors, live.stableErrors,
               m_options.allowedErrorRateIncrease * std::max(live.stableErrors.mean(), 0.01), true,
               "error rate"))
        return bad;
    return look(live.qualityTest, live.canaryQuality, live.stableQuality,
                m_options.allowedQualityDecrease * live.stableQuality.mean(), false, "quality");
}

void Actuator::storeAgain(int64_t now)
{
    if (m_unsaved.empty() && !m_policyUnsaved)
        return;
    try {
        EventStore::Transaction transaction(m_store);
        if (m_policyUnsaved)
            m_store.addPolicy(m_policy);
        for (int64_t id : m_unsaved)
            if (RolloutRecord* r = find(id))
                save(*r, now);
        transaction.commit();
        m_unsaved.clear();
        m_policyUnsaved = false;
        m_storeError.clear();
    } catch (const StoreError& e) {
        m_storeError = e.what();
    }
}

void Actuator::tick(int64_t now)
{
    storeAgain(now);
    const PolicyPublisher::Status published = m_publisher.status();
    for (size_t i = 0; i < m_records.size(); ++i) {
        RolloutRecord& r = m_records[i];
        if (r.awaitedPolicyVersion != 0) {
            if (published.acknowledgedVersion >= r.awaitedPolicyVersion) {
                r.timeline.push_back({now, r.rollout.weight(),
                                      Rollout::phaseName(r.rollout.phase()),
                                      "policy version " + std::to_string(r.awaitedPolicyVersion)
                                          + " acknowledged by every sink"});
                r.awaitedPolicyVersion = 0;
                r.sinkMessage.clear();
                resetWindow(r.id, now);
                save(r, now);
                ++m_round;
            } else {
                std::string waiting = "holding until every sink acknowledges policy version "
                    + std::to_string(r.awaitedPolicyVersion);
                for (const auto& s : published.sinks)
                    if (s.acknowledgedVersion < r.awaitedPolicyVersion && s.failures > 0)
                        waiting += "; " + s.name + ": " + s.message;
                if (waiting != r.sinkMessage) {
                    r.sinkMessage = std::move(waiting);
                    ++m_round;
                }
                // The sinks that did acknowledge route by the new weight: a
                // clearly bad canary is still stopped while the others lag.
                if (r.active() && r.rollout.weight() > 0)
                    if (auto bad = sequentialVerdict(r))
                        applied(r, r.rollout.rollback(now, *bad), now);
            }
            continue;
        }
        if (!r.active())
            continue;
        Live& live = *m_live.at(r.id);
        const Live::Window& w = live.window;
        r.canaryCalls = w.canaryCalls;
        r.stableCalls = w.stableCalls;

        RolloutObservation o;
        o.nowUnixNano = now;
        o.canarySamples = live.canaryCounted;
        // Certainly above a ceiling, not by the luck of a few calls: the lower
        // end of a 99.9 % interval, looked at once there are a few calls (it
        // is looked at every tick; the strict level keeps the false alarms of
        // all those looks rare).
        if (w.canaryCalls >= kGuardrailMinimum)
            o.canaryErrorRate = wilsonInterval(w.canaryErrors, w.canaryCalls, 0.001).low;
        const double hours = double(now - w.startUnixNano) / (3600.0 * kSecond);
        if (now - w.startUnixNano >= 60 * kSecond)
            o.canarySpendPerHourUsd = w.canaryCost / hours;
        if (w.canaryQuality.count() >= m_options.judge.minSamples)
            o.canaryQuality = w.canaryQuality.mean();
        Rollout::Transition t = r.rollout.guard(o);
        if (!t.changed && r.rollout.weight() > 0)
            if (auto bad = sequentialVerdict(r))
                t = r.rollout.rollback(now, *bad);
        if (!t.changed && r.rollout.phase() == Rollout::Phase::Progressing
            && r.rollout.currentStep() == RolloutStep::Kind::Analysis
            && o.canarySamples - std::min(o.canarySamples, r.rollout.stepStartSamples())
                >= r.rollout.plan().minSamplesPerAnalysis)
            o.analysis = judge(r, now);
        if (!t.changed)
            t = r.rollout.advance(o);
        if (t.changed)
            applied(r, t, now);
    }
    std::stable_partition(m_records.begin(), m_records.end(),
                          [](const RolloutRecord& r) { return r.active(); });
    size_t finished = 0;
    std::erase_if(m_records, [&](const RolloutRecord& r) {
        return !r.active() && r.awaitedPolicyVersion == 0 && ++finished > kFinishedKept;
    });
}

std::vector<RolloutRecord> Actuator::rollouts() const
{
    return m_records;
}

CommandResult Actuator::refuse(int status, std::string message) const
{
    CommandResult r;
    r.status = status;
    r.message = std::move(message);
    return r;
}

std::optional<CommandResult> Actuator::permitted(const ActuatorCommand& c) const
{
    if (!m_audit)
        return refuse(503,
                      "operator commands need an audit log, which an in-memory database "
                      "cannot keep: start with a database file (--db FILE or store.path)");
    if (c.actor.empty())
        return refuse(400, "the command names no operator (user@host)");
    if (m_options.operators.empty())
        return std::nullopt;
    const std::string user = c.actor.substr(0, c.actor.find('@'));
    for (const std::string& allowed : m_options.operators)
        if (allowed == c.actor || allowed == user)
            return std::nullopt;
    return refuse(403,
                  c.actor + " may not " + ActuatorCommand::kindName(c.kind)
                      + ": not among actuator.operators; an administrator can add them to the "
                        "configuration");
}

CommandResult Actuator::audited(const ActuatorCommand& c, const std::string& subject,
                                nlohmann::json evidence, int64_t now, CommandResult result)
{
    if (!c.reason.empty())
        evidence["reason"] = c.reason;
    if (!c.evidence.empty())
        evidence["operator_saw"] = c.evidence;
    try {
        result.auditSeq
            = m_audit->append(c.actor, ActuatorCommand::kindName(c.kind), subject, evidence, now)
                  .seq;
    } catch (const std::exception& e) {
        return refuse(
            503, std::string("not done: the audit record could not be written (") + e.what() + ")");
    }
    return result;
}

CommandResult Actuator::startRollout(const ActuatorCommand& c, int64_t recommendationId,
                                     std::string service, std::string stable, std::string candidate,
                                     int64_t now)
{
    RolloutRecord record{Rollout(std::move(service), std::move(stable), std::move(candidate),
                                 c.plan.value_or(m_options.plan), m_options.guardrails)};
    record.recommendationId = recommendationId;
    record.approvedBy = c.actor;
    record.createdUnixNano = now;
    const Rollout::Transition started = record.rollout.start(now);
    save(record, now); // throws StoreError (503) before anything else happened
    m_live[record.id] = std::make_unique<Live>();
    m_records.insert(m_records.begin(), std::move(record));
    RolloutRecord& r = m_records.front();
    applied(r, started, now);
    CommandResult result;
    result.rolloutId = r.id;
    result.message = "rollout " + std::to_string(r.id) + " of " + r.rollout.service()
        + " started: " + r.rollout.stable() + " → " + r.rollout.candidate();
    return result;
}

CommandResult Actuator::execute(const ActuatorCommand& c, int64_t now)
{
    if (auto refused = permitted(c))
        return *refused;
    using K = ActuatorCommand::Kind;
    const auto activeIn = [&](const std::string& service) {
        return std::any_of(m_records.begin(), m_records.end(), [&](const RolloutRecord& r) {
            return r.active() && r.rollout.service() == service;
        });
    };
    // Checks the plan before anything is recorded: a refused command leaves no trace but its
    // answer.
    const auto invalidPlan = [&]() -> std::optional<CommandResult> {
        if (!c.plan)
            return std::nullopt;
        if (std::string problem = c.plan->validate(m_options.guardrails); !problem.empty())
            return refuse(400, "the plan cannot run: " + problem);
        return std::nullopt;
    };
    try {
        switch (c.kind) {
        case K::Approve:
        case K::Reject: {
            const std::optional<Recommendation> rec = m_store.recommendation(c.recommendationId);
            if (!rec)
                return refuse(404, "no recommendation " + std::to_string(c.recommendationId));
            if (rec->status != Recommendation::Status::Proposed)
                return refuse(409,
                              "recommendation " + std::to_string(rec->id) + " is "
                                  + std::string(Recommendation::statusName(rec->status))
                                  + " already");
            const bool moves = c.kind == K::Approve
                && (rec->action == "switch" || rec->action == "fall_back")
                && !rec->fromVariant.empty() && !rec->toVariant.empty();
            if (moves && activeIn(rec->service))
                return refuse(
                    409, rec->service + " has a rollout in progress; finish or abort it first");
            if (moves)
                if (auto bad = invalidPlan())
                    return *bad;
            const std::string subject = "recommendation/" + std::to_string(rec->id);
            CommandResult result = audited(
                c, subject, {{"recommendation", rec->toJson()}}, now,
                {200, subject + " " + (c.kind == K::Approve ? "approved" : "rejected"), 0, 0});
            if (!result.ok())
                return result;
            if (!m_store.decideRecommendation(rec->id,
                                              c.kind == K::Approve
                                                  ? Recommendation::Status::Approved
                                                  : Recommendation::Status::Rejected,
                                              c.actor, now))
                return refuse(409, subject + " was answered by someone else meanwhile");
            ++m_round;
            if (!moves)
                return result;
            // Variants that traffic has not shown yet (an offline experiment's
            // arms) come with their definitions, for the policy to carry.
            if (const auto v = rec->evidence.find("variants");
                v != rec->evidence.end() && v->is_array())
                for (const auto& d : *v)
                    if (d.is_object() && !d.value("name", std::string()).empty())
                        m_definitions[{rec->service, d.value("name", std::string())}]
                            = {d.value("name", std::string()), d.value("model", std::string()),
                               d.value("prompt_version", std::string()),
                               d.value("params", nlohmann::json::object())};
            CommandResult started
                = startRollout(c, rec->id, rec->service, rec->fromVariant, rec->toVariant, now);
            started.auditSeq = result.auditSeq;
            return started;
        }
        case K::Start: {
            if (c.service.empty() || c.stable.empty() || c.candidate.empty())
                return refuse(400, "a rollout needs a service, a stable and a candidate variant");
            if (c.stable == c.candidate)
                return refuse(400, "the candidate is the stable variant");
            if (activeIn(c.service))
                return refuse(409,
                              c.service + " has a rollout in progress; finish or abort it first");
            if (auto bad = invalidPlan())
                return *bad;
            CommandResult result
                = audited(c, "service/" + c.service,
                          {{"stable", c.stable},
                           {"candidate", c.candidate},
                           {"plan",
                            Rollout(c.service, c.stable, c.candidate,
                                    c.plan.value_or(m_options.plan), m_options.guardrails)
                                .toJson()["plan"]}},
                          now, {});
            if (!result.ok())
                return result;
            CommandResult started = startRollout(c, 0, c.service, c.stable, c.candidate, now);
            started.auditSeq = result.auditSeq;
            return started;
        }
        case K::Confirm:
        case K::Abort:
        case K::Rollback: {
            RolloutRecord* r = find(c.rolloutId);
            if (!r)
                return refuse(404, "no rollout " + std::to_string(c.rolloutId));
            const Rollout::Phase phase = r->rollout.phase();
            if (c.kind == K::Confirm && phase != Rollout::Phase::Paused)
                return refuse(409,
                              "rollout " + std::to_string(r->id) + " is "
                                  + Rollout::phaseName(phase)
                                  + "; only a paused one waits for a "
                                    "confirmation");
            if (c.kind == K::Abort && !r->active())
                return refuse(409,
                              "rollout " + std::to_string(r->id) + " has ended ("
                                  + Rollout::phaseName(phase) + ")");
            if (c.kind == K::Rollback
                && (phase == Rollout::Phase::RolledBack || phase == Rollout::Phase::Aborted))
                return refuse(409,
                              "rollout " + std::to_string(r->id) + " is "
                                  + Rollout::phaseName(phase) + " already");
            if (c.kind == K::Rollback && phase == Rollout::Phase::Promoted) {
                const auto newer
                    = std::find_if(m_records.begin(), m_records.end(), [&](const RolloutRecord& x) {
                          return x.rollout.service() == r->rollout.service() && x.id > r->id;
                      });
                if (newer != m_records.end())
                    return refuse(
                        409,
                        "rollout " + std::to_string(newer->id) + " of " + r->rollout.service()
                            + " came after rollout " + std::to_string(r->id)
                            + "; roll that one back, or start a rollout to " + r->rollout.stable());
            }
            const std::string subject = "rollout/" + std::to_string(r->id);
            CommandResult result = audited(c, subject, {{"rollout", r->rollout.toJson()}}, now, {});
            if (!result.ok())
                return result;
            const std::string why = "by " + c.actor + (c.reason.empty() ? "" : ": " + c.reason);
            const Rollout::Transition t = c.kind == K::Confirm ? r->rollout.confirm(now)
                : c.kind == K::Abort                           ? r->rollout.abort(now, why)
                                                               : r->rollout.rollback(now, why);
            applied(*r, t, now);
            result.rolloutId = r->id;
            result.message = subject + ": " + t.message;
            std::stable_partition(m_records.begin(), m_records.end(),
                                  [](const RolloutRecord& x) { return x.active(); });
            return result;
        }
        }
    } catch (const std::invalid_argument& e) {
        return refuse(400, e.what());
    } catch (const StoreError& e) {
        return refuse(503, std::string("the database refused: ") + e.what());
    }
    return refuse(400, "unknown command");
}

} // namespace llmopt
