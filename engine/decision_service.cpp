#include "decision_service.h"

#include "llm_event.h"
#include "off_policy_evaluation.h"
#include "policy_document.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace llmopt {

DecisionService::DecisionService(std::vector<RoutingConfig> services, uint64_t seed)
{
    if (services.size() >= (1u << kServiceBits))
        throw std::invalid_argument("routing: at most 255 services");
    for (RoutingConfig& c : services) {
        std::vector<std::string> arms;
        for (const RoutedVariant& v : c.variants)
            arms.push_back(v.name);
        VariantRouter::Options o;
        o.reward = c.reward;
        o.taskTypes = c.taskTypes;
        o.seed = seed + m_services.size();
        auto router = std::make_unique<VariantRouter>(c.service, std::move(arms), o);
        m_services.push_back({std::move(c), std::move(router)});
    }
}

void DecisionService::log(DecisionRecord&& record)
{
    if (m_log.size() >= kMaxQueuedRecords) {
        ++m_dropped; // the engine thread is not draining (stopped or stalled)
        return;
    }
    m_log.push_back(std::move(record));
}

std::optional<DecisionService::Decision> DecisionService::decide(const std::string& service,
                                                                 const RequestContext& context,
                                                                 int64_t nowUnixNano)
{
    std::lock_guard lock(m_mutex);
    for (size_t i = 0; i < m_services.size(); ++i) {
        Service& s = m_services[i];
        if (s.config.service != service)
            continue;
        if (auto followed = followPolicy(i, context, nowUnixNano))
            return followed;
        const RoutingDecision d = s.router->decide(context);
        Decision out{d.decisionId << kServiceBits | i, &s.config.variants[d.arm], d.propensity};
        DecisionRecord r;
        r.id = out.id;
        r.timeUnixNano = nowUnixNano;
        r.service = service;
        r.variant = out.variant->name;
        r.propensity = d.propensity;
        r.context = context;
        log(std::move(r));
        return out;
    }
    return std::nullopt;
}

std::optional<DecisionService::Decision>
DecisionService::followPolicy(size_t index, const RequestContext& context, int64_t nowUnixNano)
{
    const std::shared_ptr<const PolicyDocument> policy = m_policy.load();
    if (!policy)
        return std::nullopt;
    const Service& s = m_services[index];
    for (const ServicePolicy& p : policy->services) {
        if (p.service != s.config.service)
            continue;
        // Whole percents adding up to 100: a draw in [0, 100) picks the variant.
        int pick = static_cast<int>(m_policyRandom() % 100);
        for (const auto& [name, percent] : p.weights) {
            if ((pick -= percent) >= 0)
                continue;
            for (const RoutedVariant& v : s.config.variants) {
                if (v.name != name)
                    continue;
                const uint64_t n = ++m_policyDecisions;
                m_policyPending[n % kPolicyPending] = n;
                Decision out{(n << kServiceBits | index) | kPolicyBit, &v, percent / 100.0};
                DecisionRecord r;
                r.id = out.id;
                r.timeUnixNano = nowUnixNano;
                r.service = s.config.service;
                r.variant = v.name;
                r.propensity = out.propensity;
                r.context = context;
                log(std::move(r));
                return out;
            }
            return std::nullopt; // a variant routing does not know: the router decides
        }
    }
    return std::nullopt;
}

PolicySink::Result DecisionService::publish(const PolicyDocument& document)
{
    // A service this sidecar routes must have every variant the policy names,
    // or its decisions could not follow: the rollout then holds, and says why.
    for (const ServicePolicy& p : document.services)
        for (const Service& s : m_services)
            if (s.config.service == p.service)
                for (const auto& [name, percent] : p.weights)
                    if (percent > 0
                        && std::none_of(s.config.variants.begin(), s.config.variants.end(),
                                        [&](const RoutedVariant& v) { return v.name == name; }))
                        return {false,
                                "routing of " + p.service + " has no variant \"" + name
                                    + "\" that the policy sends traffic to; add it under "
                                      "routing: in the configuration"};
    m_policy.store(std::make_shared<const PolicyDocument>(document));
    return {true, "decisions follow policy version " + std::to_string(document.version)};
}

