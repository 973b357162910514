#include "ingest_queue.h"
#include "otlp_http_receiver.h"

#include <QFileInfo>
#include <QProcess>
#include <QTest>

using namespace llmopt;

// A real OpenTelemetry SDK (the JavaScript one, from npm) exports GenAI spans
// to the receiver over OTLP/HTTP, in protobuf and in JSON; every attribute
// must arrive mapped.
class TestOtelSdk : public QObject {
    Q_OBJECT

    std::vector<LlmEvent> sendWith(const QString& encoding, OtlpHttpReceiver& receiver,
                                   IngestQueue& queue)
    {
        QProcess node;
        node.setWorkingDirectory(QStringLiteral(LLMOPT_OTEL_JS_DIR));
        node.start("node",
                   {"send_spans.mjs", QStringLiteral("http://127.0.0.1:%1").arg(receiver.port()),
                    encoding});
        if (!node.waitForFinished(60000) || node.exitCode() != 0)
            qWarning() << node.readAllStandardError();
        std::vector<IngestBatch> batches;
        std::vector<LlmEvent> events;
        queue.popSome(batches, SIZE_MAX, std::chrono::milliseconds(0));
        for (IngestBatch& b : batches)
            std::move(b.events.begin(), b.events.end(), std::back_inserter(events));
        std::sort(events.begin(), events.end(),
                  [](auto& a, auto& b) { return a.timeUnixNano < b.timeUnixNano; });
        return events;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo::exists(
                QStringLiteral(LLMOPT_OTEL_JS_DIR "/node_modules/@opentelemetry/sdk-trace-base")))
            QFAIL("the OpenTelemetry JS SDK is not installed: run `npm ci` in " LLMOPT_OTEL_JS_DIR
                  " (packaging/quickstart.sh test does)");
    }

    void everyAttributeArrivesMapped_data()
    {
        QTest::addColumn<QString>("encoding");
        QTest::newRow("protobuf") << "proto";
        QTest::newRow("json") << "json";
    }
    void everyAttributeArrivesMapped()
    {
        QFETCH(QString, encoding);
        IngestQueue queue(10000);
        OtlpHttpReceiver::Options options;
        options.port = 0;
        OtlpHttpReceiver receiver(options, queue);
        receiver.start();
        const auto events = sendWith(encoding, receiver, queue);
        QCOMPARE(events.size(), size_t(2));
        QCOMPARE(receiver.counters().spansSkipped.load(), 1u); // GET /health

        const LlmEvent& chat = events[0];
        QCOMPARE(chat.service, std::string("js-support-bot"));
        QCOMPARE(chat.traceId.size(), size_t(32));
        QCOMPARE(chat.spanId.size(), size_t(16));
        QCOMPARE(chat.timeUnixNano, 1'795'773'600'000'000'000LL); // 2026-11-27T10:00:00Z
        QCOMPARE(chat.latencyMs, 1500.0);
        QCOMPARE(chat.operation, std::string("chat"));
        QCOMPARE(chat.provider, std::string("openai"));
        QCOMPARE(chat.requestModel, std::string("gpt-4o-mini"));
        QCOMPARE(chat.responseModel, std::string("gpt-4o-mini-2024-07-18"));
        QCOMPARE(*chat.variant.temperature, 0.25);
        QCOMPARE(*chat.variant.topP, 0.9);
        QCOMPARE(*chat.variant.maxTokens, 512);
        QCOMPARE(chat.variant.promptVersion, std::string("v3"));
        QCOMPARE(chat.variantName, std::string("concise-v3"));
        QCOMPARE(chat.inputTokens, 1409);
        QCOMPARE(chat.outputTokens, 197);
        QCOMPARE(chat.cacheReadTokens, 1024);
        QCOMPARE(chat.finishReason, std::string("stop"));
        QVERIFY(std::abs(*chat.ttftMs - 310.0) < 1e-9);
        QVERIFY(!chat.isError());
        QCOMPARE(chat.evaluations.size(), size_t(1));
        QCOMPARE(chat.evaluations[0].name, std::string("answer_quality"));
        QCOMPARE(chat.evaluations[0].score, 0.875);
        QCOMPARE(chat.userFeedback, std::optional<bool>(true));
        const std::vector<std::pair<std::string, std::string>> kept
            = {{"feature_flag.key", "support-prompt"}, {"deployment.environment", "prod"}};
        QCOMPARE(chat.attributes, kept);

        const LlmEvent& legacy = events[1];
        QCOMPARE(legacy.provider, std::string("anthropic"));
        QCOMPARE(legacy.inputTokens, 12);
        QCOMPARE(legacy.outputTokens, 0);
        QVERIFY(legacy.isError());
        QCOMPARE(legacy.errorType, std::string("529"));
        QCOMPARE(legacy.latencyMs, 250.0);
    }
};

QTEST_GUILESS_MAIN(TestOtelSdk)
#include "tst_otel_sdk.moc"
