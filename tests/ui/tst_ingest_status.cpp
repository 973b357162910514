#include "ingest_status.h"

#include <QSignalSpy>
#include <QTest>

namespace {

IngestStatus::Reading at(qint64 ms, quint64 received)
{
    IngestStatus::Reading r;
    r.atMs = ms;
    r.received = received;
    return r;
}

} // namespace

class TestIngestStatus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The rate is the change of the received counter over the last five
    // seconds, not the total received.
    void rateIsTheReceivedCounterOverTheSpan()
    {
        IngestStatus status;
        status.update(at(0, 10'000));
        QCOMPARE(status.eventsPerSecond(), 0.0); // one reading gives no rate
        for (int i = 1; i <= 100; ++i) // 100 events/s, read ten times a second
            status.update(at(i * 100, 10'000 + quint64(i) * 10));
        QCOMPARE(status.eventsPerSecond(), 100.0);
        // The feed stops: the rate falls to zero once the span holds no arrivals.
        for (int i = 101; i <= 160; ++i)
            status.update(at(i * 100, 11'000));
        QCOMPARE(status.eventsPerSecond(), 0.0);
    }

    // The rate follows a change within the span, not the average since start.
    void rateFollowsAChange()
    {
        IngestStatus status;
        quint64 received = 0;
        for (int i = 0; i <= 100; ++i) // 10 s at 50 events/s
            status.update(at(i * 100, received += i > 0 ? 5 : 0));
        QCOMPARE(status.eventsPerSecond(), 50.0);
        for (int i = 101; i <= 150; ++i) // then 5 s at 200 events/s
            status.update(at(i * 100, received += 20));
        QCOMPARE(status.eventsPerSecond(), 200.0);
    }

    // A new engine starts its counter at zero: no negative rate.
    void counterThatWentBackStartsOver()
    {
        IngestStatus status;
        status.update(at(0, 5000));
        status.update(at(1000, 6000));
        status.update(at(2000, 100));
        QCOMPARE(status.eventsPerSecond(), 0.0);
        status.update(at(3000, 400));
        QCOMPARE(status.eventsPerSecond(), 300.0);
    }

    // changed() fires only when a figure changes: a steady, idle feed is silent.
    void signalsOnlyRealChanges()
    {
        IngestStatus status;
        QSignalSpy changed(&status, &IngestStatus::changed);
        IngestStatus::Reading idle;
        idle.queueCapacity = 200'000;
        idle.sourcesRunning = 1;
        idle.sourcesTotal = 2;
        idle.failingSource = QStringLiteral("Kafka b:9092 · spans");
        idle.failingError = QStringLiteral("broker down");
        status.update(idle);
        QCOMPARE(changed.count(), 1);
        for (int i = 1; i <= 5; ++i) {
            IngestStatus::Reading again = idle;
            again.atMs = i * 100;
            status.update(again);
        }
        QCOMPARE(changed.count(), 1);
        QCOMPARE(status.sourcesRunning(), 1);
        QCOMPARE(status.sourcesTotal(), 2);
        QCOMPARE(status.failingSource(), QStringLiteral("Kafka b:9092 · spans"));
        QCOMPARE(status.failingError(), QStringLiteral("broker down"));

        IngestStatus::Reading backedUp = idle;
        backedUp.atMs = 600;
        backedUp.queueDepth = 150'000;
        backedUp.pushedBack = 3;
        status.update(backedUp);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(status.queueDepth(), 150'000ULL);
        QCOMPARE(status.queueCapacity(), 200'000ULL);
        QCOMPARE(status.pushedBack(), 3ULL);
    }
};

QTEST_GUILESS_MAIN(TestIngestStatus)
#include "tst_ingest_status.moc"