bool DecisionService::feedback(uint64_t decisionId, double quality, double costUsd,
                               double latencyMs, int64_t nowUnixNano)
{
    const size_t index = decisionId & ((1u << kServiceBits) - 1);
    if (index >= m_services.size() || !(quality >= 0 && quality <= 1))
        return false;
    const Service& s = m_services[index];
    // A cost or latency the reward weighs must be known (NaN: not reported);
    // one it does not weigh counts as 0.
    for (auto [value, weight] :
         {std::pair{&costUsd, s.config.reward.perUsd}, {&latencyMs, s.config.reward.perSecond}}) {
        if (std::isnan(*value) && weight != 0)
            return false;
        if (std::isnan(*value))
            *value = 0;
        if (!(*value >= 0) || !std::isfinite(*value))
            return false;
    }
    std::lock_guard lock(m_mutex);
    if (decisionId & kPolicyBit) { // made by the policy: logged, not learnt from
        const uint64_t n = (decisionId & ~kPolicyBit) >> kServiceBits;
        if (n == 0 || m_policyPending[n % kPolicyPending] != n)
            return false; // unknown, too old, or answered already
        m_policyPending[n % kPolicyPending] = 0;
    } else if (!s.router->feedback(decisionId >> kServiceBits, quality, costUsd, latencyMs)) {
        return false;
    }
    DecisionRecord r;
    r.id = decisionId;
    r.timeUnixNano = nowUnixNano;
    r.isFeedback = true;
    r.quality = quality;
    r.costUsd = costUsd;
    r.latencyMs = latencyMs;
    r.reward = s.config.reward.reward(quality, costUsd, latencyMs);
    log(std::move(r));
    return true;
}

bool DecisionService::feedback(const LlmEvent& e)
{
    for (const auto& [key, value] : e.attributes) {
        if (key != kDecisionAttribute)
            continue;
        uint64_t id = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), id);
        const size_t index = id & ((1u << kServiceBits) - 1);
        if (ec != std::errc() || end != value.data() + value.size() || index >= m_services.size())
            return false;
        // The services never change after construction: no lock to read their weights.
        if (!m_services[index].config.reward.reward(e))
            return false; // no quality, or a cost the reward needs is unknown
        const auto cost = e.costUsd ? e.costUsd : e.reportedCostUsd;
        return feedback(id, *e.quality(), cost.value_or(std::nan("")), e.latencyMs, e.timeUnixNano);
    }
    return false;
}

void DecisionService::takeLog(std::vector<DecisionRecord>& out)
{
    out.clear();
    std::lock_guard lock(m_mutex);
    out.swap(m_log); // the two buffers trade places: neither is freed and allocated again
}

uint64_t DecisionService::droppedRecords() const
{
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

std::optional<nlohmann::json>
DecisionService::evaluateFixedVariant(const std::string& service, const std::string& variant,
                                      const std::vector<DecisionRecord>& log) const
{
    const auto s = std::find_if(m_services.begin(), m_services.end(),
                                [&](const Service& x) { return x.config.service == service; });
    if (s == m_services.end())
        return std::nullopt;
    const auto& variants = s->config.variants;
    const auto target = std::find_if(variants.begin(), variants.end(),
                                     [&](const RoutedVariant& v) { return v.name == variant; });
    if (target == variants.end())
        return std::nullopt;
    const ContextFeatures features({service}, s->config.taskTypes);
    std::vector<LoggedDecision> logged;
    double earned = 0;
    for (const DecisionRecord& r : log) {
        const auto arm = std::find_if(variants.begin(), variants.end(),
                                      [&](const RoutedVariant& v) { return v.name == r.variant; });
        // Only decisions with an outcome, of variants still configured, count.
        if (!r.isFeedback || arm == variants.end() || !(r.propensity > 0 && r.propensity <= 1))
            continue;
        LoggedDecision d;
        features.encode(service, r.context.taskType, r.context.inputTokens, r.context.hourUtc,
                        d.context);
        d.action = size_t(arm - variants.begin());
        d.reward = r.reward;
        d.propensity = r.propensity;
        earned += r.reward;
        logged.push_back(std::move(d));
    }
    if (logged.empty())
        return nlohmann::json{
            {"error",
             "no logged decision of " + service + " has its outcome yet; send feedback first"}};
    Eigen::MatrixXd policy
        = Eigen::MatrixXd::Zero(Eigen::Index(logged.size()), Eigen::Index(variants.size()));
    policy.col(target - variants.begin()).setOnes();
    const OffPolicyEvaluation ope(logged, variants.size());
    // An estimator that is undefined on this log (SNIPS when the log never
    // took the target's action) says so instead of failing the others.
    auto estimate = [&](const char* method, auto&& run) {
        try {
            const PolicyValueEstimate e = run();
            return nlohmann::json{{"method", e.method},
                                  {"value", e.value},
                                  {"standard_error", e.standardError},
                                  {"ci95", {e.interval.low, e.interval.high}},
                                  {"effective_sample_size", e.effectiveSampleSize}};
        } catch (const std::invalid_argument& e) {
            return nlohmann::json{{"method", method}, {"error", e.what()}};
        }
    };
    return nlohmann::json{{"service", service},
                          {"policy", "always " + variant},
                          {"decisions", logged.size()},
                          {"logged_policy_mean_reward", earned / double(logged.size())},
                          {"estimates",
                           {estimate("IPS", [&] { return ope.ips(policy); }),
                            estimate("SNIPS", [&] { return ope.selfNormalizedIps(policy); }),
                            estimate("DR", [&] { return ope.doublyRobust(policy); })}}};
}

std::vector<std::string> DecisionService::services() const
{
    std::vector<std::string> out;
    for (const Service& s : m_services)
        out.push_back(s.config.service);
    return out;
}

} // namespace llmopt
