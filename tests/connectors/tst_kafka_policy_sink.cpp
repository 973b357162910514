#include "kafka_policy_sink.h"
#include "policy_document.h"
#include "support/mock_kafka_cluster.h"
#include "support/policy_documents.h"
#include "support/refusing_port.h"

#include <QTest>
#include <chrono>
#include <librdkafka/rdkafka.h>
#include <map>
#include <nlohmann/json.hpp>
#include <unistd.h>

using namespace llmopt;

namespace {

constexpr const char* kTopic = "llmopt.policy";

struct Record {
    std::string key;
    nlohmann::json value;
    std::string version; // the llmopt-policy-version header
    int32_t partition = -1;
    int64_t offset = -1;
};

// Reads `topic` from the beginning with a plain consumer, as a router would,
// until `expected` records came (and a little longer, to see any extra one).
std::vector<Record> readTopic(const std::string& brokers, int partitions, size_t expected)
{
    char err[512];
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    for (const auto& [key, value] :
         std::map<std::string, std::string>{{"bootstrap.servers", brokers},
                                            {"group.id", "policy-reader"},
                                            {"enable.auto.commit", "false"},
                                            {"enable.partition.eof", "false"}})
        rd_kafka_conf_set(conf, key.c_str(), value.c_str(), err, sizeof err);
    rd_kafka_t* consumer = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err);
    rd_kafka_topic_partition_list_t* assignment = rd_kafka_topic_partition_list_new(partitions);
    for (int p = 0; p < partitions; ++p)
        rd_kafka_topic_partition_list_add(assignment, kTopic, p)->offset
            = RD_KAFKA_OFFSET_BEGINNING;
    rd_kafka_assign(consumer, assignment);
    rd_kafka_topic_partition_list_destroy(assignment);

    std::vector<Record> records;
    using Clock = std::chrono::steady_clock;
    auto deadline = Clock::now() + std::chrono::seconds(30);
    bool complete = false;
    while (Clock::now() < deadline) {
        rd_kafka_message_t* m = rd_kafka_consumer_poll(consumer, 100);
        if (m && !m->err) {
            Record r;
            r.key.assign(static_cast<const char*>(m->key), m->key_len);
            r.value = nlohmann::json::parse(
                std::string_view(static_cast<const char*>(m->payload), m->len));
            rd_kafka_headers_t* headers = nullptr;
            const void* value = nullptr;
            size_t size = 0;
            if (rd_kafka_message_headers(m, &headers) == RD_KAFKA_RESP_ERR_NO_ERROR
                && rd_kafka_header_get_last(headers, "llmopt-policy-version", &value, &size)
                    == RD_KAFKA_RESP_ERR_NO_ERROR)
                r.version.assign(static_cast<const char*>(value), size);
            r.partition = m->partition;
            r.offset = m->offset;
            records.push_back(std::move(r));
        }
        if (m)
            rd_kafka_message_destroy(m);
        if (!complete && records.size() >= expected) {
            complete = true;
            deadline = Clock::now() + std::chrono::milliseconds(500);
        }
    }
    rd_kafka_consumer_close(consumer);
    rd_kafka_destroy(consumer);
    return records;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TestKafkaPolicySink : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // One record per service, keyed by its name; a newer version of a service
    // follows the older one in the same partition (what compaction keeps).
    void oneRecordPerServiceInOrder()
    {
        MockCluster cluster;
        cluster.createTopic(kTopic, 3);
        KafkaPolicySink::Options o;
        o.brokers = cluster.bootstraps();
        o.topic = kTopic;
        KafkaPolicySink sink(o);
        QCOMPARE(sink.name(), "kafka topic " + std::string(kTopic) + " on " + o.brokers);

        const PolicyDocument first = document(7, 5);
        const PolicySink::Result r = sink.publish(first);
        QVERIFY2(r.acknowledged, r.message.c_str());
        QVERIFY2(contains(r.message, "2 records"), r.message.c_str());

        auto records = readTopic(o.brokers, 3, 2);
        QCOMPARE(records.size(), size_t(2));
        const nlohmann::json whole = first.toJson();
        std::map<std::string, Record> byKey;
        for (const Record& rec : records)
            byKey[rec.key] = rec;
        QCOMPARE(byKey.size(), size_t(2));
        for (size_t i = 0; i < 2; ++i) {
            const std::string service = first.services[i].service;
            QVERIFY2(byKey.count(service), service.c_str());
            const Record& rec = byKey[service];
            QCOMPARE(rec.version, std::string("7"));
            QCOMPARE(rec.value.at("version").get<uint64_t>(), uint64_t(7));
            QCOMPARE(rec.value.at("created_unix_nano").get<int64_t>(), first.createdUnixNano);
            QVERIFY(rec.value.at("service") == whole.at("services").at(i));
            QCOMPARE(rec.value.size(), size_t(3));
        }
        QCOMPARE(byKey["support-chat"].value["service"]["weights"]["gpt-4o-mini/v3"].get<int>(), 5);

        const PolicySink::Result second = sink.publish(document(8, 50));
        QVERIFY2(second.acknowledged, second.message.c_str());
        records = readTopic(o.brokers, 3, 4);
        QCOMPARE(records.size(), size_t(4));
        std::vector<Record> chat;
        for (const Record& rec : records)
            if (rec.key == "support-chat")
                chat.push_back(rec);
        QCOMPARE(chat.size(), size_t(2));
        QCOMPARE(chat[0].partition, chat[1].partition); // the key picks the partition
        QVERIFY(chat[0].offset < chat[1].offset);
        QCOMPARE(chat[0].version, std::string("7"));
        QCOMPARE(chat[1].version, std::string("8"));
        QCOMPARE(chat[1].value["service"]["weights"]["gpt-4o-mini/v3"].get<int>(), 50);

        // records() is what was written, for receivers that want to compare.
        const auto expected = KafkaPolicySink::records(document(8, 50));
        QCOMPARE(expected.size(), size_t(2));
        QCOMPARE(expected[0].first, std::string("support-chat"));
        QVERIFY(nlohmann::json::parse(expected[0].second) == chat[1].value);
    }

