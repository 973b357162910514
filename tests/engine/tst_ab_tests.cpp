#include "ab_tests.h"
#include "running_stats.h"

#include <QTest>
#include <random>

using namespace llmopt;

// Reference values were worked out independently (exact fractions and brute
// force over all arrangements in Python) or come from the cited papers.
class TestAbTests : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fisherKnownValues()
    {
        // Fisher's lady tasting tea: 34/70.
        QVERIFY(std::abs(fisherExactTwoSided(3, 1, 1, 3) - 34.0 / 70.0) < 1e-12);
        QVERIFY(std::abs(fisherExactTwoSided(1, 9, 11, 3) - 0.0027594561852200836) < 1e-9);
        QCOMPARE(fisherExactTwoSided(0, 0, 0, 0), 1.0);
    }

    // Small counts switch the proportion test to Fisher's.
    void proportionsUseFisherForSmallCounts()
    {
        const ArmComparison small = compareProportions(2, 10, 7, 10);
        QVERIFY(small.method.starts_with("Fisher"));
        QVERIFY(std::abs(small.pValue - 0.06977851869492736) < 1e-9);
        const ArmComparison large = compareProportions(200, 1000, 260, 1000);
        QVERIFY(large.method.starts_with("two-proportion z"));
        QVERIFY(std::abs(large.difference - 0.06) < 1e-12);
        QVERIFY(large.pValue < 0.01);
        QVERIFY(large.effectSize > 0);
    }

    // Newcombe (1998), Table II, example (a): 56/70 − 48/80, method 10: 0.0524 to 0.3339.
    void newcombeInterval()
    {
        const ArmComparison r = compareProportions(48, 80, 56, 70);
        QVERIFY(std::abs(r.difference - 0.2) < 1e-12);
        QVERIFY2(std::abs(r.interval.low - 0.0524) < 5e-5, std::to_string(r.interval.low).c_str());
        QVERIFY2(std::abs(r.interval.high - 0.3339) < 5e-5,
                 std::to_string(r.interval.high).c_str());
    }

    void mannWhitneyExact()
    {
        // U of B = 17 of 20 pairs; 14 of the 126 arrangements are as extreme.
        const ArmComparison r = mannWhitney({1.1, 2.3, 3.5, 4.0}, {2.0, 5.1, 6.2, 7.3, 8.4});
        QCOMPARE(r.statistic, 17.0);
        QVERIFY(r.method.ends_with("exact p"));
        QVERIFY(std::abs(r.pValue - 1.0 / 9.0) < 1e-12);
        QVERIFY(std::abs(r.effectSize - (2.0 * 17 / 20 - 1)) < 1e-12);
    }

    void mannWhitneyWithTies()
    {
        const ArmComparison r = mannWhitney({1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 7, 8},
                                            {3, 4, 4, 5, 6, 6, 7, 8, 8, 9, 9, 10, 11});
        QCOMPARE(r.statistic, 126.0);
        QVERIFY(r.method.find("normal approximation") != std::string::npos);
        QVERIFY(std::abs(r.pValue - 0.009371664169231882) < 1e-9);
        QCOMPARE(r.difference, 3.0); // Hodges-Lehmann: the median pairwise difference
        QCOMPARE(r.interval.low, 1.0); // the 41st smallest and largest of 156 differences
        QCOMPARE(r.interval.high, 5.0);
    }

    // Large arms are thinned; a shift of 10 is still found and estimated.
    void mannWhitneyLargeArms()
    {
        std::mt19937_64 rng(11);
        std::normal_distribution<double> noise(100.0, 20.0);
        std::vector<double> a(30000), b(30000);
        for (double& x : a)
            x = noise(rng);
        for (double& x : b)
            x = noise(rng) + 10.0;
        a.push_back(std::nan(""));
        const ArmComparison r = mannWhitney(a, b);
        QVERIFY(r.method.find("thinned") != std::string::npos);
        QVERIFY(r.pValue < 1e-12);
        QVERIFY(r.interval.low < 10.0 && 10.0 < r.interval.high);
        QVERIFY(std::abs(r.difference - 10.0) < 2.0);
    }

    void welchMeans()
    {
        RunningStats a, b;
        for (double x : {10.0, 12.0, 11.0, 13.0, 9.0, 11.5})
            a.add(x);
        for (double x : {14.0, 15.5, 13.0, 16.0, 14.5, 15.0, 13.5})
            b.add(x);
        const ArmComparison r = compareMeans(a, b);
        QVERIFY(std::abs(r.difference - (b.mean() - a.mean())) < 1e-12);
        QVERIFY(r.statistic > 0 && r.pValue < 0.001);
        QVERIFY(r.interval.low > 0 && r.interval.low < r.difference
                && r.difference < r.interval.high);
        // Hedges' g by hand: pooled SD over 11 df, correction 1 − 3/(4·13 − 9).
        const double pooled = std::sqrt((5 * a.variance() + 6 * b.variance()) / 11);
        QVERIFY(std::abs(r.effectSize - (1 - 3.0 / 43) * r.difference / pooled) < 1e-12);
        QCOMPARE(compareMeans(RunningStats{}, b).pValue, 1.0);
    }

    // Under the null the fixed tests reject at their level, and a CI excludes
    // zero exactly when p < α.
    void falsePositiveRateIsAlpha()
    {
        std::mt19937_64 rng(5);
        std::normal_distribution<double> normal(0, 1);
        std::bernoulli_distribution coin(0.3);
        int welch = 0, ranks = 0, props = 0;
        constexpr int runs = 4000;
        for (int i = 0; i < runs; ++i) {
            RunningStats a, b;
            std::vector<double> va, vb;
            uint64_t sa = 0, sb = 0;
            for (int k = 0; k < 40; ++k) {
                va.push_back(normal(rng));
                vb.push_back(normal(rng));
                a.add(va.back());
                b.add(vb.back());
                sa += coin(rng);
                sb += coin(rng);
            }
            const ArmComparison w = compareMeans(a, b);
            QCOMPARE(w.pValue<0.05, w.interval.low> 0 || w.interval.high < 0);
            welch += w.pValue < 0.05;
            ranks += mannWhitney(va, vb).pValue < 0.05;
            props += compareProportions(sa, 40, sb, 40).pValue < 0.05;
        }
        // 4000 runs: the standard error of a 5 % rate is 0.34 %.
        QVERIFY2(std::abs(welch / double(runs) - 0.05) < 0.012, std::to_string(welch).c_str());
        QVERIFY2(std::abs(ranks / double(runs) - 0.05) < 0.012, std::to_string(ranks).c_str());
        // Discrete counts make the proportion tests conservative, never liberal.
        QVERIFY2(props / double(runs) < 0.062, std::to_string(props).c_str());
    }

    void holm()
    {
        const std::vector<double> p{0.01, 0.04, 0.03, 0.005};
        const std::vector<double> adjusted = holmAdjusted(p);
        const std::vector<double> expected{0.03, 0.06, 0.06, 0.02};
        for (size_t i = 0; i < p.size(); ++i)
            QVERIFY(std::abs(adjusted[i] - expected[i]) < 1e-12);
        QVERIFY(holmAdjusted({}).empty());
    }

    void sampleRatio()
    {
        const std::vector<uint64_t> observed{5000, 5200};
        const std::vector<double> even{1, 1};
        const TestResult r = sampleRatioMismatch(observed, even);
        QVERIFY(std::abs(r.statistic - 3.9215686274509802) < 1e-12);
        QVERIFY(std::abs(r.pValue - 0.04767038065616148) < 1e-9);
        const std::vector<double> planned{50, 52}; // the same split as observed
        QVERIFY(sampleRatioMismatch(observed, planned).pValue > 0.99);
        const std::vector<uint64_t> leak{100, 3};
        const std::vector<double> none{1, 0};
        QCOMPARE(sampleRatioMismatch(leak, none).pValue, 0.0);
    }
};

QTEST_GUILESS_MAIN(TestAbTests)
#include "tst_ab_tests.moc"
