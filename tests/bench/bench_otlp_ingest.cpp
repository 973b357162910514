// End-to-end ingest throughput: OTLP/HTTP (protobuf and JSON) and Kafka
// (OTLP protobuf records, librdkafka mock cluster) into a SQLite store, each
// also as a ratio to bare protobuf ParseFromString of the same payloads.
// Prints a table; docs/benchmarks.md says how to read it.
#include "embedded_resources.h"
#include "engine_loop.h"
#include "event_store.h"
#include "ingest_queue.h"
#include "kafka_consumer.h"
#include "otlp_http_receiver.h"
#include "otlp_json_codec.h"
#include "otlp_proto_decoder.h"
#include "otlp_proto_encoder.h"
#include "support/http_client.h"
#include "support/simulated_events.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <opentelemetry/proto/collector/trace/v1/trace_service.pb.h>
#include <thread>

using namespace llmopt;
using Clock = std::chrono::steady_clock;

namespace {

constexpr size_t kSpansPerRequest = 512;
constexpr size_t kSpansPerRecord = 64;

double seconds(Clock::time_point since)
{
    return std::chrono::duration<double>(Clock::now() - since).count();
}

struct Pipeline {
    std::filesystem::path path;
    std::unique_ptr<EventStore> store;
    IngestQueue queue{400000};
    std::unique_ptr<EngineLoop> engine;

    explicit Pipeline(const std::filesystem::path& dir)
        : path(dir / "bench.sqlite")
    {
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path.string() + suffix);
        store = std::make_unique<EventStore>(path.string());
        engine = std::make_unique<EngineLoop>(
            queue, *store, PriceTable::fromJson(embeddedPriceTable(), "prices.json"));
        engine->start();
    }
    uint64_t stored(const char* source) const
    {
        const auto s = engine->snapshot().sources;
        const auto it = s.find(source);
        return it == s.end() ? 0 : it->second.ingest.stored;
    }
    // Waits until `n` events from `source` are stored; false after 60 s without progress.
    bool waitFor(const char* source, size_t n) const
    {
        uint64_t last = 0;
        auto progress = Clock::now();
        while (stored(source) < n) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            if (const uint64_t now = stored(source); now != last) {
                last = now;
                progress = Clock::now();
            } else if (seconds(progress) > 20) {
                std::fprintf(stderr, "%s: stuck at %llu of %zu events\n", source,
                             static_cast<unsigned long long>(now), n);
                return false;
            }
        }
        return true;
    }
};

double httpRun(const std::filesystem::path& dir, const std::vector<std::string>& bodies,
               const char* contentType, size_t spans)
{
    Pipeline p(dir);
    OtlpHttpReceiver::Options o;
    o.port = 0;
    OtlpHttpReceiver receiver(o, p.queue);
    receiver.start();
    HttpClient client(receiver.port());
    const auto t0 = Clock::now();
    for (const std::string& body : bodies) {
        for (;;) {
            const int status = client.post("/v1/traces", contentType, body).status;
            if (status == 200)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(1)); // 503: the engine is behind
        }
    }
    p.waitFor("otlp-http", spans);
    const double rate = double(spans) / seconds(t0);
    receiver.stop();
    p.engine->stopAfterDrain();
    return rate;
}

// The engine thread alone: decoded requests queued up front, timed until stored.
double engineRun(const std::filesystem::path& dir, const std::vector<std::string>& bodies,
                 size_t spans)
{
    Pipeline p(dir);
    std::vector<IngestBatch> batches;
    std::vector<SpanProblem> problems;
    for (const std::string& body : bodies) {
        IngestBatch& batch = batches.emplace_back();
        batch.source = "decoded";
        size_t skipped = 0;
        OtlpProtoDecoder::decodeTraces(body, batch.events, problems, skipped);
    }
    const auto t0 = Clock::now();
    for (IngestBatch& batch : batches)
        while (!p.queue.tryPush(std::move(batch)))
            std::this_thread::sleep_for(std::chrono::microseconds(100));
    p.waitFor("decoded", spans);
    const double rate = double(spans) / seconds(t0);
    p.engine->stopAfterDrain();
    return rate;
}

