#include "decision_service.h"
#include "event_store.h"
#include "otlp_json_codec.h"
#include "otlp_proto_encoder.h"
#include "support/http_client.h"
#include "support/simulated_events.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace llmopt;

// The daemon as an operator runs it: a process with a config file, fed over
// OTLP/HTTP, read through its API, stopped with SIGTERM.
class TestHeadless : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void receiveQueryAndShutDownCleanly()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath("daemon.sqlite");
        QFile config(dir.filePath("daemon.yaml"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(
            QStringLiteral("storage:\n  path: %1\notlp:\n  http:\n    port: 0\napi:\n  port: 0\n"
                           "  bearer_token: api-secret\n"
                           "routing:\n  - service: chat\n    task_types: [faq]\n"
                           "    reward: {per_usd: 20}\n    variants:\n"
                           "      - {name: big, model: gpt-4o, params: {temperature: 0.2}}\n"
                           "      - {name: small, model: gpt-4o-mini}\n")
                .arg(db)
                .toUtf8());
        config.close();

        QProcess daemon;
        daemon.setProcessChannelMode(QProcess::SeparateChannels);
        daemon.start(QStringLiteral(LLMOPT_BINARY), {"--headless", "--config", config.fileName()});
        QByteArray log;
        int otlpPort = 0, apiPort = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            (log += daemon.readAllStandardError(), log.contains("stop with Ctrl+C")), 10000);
        const auto ports
            = QRegularExpression("OTLP/HTTP on 127.0.0.1:(\\d+).*API on 127.0.0.1:(\\d+)",
                                 QRegularExpression::DotMatchesEverythingOption)
                  .match(QString(log));
        QVERIFY2(ports.hasMatch(), log.constData());
        otlpPort = ports.captured(1).toInt();
        apiPort = ports.captured(2).toInt();

        const std::vector<LlmEvent> events = simulated::events(30, 8);
        HttpClient otlp(static_cast<uint16_t>(otlpPort));
        const size_t half = events.size() / 2;
        QCOMPARE(otlp.post("/v1/traces", "application/x-protobuf",
                           OtlpProtoEncoder::encodeTraces(
                               std::span<const LlmEvent>(events.data(), half)))
                     .status,
                 200);
        QCOMPARE(otlp.post("/v1/traces", "application/json",
                           OtlpJsonCodec::encodeTraces(std::span<const LlmEvent>(
                               events.data() + half, events.size() - half)))
                     .status,
                 200);
        // The same spans again are stored once.
        QCOMPARE(
            otlp.post("/v1/traces", "application/x-protobuf",
                      OtlpProtoEncoder::encodeTraces(std::span<const LlmEvent>(events.data(), 10)))
                .status,
            200);
        const auto partial = otlp.post(
            "/v1/traces", "application/json",
            R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"spanId":"01","attributes":[{"key":"gen_ai.request.model","value":{"stringValue":"m"}}]}]}]}]})");
        QCOMPARE(partial.status, 200);

        // A later evaluation of the first call, sent as an OTLP log record.
        const nlohmann::json evaluation
            = {{"eventName", "gen_ai.evaluation.result"},
               {"traceId", events[0].traceId},
               {"spanId", events[0].spanId},
               {"attributes",
                {{{"key", "gen_ai.evaluation.name"}, {"value", {{"stringValue", "human_review"}}}},
                 {{"key", "gen_ai.evaluation.score.value"}, {"value", {{"doubleValue", 1.0}}}}}}};
        const std::string logs
            = nlohmann::json{{"resourceLogs", {{{"scopeLogs", {{{"logRecords", {evaluation}}}}}}}}}
                  .dump();
        QCOMPARE(otlp.post("/v1/logs", "application/json", logs).status, 200);

        HttpClient api(static_cast<uint16_t>(apiPort));
        QCOMPARE(api.request("GET", "/api/v1/stats", "").status, 401);
        const std::map<std::string, std::string> auth{{"Authorization", "Bearer api-secret"}};
        QTRY_VERIFY_WITH_TIMEOUT(
            nlohmann::json::parse(api.request("GET", "/api/v1/stats", "", auth)
                                      .body)["engine"]["otlp-http"]["ingest"]["received"]
                == events.size() + 10,
            10000);
        const auto stats
            = nlohmann::json::parse(api.request("GET", "/api/v1/stats", "", auth).body);
        QVERIFY(stats["engine"]["otlp-http"]["ingest"]["stored"] == events.size());
        QVERIFY(stats["engine"]["otlp-http"]["ingest"]["duplicates"] == 10);
        QVERIFY(stats["engine"]["otlp-http"]["dead_lettered"] == 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            nlohmann::json::parse(api.request("GET", "/api/v1/stats", "", auth)
                                      .body)["engine"]["otlp-http"]["evaluations_matched"]
                == 1,
            10000);
        QVERIFY(stats["receivers"]["otlp-http"]["requests"] == 5);

        const auto variants = nlohmann::json::parse(
            api.request("GET", "/api/v1/variants", "", auth).body)["variants"];
        QCOMPARE(variants.size(), size_t(9));
        uint64_t requests = 0, qualityN = 0;
        for (const auto& v : variants) {
            requests += v["requests"].get<uint64_t>();
            qualityN += v["quality"]["n"].get<uint64_t>();
        }
        QCOMPARE(requests, uint64_t(events.size()));
        uint64_t scored = 0;
        for (const LlmEvent& e : events)
            scored += e.quality().has_value();
        QCOMPARE(qualityN, scored + 1); // the span events plus the log record

        const auto dlq
            = nlohmann::json::parse(api.request("GET", "/api/v1/dlq?limit=5", "", auth).body);
        QCOMPARE(dlq["dead_letters"].size(), size_t(1));
        QVERIFY(dlq["dead_letters"][0]["reason"].get<std::string>().find("startTimeUnixNano")
                != std::string::npos);
        const auto findings = api.request("GET", "/api/v1/findings?limit=10", "", auth);
        QCOMPARE(findings.status, 200);
        QVERIFY(nlohmann::json::parse(findings.body)["findings"].is_array());
        QVERIFY(nlohmann::json::parse(findings.body)["windows_closed"].is_number());
        // The simulator's calls carry its routing flag: one experiment per service,
        // every call in one arm once the engine has recomputed them.
        auto experimentCalls = [&] {
            uint64_t calls = 0;
            const auto doc
                = nlohmann::json::parse(api.request("GET", "/api/v1/experiments", "", auth).body);
            for (const auto& x : doc["experiments"])
                for (const auto& arm : x["arms"])
                    calls += arm["assigned"].get<uint64_t>();
            return calls;
        };
        QTRY_COMPARE_WITH_TIMEOUT(experimentCalls(), uint64_t(events.size()), 15000);
        qDebug() << api.request("GET", "/api/v1/experiments", "", auth).body.substr(0, 300).c_str();
        // Per-request routing: a decision with its propensity, its feedback once.
        const auto decided = api.request(
            "POST", "/api/v1/decide",
            R"({"service": "chat", "context": {"task_type": "faq", "input_tokens": 300}})", auth);
        QCOMPARE(decided.status, 200);
        const auto decision = nlohmann::json::parse(decided.body);
        QVERIFY(decision["variant"] == "big" || decision["variant"] == "small");
        QVERIFY(decision["propensity"].get<double>() > 0);
        if (decision["variant"] == "big")
            QCOMPARE(decision["params"]["temperature"].get<double>(), 0.2);
        const std::string answer = nlohmann::json{
            {"decision_id", decision["decision_id"]},
            {"quality", 0.9},
            {"cost_usd", 0.002},
            {"latency_ms", 700}}.dump();
        QCOMPARE(api.request("POST", "/api/v1/feedback", answer, auth).status, 200);
        QCOMPARE(api.request("POST", "/api/v1/feedback", answer, auth).status, 409);
        QCOMPARE(api.request("POST", "/api/v1/decide", R"({"service": "nope"})", auth).status, 404);
        QCOMPARE(api.request("POST", "/api/v1/decide", "{not json", auth).status, 400);
        QCOMPARE(api.request("POST", "/api/v1/decide",
                             R"({"service": "chat", "context": {"input_tokens": 1e300}})", auth)
                     .status,
                 400);
        QCOMPARE(api.request("POST", "/api/v1/feedback",
                             R"({"decision_id": 1, "quality": 1e308, "cost_usd": 0})", auth)
                     .status,
                 400);
        QCOMPARE(api.request("GET", "/api/v1/decide", "", auth).status, 405);
        // What "always small" would have earned, from the logged decision.
        QTRY_COMPARE_WITH_TIMEOUT(
            api.request("GET", "/api/v1/policy-value?service=chat&variant=small", "", auth).status,
            200, 10000); // once the engine thread has stored the decision and its outcome
        const auto value = nlohmann::json::parse(
            api.request("GET", "/api/v1/policy-value?service=chat&variant=small", "", auth).body);
        QCOMPARE(value["decisions"].get<int>(), 1);
        QCOMPARE(value["estimates"].size(), size_t(3));
        QCOMPARE(value["estimates"][1]["method"].get<std::string>(), std::string("SNIPS"));
        QCOMPARE(
            api.request("GET", "/api/v1/policy-value?service=chat&variant=huge", "", auth).status,
            404);
        const auto health = api.request("GET", "/api/v1/health", "", auth);
        QCOMPARE(health.status, 200);
        QVERIFY(nlohmann::json::parse(health.body)["status"] == "ok");
        QCOMPARE(api.request("GET", "/api/v1/nothing", "", auth).status, 404);

        daemon.terminate(); // SIGTERM: drain, commit, exit 0
        QVERIFY(daemon.waitForFinished(15000));
        QCOMPARE(daemon.exitStatus(), QProcess::NormalExit);
        QCOMPARE(daemon.exitCode(), 0);
        log += daemon.readAllStandardError();
        QVERIFY2(
            log.contains(QStringLiteral("stopped; %1 events stored").arg(events.size()).toUtf8()),
            log.constData());
        EventStore store(db.toStdString());
        QCOMPARE(store.eventCount(), events.size());
        const auto logged = store.decisions("chat", 10);
        QCOMPARE(logged.size(), size_t(1));
        QVERIFY(logged[0].isFeedback);
        QCOMPARE(logged[0].quality, 0.9);
    }

    void badConfigSaysWhatToFix()
    {
        QTemporaryDir dir;
        QFile config(dir.filePath("bad.yaml"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("otlp:\n  http:\n    port: 99999\n");
        config.close();
        QProcess daemon;
        daemon.start(QStringLiteral(LLMOPT_BINARY), {"--headless", "--config", config.fileName()});
        QVERIFY(daemon.waitForFinished(10000));
        QCOMPARE(daemon.exitCode(), 1);
        QVERIFY(daemon.readAllStandardError().contains("otlp.http.port must be 0–65535"));
    }
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
