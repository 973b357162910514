#include "collector.h"
#include "embedded_resources.h"
#include "event_store.h"
#include "llm_event.h"

#include <QTest>

using namespace llmopt;

namespace {

LlmEvent validEvent(int i, const char* model = "gpt-4o-mini")
{
    LlmEvent e;
    e.traceId = std::string(31, '0') + char('a' + i);
    e.spanId = std::string(15, '0') + char('a' + i);
    e.timeUnixNano = 1'700'000'000'000'000'000LL + i;
    e.service = "svc";
    e.variant.model = model;
    e.requestModel = model;
    e.inputTokens = 1000;
    e.outputTokens = 100;
    e.latencyMs = 500;
    return e;
}

} // namespace

class TestCollector : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void absurdValuesAreRejected_data();
    void absurdValuesAreRejected();
    void pricesValidatesDedupesAndDeadLetters()
    {
        EventStore store(":memory:");
        Collector collector(store, PriceTable::fromJson(embeddedPriceTable(), "prices.json"));
        LlmEvent negative = validEvent(2);
        negative.latencyMs = -5;
        LlmEvent noService = validEvent(3);
        noService.service.clear();
        std::vector<LlmEvent> batch
            = {validEvent(0), validEvent(1, "my-finetune"), negative, noService, validEvent(0)};
        const IngestCounters c = collector.ingest(batch, "test", 1);
        QCOMPARE(c.received, 5u);
        QCOMPARE(c.stored, 2u);
        QCOMPARE(c.duplicates, 1u);
        QCOMPARE(c.rejected, 2u);
        QCOMPARE(c.unknownCost, 1u);
        // Nothing is dropped: the new events first, in order, then the duplicate and the rejected.
        QCOMPARE(batch.size(), size_t(5));
        QCOMPARE(batch[0].variant.model, std::string("gpt-4o-mini"));
        QCOMPARE(batch[1].variant.model, std::string("my-finetune"));
        // 1,000 × $0.15/M + 100 × $0.60/M
        QVERIFY(qFuzzyCompare(*batch[0].costUsd, 0.00021));
        QVERIFY(!batch[1].costUsd.has_value());
        QCOMPARE(batch[2].eventId(), validEvent(0).eventId());
        QCOMPARE(batch[3].latencyMs, -5.0);
        QVERIFY(batch[4].service.empty());

        const auto letters = store.deadLetters(10);
        QCOMPARE(letters.size(), size_t(2));
        QVERIFY(QString::fromStdString(letters[0].reason).contains("duration is negative"));
        QVERIFY(QString::fromStdString(letters[1].reason).contains("service name is missing"));
        QVERIFY(QString::fromStdString(letters[0].payload).contains("\"latency_ms\":-5"));

        // The same events again are all duplicates; totals accumulate.
        batch = {validEvent(0), validEvent(1, "my-finetune")};
        const IngestCounters again = collector.ingest(batch, "test", 2);
        QCOMPARE(again.duplicates, 2u);
        QCOMPARE(again.stored, 0u);
        QCOMPARE(again.unknownCost, 0u);
        QCOMPARE(collector.totals().received, 7u);
        QCOMPARE(collector.totals().stored, 2u);
    }
};

void TestCollector::absurdValuesAreRejected_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("cache > input") << 0 << "exceed the input tokens";
    QTest::newRow("huge tokens") << 1 << "token count is above";
    QTest::newRow("week-long") << 2 << "longer than a week";
    QTest::newRow("infinite score") << 3 << "no usable score";
}

void TestCollector::absurdValuesAreRejected()
{
    QFETCH(int, kind);
    QFETCH(QString, reason);
    LlmEvent e = validEvent(0);
    switch (kind) {
    case 0:
        e.cacheReadTokens = e.cacheWriteTokens = 800;
        break; // input is 1,000
    case 1:
        e.outputTokens = INT64_MAX;
        break;
    case 2:
        e.latencyMs = 1e300;
        break;
    case 3:
        e.evaluations = {{"q", 1e308 * 10}};
        break;
    }
    const auto why = Collector::validate(e);
    QVERIFY(why.has_value());
    QVERIFY2(QString::fromStdString(*why).contains(reason), why->c_str());
}

QTEST_GUILESS_MAIN(TestCollector)
#include "tst_collector.moc"
