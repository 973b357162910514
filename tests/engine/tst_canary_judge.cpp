#include "canary_judge.h"

#include <QTest>
#include <random>

using namespace llmopt;

namespace {

// Latency in ms (log-normal) of `n` calls, `factor` times slower than usual.
std::vector<double> latencies(size_t n, double factor, uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::lognormal_distribution<double> d(7.0, 0.4);
    std::vector<double> v(n);
    for (double& x : v)
        x = d(rng) * factor;
    return v;
}

CanaryMetric latency(double canaryFactor, uint64_t seed, size_t n = 2000)
{
    CanaryMetric m;
    m.name = "latency_ms";
    m.allowedChange = 0.10;
    m.canary = latencies(n, canaryFactor, seed);
    m.stable = latencies(n, 1.0, seed + 1);
    return m;
}

CanaryMetric errors(uint64_t canaryErrors, uint64_t stableErrors)
{
    CanaryMetric m;
    m.name = "error_rate";
    m.isRate = true;
    m.allowedChange = 0.5;
    m.weight = 2;
    m.canaryEvents = canaryErrors;
    m.canaryTrials = 2000;
    m.stableEvents = stableErrors;
    m.stableTrials = 2000;
    return m;
}

} // namespace

class TestCanaryJudge : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void identicalCanaryPasses()
    {
        const auto r = CanaryJudge().judge({latency(1.0, 1), errors(20, 22)}, 2000, 2000, 50);
        QCOMPARE(r.verdict, CanaryJudge::Verdict::Pass);
        QCOMPARE(r.score, 100.0);
    }

    // 5 % slower is within the 10 % allowed; 30 % slower is not.
    void allowedChangeDecides()
    {
        QCOMPARE(CanaryJudge().judge({latency(1.05, 2)}, 2000, 2000, 50).verdict,
                 CanaryJudge::Verdict::Pass);
        const auto slow = CanaryJudge().judge({latency(1.3, 3)}, 2000, 2000, 50);
        QCOMPARE(slow.verdict, CanaryJudge::Verdict::Fail);
        QVERIFY(!slow.metrics[0].passed);
        QVERIFY(slow.summary.find("latency_ms") != std::string::npos);
    }

    // Weighted score: errors (weight 2) fail, latency (weight 1) passes → 33.
    void weightedScore()
    {
        const auto r = CanaryJudge().judge({latency(1.0, 4), errors(120, 20)}, 2000, 2000, 50);
        QVERIFY(std::abs(r.score - 100.0 / 3) < 1e-9);
        QCOMPARE(r.verdict, CanaryJudge::Verdict::Fail);
        CanaryJudge::Options lenient;
        lenient.passScore = 90;
        lenient.marginalScore = 30;
        QCOMPARE(
            CanaryJudge(lenient).judge({latency(1.0, 4), errors(120, 20)}, 2000, 2000, 50).verdict,
            CanaryJudge::Verdict::Marginal);
    }

    // A quality fall is the bad direction for quality.
    void qualityFallFails()
    {
        CanaryMetric q;
        q.name = "quality";
        q.bad = CanaryMetric::Bad::Decrease;
        q.allowedChange = 0.02;
        std::mt19937_64 rng(5);
        std::normal_distribution<double> stable(0.80, 0.1), canary(0.70, 0.1);
        for (int i = 0; i < 1000; ++i) {
            q.stable.push_back(stable(rng));
            q.canary.push_back(canary(rng));
        }
        QCOMPARE(CanaryJudge().judge({q}, 1000, 1000, 50).verdict, CanaryJudge::Verdict::Fail);
        std::swap(q.stable, q.canary); // better quality is never a failure
        QCOMPARE(CanaryJudge().judge({q}, 1000, 1000, 50).verdict, CanaryJudge::Verdict::Pass);
    }

    void tooLittleDataIsInconclusive()
    {
        const auto r = CanaryJudge().judge({latency(2.0, 6, 20)}, 20, 20, 50);
        QCOMPARE(r.verdict, CanaryJudge::Verdict::Inconclusive);
        QVERIFY(!r.metrics[0].enoughData);
    }

    // 5 % planned, 10 % observed: the split is broken, whatever the metrics say.
    void sampleRatioMismatchFails()
    {
        const auto r = CanaryJudge().judge({latency(1.0, 7)}, 1000, 9000, 5);
        QCOMPARE(r.verdict, CanaryJudge::Verdict::Fail);
        QVERIFY(r.summary.find("sample-ratio mismatch") != std::string::npos);
        QCOMPARE(CanaryJudge().judge({latency(1.0, 7)}, 500, 9500, 5).verdict,
                 CanaryJudge::Verdict::Pass);
    }

    // A/A canaries: noise alone fails a canary rarely (each metric's interval at 95 %).
    void noiseRarelyFails()
    {
        int failed = 0;
        for (uint64_t seed = 0; seed < 200; ++seed)
            failed += CanaryJudge().judge({latency(1.0, 100 + 2 * seed, 500)}, 500, 500, 50).verdict
                == CanaryJudge::Verdict::Fail;
        QVERIFY2(failed <= 3, std::to_string(failed).c_str());
    }
};

QTEST_GUILESS_MAIN(TestCanaryJudge)
#include "tst_canary_judge.moc"
