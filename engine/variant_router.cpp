#include "variant_router.h"

#include <cmath>
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
    , m_pendingId(m_options.pendingCapacity, 0)
    , m_pendingArm(m_options.pendingCapacity, 0)
    , m_pendingContext(Eigen::Index(m_features.dimension()),
                       Eigen::Index(m_options.pendingCapacity))
{
    if (m_arms.empty())
        throw std::invalid_argument("router for " + m_service + ": no variants to choose from");
    if (m_options.pendingCapacity == 0)
        throw std::invalid_argument("router for " + m_service + ": pending capacity must be ≥ 1");
}

RoutingDecision VariantRouter::decide(const RequestContext& context)
{
    m_features.encode(m_service, context.taskType, context.inputTokens, context.hourUtc, m_x);
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
    const size_t slot = out.decisionId % m_options.pendingCapacity;
    m_pendingId[slot] = out.decisionId;
    m_pendingArm[slot] = static_cast<uint32_t>(d.arm);
    m_pendingContext.col(Eigen::Index(slot)) = m_x;
    return out;
}

bool VariantRouter::feedback(uint64_t decisionId, double quality, double costUsd, double latencyMs)
{
    const size_t slot = decisionId % m_options.pendingCapacity;
    if (decisionId == 0 || m_pendingId[slot] != decisionId || !std::isfinite(quality)
        || !std::isfinite(costUsd) || !std::isfinite(latencyMs))
        return false;
    m_pendingId[slot] = 0; // answered
    m_x = m_pendingContext.col(Eigen::Index(slot));
    m_bandit.update(m_pendingArm[slot], m_x, m_options.reward.reward(quality, costUsd, latencyMs));
    ++m_feedback;
    return true;
}

} // namespace llmopt
