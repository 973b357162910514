#include "quantile_sketch.h"

#include <algorithm>
#include <cmath>

namespace llmopt {

QuantileSketch::QuantileSketch(double relativeAccuracy)
    : m_alpha(relativeAccuracy)
    , m_gamma((1.0 + relativeAccuracy) / (1.0 - relativeAccuracy))
    , m_logGamma(std::log(m_gamma))
{
}

int QuantileSketch::binIndex(double value) const
{
    return static_cast<int>(std::ceil(std::log(value) / m_logGamma));
}

double QuantileSketch::binValue(int index) const
{
    // The point of bin (γ^(i-1), γ^i] with relative distance ≤ α to both ends.
    return 2.0 * std::pow(m_gamma, index) / (m_gamma + 1.0);
}

void QuantileSketch::add(double value)
{
    ++m_count;
    if (!(value > kMinValue) || std::isnan(value)) {
        ++m_zeroCount;
        return;
    }
    const int index = binIndex(std::min(value, kMaxValue));
    if (m_bins.empty()) {
        m_offset = index;
        m_bins.push_back(0);
    } else if (index < m_offset) {
        m_bins.insert(m_bins.begin(), static_cast<size_t>(m_offset - index), 0);
        m_offset = index;
    } else if (index >= m_offset + static_cast<int>(m_bins.size())) {
        m_bins.resize(static_cast<size_t>(index - m_offset + 1), 0);
    }
    ++m_bins[static_cast<size_t>(index - m_offset)];
}

void QuantileSketch::merge(const QuantileSketch& other)
{
    if (other.m_alpha != m_alpha) {
        // Different bin widths: re-add other's bin centres (keeps its accuracy bound).
        for (size_t i = 0; i < other.m_bins.size(); ++i)
            for (uint64_t n = 0; n < other.m_bins[i]; ++n)
                add(other.binValue(other.m_offset + static_cast<int>(i)));
        for (uint64_t n = 0; n < other.m_zeroCount; ++n)
            add(0.0);
        return;
    }
    m_count += other.m_count;
    m_zeroCount += other.m_zeroCount;
    if (other.m_bins.empty())
        return;
    if (m_bins.empty()) {
        m_bins = other.m_bins;
        m_offset = other.m_offset;
        return;
    }
    const int lo = std::min(m_offset, other.m_offset);
    const int hi = std::max(m_offset + static_cast<int>(m_bins.size()),
                            other.m_offset + static_cast<int>(other.m_bins.size()));
    std::vector<uint64_t> bins(static_cast<size_t>(hi - lo), 0);
    for (size_t i = 0; i < m_bins.size(); ++i)
        bins[static_cast<size_t>(m_offset - lo) + i] += m_bins[i];
    for (size_t i = 0; i < other.m_bins.size(); ++i)
        bins[static_cast<size_t>(other.m_offset - lo) + i] += other.m_bins[i];
    m_bins = std::move(bins);
    m_offset = lo;
}

std::vector<std::pair<double, uint64_t>> QuantileSketch::histogram() const
{
    std::vector<std::pair<double, uint64_t>> out;
    if (m_zeroCount)
        out.emplace_back(0.0, m_zeroCount);
    for (size_t i = 0; i < m_bins.size(); ++i)
        if (m_bins[i])
            out.emplace_back(binValue(m_offset + static_cast<int>(i)), m_bins[i]);
    return out;
}

double QuantileSketch::quantile(double q) const
{
    if (m_count == 0)
        return 0.0;
    q = std::clamp(q, 0.0, 1.0);
    // Rank of the lower q-quantile among the sorted samples, 0-based.
    const auto rank = static_cast<uint64_t>(q * static_cast<double>(m_count - 1));
    if (rank < m_zeroCount)
        return 0.0;
    uint64_t seen = m_zeroCount;
    for (size_t i = 0; i < m_bins.size(); ++i) {
        seen += m_bins[i];
        if (seen > rank)
            return binValue(m_offset + static_cast<int>(i));
    }
    return binValue(m_offset + static_cast<int>(m_bins.size()) - 1);
}

} // namespace llmopt
