#include "two_sample_tests.h"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>
#include <stdexcept>

namespace llmopt {

double populationStabilityIndex(std::span<const double> expected, std::span<const double> actual,
                                double floor)
{
    if (expected.size() != actual.size())
        throw std::invalid_argument("PSI needs the same bins for both distributions");
    double psi = 0.0;
    for (size_t i = 0; i < expected.size(); ++i) {
        const double e = std::max(expected[i], floor);
        const double a = std::max(actual[i], floor);
        psi += (a - e) * std::log(a / e);
    }
    return psi;
}

std::vector<double> quantileEdges(std::vector<double> reference, int bins)
{
    std::vector<double> edges;
    if (reference.empty() || bins < 2)
        return edges;
    std::sort(reference.begin(), reference.end());
    for (int k = 1; k < bins; ++k) {
        const size_t i = std::min(reference.size() - 1,
                                  static_cast<size_t>(double(k) / bins * double(reference.size())));
        // An edge at the minimum would only open an empty bin below it.
        if (reference[i] > (edges.empty() ? reference.front() : edges.back()))
            edges.push_back(reference[i]);
    }
    return edges; // bin j holds values in [edges[j − 1], edges[j])
}

std::vector<double> binShares(std::span<const double> sample, std::span<const double> edges)
{
    std::vector<double> shares(edges.size() + 1, 0.0);
    if (sample.empty())
        return shares;
    for (double x : sample)
        ++shares[size_t(std::upper_bound(edges.begin(), edges.end(), x) - edges.begin())];
    for (double& s : shares)
        s /= double(sample.size());
    return shares;
}

double kolmogorovSurvival(double x)
{
    if (x <= 0)
        return 1.0;
    if (x < 0.2)
        return 1.0; // the series converges slowly here, and the value is 1 to 15 digits
    double sum = 0.0;
    for (int k = 1; k <= 100; ++k) {
        const double term = std::exp(-2.0 * k * k * x * x);
        sum += (k % 2 ? term : -term);
        if (term < 1e-17)
            break;
    }
    return std::clamp(2.0 * sum, 0.0, 1.0);
}

namespace {

// P(D ≥ d) for samples of sizes n and m without ties: one minus the share of
// the C(n+m, n) orderings whose path keeps |i/n − j/m| < d throughout.
double exactKsPValue(size_t n, size_t m, double d)
{
    const double tolerance = 1e-9; // D is a multiple of 1/lcm(n, m): compare with slack
    std::vector<double> paths(m + 1, 0.0);
    // Count paths in units of 1/C(n+m, n) as we go: multiply each step by the
    // ratio of consecutive binomials to stay within double range.
    for (size_t i = 0; i <= n; ++i) {
        for (size_t j = 0; j <= m; ++j) {
            const bool inside
                = std::abs(double(i) / double(n) - double(j) / double(m)) < d - tolerance;
            if (!inside) {
                paths[j] = 0.0;
                continue;
            }
            if (i == 0 && j == 0)
                paths[j] = 1.0;
            else if (i == 0)
                paths[j] = paths[j - 1];
            else if (j > 0)
                paths[j] += paths[j - 1];
        }
    }
    double total = 1.0; // C(n + m, n)
    for (size_t k = 1; k <= n; ++k)
        total = total * double(m + k) / double(k);
    return std::clamp(1.0 - paths[m] / total, 0.0, 1.0);
}

} // namespace

TestResult kolmogorovSmirnov(std::vector<double> a, std::vector<double> b)
{
    TestResult r;
    if (a.empty() || b.empty()) {
        r.method = "two-sample Kolmogorov-Smirnov (an empty sample)";
        return r;
    }
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    const double n = double(a.size()), m = double(b.size());
    size_t i = 0, j = 0;
    double d = 0.0;
    while (i < a.size() && j < b.size()) {
        const double x = std::min(a[i], b[j]);
        while (i < a.size() && a[i] == x)
            ++i;
        while (j < b.size() && b[j] == x)
            ++j;
        d = std::max(d, std::abs(double(i) / n - double(j) / m));
    }
    r.statistic = d;
    if (a.size() * b.size() <= 10000) {
        r.pValue = exactKsPValue(a.size(), b.size(), d);
        r.method = "two-sample Kolmogorov-Smirnov, exact";
    } else {
        r.pValue = kolmogorovSurvival(std::sqrt(n * m / (n + m)) * d);
        r.method = "two-sample Kolmogorov-Smirnov, asymptotic";
    }
    return r;
}

TestResult kolmogorovSmirnov(const std::vector<std::pair<double, uint64_t>>& a,
                             const std::vector<std::pair<double, uint64_t>>& b)
{
    TestResult r;
    r.method = "two-sample Kolmogorov-Smirnov on quantile sketches, asymptotic";
    double n = 0, m = 0;
    for (const auto& [value, count] : a)
        n += double(count);
    for (const auto& [value, count] : b)
        m += double(count);
    if (n == 0 || m == 0)
        return r;
    size_t i = 0, j = 0;
    double fa = 0, fb = 0, d = 0;
    while (i < a.size() || j < b.size()) {
        const double x
            = j == b.size() || (i < a.size() && a[i].first <= b[j].first) ? a[i].first : b[j].first;
        while (i < a.size() && a[i].first == x)
            fa += double(a[i++].second);
        while (j < b.size() && b[j].first == x)
            fb += double(b[j++].second);
        d = std::max(d, std::abs(fa / n - fb / m));
    }
    r.statistic = d;
    r.pValue = kolmogorovSurvival(std::sqrt(n * m / (n + m)) * d);
    return r;
}

std::vector<double> binShares(const std::vector<std::pair<double, uint64_t>>& histogram,
                              std::span<const double> edges)
{
    std::vector<double> shares(edges.size() + 1, 0.0);
    double total = 0;
    for (const auto& [value, count] : histogram) {
        shares[size_t(std::upper_bound(edges.begin(), edges.end(), value) - edges.begin())]
            += double(count);
        total += double(count);
    }
    if (total > 0)
        for (double& s : shares)
            s /= total;
    return shares;
}

TestResult chiSquareHomogeneity(std::span<const uint64_t> reference,
                                std::span<const uint64_t> current)
{
    if (reference.size() != current.size())
        throw std::invalid_argument("chi-square needs the same categories in both samples");
    TestResult r;
    r.method = "Pearson chi-square test of homogeneity";
    double n1 = 0, n2 = 0;
    for (size_t k = 0; k < reference.size(); ++k) {
        n1 += double(reference[k]);
        n2 += double(current[k]);
    }
    if (n1 == 0 || n2 == 0)
        return r;
    int categories = 0;
    double statistic = 0.0;
    for (size_t k = 0; k < reference.size(); ++k) {
        const double column = double(reference[k]) + double(current[k]);
        if (column == 0)
            continue;
        ++categories;
        const double e1 = column * n1 / (n1 + n2);
        const double e2 = column * n2 / (n1 + n2);
        statistic += (double(reference[k]) - e1) * (double(reference[k]) - e1) / e1
            + (double(current[k]) - e2) * (double(current[k]) - e2) / e2;
    }
    if (categories < 2)
        return r;
    r.statistic = statistic;
    r.degreesOfFreedom = categories - 1;
    r.pValue = boost::math::cdf(
        boost::math::complement(boost::math::chi_squared(r.degreesOfFreedom), statistic));
    return r;
}

} // namespace llmopt
