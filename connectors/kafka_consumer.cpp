#include "kafka_consumer.h"

#include "event_json.h"
#include "ingest_queue.h"
#include "json_text.h"
#include "llm_event.h"
#include "otlp_json_codec.h"
#include "otlp_proto_decoder.h"

#include <algorithm>
#include <chrono>
#include <librdkafka/rdkafka.h>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace llmopt {

namespace {

int64_t nowUnixNano()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

using TopicPartition = std::pair<std::string, int32_t>;

// Where committed batches store their offsets. Batches can still be in the
// engine's queue when the consumer stops, so the handle is shared and
// cleared under a lock before the consumer is destroyed.
struct OffsetSink {
    std::mutex mutex;
    rd_kafka_t* consumer = nullptr;
    std::atomic<int> outstanding{0}; // batches handed over and not yet stored
};

} // namespace

struct KafkaConsumer::Impl {
    Options options;
    IngestQueue& queue;
    rd_kafka_t* consumer = nullptr;
    rd_kafka_t* dlqProducer = nullptr;
    std::shared_ptr<OffsetSink> sink = std::make_shared<OffsetSink>();
    std::thread thread;
    std::atomic<bool> stopping{false};

    mutable std::mutex healthMutex;
    Health health;
    std::atomic<uint64_t> records{0}, events{0}, undecodable{0}, pauses{0};
    std::atomic<int64_t> lag{-1};

    Impl(Options o, IngestQueue& q)
        : options(std::move(o))
        , queue(q)
    {
    }

    void setError(const std::string& error, bool connected)
    {
        std::lock_guard lock(healthMutex);
        health.lastError = error;
        health.connected = connected;
    }

    void setConnected()
    {
        std::lock_guard lock(healthMutex);
        health.connected = true;
    }

    static void onError(rd_kafka_t*, int err, const char* reason, void* opaque)
    {
        auto* self = static_cast<Impl*>(opaque);
        const bool down
            = err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN || err == RD_KAFKA_RESP_ERR__TRANSPORT;
        self->setError(std::string("kafka: ") + reason, !down && self->healthSnapshot().connected);
    }

    Health healthSnapshot() const
    {
        std::lock_guard lock(healthMutex);
        return health;
    }

    rd_kafka_conf_t* makeConf(bool forConsumer)
    {
        rd_kafka_conf_t* conf = rd_kafka_conf_new();
        char err[512];
        auto set = [&](const std::string& key, const std::string& value) {
            if (rd_kafka_conf_set(conf, key.c_str(), value.c_str(), err, sizeof err)
                != RD_KAFKA_CONF_OK) {
                rd_kafka_conf_destroy(conf);
                throw std::runtime_error("kafka: setting " + key + " = \"" + value
                                         + "\" was refused: " + err
                                         + " (check kafka.properties / kafka.brokers)");
            }
        };
        set("bootstrap.servers", options.brokers);
        if (forConsumer) {
            set("group.id", options.groupId);
            set("enable.auto.offset.store", "false"); // offsets are stored after the events are
            set("enable.auto.commit", "true");
            set("auto.offset.reset", "earliest");
            set("enable.partition.eof", "false");
            // librdkafka 2.0 stops fetching for a while once its prefetch
            // queue is full; at the default 64 MiB a consumer catching up on
            // a backlog sat idle half the time (docs/benchmarks.md: 125k →
            // 220k spans/s at 128 MiB). An upper bound, reached only when behind.
            set("queued.max.messages.kbytes", "131072");
        }
        for (const auto& [key, value] : options.properties)
            set(key, value);
        rd_kafka_conf_set_opaque(conf, this);
        rd_kafka_conf_set_error_cb(conf, &Impl::onError);
        return conf;
    }

