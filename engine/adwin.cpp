#include "adwin.h"

#include <algorithm>
#include <cmath>

namespace llmopt {

namespace {

// Combining two summaries (Chan, Golub & LeVeque).
void combine(double& total, double& m2, uint64_t& count, double otherTotal, double otherM2,
             uint64_t otherCount)
{
    if (otherCount == 0)
        return;
    if (count > 0) {
        const double n = double(count), m = double(otherCount);
        const double delta = otherTotal / m - total / n;
        m2 += otherM2 + delta * delta * n * m / (n + m);
    } else {
        m2 = otherM2;
    }
    total += otherTotal;
    count += otherCount;
}

} // namespace

Adwin::Adwin()
    : Adwin(Options{})
{
}

Adwin::Adwin(Options options)
    : m_options(options)
{
}

bool Adwin::update(double value)
{
    if (m_rows.empty())
        m_rows.emplace_back();
    m_rows[0].push_back({value, 0.0, 1});
    combine(m_total, m_m2, m_width, value, 0.0, 1);
    compress();
    ++m_seen;
    if (m_seen % uint64_t(m_options.clock) != 0 || m_width <= uint64_t(m_options.gracePeriod))
        return false;
    bool changed = false;
    while (detect()) {
        changed = true;
        dropOldest();
    }
    if (changed)
        ++m_detections;
    return changed;
}

void Adwin::compress()
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].size() <= size_t(m_options.maxBuckets))
            return;
        // The two oldest buckets of this size become one of twice the size.
        Bucket a = m_rows[i].front();
        m_rows[i].pop_front();
        const Bucket b = m_rows[i].front();
        m_rows[i].pop_front();
        combine(a.total, a.m2, a.count, b.total, b.m2, b.count);
        if (i + 1 == m_rows.size())
            m_rows.emplace_back();
        m_rows[i + 1].push_back(a);
    }
}

// Tests every split between buckets, oldest part first, against the bound.
bool Adwin::detect()
{
    if (m_width <= uint64_t(2 * m_options.minWindowLength))
        return false;
    const double n = double(m_width);
    const double deltaPrime = std::log(2.0 * std::log(n) / m_options.delta);
    const double variance = m_m2 / n;
    uint64_t n0 = 0;
    double total0 = 0.0;
    for (size_t row = m_rows.size(); row-- > 0;) {
        for (const Bucket& b : m_rows[row]) {
            n0 += b.count;
            total0 += b.total;
            const uint64_t n1 = m_width - n0;
            if (n0 < uint64_t(m_options.minWindowLength)
                || n1 < uint64_t(m_options.minWindowLength))
                continue;
            const double mean0 = total0 / double(n0);
            const double mean1 = (m_total - total0) / double(n1);
            const double mRecip = 1.0 / double(n0 - uint64_t(m_options.minWindowLength) + 1)
                + 1.0 / double(n1 - uint64_t(m_options.minWindowLength) + 1);
            const double epsilon
                = std::sqrt(2.0 * mRecip * variance * deltaPrime) + 2.0 / 3.0 * deltaPrime * mRecip;
            if (std::abs(mean0 - mean1) > epsilon)
                return true;
        }
    }
    return false;
}

void Adwin::dropOldest()
{
    for (size_t row = m_rows.size(); row-- > 0;) {
        if (m_rows[row].empty())
            continue;
        const Bucket b = m_rows[row].front();
        m_rows[row].pop_front();
        // Remove b's share of the window's total and squared deviations.
        const uint64_t rest = m_width - b.count;
        if (rest == 0) {
            m_width = 0;
            m_total = m_m2 = 0.0;
        } else {
            const double restTotal = m_total - b.total;
            const double delta = b.total / double(b.count) - restTotal / double(rest);
            m_m2 -= b.m2 + delta * delta * double(b.count) * double(rest) / double(m_width);
            m_m2 = std::max(0.0, m_m2);
            m_total = restTotal;
            m_width = rest;
        }
        while (!m_rows.empty() && m_rows.back().empty())
            m_rows.pop_back();
        return;
    }
}

} // namespace llmopt
