#include "hypothesis_tests.h"
#include "llm_event.h"
#include "quality_analyzer.h"
#include "stream_processor.h"

#include <QTest>
#include <cmath>
#include <random>
#include <set>

using namespace llmopt;

namespace {

// A one-minute window of 100 evaluated calls, each good with probability `good`.
WindowResult window(std::mt19937_64& rng, int index, double good)
{
    std::bernoulli_distribution isGood(good);
    std::uniform_real_distribution<double> high(0.6, 1.0), low(0.0, 0.4);
    WindowResult w;
    w.key = "chat/v-1";
    w.startUnixNano = index * 60'000'000'000LL;
    w.endUnixNano = w.startUnixNano + 60'000'000'000LL;
    for (int i = 0; i < 100; ++i) {
        LlmEvent e;
        e.timeUnixNano = w.startUnixNano + i;
        e.latencyMs = 100;
        e.evaluations = {{"judge", isGood(rng) ? high(rng) : low(rng)}};
        w.stats.add(e);
    }
    return w;
}

} // namespace

class TestQualityAnalyzer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Wilson (1927) for 8 of 10 at 95 %: 0.490 to 0.943, worked from the closed form.
    void wilsonKnownValue()
    {
        const Interval i = wilsonInterval(8, 10);
        QVERIFY(std::abs(i.low - 0.4902) < 1e-4);
        QVERIFY(std::abs(i.high - 0.9433) < 1e-4);
        QCOMPARE(wilsonInterval(0, 0).high, 1.0);
        QVERIFY(wilsonInterval(0, 20).low == 0.0 && wilsonInterval(0, 20).high > 0.1);
    }

    // {2,4,4,4,5,5,7,9}: mean 5, s = √(32/7), t(0.975, 7) = 2.364624 → 5 ± 1.7875.
    void tIntervalKnownValue()
    {
        const Interval i = meanInterval(5.0, std::sqrt(32.0 / 7.0), 8);
        QVERIFY(std::abs(i.low - 3.2125) < 1e-3);
        QVERIFY(std::abs(i.high - 6.7875) < 1e-3);
    }

    // 30/100 vs 50/100: pooled 0.4, z = −0.2/√(0.24·0.02) = −2.88675, p = erfc(|z|/√2).
    void twoProportionKnownValue()
    {
        const TwoSampleTest r = twoProportionZTest(30, 100, 50, 100);
        QVERIFY(std::abs(r.statistic + 2.88675) < 1e-5);
        QVERIFY(std::abs(r.pValue - std::erfc(2.88675 / std::sqrt(2.0))) < 1e-6);
    }

    // Welch: mean 5 (s 2, n 10) vs 3 (s 1, n 10): t = 2/√0.5 = 2.8284, df = 0.25/(0.17/9) = 13.235.
    void welchKnownValue()
    {
        const TwoSampleTest r = welchTTest(5, 2, 10, 3, 1, 10);
        QVERIFY(std::abs(r.statistic - 2.828427) < 1e-5);
        QVERIFY(std::abs(r.degreesOfFreedom - 13.2353) < 1e-3);
        QVERIFY(r.pValue > 0.01 && r.pValue < 0.02);
    }

    // A/A tests reject at the rate α (2,000 runs: 5 % ± 1.5 % at three standard errors).
    void aaTestsRejectAtAlpha()
    {
        std::mt19937_64 rng(12);
        std::normal_distribution<double> a(0.7, 0.2), b(0.7, 0.35);
        std::bernoulli_distribution p(0.3);
        int welch = 0, proportions = 0;
        const int runs = 2000;
        for (int run = 0; run < runs; ++run) {
            RunningStats x, y;
            for (int i = 0; i < 40; ++i)
                x.add(a(rng));
            for (int i = 0; i < 25; ++i)
                y.add(b(rng));
            welch += welchTTest(x.mean(), x.standardDeviation(), x.count(), y.mean(),
                                y.standardDeviation(), y.count())
                         .pValue
                    < 0.05
                ? 1
                : 0;
            uint64_t s1 = 0, s2 = 0;
            for (int i = 0; i < 200; ++i)
                s1 += p(rng) ? 1 : 0;
            for (int i = 0; i < 300; ++i)
                s2 += p(rng) ? 1 : 0;
            proportions += twoProportionZTest(s1, 200, s2, 300).pValue < 0.05 ? 1 : 0;
        }
        qInfo("A/A rejections at α 0.05: Welch %.3f, two proportions %.3f", double(welch) / runs,
              double(proportions) / runs);
        QVERIFY(std::abs(double(welch) / runs - 0.05) < 0.015);
        QVERIFY(std::abs(double(proportions) / runs - 0.05) < 0.015);
    }

    void dropIsFoundAndStationaryIsQuiet()
    {
        std::mt19937_64 rng(3);
        QualityAnalyzer analyzer("service_variant");
        int first = -1;
        std::set<std::string> metrics;
        for (int i = 0; i < 400; ++i)
            for (const Finding& f : analyzer.add(window(rng, i, i < 200 ? 0.8 : 0.65))) {
                QVERIFY2(i >= 200, f.summary.c_str());
                QVERIFY(f.severity != Finding::Severity::Info);
                QVERIFY(f.evidence.at("current").at("ci95").size() == 2);
                metrics.insert(f.metric);
                if (first < 0)
                    first = i;
            }
        QCOMPARE(metrics, (std::set<std::string>{"quality_mean", "success_rate"}));
        qInfo("quality drop found %d windows after it began", first - 200);
        QVERIFY(first >= 200 && first < 210);
    }
};

QTEST_GUILESS_MAIN(TestQualityAnalyzer)
#include "tst_quality_analyzer.moc"