    void start()
    {
        char err[512];
        rd_kafka_conf_t* conf = makeConf(true);
        consumer = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err);
        if (!consumer) {
            rd_kafka_conf_destroy(conf);
            throw std::runtime_error(std::string("kafka: cannot create the consumer: ") + err);
        }
        rd_kafka_poll_set_consumer(consumer);
        sink = std::make_shared<OffsetSink>();
        sink->consumer = consumer;
        if (!options.deadLetterTopic.empty()) {
            rd_kafka_conf_t* pconf = makeConf(false);
            dlqProducer = rd_kafka_new(RD_KAFKA_PRODUCER, pconf, err, sizeof err);
            if (!dlqProducer)
                rd_kafka_conf_destroy(pconf);
        }
        rd_kafka_topic_partition_list_t* topics = rd_kafka_topic_partition_list_new(
            static_cast<int>(options.topics.size() + options.logTopics.size()));
        for (const auto* list : {&options.topics, &options.logTopics})
            for (const std::string& t : *list)
                rd_kafka_topic_partition_list_add(topics, t.c_str(), RD_KAFKA_PARTITION_UA);
        const rd_kafka_resp_err_t rc = rd_kafka_subscribe(consumer, topics);
        rd_kafka_topic_partition_list_destroy(topics);
        if (rc != RD_KAFKA_RESP_ERR_NO_ERROR)
            throw std::runtime_error(std::string("kafka: cannot subscribe: ")
                                     + rd_kafka_err2str(rc));
        {
            std::lock_guard lock(healthMutex);
            health.running = true;
        }
        stopping = false;
        thread = std::thread([this] { run(); });
    }

    void stop()
    {
        if (!thread.joinable())
            return;
        stopping = true;
        thread.join();
        // Let the engine commit what it holds so that those offsets are stored too.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (sink->outstanding > 0 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        {
            std::lock_guard lock(sink->mutex);
            sink->consumer = nullptr;
        }
        rd_kafka_commit(consumer, nullptr, 0); // the offsets stored so far, synchronously
        rd_kafka_consumer_close(consumer);
        rd_kafka_destroy(consumer);
        consumer = nullptr;
        if (dlqProducer) {
            rd_kafka_flush(dlqProducer, 5000);
            rd_kafka_destroy(dlqProducer);
            dlqProducer = nullptr;
        }
        std::lock_guard lock(healthMutex);
        health.running = false;
    }

    // Decodes one record into `batch`; a record that cannot be read is dead-lettered.
    void decode(const rd_kafka_message_t* m, IngestBatch& batch)
    {
        const std::string_view payload(static_cast<const char*>(m->payload), m->len);
        const std::string where = std::string(rd_kafka_topic_name(m->rkt)) + "/"
            + std::to_string(m->partition) + "@" + std::to_string(m->offset);
        std::vector<SpanProblem> problems;
        bool readable = true;
        std::string why;
        const size_t before = batch.events.size();
        const std::string_view topic = rd_kafka_topic_name(m->rkt);
        if (std::find(options.logTopics.begin(), options.logTopics.end(), topic)
            != options.logTopics.end()) {
            size_t skipped = 0;
            if (options.encoding == Encoding::OtlpProto) {
                readable
                    = OtlpProtoDecoder::decodeLogs(payload, batch.evaluations, problems, skipped);
            } else {
                const auto doc = options.encoding == Encoding::OtlpJson && jsonDepthWithin(payload)
                    ? nlohmann::json::parse(payload, nullptr, false)
                    : nlohmann::json(nullptr);
                readable = doc.is_object() && doc.contains("resourceLogs");
                if (readable)
                    OtlpJsonCodec::decodeLogs(doc, batch.evaluations, problems);
            }
            why = "not an OTLP ExportLogsServiceRequest";
        } else {
            decodeTraces(payload, batch, problems, readable, why);
        }
        events += batch.events.size() - before;
        const int64_t now = nowUnixNano();
        if (!readable) {
            ++undecodable;
            deadLetter(m, where + ": " + why, payload, batch, now);
        }
        for (SpanProblem& p : problems)
            batch.deadLetters.push_back(
                {now, options.sourceName, where + ": " + p.reason, std::move(p.payload)});
    }

    void decodeTraces(std::string_view payload, IngestBatch& batch,
                      std::vector<SpanProblem>& problems, bool& readable, std::string& why)
    {
        switch (options.encoding) {
        case Encoding::OtlpProto: {
            size_t skipped = 0;
            readable = OtlpProtoDecoder::decodeTraces(payload, batch.events, problems, skipped);
            why = "not an OTLP ExportTraceServiceRequest";
            break;
        }
        case Encoding::OtlpJson: {
            size_t skipped = 0;
            readable = OtlpJsonCodec::decodeTraces(payload, batch.events, problems, skipped)
                == OtlpJsonCodec::Decoded::Request;
            why = "not an OTLP JSON ExportTraceServiceRequest";
            break;
        }
        case Encoding::FlatJson: {
            size_t start = 0;
            while (start < payload.size()) { // one event per record, or JSON lines
                size_t end = payload.find('\n', start);
                if (end == std::string_view::npos)
                    end = payload.size();
                const std::string_view line = payload.substr(start, end - start);
                start = end + 1;
                if (line.find_first_not_of(" \t\r") == std::string_view::npos)
                    continue;
                try {
                    if (!jsonDepthWithin(line))
                        throw std::invalid_argument("nested too deeply");
                    batch.events.push_back(fromFlatJson(nlohmann::json::parse(line)));
                } catch (const std::exception& e) {
                    problems.push_back({e.what(), std::string(line)});
                }
            }
            break;
        }
        }
    }

    void deadLetter(const rd_kafka_message_t* m, const std::string& reason,
                    std::string_view payload, IngestBatch& batch, int64_t now)
    {
        // Binary payloads are kept as hex so the table stays text.
        std::string text;
        if (options.encoding == Encoding::OtlpProto) {
            static constexpr char digits[] = "0123456789abcdef";
            for (unsigned char c : payload) {
                text += digits[c >> 4];
                text += digits[c & 0xf];
            }
        } else {
            text = payload;
        }
        batch.deadLetters.push_back({now, options.sourceName, reason, std::move(text)});
        if (dlqProducer) {
            rd_kafka_producev(dlqProducer, RD_KAFKA_V_TOPIC(options.deadLetterTopic.c_str()),
                              RD_KAFKA_V_VALUE(const_cast<void*>(m->payload), m->len),
                              RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                              RD_KAFKA_V_HEADER("llmopt.reason", reason.c_str(),
                                                static_cast<ssize_t>(reason.size())),
                              RD_KAFKA_V_END);
            rd_kafka_poll(dlqProducer, 0);
        }
    }

    void setPaused(bool pause)
    {
        rd_kafka_topic_partition_list_t* assigned = nullptr;
        if (rd_kafka_assignment(consumer, &assigned) != RD_KAFKA_RESP_ERR_NO_ERROR)
            return;
        if (pause) {
            rd_kafka_pause_partitions(consumer, assigned);
            ++pauses;
        } else {
            rd_kafka_resume_partitions(consumer, assigned);
        }
        rd_kafka_topic_partition_list_destroy(assigned);
    }

    void updateLag()
    {
        rd_kafka_topic_partition_list_t* assigned = nullptr;
        if (rd_kafka_assignment(consumer, &assigned) != RD_KAFKA_RESP_ERR_NO_ERROR)
            return;
        rd_kafka_position(consumer, assigned);
        int64_t total = 0;
        bool known = assigned->cnt > 0;
        for (int i = 0; i < assigned->cnt; ++i) {
            const auto& tp = assigned->elems[i];
            int64_t low = 0, high = 0;
            if (rd_kafka_get_watermark_offsets(consumer, tp.topic, tp.partition, &low, &high)
                    != RD_KAFKA_RESP_ERR_NO_ERROR
                || high < 0) {
                known = false;
                continue;
            }
            total += tp.offset >= 0 ? std::max<int64_t>(0, high - tp.offset) : high - low;
        }
        rd_kafka_topic_partition_list_destroy(assigned);
        lag = known ? total : -1;
    }

    // Offsets to store once the engine has committed a batch: the next offset per partition.
    static std::function<void()> offsetStorer(std::shared_ptr<OffsetSink> sink,
                                              std::map<TopicPartition, int64_t> next)
    {
        return [sink = std::move(sink), next = std::move(next)] {
            std::lock_guard lock(sink->mutex);
            --sink->outstanding;
            if (!sink->consumer)
                return; // stopped: these records are read again after a restart
            rd_kafka_topic_partition_list_t* list
                = rd_kafka_topic_partition_list_new(static_cast<int>(next.size()));
            for (const auto& [tp, offset] : next)
                rd_kafka_topic_partition_list_add(list, tp.first.c_str(), tp.second)->offset
                    = offset;
            rd_kafka_offsets_store(
                sink->consumer,
                list); // a partition revoked meanwhile is refused: its new owner re-reads
            rd_kafka_topic_partition_list_destroy(list);
        };
    }

    void run()
    {
        IngestBatch pending;
        std::map<TopicPartition, int64_t> pendingOffsets;
        bool paused = false;
        auto lastLag = std::chrono::steady_clock::now();
        auto batchStarted = std::chrono::steady_clock::now();
        auto flush = [&]() -> bool {
            if (pending.events.empty() && pending.deadLetters.empty() && pendingOffsets.empty())
                return true;
            pending.source = options.sourceName;
            pending.onStored = offsetStorer(sink, pendingOffsets);
            ++sink->outstanding;
            if (!queue.tryPush(std::move(pending))) {
                --sink->outstanding;
                return false; // `pending` is untouched when the push is refused
            }
            pending = IngestBatch{};
            pendingOffsets.clear();
            return true;
        };
        while (!stopping) {
            if (paused) {
                if (flush()) {
                    setPaused(false);
                    paused = false;
                }
            }
            rd_kafka_message_t* m = rd_kafka_consumer_poll(consumer, 50);
            if (m) {
                if (m->err) {
                    if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF)
                        setError(std::string("kafka: ") + rd_kafka_message_errstr(m), true);
                } else {
                    setConnected();
                    ++records;
                    if (pending.events.empty() && pending.deadLetters.empty())
                        batchStarted = std::chrono::steady_clock::now();
                    decode(m, pending);
                    pendingOffsets[{rd_kafka_topic_name(m->rkt), m->partition}] = m->offset + 1;
                }
                rd_kafka_message_destroy(m);
            }
            const auto now = std::chrono::steady_clock::now();
            const bool full = pending.events.size() >= options.maxEventsPerBatch;
            const bool due
                = now - batchStarted >= std::chrono::milliseconds(options.maxBatchMilliseconds);
            if (!paused && (full || due || !m) && !flush()) {
                setPaused(true); // the engine is behind: stop fetching, keep what we hold
                paused = true;
            }
            if (now - lastLag > std::chrono::seconds(1)) {
                updateLag();
                lastLag = now;
            }
        }
        // Hand over what is held; if the engine cannot take it, it is re-read after restart.
        flush();
    }
};

KafkaConsumer::Encoding KafkaConsumer::encodingFromName(const std::string& name)
{
    if (name == "otlp_json")
        return Encoding::OtlpJson;
    if (name == "flat_json")
        return Encoding::FlatJson;
    return Encoding::OtlpProto;
}

KafkaConsumer::KafkaConsumer(Options options, IngestQueue& queue)
    : d(std::make_unique<Impl>(std::move(options), queue))
{
}

KafkaConsumer::~KafkaConsumer()
{
    stop();
}

void KafkaConsumer::start()
{
    d->start();
}

void KafkaConsumer::stop()
{
    d->stop();
}

KafkaConsumer::Health KafkaConsumer::health() const
{
    return d->healthSnapshot();
}

KafkaConsumer::Stats KafkaConsumer::stats() const
{
    return {d->records.load(), d->events.load(), d->undecodable.load(), d->pauses.load(),
            d->lag.load()};
}

} // namespace llmopt
