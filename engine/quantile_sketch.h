#pragma once

#include <cstdint>
#include <vector>

namespace llmopt {

// Mergeable quantile sketch with bounded relative error (DDSketch, Masson,
// Rim & Lee, VLDB 2019): values fall into logarithmic bins of ratio
// γ = (1+α)/(1−α), so any reported quantile is within α of a true sample value.
// Non-positive values are counted in a zero bin. Memory grows with log(max/min), not with count.
class QuantileSketch {
public:
    explicit QuantileSketch(double relativeAccuracy = 0.01);

    void add(double value);
    void merge(const QuantileSketch& other);
    // q in [0, 1]; 0 for an empty sketch.
    double quantile(double q) const;
    uint64_t count() const { return m_count; }

private:
    int binIndex(double value) const;
    double binValue(int index) const;

    double m_alpha;
    double m_gamma;
    double m_logGamma;
    uint64_t m_count = 0;
    uint64_t m_zeroCount = 0;
    int m_offset = 0; // bin index of m_bins[0]
    std::vector<uint64_t> m_bins;
};

} // namespace llmopt
