#include "llm_event.h"
#include "otlp_json_codec.h"
#include "otlp_proto_decoder.h"
#include "otlp_proto_encoder.h"
#include "simulator.h"

#include <QTest>
#include <nlohmann/json.hpp>
#include <opentelemetry/proto/collector/trace/v1/trace_service.pb.h>

using namespace llmopt;
namespace otlp = opentelemetry::proto;

class TestOtlpProtoDecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The same simulated spans decode identically from protobuf and from JSON.
    void protobufAndJsonAgree()
    {
        auto config = SimulatorConfig::demo(3, 1'767'225'600'000'000'000LL);
        config.scenario = *Scenario::named("demo", 60);
        Simulator sim(config);
        std::vector<LlmEvent> in;
        sim.generateUntil(config.startUnixNano + 60'000'000'000LL, in);
        QVERIFY(in.size() > 500);

        std::vector<LlmEvent> fromProto, fromJson;
        std::vector<SpanProblem> problems;
        size_t skipped = 0;
        QVERIFY(OtlpProtoDecoder::decodeTraces(OtlpProtoEncoder::encodeTraces(in), fromProto,
                                               problems, skipped));
        QCOMPARE(OtlpJsonCodec::decodeTraces(OtlpJsonCodec::encodeTraces(in), fromJson, problems,
                                             skipped),
                 OtlpJsonCodec::Decoded::Request);
        QVERIFY(problems.empty());
        QCOMPARE(skipped, size_t(0));
        QCOMPARE(fromProto.size(), in.size());
        QCOMPARE(fromJson.size(), in.size());
        // Both encoders group by service, so compare as sets keyed by event id.
        auto byId = [](std::vector<LlmEvent>& v) {
            std::sort(v.begin(), v.end(),
                      [](auto& a, auto& b) { return a.eventId() < b.eventId(); });
        };
        byId(in);
        byId(fromProto);
        byId(fromJson);
        for (size_t i = 0; i < in.size(); ++i) {
            const LlmEvent& p = fromProto[i];
            const LlmEvent& j = fromJson[i];
            QCOMPARE(p.eventId(), in[i].eventId());
            QCOMPARE(p.variant.id(), in[i].variant.id());
            QCOMPARE(p.variant.id(), j.variant.id());
            QCOMPARE(p.service, in[i].service);
            QCOMPARE(p.inputTokens, in[i].inputTokens);
            QCOMPARE(p.outputTokens, in[i].outputTokens);
            QCOMPARE(p.cacheReadTokens, in[i].cacheReadTokens);
            QCOMPARE(p.cacheWriteTokens, in[i].cacheWriteTokens);
            QCOMPARE(p.status, in[i].status);
            QCOMPARE(p.errorType, in[i].errorType);
            QCOMPARE(p.finishReason, in[i].finishReason);
            QCOMPARE(p.quality(), in[i].quality());
            QCOMPARE(p.userFeedback, in[i].userFeedback);
            QCOMPARE(p.taskType, in[i].taskType);
            QCOMPARE(p.timeUnixNano, j.timeUnixNano);
            QCOMPARE(p.latencyMs, j.latencyMs);
            QCOMPARE(p.ttftMs.has_value(), in[i].ttftMs.has_value());
        }
    }

    void garbageIsRefusedWhole()
    {
        std::vector<LlmEvent> out;
        std::vector<SpanProblem> problems;
        size_t skipped = 0;
        QVERIFY(
            !OtlpProtoDecoder::decodeTraces("\xff\xff\xff\xff garbage", out, problems, skipped));
        // A valid request cut in the middle is not a request either.
        LlmEvent e;
        e.traceId = std::string(32, 'a');
        e.spanId = std::string(16, 'b');
        e.timeUnixNano = 5;
        e.service = "s";
        e.requestModel = e.variant.model = "m";
        const std::string bytes = OtlpProtoEncoder::encodeTraces(std::vector<LlmEvent>{e});
        QVERIFY(!OtlpProtoDecoder::decodeTraces(std::string_view(bytes).substr(0, bytes.size() - 3),
                                                out, problems, skipped));
        QVERIFY(OtlpProtoDecoder::decodeTraces(bytes, out, problems, skipped));
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(out[0].traceId, e.traceId);
    }

    void badSpansAreReportedOthersKept()
    {
        otlp::collector::trace::v1::ExportTraceServiceRequest request;
        auto* spans = request.add_resource_spans()->add_scope_spans();
        auto add = [&](uint64_t start, uint64_t end, const char* key, const char* model) {
            auto* s = spans->add_spans();
            s->set_span_id(std::string(8, '\x01'));
            s->set_start_time_unix_nano(start);
            s->set_end_time_unix_nano(end);
            auto* kv = s->add_attributes();
            kv->set_key(key);
            kv->mutable_value()->set_string_value(model);
            return s;
        };
        add(10, 20, "gen_ai.request.model", "gpt-4o"); // fine
        add(0, 20, "gen_ai.request.model", "gpt-4o"); // no start time
        add(30, 20, "gen_ai.request.model", "gpt-4o"); // ends before it starts
        add(10, 20, "http.route", "/v1/health"); // not an LLM call
        add(UINT64_MAX, UINT64_MAX, "gen_ai.request.model", "x"); // beyond int64 nanoseconds
        std::vector<LlmEvent> out;
        std::vector<SpanProblem> problems;
        size_t skipped = 0;
        QVERIFY(
            OtlpProtoDecoder::decodeTraces(request.SerializeAsString(), out, problems, skipped));
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(skipped, size_t(1));
        QCOMPARE(problems.size(), size_t(3));
        QVERIFY(
            QString::fromStdString(problems[0].reason).contains("startTimeUnixNano is missing"));
        QVERIFY(QString::fromStdString(problems[0].payload).contains("gpt-4o")); // kept for the DLQ
    }
};

QTEST_GUILESS_MAIN(TestOtlpProtoDecoder)
#include "tst_otlp_proto_decoder.moc"
