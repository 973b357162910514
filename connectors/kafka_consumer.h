#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace llmopt {

class IngestQueue;

// Consumes LLM telemetry from Kafka topics (librdkafka): OTLP protobuf (the
// OpenTelemetry Collector Kafka exporter's default otlp_proto), OTLP JSON, or
// flat JSON events. At-least-once without double counting: an offset is
// stored only after the engine has committed the events before it, and the
// store's insert is idempotent. Undecodable records go to the dead-letter
// table (and an optional dead-letter topic); when the engine's queue is full
// the consumer pauses its partitions instead of dropping anything.
class KafkaConsumer {
public:
    enum class Encoding { OtlpProto, OtlpJson, FlatJson };
    struct Options {
        std::string brokers = "localhost:9092";
        std::string groupId = "llm-optimizer";
        std::vector<std::string> topics{"otlp_spans"};
        // Topics of OTLP log records (ExportLogsServiceRequest, in `encoding`):
        // their gen_ai.evaluation.result records become evaluations.
        std::vector<std::string> logTopics;
        Encoding encoding = Encoding::OtlpProto;
        std::string deadLetterTopic;
        std::map<std::string, std::string> properties; // passed to librdkafka as-is
        size_t maxEventsPerBatch = 20000;
        int maxBatchMilliseconds = 50;
        std::string sourceName = "kafka"; // names its batches and dead letters
    };
    struct Health {
        bool running = false;
        bool connected = false;
        std::string lastError;
    };
    struct Stats {
        uint64_t records = 0;
        uint64_t events = 0;
        uint64_t undecodable = 0;
        uint64_t pauses = 0;
        int64_t lag = -1; // messages behind the high watermark over the assignment; -1 unknown
    };

    static Encoding encodingFromName(const std::string& name);

    KafkaConsumer(Options options, IngestQueue& queue);
    ~KafkaConsumer();
    KafkaConsumer(const KafkaConsumer&) = delete;
    KafkaConsumer& operator=(const KafkaConsumer&) = delete;

    // Creates the consumer and subscribes; throws std::runtime_error naming a bad setting.
    void start();
    // Stops consuming, commits the offsets stored so far and leaves the group.
    void stop();

    Health health() const;
    Stats stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace llmopt
