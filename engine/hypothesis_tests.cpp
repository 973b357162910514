#include "hypothesis_tests.h"

#include "quantile_sketch.h"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>

namespace llmopt {

namespace {

double normalQuantile(double p)
{
    return boost::math::quantile(boost::math::normal(), p);
}

double twoSidedNormal(double z)
{
    return 2.0 * boost::math::cdf(boost::math::complement(boost::math::normal(), std::abs(z)));
}

} // namespace

Interval wilsonInterval(uint64_t successes, uint64_t trials, double alpha)
{
    if (trials == 0)
        return {0.0, 1.0};
    const double n = double(trials);
    const double p = double(successes) / n;
    const double z = normalQuantile(1.0 - alpha / 2.0);
    const double z2 = z * z;
    const double denominator = 1.0 + z2 / n;
    const double center = (p + z2 / (2.0 * n)) / denominator;
    const double half = z * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return {std::max(0.0, center - half), std::min(1.0, center + half)};
}

Interval meanInterval(double mean, double sd, uint64_t n, double alpha)
{
    if (n < 2)
        return {mean, mean};
    const double t
        = boost::math::quantile(boost::math::students_t(double(n - 1)), 1.0 - alpha / 2.0);
    const double half = t * sd / std::sqrt(double(n));
    return {mean - half, mean + half};
}

Interval quantileInterval(const QuantileSketch& sketch, double q, double z)
{
    const double n = double(sketch.count());
    if (n == 0)
        return {0.0, 0.0};
    const double half = z * std::sqrt(n * q * (1 - q));
    return {sketch.quantile(std::max(0.0, (n * q - half) / n)),
            sketch.quantile(std::min(1.0, (n * q + half) / n))};
}

TwoSampleTest welchTTest(double mean1, double sd1, uint64_t n1, double mean2, double sd2,
                         uint64_t n2)
{
    TwoSampleTest r;
    if (n1 < 2 || n2 < 2)
        return r;
    const double v1 = sd1 * sd1 / double(n1);
    const double v2 = sd2 * sd2 / double(n2);
    const double se = std::sqrt(v1 + v2);
    if (se == 0.0)
        return r;
    r.statistic = (mean1 - mean2) / se;
    r.degreesOfFreedom
        = (v1 + v2) * (v1 + v2) / (v1 * v1 / double(n1 - 1) + v2 * v2 / double(n2 - 1));
    r.pValue = 2.0
        * boost::math::cdf(boost::math::complement(boost::math::students_t(r.degreesOfFreedom),
                                                   std::abs(r.statistic)));
    return r;
}

TwoSampleTest twoProportionZTest(uint64_t s1, uint64_t n1, uint64_t s2, uint64_t n2)
{
    TwoSampleTest r;
    if (n1 == 0 || n2 == 0)
        return r;
    const double p1 = double(s1) / double(n1), p2 = double(s2) / double(n2);
    const double pooled = double(s1 + s2) / double(n1 + n2);
    const double se = std::sqrt(pooled * (1 - pooled) * (1.0 / double(n1) + 1.0 / double(n2)));
    if (se == 0.0)
        return r;
    r.statistic = (p1 - p2) / se;
    r.pValue = twoSidedNormal(r.statistic);
    return r;
}

} // namespace llmopt
