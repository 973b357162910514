#include "sequential_test.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace llmopt {

SequentialTest::SequentialTest(double alpha, double tau)
    : m_alpha(alpha)
    , m_tau(tau)
    , m_interval{-std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()}
{
    if (!(alpha > 0 && alpha < 1) || !(tau > 0) || !std::isfinite(tau))
        throw std::invalid_argument("sequential test: α must be in (0, 1) and τ positive");
}

double SequentialTest::likelihoodRatio(double difference, double variance, double tau)
{
    const double t2 = tau * tau;
    return std::sqrt(variance / (variance + t2))
        * std::exp(t2 * difference * difference / (2.0 * variance * (variance + t2)));
}

double SequentialTest::halfWidth(double variance, double tau, double alpha)
{
    const double t2 = tau * tau;
    return std::sqrt(variance * (variance + t2) / t2
                     * (2.0 * std::log(1.0 / alpha) + std::log((variance + t2) / variance)));
}

void SequentialTest::look(double difference, double variance)
{
    if (!(variance > 0) || !std::isfinite(variance) || !std::isfinite(difference))
        return;
    ++m_looks;
    m_pValue = std::min(m_pValue, 1.0 / likelihoodRatio(difference, variance, m_tau));
    const double half = halfWidth(variance, m_tau, m_alpha);
    const Interval both{std::max(m_interval.low, difference - half),
                        std::min(m_interval.high, difference + half)};
    // Disjoint intervals happen with probability ≤ α (the sequence missed θ
    // once); the earlier intersection is kept rather than an empty one.
    if (both.low <= both.high)
        m_interval = both;
}

} // namespace llmopt
