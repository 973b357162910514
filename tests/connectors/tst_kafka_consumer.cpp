#include "embedded_resources.h"
#include "engine_loop.h"
#include "event_json.h"
#include "event_store.h"
#include "ingest_queue.h"
#include "kafka_consumer.h"
#include "otlp_proto_encoder.h"
#include "support/mock_kafka_cluster.h"
#include "support/simulated_events.h"

#include <QTemporaryDir>
#include <QTest>
#include <librdkafka/rdkafka.h>
#include <nlohmann/json.hpp>
#include <opentelemetry/proto/collector/logs/v1/logs_service.pb.h>

using namespace llmopt;

namespace {

KafkaConsumer::Options options(const MockCluster& cluster, const char* topic,
                               KafkaConsumer::Encoding encoding)
{
    KafkaConsumer::Options o;
    o.brokers = cluster.bootstraps();
    o.groupId = "workbench-test";
    o.topics = {topic};
    o.encoding = encoding;
    o.properties = {{"session.timeout.ms", "6000"},
                    {"heartbeat.interval.ms", "500"},
                    {"auto.commit.interval.ms", "100"},
                    {"topic.metadata.refresh.interval.ms", "500"}};
    return o;
}

// Produces `events` as OTLP protobuf records of 50 spans, spread over the partitions.
size_t produceOtlp(MockCluster& cluster, const char* topic, const std::vector<LlmEvent>& events,
                   int partitions)
{
    size_t records = 0;
    for (size_t i = 0; i < events.size(); i += 50) {
        const size_t n = std::min<size_t>(50, events.size() - i);
        cluster.produce(
            topic, static_cast<int32_t>(records % partitions),
            OtlpProtoEncoder::encodeTraces(std::span<const LlmEvent>(events.data() + i, n)));
        ++records;
    }
    cluster.flush();
    return records;
}

} // namespace

