#include "variant_router.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace llmopt {

VariantRouter::VariantRouter(std::string service, std::vector<std::string> arms, Options options)
    : m_service(std::move(service))
    , m_arms(std::move(arms))
    , m_options(std::move(options))
    , m_features({m_service}, m_options.taskTypes)
    , m_bandit(m_arms.size(), m_features.dimension(), m_options.mode, m_options.bandit)
    , m_rng(m_options.seed)
    , m_x(Eigen::VectorXd::Zero(Eigen::Index(m_features.dimension())))
    , m_pending(m_options.pendingCapacity)
{
    if (m_arms.empty())
        throw std::invalid_argument("router for " + m_service + ": no variants to choose from");
    if (m_options.pendingCapacity == 0)
        throw std::invalid_argument("router for " + m_service + ": pending capacity must be ≥ 1");
}

RoutingDecision VariantRouter::decide(const RequestContext& request)
{
    // Out-of-range context (from a client) is "unknown", never undefined behaviour.
    RequestContext context = request;
    if (!(context.hourUtc >= 0 && context.hourUtc < 24))
        context.hourUtc = std::numeric_limits<double>::quiet_NaN();
    context.inputTokens = std::clamp<int64_t>(context.inputTokens, -1, kMaxInputTokens);
    const ContextFeatures::Slots where = m_features.slotsOf(m_service, context.taskType);
    m_features.encode(where, context.inputTokens, context.hourUtc, m_x);
    const LinearBandit::Decision d = m_bandit.choose(m_x, m_rng);
    RoutingDecision out;
    out.decisionId = m_nextId++;
    out.arm = d.arm;
    if (d.propensity) {
        out.propensity = *d.propensity;
    } else { // Thompson: exact by quadrature, off the fast path of UCB
        std::vector<double> p(m_arms.size());
        m_bandit.probabilities(m_x, p);
        out.propensity = p[d.arm];
    }
    m_pending[out.decisionId % m_pending.size()]
        = {out.decisionId, where, context.inputTokens, float(context.hourUtc), uint32_t(d.arm)};
    return out;
}

bool VariantRouter::feedback(uint64_t decisionId, double quality, double costUsd, double latencyMs)
{
    Pending& p = m_pending[decisionId % m_pending.size()];
    const double reward = m_options.reward.reward(quality, costUsd, latencyMs);
    // One absurd outcome (a cost of 1e300) must not poison the model: the
    // reward itself has to be a usable number, not just its parts.
    if (decisionId == 0 || p.id != decisionId || !std::isfinite(reward)
        || std::abs(reward) > kMaxAbsReward)
        return false;
    p.id = 0; // answered
    m_features.encode(p.where, p.inputTokens, p.hourUtc, m_x);
    m_bandit.update(p.arm, m_x, reward);
    ++m_feedback;
    return true;
}

} // namespace llmopt
