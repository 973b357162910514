#include "ingest_queue.h"
#include "otlp_http_receiver.h"
#include "otlp_json_codec.h"
#include "otlp_proto_encoder.h"
#include "support/http_client.h"
#include "support/simulated_events.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <boost/asio/ssl.hpp>
#include <boost/beast/ssl.hpp>
#include <nlohmann/json.hpp>
#include <opentelemetry/proto/collector/logs/v1/logs_service.pb.h>
#include <opentelemetry/proto/collector/trace/v1/trace_service.pb.h>
#include <zlib.h>

using namespace llmopt;
namespace otlp = opentelemetry::proto;

namespace {

std::string gzip(const std::string& in)
{
    z_stream z{};
    deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, in.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

size_t drainEvents(IngestQueue& queue, size_t* deadLetters = nullptr)
{
    std::vector<IngestBatch> batches;
    queue.popSome(batches, SIZE_MAX, std::chrono::milliseconds(0));
    size_t events = 0;
    for (const IngestBatch& b : batches) {
        events += b.events.size();
        if (deadLetters)
            *deadLetters += b.deadLetters.size();
    }
    return events;
}

const char* kProto = "application/x-protobuf";
const char* kJson = "application/json";

} // namespace

class TestOtlpHttpReceiver : public QObject {
    Q_OBJECT

    std::unique_ptr<IngestQueue> queue;
    std::unique_ptr<OtlpHttpReceiver> receiver;

    void startReceiver(OtlpHttpReceiver::Options options, size_t queueCapacity = 1'000'000)
    {
        queue = std::make_unique<IngestQueue>(queueCapacity);
        options.port = 0; // any free loopback port
        receiver = std::make_unique<OtlpHttpReceiver>(options, *queue);
        receiver->start();
    }

private Q_SLOTS:
    void cleanup()
    {
        receiver.reset();
        queue.reset();
    }

    void protobufJsonAndGzipOnOnePort()
    {
        startReceiver({});
        const auto events = simulated::events(20, 1);
        HttpClient client(receiver->port());

        auto r = client.post("/v1/traces", kProto, OtlpProtoEncoder::encodeTraces(events));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers["Content-Type"], std::string(kProto));
        otlp::collector::trace::v1::ExportTraceServiceResponse response;
        QVERIFY(response.ParseFromString(r.body));
        QVERIFY(!response.has_partial_success());
        QCOMPARE(drainEvents(*queue), events.size());

        r = client.post("/v1/traces", "application/json; charset=utf-8",
                        OtlpJsonCodec::encodeTraces(events));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers["Content-Type"], std::string(kJson));
        QCOMPARE(r.body, std::string("{}"));
        QCOMPARE(drainEvents(*queue), events.size());

