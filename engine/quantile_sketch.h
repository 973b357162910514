#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace llmopt {

// Mergeable quantile sketch with bounded relative error (DDSketch, Masson,
// Rim & Lee, VLDB 2019): values fall into logarithmic bins of ratio
// γ = (1+α)/(1−α), so any reported quantile is within α of a true sample value.
// Memory grows with log(max/min) of the values, not with their count.
class QuantileSketch {
public:
    explicit QuantileSketch(double relativeAccuracy = 0.01);

    // Values at or below kMinValue count as zero and values above kMaxValue as
    // kMaxValue, which bounds the bins to log_γ(kMaxValue / kMinValue) (≈ 1,700 at 1%).
    static constexpr double kMinValue = 1e-6;
    static constexpr double kMaxValue = 1e12;

    void add(double value);
    void merge(const QuantileSketch& other);
    // q in [0, 1]; 0 for an empty sketch.
    double quantile(double q) const;
    uint64_t count() const { return m_count; }
    // The non-empty bins as (representative value, count), in increasing
    // order; values that count as zero come first as 0.
    std::vector<std::pair<double, uint64_t>> histogram() const;

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
