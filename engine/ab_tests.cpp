#include "ab_tests.h"

#include "running_stats.h"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <numeric>

namespace llmopt {

namespace {

double normalQuantile(double p)
{
    return boost::math::quantile(boost::math::normal(), p);
}

double twoSidedNormal(double z)
{
    return std::min(
        1.0, 2.0 * boost::math::cdf(boost::math::complement(boost::math::normal(), std::abs(z))));
}

double logChoose(double n, double k)
{
    return std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1);
}

// Keeps `k` evenly spaced order statistics of a larger sample.
void thin(std::vector<double>& v, size_t k)
{
    if (v.size() <= k)
        return;
    std::sort(v.begin(), v.end());
    std::vector<double> kept(k);
    for (size_t i = 0; i < k; ++i)
        kept[i] = v[size_t(std::llround(double(i) * double(v.size() - 1) / double(k - 1)))];
    v = std::move(kept);
}

// Number of arrangements of n A's and m B's (no ties) for each value of U,
// the count of (a, b) pairs with b > a: N(u; i, j) = N(u; i − 1, j) + N(u − i; i, j − 1),
// as the largest value is an A (adds nothing) or a B (beats all i A's).
std::vector<double> exactUDistribution(size_t n, size_t m)
{
    std::vector<std::vector<double>> row(m + 1); // row[j] = N(·; i, j) for the current i
    for (size_t j = 0; j <= m; ++j)
        row[j] = {1.0}; // i = 0: U is 0 in one way
    for (size_t i = 1; i <= n; ++i) {
        // row[0] stays {1}: with no B, U is 0.
        for (size_t j = 1; j <= m; ++j) {
            std::vector<double> next(i * j + 1, 0.0);
            for (size_t u = 0; u < row[j].size(); ++u) // N(u; i − 1, j)
                next[u] += row[j][u];
            for (size_t u = 0; u < row[j - 1].size(); ++u) // N(u; i, j − 1), already updated
                next[u + i] += row[j - 1][u];
            row[j] = std::move(next);
        }
    }
    return row[m];
}

} // namespace

ArmComparison compareMeans(const RunningStats& a, const RunningStats& b, double alpha)
{
    ArmComparison r;
    r.method = "Welch t-test (Welch-Satterthwaite df), Welch interval";
    r.effectSizeName = "Hedges' g";
    r.difference = b.mean() - a.mean();
    r.interval = {r.difference, r.difference};
    const uint64_t na = a.count(), nb = b.count();
    if (na < 2 || nb < 2)
        return r;
    const TwoSampleTest t
        = welchTTest(b.mean(), b.standardDeviation(), nb, a.mean(), a.standardDeviation(), na);
    r.statistic = t.statistic;
    r.pValue = t.pValue;
    r.degreesOfFreedom = t.degreesOfFreedom;
    const double se = std::sqrt(a.variance() / double(na) + b.variance() / double(nb));
    if (se > 0) {
        const double q
            = boost::math::quantile(boost::math::students_t(t.degreesOfFreedom), 1.0 - alpha / 2.0);
        r.interval = {r.difference - q * se, r.difference + q * se};
    }
    const double pooled = std::sqrt((double(na - 1) * a.variance() + double(nb - 1) * b.variance())
                                    / double(na + nb - 2));
    if (pooled > 0) {
        const double correction = 1.0 - 3.0 / (4.0 * double(na + nb) - 9.0);
        r.effectSize = correction * r.difference / pooled;
    }
    return r;
}

double fisherExactTwoSided(uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
    const double row1 = double(a + b), row2 = double(c + d), col1 = double(a + c);
    const double n = row1 + row2;
    auto logP = [&](double x) {
        return logChoose(row1, x) + logChoose(row2, col1 - x) - logChoose(n, col1);
    };
    const double observed = logP(double(a));
    const double lo = std::max(0.0, col1 - row2), hi = std::min(row1, col1);
    double p = 0.0;
    for (double x = lo; x <= hi; x += 1.0) {
        const double lp = logP(x);
        if (lp <= observed + 1e-7) // as likely as the observed table, up to rounding
            p += std::exp(lp);
    }
    return std::min(1.0, p);
}

ArmComparison compareProportions(uint64_t sa, uint64_t na, uint64_t sb, uint64_t nb, double alpha)
{
    ArmComparison r;
    r.effectSizeName = "Cohen's h";
    const double pa = na ? double(sa) / double(na) : 0.0;
    const double pb = nb ? double(sb) / double(nb) : 0.0;
    r.difference = pb - pa;
    const Interval wa = wilsonInterval(sa, na, alpha), wb = wilsonInterval(sb, nb, alpha);
    r.interval = {r.difference - std::hypot(pb - wb.low, wa.high - pa),
                  r.difference + std::hypot(wb.high - pb, pa - wa.low)};
    r.effectSize = 2.0 * std::asin(std::sqrt(pb)) - 2.0 * std::asin(std::sqrt(pa));
    const TwoSampleTest z = twoProportionZTest(sb, nb, sa, na);
    r.statistic = z.statistic;
    const double n = double(na + nb), successes = double(sa + sb);
    const double smallest = n > 0 ? std::min({double(std::min(na, nb)) * successes / n,
                                              double(std::min(na, nb)) * (n - successes) / n})
                                  : 0.0;
    if (na > 0 && nb > 0 && smallest < 5.0) {
        r.method = "Fisher's exact test (an expected count below 5), Newcombe hybrid score "
                   "interval";
        r.pValue = fisherExactTwoSided(sa, na - sa, sb, nb - sb);
    } else {
        r.method = "two-proportion z-test (pooled), Newcombe hybrid score interval";
        r.pValue = z.pValue;
    }
    return r;
}

