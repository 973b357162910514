#include "two_sample_tests.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

using namespace llmopt;

namespace {

// D of two samples by brute force: the largest gap between the two empirical CDFs.
double ksStatistic(const std::vector<double>& a, const std::vector<double>& b)
{
    std::vector<double> all = a;
    all.insert(all.end(), b.begin(), b.end());
    double d = 0;
    for (double x : all) {
        const double fa
            = double(std::count_if(a.begin(), a.end(), [&](double v) { return v <= x; }))
            / double(a.size());
        const double fb
            = double(std::count_if(b.begin(), b.end(), [&](double v) { return v <= x; }))
            / double(b.size());
        d = std::max(d, std::abs(fa - fb));
    }
    return d;
}

} // namespace

class TestTwoSampleTests : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Σ (a − e) ln(a/e) worked by hand: 0.137444 + 0.011157 + 0.009116 + 0.070501.
    void psiKnownValue()
    {
        const std::vector<double> expected{0.25, 0.25, 0.25, 0.25};
        const std::vector<double> actual{0.1, 0.2, 0.3, 0.4};
        QVERIFY(std::abs(populationStabilityIndex(expected, actual) - 0.228218) < 1e-6);
        QCOMPARE(populationStabilityIndex(expected, expected), 0.0);
        // An empty bin is costly but finite.
        const std::vector<double> emptied{0.5, 0.5, 0.0, 0.0};
        QVERIFY(std::isfinite(populationStabilityIndex(expected, emptied)));
        QVERIFY(populationStabilityIndex(expected, emptied) > 1.0);
    }

    void decileBins()
    {
        std::vector<double> reference(1000);
        std::iota(reference.begin(), reference.end(), 0.0);
        const auto edges = quantileEdges(reference);
        QCOMPARE(edges.size(), size_t(9));
        QCOMPARE(edges.front(), 100.0);
        const auto shares = binShares(reference, edges);
        for (double s : shares)
            QCOMPARE(s, 0.1);
        // Few distinct values: fewer bins, no empty duplicates.
        QCOMPARE(quantileEdges({1, 1, 1, 2, 2, 2, 3, 3, 3, 3}).size(), size_t(2));
    }

    // scipy.stats.ks_2samp([1, 2, 3], [4, 5, 6]): D = 1, p = 2 / C(6, 3) = 0.1.
    void ksKnownValue()
    {
        const TestResult r = kolmogorovSmirnov({1, 2, 3}, {4, 5, 6});
        QCOMPARE(r.statistic, 1.0);
        QVERIFY(std::abs(r.pValue - 0.1) < 1e-12);
        QVERIFY(QString::fromStdString(r.method).contains("exact"));
        QCOMPARE(kolmogorovSmirnov({1, 2, 3}, {1, 2, 3}).pValue, 1.0);
    }

    // The exact p-value equals the share of all C(n+m, n) relabellings of the
    // pooled sample whose D is at least the observed one (a permutation test).
    void ksExactAgreesWithEnumeration()
    {
        std::mt19937_64 rng(5);
        std::normal_distribution<double> z;
        for (int trial = 0; trial < 4; ++trial) {
            std::vector<double> a(6), b(7);
            for (double& x : a)
                x = z(rng);
            for (double& x : b)
                x = z(rng) + 0.8;
            const TestResult r = kolmogorovSmirnov(a, b);
            std::vector<double> pooled = a;
            pooled.insert(pooled.end(), b.begin(), b.end());
            std::vector<int> mask(pooled.size(), 0);
            std::fill(mask.begin(), mask.begin() + long(a.size()), 1);
            std::sort(mask.begin(), mask.end());
            int atLeast = 0, total = 0;
            do {
                std::vector<double> x, y;
                for (size_t i = 0; i < pooled.size(); ++i)
                    (mask[i] ? x : y).push_back(pooled[i]);
                atLeast += ksStatistic(x, y) >= r.statistic - 1e-12 ? 1 : 0;
                ++total;
            } while (std::next_permutation(mask.begin(), mask.end()));
            QCOMPARE(total, 1716); // C(13, 6)
            QVERIFY2(
                std::abs(r.pValue - double(atLeast) / total) < 1e-9,
                qPrintable(QStringLiteral("%1 vs %2").arg(r.pValue).arg(double(atLeast) / total)));
        }
    }

    // The Kolmogorov distribution's 5 % and 1 % points: 1.3581 and 1.6276.
    void kolmogorovDistribution()
    {
        QVERIFY(std::abs(kolmogorovSurvival(1.3581) - 0.05) < 1e-4);
        QVERIFY(std::abs(kolmogorovSurvival(1.6276) - 0.01) < 1e-4);
        QCOMPARE(kolmogorovSurvival(0.0), 1.0);
    }

    // Under the null the asymptotic test rejects at about its level.
    void ksAsymptoticRejectsAtAlpha()
    {
        std::mt19937_64 rng(11);
        std::lognormal_distribution<double> latency(6.5, 0.6);
        int rejections = 0;
        const int runs = 400;
        for (int run = 0; run < runs; ++run) {
            std::vector<double> a(200), b(300);
            for (double& x : a)
                x = latency(rng);
            for (double& x : b)
                x = latency(rng);
            const TestResult r = kolmogorovSmirnov(a, b);
            QVERIFY(QString::fromStdString(r.method).contains("asymptotic"));
            rejections += r.pValue < 0.05 ? 1 : 0;
        }
        // Binomial(400, ≤ 0.05): the asymptotic test is slightly conservative.
        QVERIFY2(rejections <= 32, qPrintable(QString::number(rejections)));
    }

    // 2×2 worked by hand: expected 12, 18, 28, 42 → χ² = 0.793651; df 1, p = erfc(√(χ²/2)).
    void chiSquareKnownValue()
    {
        const std::vector<uint64_t> reference{10, 20}, current{30, 40};
        const TestResult r = chiSquareHomogeneity(reference, current);
        QVERIFY(std::abs(r.statistic - 0.793651) < 1e-6);
        QCOMPARE(r.degreesOfFreedom, 1.0);
        QVERIFY(std::abs(r.pValue - std::erfc(std::sqrt(r.statistic / 2))) < 1e-12);
        // Empty categories are left out; a single category tests nothing.
        const std::vector<uint64_t> a{10, 0, 20}, b{30, 0, 40};
        QCOMPARE(chiSquareHomogeneity(a, b).degreesOfFreedom, 1.0);
        const std::vector<uint64_t> one{5}, other{7};
        QCOMPARE(chiSquareHomogeneity(one, other).pValue, 1.0);
    }
};

QTEST_GUILESS_MAIN(TestTwoSampleTests)
#include "tst_two_sample_tests.moc"
