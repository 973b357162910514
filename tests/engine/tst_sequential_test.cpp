#include "sequential_test.h"

#include <QTest>
#include <cmath>
#include <random>

using namespace llmopt;

class TestSequentialTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void likelihoodRatioByHand()
    {
        // V = 1, τ = 1, θ̂ = 2: √(1/2) · e^(4 / (2·1·2)) = e / √2.
        QVERIFY(std::abs(SequentialTest::likelihoodRatio(2, 1, 1) - std::exp(1.0) / std::sqrt(2.0))
                < 1e-12);
        QVERIFY(std::abs(SequentialTest::likelihoodRatio(0, 1, 1) - std::sqrt(0.5)) < 1e-12);
    }

    // The confidence sequence is the set of θ₀ the test does not reject: at
    // its edge 1/Λ is exactly α.
    void intervalAndPValueAgree()
    {
        for (double variance : {0.001, 0.04, 1.0})
            for (double tau : {0.05, 0.5}) {
                const double half = SequentialTest::halfWidth(variance, tau, 0.05);
                QVERIFY(std::abs(1.0 / SequentialTest::likelihoodRatio(half, variance, tau) - 0.05)
                        < 1e-9);
            }
        SequentialTest t(0.05, 0.2);
        QVERIFY(std::isinf(t.interval().low));
        t.look(0.3, 0.01);
        const double half = SequentialTest::halfWidth(0.01, 0.2, 0.05);
        QVERIFY(std::abs(t.interval().low - (0.3 - half)) < 1e-12);
        QCOMPARE(t.rejected(), 0.3 - half > 0);
        t.look(0.5, 0.0); // no variance yet: not a look
        QCOMPARE(t.looks(), uint64_t(1));
    }

    // A/A experiments watched after every 20 calls per arm: the always-valid
    // p-value rejects at most at α; the naive z-test at each look does not.
    void continuousMonitoringKeepsAlpha()
    {
        std::mt19937_64 rng(17);
        std::normal_distribution<double> normal(0, 1);
        constexpr int runs = 1000, looks = 50, step = 20;
        int sequential = 0, naive = 0;
        for (int r = 0; r < runs; ++r) {
            SequentialTest test(0.05, 0.2);
            double sumA = 0, sumB = 0, sqA = 0, sqB = 0;
            bool naiveRejected = false;
            for (int l = 1; l <= looks; ++l) {
                for (int i = 0; i < step; ++i) {
                    const double a = normal(rng), b = normal(rng);
                    sumA += a;
                    sqA += a * a;
                    sumB += b;
                    sqB += b * b;
                }
                const double n = l * step;
                const double meanA = sumA / n, meanB = sumB / n;
                const double variance = (sqA / n - meanA * meanA + sqB / n - meanB * meanB) / n;
                test.look(meanB - meanA, variance);
                naiveRejected
                    = naiveRejected || std::abs(meanB - meanA) / std::sqrt(variance) > 1.96;
            }
            sequential += test.rejected();
            naive += naiveRejected;
        }
        QVERIFY2(sequential <= runs * 0.05 + 10, std::to_string(sequential).c_str());
        QVERIFY2(naive > runs * 0.15, std::to_string(naive).c_str());
    }

    void realEffectIsFoundAndCovered()
    {
        std::mt19937_64 rng(3);
        std::normal_distribution<double> normal(0, 1);
        SequentialTest test(0.05, 0.2);
        double sumA = 0, sumB = 0;
        int n = 0;
        while (!test.rejected() && n < 100000) {
            sumA += normal(rng);
            sumB += normal(rng) + 0.3;
            if (++n % 50 == 0)
                test.look(sumB / n - sumA / n, 2.0 / n);
        }
        QVERIFY(test.rejected());
        QVERIFY(n < 2000);
        QVERIFY(test.interval().low > 0 && test.interval().low < 0.3 && 0.3 < test.interval().high);
    }

    void badParameters()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SequentialTest(0, 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SequentialTest(0.05, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SequentialTest(0.05, std::nan("")));
    }
};

QTEST_GUILESS_MAIN(TestSequentialTest)
#include "tst_sequential_test.moc"
