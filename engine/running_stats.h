#pragma once

#include <cstdint>
#include <limits>

namespace llmopt {

// Count, sum, mean, variance, minimum and maximum of a stream in constant
// memory: Welford's update for one value, and Chan, Golub & LeVeque's pairwise
// combination for merging two summaries (windows into longer ranges), both
// numerically stable where the textbook sum-of-squares formula is not.
class RunningStats {
public:
    void add(double x)
    {
        ++m_count;
        const double delta = x - m_mean;
        m_mean += delta / static_cast<double>(m_count);
        m_m2 += delta * (x - m_mean);
        m_min = x < m_min ? x : m_min;
        m_max = x > m_max ? x : m_max;
    }
    void merge(const RunningStats& other);

    uint64_t count() const { return m_count; }
    double mean() const { return m_count ? m_mean : 0.0; }
    double sum() const { return m_mean * static_cast<double>(m_count); }
    // Sample variance (n − 1 in the denominator); 0 below two values.
    double variance() const { return m_count > 1 ? m_m2 / static_cast<double>(m_count - 1) : 0.0; }
    double standardDeviation() const;
    double min() const { return m_count ? m_min : 0.0; }
    double max() const { return m_count ? m_max : 0.0; }

private:
    uint64_t m_count = 0;
    double m_mean = 0.0;
    double m_m2 = 0.0; // sum of squared deviations from the mean
    double m_min = std::numeric_limits<double>::infinity();
    double m_max = -std::numeric_limits<double>::infinity();
};

} // namespace llmopt
