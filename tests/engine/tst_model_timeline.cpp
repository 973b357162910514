#include "llm_event.h"
#include "model_timeline.h"

#include <QTest>

using namespace llmopt;

class TestModelTimeline : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // One call per second at $1 each: the KPI rates are 1/s and $3,600/h
    // whatever the phase of `now` within a bucket.
    void ratesAreExactAtAnyPhase()
    {
        constexpr int64_t second = 1'000'000'000LL;
        constexpr int64_t start = 1'000'000 * second;
        for (int64_t phase : {0LL, 3LL, 5LL, 9LL}) {
            const int64_t now = start + 250 * second + phase * second;
            ModelTimeline timeline(10 * second, 90);
            for (int64_t t = start; t < now; t += second) { // a live feed has nothing after now
                LlmEvent e;
                e.timeUnixNano = t;
                e.variant.model.assign(1, (t / second) % 2 ? 'a' : 'b');
                e.latencyMs = double(t / second % 50) * 10; // 0 … 490 ms
                e.costUsd = 1.0;
                timeline.add(e);
            }
            const LiveKpis k = timeline.kpis(now, 60 * second);
            QVERIFY2(std::abs(k.requestsPerSecond - 1.0) < 1e-9,
                     qPrintable(QString::number(k.requestsPerSecond)));
            QVERIFY(std::abs(k.spendPerHourUsd - 3600.0) < 1e-6);
            QCOMPARE(k.errorRate, 0.0);
            const auto series = timeline.series();
            QCOMPARE(series.size(), size_t(2));
            QCOMPARE(series[0].points.size(), size_t(phase ? 26 : 25));
            QCOMPARE(series[0].points[0].requests, uint64_t(5));
            // Each bucket's quantile band from its sketch (≤1% relative error).
            for (const TimelinePoint& p : series[0].points)
                QVERIFY(p.p50LatencyMs <= p.p95LatencyMs && p.p95LatencyMs <= p.p99LatencyMs);
            const TimelinePoint& full = series[0].points[1]; // five calls 20 ms apart
            QVERIFY(full.p99LatencyMs > full.p50LatencyMs);
        }
    }
};

QTEST_GUILESS_MAIN(TestModelTimeline)
#include "tst_model_timeline.moc"
