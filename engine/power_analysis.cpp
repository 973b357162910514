#include "power_analysis.h"

#include <algorithm>
#include <boost/math/distributions/non_central_t.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>

namespace llmopt {

namespace {

constexpr uint64_t kMaxSamples = 1'000'000'000;

double normalQuantile(double p)
{
    return boost::math::quantile(boost::math::normal(), p);
}

double normalCdf(double x)
{
    return boost::math::cdf(boost::math::normal(), x);
}

bool probability(double x)
{
    return x > 0 && x < 1;
}

// The smallest n ≥ 2 with power(n) ≥ target: doubling, then bisection (power grows with n).
template <typename Power> uint64_t smallestN(Power power, double target)
{
    uint64_t high = 2;
    while (power(high) < target) {
        if (high >= kMaxSamples)
            return kMaxSamples;
        high = std::min(kMaxSamples, high * 2);
    }
    if (high == 2)
        return 2;
    uint64_t low = high / 2; // the doubling came from here: below the target
    while (high - low > 1) {
        const uint64_t mid = low + (high - low) / 2;
        (power(mid) >= target ? high : low) = mid;
    }
    return high;
}

} // namespace

double powerTwoMeans(double delta, double sd, uint64_t n, double alpha)
{
    if (n < 2 || !(sd > 0) || !probability(alpha))
        return 0.0;
    const double df = 2.0 * double(n - 1);
    const double critical = boost::math::quantile(boost::math::students_t(df), 1.0 - alpha / 2.0);
    const double noncentrality = std::abs(delta) / (sd * std::sqrt(2.0 / double(n)));
    return boost::math::cdf(
        boost::math::complement(boost::math::non_central_t(df, noncentrality), critical));
}

double powerTwoProportions(double p1, double p2, uint64_t n, double alpha)
{
    if (n == 0 || !probability(p1) || !probability(p2) || !probability(alpha))
        return 0.0;
    const double mean = (p1 + p2) / 2.0;
    const double z = normalQuantile(1.0 - alpha / 2.0);
    return normalCdf(
        (std::abs(p1 - p2) * std::sqrt(double(n)) - z * std::sqrt(2.0 * mean * (1.0 - mean)))
        / std::sqrt(p1 * (1.0 - p1) + p2 * (1.0 - p2)));
}

uint64_t sampleSizeTwoMeans(double delta, double sd, double alpha, double power)
{
    if (delta == 0.0 || !std::isfinite(delta) || !(sd > 0) || !probability(alpha)
        || !probability(power))
        return 0;
    return smallestN([&](uint64_t n) { return powerTwoMeans(delta, sd, n, alpha); }, power);
}

uint64_t sampleSizeTwoProportions(double p1, double p2, double alpha, double power)
{
    if (p1 == p2 || !probability(p1) || !probability(p2) || !probability(alpha)
        || !probability(power))
        return 0;
    return smallestN([&](uint64_t n) { return powerTwoProportions(p1, p2, n, alpha); }, power);
}

double minimumDetectableDifference(double sd, uint64_t n, double alpha, double power)
{
    if (n < 2 || !(sd > 0) || !probability(alpha) || !probability(power))
        return 0.0;
    double low = 0.0, high = sd;
    while (powerTwoMeans(high, sd, n, alpha) < power)
        high *= 2;
    for (int i = 0; i < 60; ++i) {
        const double mid = (low + high) / 2;
        (powerTwoMeans(mid, sd, n, alpha) < power ? low : high) = mid;
    }
    return high;
}

ExperimentPlan planExperiment(const ExperimentDesign& d)
{
    ExperimentPlan plan;
    if (d.arms < 2) {
        plan.problem = "an experiment needs at least two arms (a control and a candidate)";
        return plan;
    }
    const double alpha = d.alpha / double(d.arms - 1);
    if (d.metric == ExperimentDesign::Metric::Proportion) {
        const double p2 = d.baseline + d.minimumEffect;
        plan.method = "two proportions, normal approximation (as R power.prop.test)";
        if (!probability(d.baseline) || !probability(p2)) {
            plan.problem = "the baseline rate and the baseline plus the effect must both lie "
                           "strictly between 0 and 1";
            return plan;
        }
        plan.perArm = sampleSizeTwoProportions(d.baseline, p2, alpha, d.power);
    } else {
        plan.method = "two means, noncentral t (as R power.t.test)";
        plan.perArm = sampleSizeTwoMeans(d.minimumEffect, d.sd, alpha, d.power);
    }
    if (plan.perArm == 0) {
        plan.problem = "set an effect other than 0, a standard deviation above 0, and α and "
                       "power between 0 and 1";
        return plan;
    }
    if (d.arms > 2)
        plan.method += ", α split over " + std::to_string(d.arms - 1) + " comparisons";
    plan.total = plan.perArm * uint64_t(d.arms);
    plan.costUsd = double(plan.total) * std::max(0.0, d.costPerRequestUsd);
    if (d.requestsPerSecond > 0)
        plan.durationSeconds = double(plan.total) / d.requestsPerSecond;
    return plan;
}

} // namespace llmopt
