#include "llm_event.h"
#include "otlp_json_codec.h"

#include <QTest>
#include <nlohmann/json.hpp>

using namespace llmopt;
using nlohmann::json;

namespace {

LlmEvent richEvent()
{
    LlmEvent e;
    e.traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    e.spanId = "00f067aa0ba902b7";
    e.timeUnixNano = 1'767'225'600'123'456'789LL;
    e.service = "support-chat";
    e.variant.model = "gpt-4o-mini";
    e.variant.promptVersion = "v3";
    e.variant.temperature = 0.3;
    e.variant.topP = 0.9;
    e.variant.maxTokens = 512;
    e.variantName = "mini/v3";
    e.provider = "openai";
    e.requestModel = "gpt-4o-mini";
    e.responseModel = "gpt-4o-mini-2024-07-18";
    e.taskType = "faq";
    e.inputTokens = 1409;
    e.outputTokens = 197;
    e.cacheReadTokens = 1024;
    e.cacheWriteTokens = 0;
    e.latencyMs = 1678.125;
    e.ttftMs = 304.5;
    e.finishReason = "stop";
    e.evaluations = {{"answer_quality", 0.875}};
    e.userFeedback = true;
    e.attributes = {{"feature_flag.key", "support-chat.variant"}, {"tenant", "acme \"quoted\""}};
    return e;
}

} // namespace

