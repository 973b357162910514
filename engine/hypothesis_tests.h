#pragma once

#include <cstdint>

namespace llmopt {

class QuantileSketch;

struct Interval {
    double low = 0.0;
    double high = 0.0;
};

// Wilson score interval for a proportion of `successes` in `trials` at
// confidence 1 − α (Wilson 1927): well-behaved near 0 and 1 and for small n.
Interval wilsonInterval(uint64_t successes, uint64_t trials, double alpha = 0.05);
// Distribution-free interval for the q-quantile of the sketch's n values: the
// order statistics at ranks n·q ∓ z·√(n·q·(1−q)) (normal approximation to the
// binomial), read from the sketch (so within its 1 % relative error).
Interval quantileInterval(const QuantileSketch& sketch, double q, double z);
// Student-t interval for a mean from n values with the given sample standard deviation.
Interval meanInterval(double mean, double standardDeviation, uint64_t n, double alpha = 0.05);

struct TwoSampleTest {
    double statistic = 0.0; // z or t
    double pValue = 1.0; // two-sided
    double degreesOfFreedom = 0.0; // Welch–Satterthwaite; 0 for z
};

// Welch's t-test for a difference of means with unequal variances, the
// degrees of freedom from the Welch–Satterthwaite equation; p from Boost.Math.
TwoSampleTest welchTTest(double mean1, double sd1, uint64_t n1, double mean2, double sd2,
                         uint64_t n2);
// Two-proportion z-test with the pooled proportion under the null.
TwoSampleTest twoProportionZTest(uint64_t successes1, uint64_t trials1, uint64_t successes2,
                                 uint64_t trials2);

} // namespace llmopt
