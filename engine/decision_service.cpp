#include "decision_service.h"

#include "llm_event.h"

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

bool DecisionService::feedback(uint64_t decisionId, double quality, double costUsd,
                               double latencyMs, int64_t nowUnixNano)
{
    const size_t index = decisionId & ((1u << kServiceBits) - 1);
    std::lock_guard lock(m_mutex);
    if (index >= m_services.size())
        return false;
    const Service& s = m_services[index];
    if (!s.router->feedback(decisionId >> kServiceBits, quality, costUsd, latencyMs))
        return false;
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
        return feedback(id, *e.quality(), cost.value_or(0.0), e.latencyMs, e.timeUnixNano);
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

std::vector<std::string> DecisionService::services() const
{
    std::vector<std::string> out;
    for (const Service& s : m_services)
        out.push_back(s.config.service);
    return out;
}

} // namespace llmopt