class TestOtlpJsonCodec : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void encodeDecodeRoundTrip()
    {
        LlmEvent failed = richEvent();
        failed.spanId = "00f067aa0ba902b8";
        failed.service = "summarizer";
        failed.status = CallStatus::Error;
        failed.errorType = "429";
        failed.evaluations.clear();
        failed.userFeedback.reset();
        const std::vector<LlmEvent> in = {richEvent(), failed};
        const std::string line = OtlpJsonCodec::encodeTraces(in);
        QVERIFY(line.find('\n') == std::string::npos);
        QCOMPARE(json::parse(line)["resourceSpans"].size(), size_t(2)); // one resource per service

        std::vector<LlmEvent> out;
        std::vector<SpanProblem> problems;
        size_t skipped = 0;
        QCOMPARE(OtlpJsonCodec::decodeTraces(line, out, problems, skipped),
                 OtlpJsonCodec::Decoded::Request);
        QCOMPARE(skipped, size_t(0));
        QVERIFY(problems.empty());
        QCOMPARE(out.size(), size_t(2));
        const LlmEvent& a = out[0];
        const LlmEvent e = richEvent();
        QCOMPARE(a.eventId(), e.eventId());
        QCOMPARE(a.timeUnixNano, e.timeUnixNano);
        QCOMPARE(a.service, e.service);
        QCOMPARE(a.variant.id(), e.variant.id());
        QCOMPARE(a.variantName, e.variantName);
        QCOMPARE(a.provider, e.provider);
        QCOMPARE(a.responseModel, e.responseModel);
        QCOMPARE(a.taskType, e.taskType);
        QCOMPARE(a.inputTokens, e.inputTokens);
        QCOMPARE(a.outputTokens, e.outputTokens);
        QCOMPARE(a.cacheReadTokens, e.cacheReadTokens);
        QVERIFY(std::abs(a.latencyMs - e.latencyMs) < 1e-6);
        QVERIFY(std::abs(*a.ttftMs - *e.ttftMs) < 1e-9);
        QCOMPARE(a.finishReason, e.finishReason);
        QCOMPARE(a.evaluations.size(), size_t(1));
        QCOMPARE(a.evaluations[0].score, 0.875);
        QCOMPARE(a.userFeedback, std::optional<bool>(true));
        // Attributes without a field of their own (the flag key among them) round-trip.
        QCOMPARE(a.attributes, e.attributes);
        QVERIFY(!a.isError());
        QVERIFY(out[1].isError());
        QCOMPARE(out[1].errorType, std::string("429"));
        QCOMPARE(out[1].service, std::string("summarizer"));
    }

    // Older instrumentations: gen_ai.system, prompt/completion tokens, int64 as numbers,
    // upper-case ids, status code without error.type.
    void deprecatedNamesAndLenientNumbers()
    {
        const std::string request = R"({"resourceSpans":[{"resource":{"attributes":[
            {"key":"service.name","value":{"stringValue":"legacy"}}]},
          "scopeSpans":[{"spans":[{"traceId":"4BF92F3577B34DA6A3CE929D0E0E4736","spanId":"00F067AA0BA902B7",
            "startTimeUnixNano":1000000000,"endTimeUnixNano":"1250000000",
            "attributes":[{"key":"gen_ai.system","value":{"stringValue":"openai"}},
                          {"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}},
                          {"key":"gen_ai.usage.prompt_tokens","value":{"intValue":12}},
                          {"key":"gen_ai.usage.completion_tokens","value":{"intValue":"7"}},
                          {"key":"gen_ai.response.finish_reasons","value":{"stringValue":"length"}}],
            "status":{"code":2}}]}]}]})";
        std::vector<LlmEvent> out;
        std::vector<SpanProblem> problems;
        size_t skipped = 0;
        OtlpJsonCodec::decodeTraces(request, out, problems, skipped);
        QVERIFY(problems.empty());
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(out[0].provider, std::string("openai"));
        QCOMPARE(out[0].inputTokens, 12);
        QCOMPARE(out[0].outputTokens, 7);
        QCOMPARE(out[0].latencyMs, 250.0);
        QCOMPARE(out[0].finishReason, std::string("length"));
        QCOMPARE(out[0].traceId, std::string("4bf92f3577b34da6a3ce929d0e0e4736"));
        QVERIFY(out[0].isError());
        QCOMPARE(out[0].errorType, std::string("_OTHER"));
    }

    void malformedSpansAreReportedAndTheRestDecoded()
    {
        const std::string request = R"({"resourceSpans":[{"resource":{},"scopeSpans":[{"spans":[
            {"spanId":"01","attributes":[{"key":"gen_ai.request.model","value":{"stringValue":"m"}}]},
            {"spanId":"02","startTimeUnixNano":"5","endTimeUnixNano":"4",
             "attributes":[{"key":"gen_ai.request.model","value":{"stringValue":"m"}}]},
            {"spanId":"03","startTimeUnixNano":"5","endTimeUnixNano":"9",
             "attributes":[{"key":"gen_ai.request.model","value":{"stringValue":"m"}},
                           {"key":"gen_ai.usage.input_tokens","value":{"stringValue":"many"}}]},
            {"spanId":"04","startTimeUnixNano":"5","endTimeUnixNano":"9",
             "attributes":[{"key":"http.method","value":{"stringValue":"GET"}}]},
            "not a span",
            {"spanId":"05","startTimeUnixNano":"5","endTimeUnixNano":"9",
             "attributes":[{"key":"gen_ai.request.model","value":{"stringValue":"m"}}]}]}]}]})";
        std::vector<LlmEvent> out;
        std::vector<SpanProblem> problems;
        size_t skipped = 0;
        QCOMPARE(OtlpJsonCodec::decodeTraces(request, out, problems, skipped),
                 OtlpJsonCodec::Decoded::Request);
        QCOMPARE(skipped, size_t(1)); // the HTTP span
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(out[0].spanId, std::string("05"));
        QCOMPARE(problems.size(), size_t(4));
        QVERIFY(
            QString::fromStdString(problems[0].reason).contains("startTimeUnixNano is missing"));
        QVERIFY(QString::fromStdString(problems[1].reason).contains("before startTimeUnixNano"));
        QVERIFY(QString::fromStdString(problems[2].reason).contains("gen_ai.usage.input_tokens"));
        // The span exactly as received, for the dead-letter table.
        QCOMPARE(
            problems[0].payload,
            std::string(
                R"({"spanId":"01","attributes":[{"key":"gen_ai.request.model","value":{"stringValue":"m"}}]})"));
        QCOMPARE(problems[3].reason, std::string("a span is not an object"));
        QCOMPARE(problems[3].payload, std::string("\"not a span\""));
    }

    // Only a request is a request; nothing is kept of one that turns out not to be.
    void notARequestAddsNothing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected");
        const int notJson = int(OtlpJsonCodec::Decoded::NotJson);
        const int notRequest = int(OtlpJsonCodec::Decoded::NotARequest);
        QTest::newRow("logs") << R"({"resourceLogs":[]})" << notRequest;
        QTest::newRow("list") << "[1,2]" << notRequest;
        QTest::newRow("scalar") << "42" << notRequest;
        QTest::newRow("resourceSpans object") << R"({"resourceSpans":{}})" << notRequest;
        QTest::newRow("empty") << "" << notJson;
        QTest::newRow("truncated after a span") << QString::fromStdString(
            OtlpJsonCodec::encodeTraces(std::vector<LlmEvent>{richEvent()}).substr(0, 1500))
                                                << notJson;
        QTest::newRow("too deep") << QString(100, '[') + QString(100, ']') << notJson;
    }
    void notARequestAddsNothing()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        std::vector<LlmEvent> out(1);
        std::vector<SpanProblem> problems(1);
        size_t skipped = 0;
        QCOMPARE(int(OtlpJsonCodec::decodeTraces(text.toStdString(), out, problems, skipped)),
                 expected);
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(problems.size(), size_t(1));
    }

    // Any key order: the resource may follow its spans; unknown fields of any
    // shape are skipped; a broken resource or scope is reported whole.
    void keyOrderUnknownFieldsAndBrokenParts()
    {
        const std::string span = R"({"extra":{"deep":[{"x":[1,{"y":2}]}]},"spanId":"0a",
            "attributes":[{"value":{"arrayValue":{"values":[{"stringValue":"stop"},{"intValue":"3"}]}},
                           "key":"gen_ai.response.finish_reasons"},
                          {"key":"gen_ai.request.model","value":{"kvlistValue":{"values":[]},"stringValue":"m"}}],
            "startTimeUnixNano":"5","endTimeUnixNano":9,"status":{"message":"x","code":"2"},
            "events":[7,{"name":"e","attributes":[]}]})";
        const std::string request = R"({"unknown":[{}],"resourceSpans":[
            {"scopeSpans":[{"scope":{"name":"s"},"spans":[)"
            + span + R"(]}],
             "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"late"}}]}},
            {"resource":{"attributes":[{"value":{"stringValue":"no key"}}]},"scopeSpans":[]},
            {"resource":{},"scopeSpans":[{"spans":{}},{"spans":[)"
            + span + R"(]}]}]})";
        std::vector<LlmEvent> out;
        std::vector<SpanProblem> problems;
        size_t skipped = 0;
        QCOMPARE(OtlpJsonCodec::decodeTraces(request, out, problems, skipped),
                 OtlpJsonCodec::Decoded::Request);
        QCOMPARE(out.size(), size_t(2));
        QCOMPARE(out[0].service, std::string("late"));
        QCOMPARE(out[0].finishReason, std::string("stop"));
        QCOMPARE(out[0].requestModel, std::string("m"));
        QCOMPARE(out[0].latencyMs, 4e-6);
        QVERIFY(out[0].isError());
        QCOMPARE(out[1].service, std::string());
        QCOMPARE(problems.size(), size_t(2));
        QCOMPARE(problems[0].reason, std::string("resource: an attribute has no string \"key\""));
        QVERIFY(QString::fromStdString(problems[0].payload).startsWith(R"({"resource":)"));
        QCOMPARE(problems[1].reason,
                 std::string("a scopeSpans entry is not an object with a \"spans\" list"));
        QCOMPARE(problems[1].payload, std::string(R"({"spans":{}})"));
    }
};

QTEST_GUILESS_MAIN(TestOtlpJsonCodec)
#include "tst_otlp_json_codec.moc"