        r = client.post("/v1/traces", kProto, gzip(OtlpProtoEncoder::encodeTraces(events)),
                        {{"Content-Encoding", "gzip"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(drainEvents(*queue), events.size());
        QCOMPARE(receiver->counters().spansAccepted.load(), 3 * events.size());
    }

    void malformedSpansArePartialSuccess()
    {
        startReceiver({});
        HttpClient client(receiver->port());
        const std::string body
            = R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},
            "scopeSpans":[{"spans":[
              {"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b7ad6b7169203331","startTimeUnixNano":"1","endTimeUnixNano":"2",
               "attributes":[{"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}}]},
              {"spanId":"b7ad6b7169203332","attributes":[{"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}}]},
              {"spanId":"b7ad6b7169203333","startTimeUnixNano":"1","attributes":[{"key":"db.system","value":{"stringValue":"postgresql"}}]}]}]}]})";
        const auto r = client.post("/v1/traces", kJson, body);
        QCOMPARE(r.status, 200);
        const auto doc = nlohmann::json::parse(r.body);
        QVERIFY(doc["partialSuccess"]["rejectedSpans"] == "1"); // int64 as a string
        QVERIFY(doc["partialSuccess"]["errorMessage"].get<std::string>().find(
                    "startTimeUnixNano is missing")
                != std::string::npos);
        size_t deadLetters = 0;
        QCOMPARE(drainEvents(*queue, &deadLetters), size_t(1));
        QCOMPARE(deadLetters, size_t(1));
        QCOMPARE(receiver->counters().spansSkipped.load(), 1u);
    }

    // Evaluations sent as log records (protobuf and JSON); other records are skipped.
    void evaluationLogRecords()
    {
        startReceiver({});
        HttpClient client(receiver->port());
        otlp::collector::logs::v1::ExportLogsServiceRequest request;
        auto* records = request.add_resource_logs()->add_scope_logs();
        auto add = [&](const char* eventName, const char* name, double score) {
            auto* log = records->add_log_records();
            log->set_event_name(eventName);
            log->set_trace_id(std::string(16, '\x0a'));
            log->set_span_id(std::string(8, '\x0b'));
            log->set_time_unix_nano(42);
            auto* kv = log->add_attributes();
            kv->set_key("gen_ai.evaluation.name");
            kv->mutable_value()->set_string_value(name);
            if (score >= 0) {
                kv = log->add_attributes();
                kv->set_key("gen_ai.evaluation.score.value");
                kv->mutable_value()->set_double_value(score);
            }
        };
        add("gen_ai.evaluation.result", "relevance", 0.75);
        add("gen_ai.evaluation.result", "no-score", -1); // malformed
        add("app.startup", "", -1); // not an evaluation
        auto r = client.post("/v1/logs", kProto, request.SerializeAsString());
        QCOMPARE(r.status, 200);
        otlp::collector::logs::v1::ExportLogsServiceResponse response;
        QVERIFY(response.ParseFromString(r.body));
        QCOMPARE(response.partial_success().rejected_log_records(), 1);

        r = client.post("/v1/logs", kJson, R"({"resourceLogs":[{"scopeLogs":[{"logRecords":[
            {"eventName":"gen_ai.evaluation.result","traceId":"0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A","spanId":"0b0b0b0b0b0b0b0b",
             "attributes":[{"key":"gen_ai.evaluation.name","value":{"stringValue":"relevance"}},
                           {"key":"gen_ai.evaluation.score.value","value":{"doubleValue":0.5}}]}]}]}]})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, std::string("{}"));

        std::vector<IngestBatch> batches;
        queue->popSome(batches, SIZE_MAX, std::chrono::milliseconds(0));
        std::vector<EvaluationRecord> evaluations;
        for (const IngestBatch& b : batches)
            evaluations.insert(evaluations.end(), b.evaluations.begin(), b.evaluations.end());
        QCOMPARE(evaluations.size(), size_t(2));
        for (const EvaluationRecord& e : evaluations) {
            QCOMPARE(e.traceId, std::string("0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a"));
            QCOMPARE(e.spanId, std::string("0b0b0b0b0b0b0b0b"));
            QCOMPARE(e.evaluation.name, std::string("relevance"));
        }
        QCOMPARE(evaluations[0].evaluation.score, 0.75);
        QCOMPARE(evaluations[1].evaluation.score, 0.5);
        QCOMPARE(receiver->counters().evaluationsAccepted.load(), 2u);
    }

    void badRequestsAreAnsweredAndTheServerLives()
    {
        OtlpHttpReceiver::Options options;
        options.maxBodyBytes = 1024 * 1024;
        startReceiver(options);
        HttpClient client(receiver->port());
        QCOMPARE(client.post("/v1/traces", kProto, "\xff\xfe not protobuf").status, 400);
        QCOMPARE(client.post("/v1/traces", kJson, "{\"resourceSpans\": [").status, 400);
        QCOMPARE(client.post("/v1/traces", kJson, "[1,2,3]").status, 400);
        QCOMPARE(client.post("/v1/traces", "text/plain", "hello").status, 415);
        QCOMPARE(client.post("/v1/traces", kProto, "x", {{"Content-Encoding", "br"}}).status, 415);
        QCOMPARE(
            client.post("/v1/traces", kProto, "not gzip", {{"Content-Encoding", "gzip"}}).status,
            400);
        QCOMPARE(client.post("/v1/metrics", kProto, "").status, 404);
        QCOMPARE(client.post("/v1/logs", kJson, R"({"resourceSpans":[]})").status, 400);
        QCOMPARE(client.request("GET", "/v1/traces", "", {{"Content-Type", kProto}}).status, 405);
        // A gzip bomb: 64 MiB of zeros in ~64 KiB, refused after 1 MiB of inflating.
        const auto bomb
            = client.post("/v1/traces", kProto, gzip(std::string(64 * 1024 * 1024, '\0')),
                          {{"Content-Encoding", "gzip"}});
        QCOMPARE(bomb.status, 413);
        // Invalid UTF-8 inside a JSON string is answered, not a crash.
        QCOMPARE(client
                     .post("/v1/traces", kJson,
                           "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"name\":"
                           "\"\xc3\x28\"}]}]}]}")
                     .status,
                 400);
        // Still serving valid requests.
        const auto events = simulated::events(2, 1);
        QCOMPARE(client.post("/v1/traces", kProto, OtlpProtoEncoder::encodeTraces(events)).status,
                 200);
        QCOMPARE(drainEvents(*queue), events.size());
        QVERIFY(receiver->counters().requestsRefused.load() >= 10);
    }

    void oversizedBodyIsRefusedBeforeReading()
    {
        OtlpHttpReceiver::Options options;
        options.maxBodyBytes = 4096;
        startReceiver(options);
        HttpClient client(receiver->port());
        QCOMPARE(client.post("/v1/traces", kProto, std::string(10000, 'x')).status, 413);
    }

    void bearerToken()
    {
        OtlpHttpReceiver::Options options;
        options.bearerToken = "s3cret";
        startReceiver(options);
        const std::string body = OtlpProtoEncoder::encodeTraces(simulated::events(1, 1));
        HttpClient client(receiver->port());
        auto r = client.post("/v1/traces", kProto, body);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.headers["WWW-Authenticate"], std::string("Bearer"));
        QCOMPARE(
            client.post("/v1/traces", kProto, body, {{"Authorization", "Bearer wrong"}}).status,
            401);
        QCOMPARE(
            client.post("/v1/traces", kProto, body, {{"Authorization", "Bearer s3cret"}}).status,
            200);
    }

    void fullQueuePushesBack()
    {
        startReceiver({}, 100);
        const auto events = simulated::events(10, 1);
        QVERIFY(events.size() > 100);
        HttpClient client(receiver->port());
        const std::string body = OtlpProtoEncoder::encodeTraces(events);
        QCOMPARE(client.post("/v1/traces", kProto, body).status,
                 200); // an empty queue takes any batch
        const auto r = client.post("/v1/traces", kProto, body);
        QCOMPARE(r.status, 503);
        QCOMPARE(r.headers.at("Retry-After"), std::string("1"));
        QCOMPARE(receiver->counters().pushedBack.load(), 1u);
        QCOMPARE(drainEvents(*queue), events.size()); // nothing of the refused request was taken
        QCOMPARE(client.post("/v1/traces", kProto, body).status, 200);
    }

    // HTTPS with a certificate made for the test; plain HTTP to it gets nowhere.
    void tls()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath("cert.pem"), key = dir.filePath("key.pem");
        QProcess openssl;
        openssl.start("openssl",
                      {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                       "-days", "1", "-keyout", key, "-out", cert});
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);
        OtlpHttpReceiver::Options options;
        options.tlsCertificateFile = cert.toStdString();
        options.tlsPrivateKeyFile = key.toStdString();
        startReceiver(options);

        namespace asio = boost::asio;
        namespace beast = boost::beast;
        namespace http = beast::http;
        asio::io_context io;
        asio::ssl::context context(asio::ssl::context::tls_client);
        context.set_verify_mode(asio::ssl::verify_peer);
        context.load_verify_file(cert.toStdString()); // trust exactly the test certificate
        beast::ssl_stream<beast::tcp_stream> stream(io, context);
        beast::get_lowest_layer(stream).connect(
            {asio::ip::make_address("127.0.0.1"), receiver->port()});
        stream.handshake(asio::ssl::stream_base::client);
        const auto events = simulated::events(5, 1);
        http::request<http::string_body> req(http::verb::post, "/v1/traces", 11);
        req.set(http::field::host, "127.0.0.1");
        req.set(http::field::content_type, kProto);
        req.body() = OtlpProtoEncoder::encodeTraces(events);
        req.prepare_payload();
        http::write(stream, req);
        beast::flat_buffer buffer;
        http::response<http::string_body> res;
        http::read(stream, buffer, res);
        QCOMPARE(res.result_int(), 200u);
        QCOMPARE(drainEvents(*queue), events.size());

        // Plain HTTP to the TLS port: no answer, no crash, and TLS still works after.
        try {
            HttpClient plain(receiver->port());
            plain.post("/v1/traces", kProto, "x");
            QFAIL("plain HTTP should not get an answer");
        } catch (const std::exception&) {
        }
        QVERIFY(receiver->isRunning());

        IngestQueue other(10);
        options.port = 0;
        options.tlsCertificateFile = dir.filePath("missing.pem").toStdString();
        OtlpHttpReceiver broken(options, other);
        try {
            broken.start();
            QFAIL("expected an error");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).contains("check otlp.http.tls_certificate"), e.what());
        }
    }

    void portInUseSaysWhatToChange()
    {
        startReceiver({});
        IngestQueue other(10);
        OtlpHttpReceiver::Options options;
        options.port = receiver->port();
        OtlpHttpReceiver second(options, other);
        try {
            second.start();
            QFAIL("expected an error");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).contains("is in use — change otlp.http.port"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestOtlpHttpReceiver)
#include "tst_otlp_http_receiver.moc"
