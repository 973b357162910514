#include "embedded_resources.h"
#include "engine_loop.h"
#include "event_store.h"
#include "ingest_queue.h"
#include "simulator.h"
#include "support/simulated_events.h"

#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace llmopt;

class TestEngineLoop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // While another process holds the database, the engine keeps the batches,
    // acknowledges none of them, and stores them all in order once it can.
    void lockedStoreIsRetriedInOrder()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("engine.sqlite").toStdString();
        EventStore engineStore(path);
        // The test reads through its own connection: the engine's belongs to its thread.
        EventStore store(path);
        IngestQueue queue(100000);
        EngineLoop engine(queue, engineStore,
                          PriceTable::fromJson(embeddedPriceTable(), "prices.json"));

        sqlite3* other = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &other), SQLITE_OK);
        QCOMPARE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
        engine.start();

        const auto events = simulated::events(30, 3);
        std::vector<int> acknowledged;
        for (int b = 0; b < 3; ++b) {
            IngestBatch batch;
            batch.source = "test";
            const size_t from = events.size() * size_t(b) / 3,
                         to = events.size() * size_t(b + 1) / 3;
            batch.events.assign(events.begin() + long(from), events.begin() + long(to));
            batch.onStored = [&acknowledged, b] { acknowledged.push_back(b); };
            QVERIFY(queue.tryPush(std::move(batch)));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!engine.snapshot().lastError.empty(), 10000);
        QVERIFY(QString::fromStdString(engine.snapshot().lastError).contains("locked"));
        QVERIFY(acknowledged.empty());

        QCOMPARE(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(other);
        QTRY_COMPARE_WITH_TIMEOUT(store.eventCount(), events.size(), 15000);
        engine.stopAfterDrain();
        QCOMPARE(acknowledged, (std::vector<int>{0, 1, 2}));
        const EngineSnapshot s = engine.snapshot();
        QVERIFY(s.lastError.empty());
        QCOMPARE(s.sources.at("test").ingest.stored, uint64_t(events.size()));
        QCOMPARE(s.sources.at("test").batches, uint64_t(3)); // counted once, not per attempt
    }

    // Stored events pass through the windows and analyzers: the simulator's
    // latency incident ends up as findings in the snapshot and the database,
    // and the closed windows are kept for history.
    void analyzersRunOnStoredEvents()
    {
        QTemporaryDir dir;
        EventStore engineStore(dir.filePath("engine.sqlite").toStdString());
        // The test reads through its own connection: the engine's belongs to its thread.
        EventStore store(dir.filePath("engine.sqlite").toStdString());
        IngestQueue queue(1000000);
        EngineLoop engine(queue, engineStore,
                          PriceTable::fromJson(embeddedPriceTable(), "prices.json"));
        engine.start();
        constexpr double horizon = 2 * 3600.0;
        auto config = SimulatorConfig::demo(5, simulated::kStartUnixNano);
        config.rateScale = 2;
        config.scenario = *Scenario::named("latency-incident", horizon);
        Simulator sim(config);
        std::vector<LlmEvent> events;
        sim.generateUntil(simulated::kStartUnixNano + int64_t(0.6 * horizon * 1e9), events);
        const size_t n = events.size();
        for (size_t i = 0; i < n; i += 5000) { // requests of a realistic size
            IngestBatch batch;
            batch.source = "sim";
            batch.events.assign(events.begin() + long(i),
                                events.begin() + long(std::min(n, i + 5000)));
            QVERIFY(queue.tryPush(std::move(batch)));
        }
        QTRY_COMPARE_WITH_TIMEOUT(store.eventCount(), n, 20000);
        engine.stopAfterDrain();

        const EngineSnapshot s = engine.snapshot();
        QVERIFY(s.windowsClosed > 500); // 72 minutes × 9 variants
        QCOMPARE(store.windowCount(), size_t(s.windowsClosed));
        // Stopping closed the open windows too: every call on time is in one.
        QCOMPARE(store.windowedRequests("service_variant"), n - s.lateEvents);
        // The history by model adds up to the same calls, in ten-minute buckets.
        const int64_t tenMinutes = 600'000'000'000LL;
        const auto timeline = store.modelTimeline("service_variant", simulated::kStartUnixNano,
                                                  events.back().timeUnixNano + 1, tenMinutes);
        QVERIFY(timeline.size() >= 5);
        uint64_t requests = 0;
        for (const TimelineSeries& series : timeline)
            for (const TimelinePoint& p : series.points) {
                QCOMPARE((p.bucketStartUnixNano - simulated::kStartUnixNano) % tenMinutes, 0);
                QVERIFY(p.spendPerHourUsd > 0);
                QVERIFY(p.p95LatencyMs > 100);
                // The quantile band: the windows' p50 and p99 averaged alike, in order.
                QVERIFY(p.p50LatencyMs > 0 && p.p50LatencyMs < p.p95LatencyMs);
                QVERIFY(p.p99LatencyMs >= p.p95LatencyMs);
                requests += p.requests;
            }
        QCOMPARE(requests, n - s.lateEvents);
        const int64_t incident = simulated::kStartUnixNano + int64_t(0.5 * horizon * 1e9);
        int critical = 0;
        for (const Finding& f : s.findings)
            if (f.analyzer == "anomaly" && f.severity == Finding::Severity::Critical)
                critical += f.windowEndUnixNano > incident ? 1 : -100;
        QVERIFY(critical >= 2);
        QCOMPARE(store.findings(1000).size(), s.findings.size());
    }
};

QTEST_GUILESS_MAIN(TestEngineLoop)
#include "tst_engine_loop.moc"
