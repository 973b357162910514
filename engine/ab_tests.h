#pragma once

#include "hypothesis_tests.h"
#include "two_sample_tests.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace llmopt {

class RunningStats;

// A fixed-horizon comparison of a treatment arm B with a control arm A. Every
// result names its method; the difference is always B − A, with its
// confidence interval at 1 − α and an effect size in the method's usual unit.
struct ArmComparison {
    std::string method;
    double statistic = 0.0; // t, z, U (of B) or the probability of the observed table
    double pValue = 1.0; // two-sided
    double degreesOfFreedom = 0.0; // t tests only
    double difference = 0.0; // of means, of proportions, or the Hodges–Lehmann shift
    Interval interval; // for the difference
    std::string effectSizeName; // "Hedges' g", "Cohen's h", "rank-biserial r"
    double effectSize = 0.0;
};

// Welch's t-test (Welch–Satterthwaite degrees of freedom) with the Welch
// interval for the difference of means; effect size Hedges' g (pooled SD,
// small-sample corrected). Arms with fewer than two values give p = 1.
ArmComparison compareMeans(const RunningStats& a, const RunningStats& b, double alpha = 0.05);

// Difference of two proportions with Newcombe's hybrid score interval
// (method 10 of Newcombe 1998, from the two Wilson intervals) and Cohen's h.
// The p-value is the pooled two-proportion z-test's, or Fisher's exact test's
// when an expected cell count is below 5 (the method says which).
ArmComparison compareProportions(uint64_t successesA, uint64_t trialsA, uint64_t successesB,
                                 uint64_t trialsB, double alpha = 0.05);

// Fisher's exact test of the 2×2 table [[a, b], [c, d]], two-sided: the total
// probability of the tables with the same margins that are no more likely
// than the observed one (hypergeometric, as R's fisher.test).
double fisherExactTwoSided(uint64_t a, uint64_t b, uint64_t c, uint64_t d);

// Mann–Whitney U (Wilcoxon rank-sum) test with the Hodges–Lehmann shift (the
// median of the pairwise differences b − a) and its distribution-free
// interval from the order statistics of those differences (Lehmann 1963).
// The p-value is exact when there are no ties and both arms have at most 50
// values, otherwise from the normal approximation with the tie correction and
// a continuity correction. Arms larger than kMaxRankSample are thinned to that
// many evenly spaced order statistics first (the method says so), which keeps
// the pairwise differences below 4 million. Effect size: rank-biserial r =
// 2U/(nm) − 1, positive when B tends to be larger.
ArmComparison mannWhitney(std::vector<double> a, std::vector<double> b, double alpha = 0.05);
inline constexpr size_t kMaxRankSample = 2000;

// Holm's step-down adjustment of p-values for testing several hypotheses at
// once (family-wise error ≤ α when each adjusted p is compared with α);
// returned in the input's order.
std::vector<double> holmAdjusted(std::span<const double> pValues);

// Sample-ratio mismatch: Pearson's chi-square goodness-of-fit of the arms'
// observed counts against the planned split (weights, any scale). A small
// p-value (conventionally < 0.001) means the assignment is broken and no
// verdict should be drawn.
TestResult sampleRatioMismatch(std::span<const uint64_t> observed,
                               std::span<const double> plannedWeights);

} // namespace llmopt