class TestKafkaConsumer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Consume, stop mid-stream, start again in the same group: every event
    // stored exactly once, and the undecodable record kept in the dead-letter table.
    void restartLosesNothingAndDoublesNothing()
    {
        MockCluster cluster;
        cluster.createTopic("otlp_spans", 3);
        const auto events = simulated::events(120, 5);
        QTemporaryDir dir;
        EventStore engineStore(dir.filePath("kafka.sqlite").toStdString());
        // The test reads through its own connection: the engine's belongs to its thread.
        EventStore store(dir.filePath("kafka.sqlite").toStdString());
        IngestQueue queue(100000);
        EngineLoop engine(queue, engineStore,
                          PriceTable::fromJson(embeddedPriceTable(), "prices.json"));
        engine.start();

        const size_t half = events.size() / 2;
        produceOtlp(cluster, "otlp_spans",
                    std::vector<LlmEvent>(events.begin(), events.begin() + long(half)), 3);
        cluster.produce("otlp_spans", 0, "\x0a\xff\xff\xff garbage");
        cluster.flush();
        {
            KafkaConsumer consumer(
                options(cluster, "otlp_spans", KafkaConsumer::Encoding::OtlpProto), queue);
            consumer.start();
            QTRY_VERIFY_WITH_TIMEOUT(store.eventCount() >= half / 2,
                                     30000); // stop part-way through
            consumer.stop();
            QVERIFY(consumer.stats().undecodable <= 1);
        }
        produceOtlp(cluster, "otlp_spans",
                    std::vector<LlmEvent>(events.begin() + long(half), events.end()), 3);
        KafkaConsumer again(options(cluster, "otlp_spans", KafkaConsumer::Encoding::OtlpProto),
                            queue);
        again.start();
        QTRY_COMPARE_WITH_TIMEOUT(store.eventCount(), events.size(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(again.stats().lag == 0, 10000);
        again.stop();
        engine.stopAfterDrain();

        QCOMPARE(store.eventCount(), events.size()); // nothing lost, nothing doubled
        const auto letters = store.deadLetters(10);
        QCOMPARE(letters.size(), size_t(1));
        QVERIFY(QString::fromStdString(letters[0].reason).startsWith("otlp_spans/0@"));
        const EngineSnapshot snapshot = engine.snapshot();
        QCOMPARE(snapshot.sources.at("kafka").ingest.stored, uint64_t(events.size()));
    }

    // Evaluations arrive as OTLP log records on their own topic, next to the spans.
    void logTopicsCarryEvaluations()
    {
        MockCluster cluster;
        cluster.createTopic("otlp_spans", 1);
        cluster.createTopic("otlp_logs", 1);
        const auto events = simulated::atLeast(40, 11);
        produceOtlp(cluster, "otlp_spans", events, 1);

        opentelemetry::proto::collector::logs::v1::ExportLogsServiceRequest request;
        auto* records = request.add_resource_logs()->add_scope_logs();
        auto bytesOfHex = [](const std::string& hex) {
            std::string out;
            for (size_t i = 0; i + 1 < hex.size(); i += 2)
                out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
            return out;
        };
        for (size_t i = 0; i < 10; ++i) {
            auto* log = records->add_log_records();
            log->set_event_name("gen_ai.evaluation.result");
            log->set_trace_id(bytesOfHex(events[i].traceId));
            log->set_span_id(bytesOfHex(events[i].spanId));
            auto* kv = log->add_attributes();
            kv->set_key("gen_ai.evaluation.score.value");
            kv->mutable_value()->set_double_value(0.5);
        }
        records->add_log_records()->set_event_name("app.startup"); // skipped, not an evaluation
        cluster.produce("otlp_logs", 0, request.SerializeAsString());
        cluster.produce("otlp_logs", 0, "\x0a\xff\xff not a request");
        cluster.flush();

        QTemporaryDir dir;
        EventStore engineStore(dir.filePath("kafka.sqlite").toStdString());
        // The test reads through its own connection: the engine's belongs to its thread.
        EventStore store(dir.filePath("kafka.sqlite").toStdString());
        IngestQueue queue(100000);
        EngineLoop engine(queue, engineStore,
                          PriceTable::fromJson(embeddedPriceTable(), "prices.json"));
        engine.start();
        auto o = options(cluster, "otlp_spans", KafkaConsumer::Encoding::OtlpProto);
        o.logTopics = {"otlp_logs"};
        KafkaConsumer consumer(o, queue);
        consumer.start();
        QTRY_COMPARE_WITH_TIMEOUT(store.eventCount(), events.size(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(store.evaluationCount(), size_t(10), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(store.deadLetterCount(), size_t(1), 10000);
        QVERIFY(QString::fromStdString(store.deadLetters(1)[0].reason)
                    .contains("otlp_logs/0@1: not an OTLP ExportLogsServiceRequest"));
        consumer.stop();
        engine.stopAfterDrain();
        QCOMPARE(engine.snapshot().sources.at("kafka").evaluations, 10u);
    }

    void flatJsonAndBrokerTrouble()
    {
        MockCluster cluster;
        cluster.createTopic("llm_events", 1);
        const auto events = simulated::events(30, 6);
        std::string lines; // several events per record, as JSON lines
        size_t produced = 0;
        for (const LlmEvent& e : events) {
            lines += toFlatJson(e).dump() + "\n";
            if (++produced % 20 == 0) {
                cluster.produce("llm_events", 0, lines);
                lines.clear();
            }
        }
        cluster.produce("llm_events", 0, lines + "{\"service\": broken\n");
        cluster.flush();

        // Fetches fail a few times before they succeed: the consumer retries and reports it.
        constexpr int16_t kFetchApiKey = 1; // Kafka protocol API key of Fetch
        rd_kafka_mock_push_request_errors(
            cluster.cluster(), kFetchApiKey, 3, RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION,
            RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION, RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION);
        QTemporaryDir dir;
        EventStore engineStore(dir.filePath("kafka.sqlite").toStdString());
        // The test reads through its own connection: the engine's belongs to its thread.
        EventStore store(dir.filePath("kafka.sqlite").toStdString());
        IngestQueue queue(100000);
        EngineLoop engine(queue, engineStore,
                          PriceTable::fromJson(embeddedPriceTable(), "prices.json"));
        engine.start();
        KafkaConsumer consumer(options(cluster, "llm_events", KafkaConsumer::Encoding::FlatJson),
                               queue);
        consumer.start();
        QTRY_COMPARE_WITH_TIMEOUT(store.eventCount(), events.size(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(store.deadLetterCount(), size_t(1), 10000);

        // The broker goes away: the consumer stays up and says so; then it comes back.
        rd_kafka_mock_broker_set_down(cluster.cluster(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!consumer.health().connected, 20000);
        QVERIFY(consumer.health().running);
        QVERIFY(!consumer.health().lastError.empty());
        rd_kafka_mock_broker_set_up(cluster.cluster(), 1);
        cluster.produce("llm_events", 0, toFlatJson(simulated::events(1, 99).front()).dump());
        cluster.flush();
        QTRY_COMPARE_WITH_TIMEOUT(store.eventCount(), events.size() + 1, 30000);
        QVERIFY(consumer.health().connected);
        consumer.stop();
        engine.stopAfterDrain();
    }

    // The engine's queue is full: the consumer pauses and loses nothing.
    void backpressurePauses()
    {
        MockCluster cluster;
        cluster.createTopic("otlp_spans", 1);
        const auto events = simulated::events(300, 7); // ~4,500 events against room for 1,000
        produceOtlp(cluster, "otlp_spans", events, 1);
        IngestQueue queue(1000); // nobody drains it at first
        KafkaConsumer::Options o
            = options(cluster, "otlp_spans", KafkaConsumer::Encoding::OtlpProto);
        o.maxEventsPerBatch = 500;
        KafkaConsumer consumer(o, queue);
        consumer.start();
        QTRY_VERIFY_WITH_TIMEOUT(consumer.stats().pauses >= 1, 20000);
        QVERIFY(queue.depthEvents() <= 1000);

        QTemporaryDir dir;
        EventStore engineStore(dir.filePath("kafka.sqlite").toStdString());
        // The test reads through its own connection: the engine's belongs to its thread.
        EventStore store(dir.filePath("kafka.sqlite").toStdString());
        EngineLoop engine(queue, engineStore,
                          PriceTable::fromJson(embeddedPriceTable(), "prices.json"));
        engine.start();
        QTRY_COMPARE_WITH_TIMEOUT(store.eventCount(), events.size(), 30000);
        consumer.stop();
        engine.stopAfterDrain();
    }
};

QTEST_GUILESS_MAIN(TestKafkaConsumer)
#include "tst_kafka_consumer.moc"