// librdkafka's mock broker keeps at most 5 MB per partition (older records are
// purged), so the records are spread over enough partitions to keep them all.
double kafkaRun(const std::filesystem::path& dir, const std::vector<std::string>& bodies,
                size_t spans)
{
    char err[256];
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    rd_kafka_t* owner = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    rd_kafka_mock_cluster_t* cluster = rd_kafka_mock_cluster_new(owner, 1);
    const std::string bootstraps = rd_kafka_mock_cluster_bootstraps(cluster);
    size_t bytes = 0;
    for (const std::string& b : bodies)
        bytes += b.size();
    const int partitions = static_cast<int>(bytes / (4 << 20)) + 1;
    rd_kafka_mock_topic_create(cluster, "otlp_spans", partitions, 1);
    conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstraps.c_str(), err, sizeof err);
    rd_kafka_t* producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    for (size_t i = 0; i < bodies.size(); ++i)
        rd_kafka_producev(producer, RD_KAFKA_V_TOPIC("otlp_spans"),
                          RD_KAFKA_V_PARTITION(int32_t(i % size_t(partitions))),
                          RD_KAFKA_V_VALUE(const_cast<char*>(bodies[i].data()), bodies[i].size()),
                          RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
    if (rd_kafka_flush(producer, 60000) != RD_KAFKA_RESP_ERR_NO_ERROR)
        std::fprintf(stderr, "kafka: %d records not delivered to the mock cluster\n",
                     rd_kafka_outq_len(producer));

    Pipeline p(dir);
    KafkaConsumer::Options o;
    o.brokers = bootstraps;
    o.topics = {"otlp_spans"};

    KafkaConsumer consumer(o, p.queue);
    consumer.start();
    // Timed from the first stored event: joining the group takes the mock broker seconds.
    while (p.stored("kafka") == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const auto t0 = Clock::now();
    const uint64_t first = p.stored("kafka");
    p.waitFor("kafka", spans);
    const double rate = double(spans - first) / seconds(t0);
    consumer.stop();
    p.engine->stopAfterDrain();
    rd_kafka_destroy(producer);
    rd_kafka_mock_cluster_destroy(cluster);
    rd_kafka_destroy(owner);
    return rate;
}

} // namespace

int main(int argc, char** argv)
{
    const size_t total = argc > 1 ? std::stoul(argv[1]) : 200000;
    const int repeats = argc > 2 ? std::stoi(argv[2]) : 3;
    const std::vector<LlmEvent> events = simulated::atLeast(total - total % kSpansPerRequest, 1);
    std::vector<std::string> proto, json, records;
    for (size_t i = 0; i < events.size(); i += kSpansPerRequest) {
        const std::span<const LlmEvent> chunk(events.data() + i, kSpansPerRequest);
        proto.push_back(OtlpProtoEncoder::encodeTraces(chunk));
        json.push_back(OtlpJsonCodec::encodeTraces(chunk));
    }
    for (size_t i = 0; i < events.size(); i += kSpansPerRecord)
        records.push_back(OtlpProtoEncoder::encodeTraces(
            std::span<const LlmEvent>(events.data() + i, kSpansPerRecord)));
    size_t protoBytes = 0;
    for (const auto& b : proto)
        protoBytes += b.size();
    std::printf(
        "spans: %zu in requests of %zu (%.0f bytes/span as protobuf, %zu attributes on the first "
        "span); "
        "median of %d runs\n",
        events.size(), kSpansPerRequest, double(protoBytes) / double(events.size()),
        [&] {
            opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest r;
            r.ParseFromString(proto.front());
            return size_t(r.resource_spans(0).scope_spans(0).spans(0).attributes_size());
        }(),
        repeats);
    std::fflush(stdout);

    const auto dir = std::filesystem::temp_directory_path() / "llmopt-bench-ingest";
    std::filesystem::create_directories(dir);
    auto median = [&](auto run) {
        std::vector<double> rates;
        for (int r = 0; r < repeats; ++r)
            rates.push_back(run());
        std::sort(rates.begin(), rates.end());
        return rates[rates.size() / 2];
    };
    const size_t n = events.size();
    std::printf("%-44s %12s %10s\n", "path", "spans/s", "vs parse");
    double parse = 0;
    auto row = [&](const char* name, double rate) {
        std::printf("%-44s %12.0f %9.2fx\n", name, rate, rate / parse);
        std::fflush(stdout);
    };
    parse = median([&] {
        const auto t0 = Clock::now();
        for (const std::string& b : proto) {
            opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest r;
            r.ParseFromString(b);
        }
        return double(n) / seconds(t0);
    });
    row("protobuf ParseFromString only", parse);
    row("protobuf → LlmEvent (decoder)", median([&] {
            std::vector<LlmEvent> out;
            std::vector<SpanProblem> problems;
            size_t skipped = 0;
            const auto t0 = Clock::now();
            for (const std::string& b : proto) {
                out.clear();
                OtlpProtoDecoder::decodeTraces(b, out, problems, skipped);
            }
            return double(n) / seconds(t0);
        }));
    const std::string only = argc > 3 ? argv[3] : "all"; // all | engine | proto | json | kafka
    if (only == "all" || only == "engine")
        row("decoded spans → engine thread → store",
            median([&] { return engineRun(dir, proto, n); }));
    if (only == "all" || only == "proto")
        row("OTLP/HTTP protobuf → store (end to end)",
            median([&] { return httpRun(dir, proto, "application/x-protobuf", n); }));
    if (only == "all" || only == "json")
        row("OTLP/HTTP JSON → store (end to end)",
            median([&] { return httpRun(dir, json, "application/json", n); }));
    if (only == "all" || only == "kafka")
        row("Kafka otlp_proto → store (end to end)",
            median([&] { return kafkaRun(dir, records, n); }));
    std::filesystem::remove_all(dir);
    return 0;
}
