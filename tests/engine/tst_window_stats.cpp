#include "llm_event.h"
#include "running_stats.h"
#include "window_stats.h"

#include <QTest>
#include <cmath>
#include <random>

using namespace llmopt;

// RunningStats (Welford / Chan et al.), CategoryCounts and WindowStats.
class TestWindowStats : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownValues()
    {
        RunningStats s;
        for (double x : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0})
            s.add(x);
        QCOMPARE(s.count(), 8u);
        QCOMPARE(s.mean(), 5.0);
        QCOMPARE(s.sum(), 40.0);
        QVERIFY(std::abs(s.variance() - 32.0 / 7.0) < 1e-12); // Σ(x − 5)² = 32, n − 1 = 7
        QCOMPARE(s.min(), 2.0);
        QCOMPARE(s.max(), 9.0);
        QCOMPARE(RunningStats().variance(), 0.0);
        QCOMPARE(RunningStats().mean(), 0.0);
    }

    // Large offsets: the textbook Σx² − n·mean² formula loses every digit here.
    void numericallyStable()
    {
        RunningStats s;
        for (double x : {4.0, 7.0, 13.0, 16.0})
            s.add(1e9 + x);
        QVERIFY(std::abs(s.variance() - 30.0) < 1e-6);
    }

    void mergingEqualsOnePass()
    {
        std::mt19937_64 rng(3);
        std::lognormal_distribution<double> dist(5.0, 1.2);
        std::vector<double> xs(10000);
        for (double& x : xs)
            x = dist(rng);
        RunningStats all;
        for (double x : xs)
            all.add(x);
        for (size_t cut : {size_t(0), size_t(1), size_t(37), size_t(5000), size_t(9999)}) {
            RunningStats a, b;
            for (size_t i = 0; i < xs.size(); ++i)
                (i < cut ? a : b).add(xs[i]);
            a.merge(b);
            QCOMPARE(a.count(), all.count());
            QVERIFY(std::abs(a.mean() - all.mean()) < 1e-9 * all.mean());
            QVERIFY(std::abs(a.variance() - all.variance()) < 1e-9 * all.variance());
            QCOMPARE(a.min(), all.min());
            QCOMPARE(a.max(), all.max());
        }
    }

    void categories()
    {
        CategoryCounts c;
        c.add("faq");
        c.add("code", 2);
        c.add("faq");
        CategoryCounts d;
        d.add("summary");
        d.add("faq");
        c.merge(d);
        QCOMPARE(c.total(), 6u);
        QCOMPARE(c.count("faq"), 3u);
        QCOMPARE(c.count("code"), 2u);
        QCOMPARE(c.count("summary"), 1u);
        QCOMPARE(c.count("none"), 0u);
    }

    void windowStatsMergeLikeOnePass()
    {
        std::vector<LlmEvent> events;
        for (int i = 0; i < 1000; ++i) {
            LlmEvent e;
            e.timeUnixNano = 1'000'000'000LL * (i + 1);
            e.latencyMs = 100.0 + i;
            e.ttftMs = 10.0 + i % 7;
            e.inputTokens = 100 + i;
            e.outputTokens = i % 3 == 0 ? -1 : 20;
            e.costUsd = i % 10 == 0 ? std::nullopt : std::optional<double>(0.001);
            e.status = i % 50 == 0 ? CallStatus::Error : CallStatus::Ok;
            e.errorType = e.isError() ? "429" : "";
            e.finishReason = e.isError() ? "" : "stop";
            e.taskType = i % 2 ? "faq" : "code";
            if (i % 4 == 0)
                e.evaluations = {{"q", 0.25 * (i % 5)}};
            events.push_back(e);
        }
        WindowStats all, first, second;
        for (size_t i = 0; i < events.size(); ++i) {
            all.add(events[i]);
            (i < 300 ? first : second).add(events[i]);
        }
        second.merge(first);
        QCOMPARE(all.requests, 1000u);
        QCOMPARE(all.errors, 20u);
        QCOMPARE(all.costUnknown, 100u);
        QCOMPARE(all.errorTypes.count("429"), 20u);
        QCOMPARE(all.finishReasons.count("stop"), 980u);
        QCOMPARE(all.outputTokens.count(), 666u);
        QCOMPARE(all.quality.count(), 250u);
        QCOMPARE(all.firstEventUnixNano, 1'000'000'000LL);
        QCOMPARE(all.lastEventUnixNano, 1'000'000'000'000LL);
        QCOMPARE(second.requests, all.requests);
        QCOMPARE(second.firstEventUnixNano, all.firstEventUnixNano);
        QCOMPARE(second.lastEventUnixNano, all.lastEventUnixNano);
        QCOMPARE(second.latencySketch.quantile(0.95), all.latencySketch.quantile(0.95));
        QVERIFY(std::abs(second.costUsd.sum() - all.costUsd.sum()) < 1e-12);
        QCOMPARE(second.taskTypes.count("faq"), all.taskTypes.count("faq"));
        // p95 of 100…1099 ms without the 20 errors, within the sketch's 1 %.
        QVERIFY(std::abs(all.latencySketch.quantile(0.95) - 1050.0) < 0.02 * 1050.0);
    }
};

QTEST_GUILESS_MAIN(TestWindowStats)
#include "tst_window_stats.moc"
