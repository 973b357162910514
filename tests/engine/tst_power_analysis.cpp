#include "ab_tests.h"
#include "power_analysis.h"
#include "running_stats.h"

#include <QTest>
#include <random>

using namespace llmopt;

class TestPowerAnalysis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // R: power.prop.test(p1 = .10, p2 = .12, power = .8) gives n = 3840.847;
    // power.t.test(delta = .5, sd = 1, power = .8) gives n = 63.76576 and, at
    // n = 64, power 0.8014596.
    void matchesR()
    {
        QCOMPARE(sampleSizeTwoProportions(0.10, 0.12, 0.05, 0.8), uint64_t(3841));
        QVERIFY(powerTwoProportions(0.10, 0.12, 3840, 0.05) < 0.8);
        QCOMPARE(sampleSizeTwoMeans(0.5, 1.0, 0.05, 0.8), uint64_t(64));
        QVERIFY2(std::abs(powerTwoMeans(0.5, 1.0, 64, 0.05) - 0.8014596) < 2e-6,
                 std::to_string(powerTwoMeans(0.5, 1.0, 64, 0.05)).c_str());
        QVERIFY(std::abs(minimumDetectableDifference(1.0, 64, 0.05, 0.8014596) - 0.5) < 1e-5);
    }

    // The calculator's power is what Welch's test achieves on simulated data.
    void powerMatchesSimulation()
    {
        std::mt19937_64 rng(8);
        std::normal_distribution<double> normal(0, 1);
        constexpr int runs = 3000;
        const uint64_t n = 40;
        int rejected = 0;
        for (int r = 0; r < runs; ++r) {
            RunningStats a, b;
            for (uint64_t i = 0; i < n; ++i) {
                a.add(normal(rng));
                b.add(normal(rng) + 0.5);
            }
            rejected += compareMeans(a, b).pValue < 0.05;
        }
        const double expected = powerTwoMeans(0.5, 1.0, n, 0.05); // ≈ 0.60
        QVERIFY2(std::abs(rejected / double(runs) - expected) < 0.025,
                 (std::to_string(rejected) + " vs " + std::to_string(expected)).c_str());
    }

    void plan()
    {
        ExperimentDesign d;
        d.metric = ExperimentDesign::Metric::Proportion;
        d.baseline = 0.10;
        d.minimumEffect = 0.02;
        d.costPerRequestUsd = 0.002;
        d.requestsPerSecond = 10;
        const ExperimentPlan two = planExperiment(d);
        QCOMPARE(two.perArm, uint64_t(3841));
        QCOMPARE(two.total, uint64_t(7682));
        QVERIFY(std::abs(two.costUsd - 7682 * 0.002) < 1e-9);
        QVERIFY(std::abs(two.durationSeconds - 768.2) < 1e-9);
        d.arms = 3; // α/2 per comparison: more samples per arm
        const ExperimentPlan three = planExperiment(d);
        QCOMPARE(three.perArm, sampleSizeTwoProportions(0.10, 0.12, 0.025, 0.8));
        QVERIFY(three.perArm > two.perArm);
        QVERIFY(three.method.find("2 comparisons") != std::string::npos);
        d.baseline = 0.99; // + 0.02 leaves (0, 1)
        QVERIFY(planExperiment(d).problem.find("between 0 and 1") != std::string::npos);
        d.metric = ExperimentDesign::Metric::Mean;
        d.minimumEffect = 0;
        QCOMPARE(planExperiment(d).perArm, uint64_t(0));
        QVERIFY(!planExperiment(d).problem.empty());
    }
};

QTEST_GUILESS_MAIN(TestPowerAnalysis)
#include "tst_power_analysis.moc"