ArmComparison mannWhitney(std::vector<double> a, std::vector<double> b, double alpha)
{
    ArmComparison r;
    r.method = "Mann-Whitney U, Hodges-Lehmann shift with Lehmann interval";
    r.effectSizeName = "rank-biserial r";
    auto finiteOnly = [](std::vector<double>& v) {
        v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return !std::isfinite(x); }),
                v.end());
    };
    finiteOnly(a);
    finiteOnly(b);
    if (a.size() > kMaxRankSample || b.size() > kMaxRankSample) {
        thin(a, kMaxRankSample);
        thin(b, kMaxRankSample);
        r.method += " (each arm thinned to " + std::to_string(kMaxRankSample)
            + " evenly spaced order statistics)";
    }
    const size_t n = a.size(), m = b.size();
    if (n == 0 || m == 0)
        return r;

    // Ranks of the pooled sample, ties sharing their mean rank.
    std::vector<std::pair<double, bool>> pooled; // value, from B
    pooled.reserve(n + m);
    for (double x : a)
        pooled.emplace_back(x, false);
    for (double x : b)
        pooled.emplace_back(x, true);
    std::sort(pooled.begin(), pooled.end());
    double rankSumB = 0.0, tieTerm = 0.0;
    for (size_t i = 0; i < pooled.size();) {
        size_t j = i;
        while (j < pooled.size() && pooled[j].first == pooled[i].first)
            ++j;
        const double rank = (double(i + 1) + double(j)) / 2.0;
        for (size_t k = i; k < j; ++k)
            if (pooled[k].second)
                rankSumB += rank;
        const double t = double(j - i);
        tieTerm += t * t * t - t;
        i = j;
    }
    const double nm = double(n) * double(m), total = double(n + m);
    const double u = rankSumB - double(m) * double(m + 1) / 2.0;
    r.statistic = u;
    r.effectSize = 2.0 * u / nm - 1.0;

    if (tieTerm == 0.0 && n <= 50 && m <= 50) {
        const std::vector<double> counts = exactUDistribution(n, m);
        const double all = std::accumulate(counts.begin(), counts.end(), 0.0);
        const size_t observed = size_t(std::llround(u));
        const double below
            = std::accumulate(counts.begin(), counts.begin() + long(observed) + 1, 0.0);
        const double above = std::accumulate(counts.begin() + long(observed), counts.end(), 0.0);
        r.pValue = std::min(1.0, 2.0 * std::min(below, above) / all);
        r.method += ", exact p";
    } else {
        const double variance = nm / 12.0 * ((total + 1.0) - tieTerm / (total * (total - 1.0)));
        const double excess = u - nm / 2.0;
        if (variance > 0) {
            const double corrected = std::max(0.0, std::abs(excess) - 0.5);
            r.pValue = twoSidedNormal(corrected / std::sqrt(variance));
        }
        r.method += ", normal approximation with tie and continuity corrections";
    }

    std::vector<double> differences;
    differences.reserve(n * m);
    for (double y : b)
        for (double x : a)
            differences.push_back(y - x);
    auto orderStatistic = [&](size_t k) { // 0-based
        std::nth_element(differences.begin(), differences.begin() + long(k), differences.end());
        return differences[k];
    };
    const size_t count = differences.size();
    r.difference = count % 2 ? orderStatistic(count / 2)
                             : (orderStatistic(count / 2 - 1) + orderStatistic(count / 2)) / 2.0;
    // The k-th smallest and k-th largest differences bound the shift with
    // confidence 1 − α, k from the normal approximation of U's distribution.
    const double z = normalQuantile(1.0 - alpha / 2.0);
    const double k = std::floor(nm / 2.0 - z * std::sqrt(nm * (total + 1.0) / 12.0));
    const size_t low = size_t(std::clamp(k, 1.0, double(count))) - 1;
    r.interval = {orderStatistic(low), orderStatistic(count - 1 - low)};
    return r;
}

std::vector<double> holmAdjusted(std::span<const double> pValues)
{
    const size_t k = pValues.size();
    std::vector<size_t> order(k);
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return pValues[x] < pValues[y]; });
    std::vector<double> adjusted(k);
    double running = 0.0; // adjusted p-values never decrease along the order
    for (size_t i = 0; i < k; ++i) {
        running = std::max(running, std::min(1.0, double(k - i) * pValues[order[i]]));
        adjusted[order[i]] = running;
    }
    return adjusted;
}

TestResult sampleRatioMismatch(std::span<const uint64_t> observed,
                               std::span<const double> plannedWeights)
{
    TestResult r;
    r.method = "sample-ratio mismatch: chi-square goodness of fit to the planned split";
    const size_t arms = std::min(observed.size(), plannedWeights.size());
    double n = 0.0, weights = 0.0;
    for (size_t i = 0; i < arms; ++i) {
        n += double(observed[i]);
        weights += std::max(0.0, plannedWeights[i]);
    }
    if (arms < 2 || n == 0.0 || !(weights > 0.0))
        return r;
    for (size_t i = 0; i < arms; ++i) {
        const double expected = n * std::max(0.0, plannedWeights[i]) / weights;
        if (expected == 0.0) {
            if (observed[i] > 0) { // traffic in an arm planned to get none
                r.statistic = std::numeric_limits<double>::infinity();
                r.pValue = 0.0;
                r.degreesOfFreedom = double(arms - 1);
                return r;
            }
            continue;
        }
        const double gap = double(observed[i]) - expected;
        r.statistic += gap * gap / expected;
    }
    r.degreesOfFreedom = double(arms - 1);
    r.pValue = boost::math::cdf(
        boost::math::complement(boost::math::chi_squared(r.degreesOfFreedom), r.statistic));
    return r;
}

} // namespace llmopt
