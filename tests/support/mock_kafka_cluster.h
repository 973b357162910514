#pragma once

#include <QTest>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <string>

// A Kafka cluster from librdkafka's built-in mock broker, on loopback.
class MockCluster {
public:
    explicit MockCluster(int brokers = 1)
    {
        char err[256];
        rd_kafka_conf_t* conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "client.id", "mock-owner", err, sizeof err);
        m_owner = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
        m_cluster = rd_kafka_mock_cluster_new(m_owner, brokers);
        conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", bootstraps().c_str(), err, sizeof err);
        m_producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    }
    ~MockCluster()
    {
        rd_kafka_destroy(m_producer);
        rd_kafka_mock_cluster_destroy(m_cluster);
        rd_kafka_destroy(m_owner);
    }
    std::string bootstraps() const { return rd_kafka_mock_cluster_bootstraps(m_cluster); }
    rd_kafka_mock_cluster_t* cluster() const { return m_cluster; }

    void createTopic(const char* topic, int partitions)
    {
        rd_kafka_mock_topic_create(m_cluster, topic, partitions, 1);
    }

    void produce(const char* topic, int32_t partition, const std::string& payload)
    {
        const auto rc = rd_kafka_producev(
            m_producer, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(partition),
            RD_KAFKA_V_VALUE(const_cast<char*>(payload.data()), payload.size()),
            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
        QCOMPARE(rc, RD_KAFKA_RESP_ERR_NO_ERROR);
    }
    void flush() { QCOMPARE(rd_kafka_flush(m_producer, 10000), RD_KAFKA_RESP_ERR_NO_ERROR); }

private:
    rd_kafka_t* m_owner = nullptr;
    rd_kafka_mock_cluster_t* m_cluster = nullptr;
    rd_kafka_t* m_producer = nullptr;
};
