#include "running_stats.h"

#include <algorithm>
#include <cmath>

namespace llmopt {

void RunningStats::merge(const RunningStats& other)
{
    if (other.m_count == 0)
        return;
    if (m_count == 0) {
        *this = other;
        return;
    }
    const double n = static_cast<double>(m_count);
    const double m = static_cast<double>(other.m_count);
    const double delta = other.m_mean - m_mean;
    m_mean += delta * m / (n + m);
    m_m2 += other.m_m2 + delta * delta * n * m / (n + m);
    m_count += other.m_count;
    m_min = std::min(m_min, other.m_min);
    m_max = std::max(m_max, other.m_max);
}

double RunningStats::standardDeviation() const
{
    return std::sqrt(variance());
}

} // namespace llmopt
