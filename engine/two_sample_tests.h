#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace llmopt {

// Tests of whether two samples (a reference window and a current one) come
// from the same distribution: the drift analyzer's evidence.

// Population Stability Index Σ (aᵢ − eᵢ)·ln(aᵢ/eᵢ) over bins, from the shares
// of the expected (reference) and actual (current) distribution. Shares below
// `floor` are raised to it so that an empty bin costs a large but finite
// amount. Usual reading: < 0.1 stable, 0.1–0.25 moderate shift, > 0.25 major.
double populationStabilityIndex(std::span<const double> expectedShare,
                                std::span<const double> actualShare, double floor = 1e-4);

// Bin edges at the reference sample's deciles (or fewer quantiles when it
// has fewer distinct values), and the share of `sample` in each bin.
std::vector<double> quantileEdges(std::vector<double> reference, int bins = 10);
std::vector<double> binShares(std::span<const double> sample, std::span<const double> edges);

struct TestResult {
    double statistic = 0.0;
    double pValue = 1.0;
    double degreesOfFreedom = 0.0; // chi-square only
    std::string method;
};

// Two-sample Kolmogorov–Smirnov test, two-sided: D = sup |F₁ − F₂|. The
// p-value is exact (counting the lattice paths of the two merged samples that
// stay within D, as in Hodges 1958) when n·m ≤ 10,000, and otherwise from the
// Kolmogorov distribution at √(nm/(n+m))·D.
TestResult kolmogorovSmirnov(std::vector<double> a, std::vector<double> b);
// P(K > x) for the Kolmogorov distribution: 2 Σ (−1)^(k−1) e^(−2k²x²).
double kolmogorovSurvival(double x);

// The same test on two quantile sketches (DDSketch histograms): D is taken at
// the bins, so values are resolved to the sketch's 1 %; the p-value is
// asymptotic. What the drift analyzer uses on windows, which keep sketches.
TestResult kolmogorovSmirnov(const std::vector<std::pair<double, uint64_t>>& a,
                             const std::vector<std::pair<double, uint64_t>>& b);
// Shares of a weighted histogram in the bins between `edges` (as binShares).
std::vector<double> binShares(const std::vector<std::pair<double, uint64_t>>& histogram,
                              std::span<const double> edges);

// Pearson's chi-square test of homogeneity of two categorical samples, given
// as counts per category (same order in both); categories empty in both are
// left out. df = categories − 1; the p-value from Boost.Math's chi-squared.
TestResult chiSquareHomogeneity(std::span<const uint64_t> reference,
                                std::span<const uint64_t> current);

} // namespace llmopt