    // The broker goes away: not acknowledged, and the same sink recovers after.
    void brokerDownHoldsThePublication()
    {
        MockCluster cluster;
        cluster.createTopic(kTopic, 1);
        KafkaPolicySink::Options o;
        o.brokers = cluster.bootstraps();
        o.topic = kTopic;
        o.deliveryTimeoutMs = 2000;
        o.properties = {{"reconnect.backoff.max.ms", "500"}}; // back soon after the broker is
        KafkaPolicySink sink(o);
        const PolicySink::Result up = sink.publish(document(1, 5));
        QVERIFY2(up.acknowledged, up.message.c_str());

        rd_kafka_mock_broker_set_down(cluster.cluster(), 1);
        const PolicySink::Result down = sink.publish(document(2, 25));
        QVERIFY(!down.acknowledged);
        QVERIFY2(contains(down.message, "kafka topic llmopt.policy"), down.message.c_str());
        QVERIFY2(contains(down.message, "not delivered"), down.message.c_str());
        QVERIFY2(contains(down.message, "reachable"), down.message.c_str());

        // As the actuator would: publish again until acknowledged (a loaded
        // machine may need more than one round to reconnect).
        rd_kafka_mock_broker_set_up(cluster.cluster(), 1);
        PolicySink::Result again;
        for (int round = 0; round < 10 && !again.acknowledged; ++round)
            again = sink.publish(document(3, 50));
        QVERIFY2(again.acknowledged, again.message.c_str());
        const auto records = readTopic(o.brokers, 1, 4);
        QVERIFY(records.size() >= 4);
        QCOMPARE(records.back().version, std::string("3"));
    }

    void unreachableBrokerIsExplained()
    {
        RefusingPort nobody;
        KafkaPolicySink::Options o;
        o.brokers = "127.0.0.1:" + std::to_string(nobody.port());
        o.topic = kTopic;
        o.deliveryTimeoutMs = 1000;
        const PolicySink::Result r = KafkaPolicySink(o).publish(document(1, 5));
        QVERIFY(!r.acknowledged);
        QVERIFY2(contains(r.message, o.brokers), r.message.c_str());
        QVERIFY2(contains(r.message, "2 of 2 policy records not delivered"), r.message.c_str());
        QVERIFY2(contains(r.message, "Connection refused"), r.message.c_str());
    }

    void setupProblemsAreReported()
    {
        KafkaPolicySink::Options o;
        o.brokers = "127.0.0.1:9";
        o.topic = kTopic;
        o.properties = {{"no.such.property", "1"}};
        const PolicySink::Result property = KafkaPolicySink(o).publish(document(1, 5));
        QVERIFY(!property.acknowledged);
        QVERIFY2(contains(property.message, "no.such.property"), property.message.c_str());
        QVERIFY2(contains(property.message, "properties"), property.message.c_str());

        o.properties.clear();
        PolicyDocument bad = document(1, 5);
        bad.services[1].weights[0].second = 90;
        const PolicySink::Result invalid = KafkaPolicySink(o).publish(bad);
        QVERIFY(!invalid.acknowledged);
        QVERIFY2(contains(invalid.message, "add up to 90"), invalid.message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestKafkaPolicySink)
#include "tst_kafka_policy_sink.moc"
