#include "daemon_config.h"
#include "price_table.h"

#include <QFile>
#include <QTest>

using namespace llmopt;

namespace {

std::optional<std::string> noEnvironment(const std::string&)
{
    return std::nullopt;
}

} // namespace

class TestDaemonConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptyMeansDefaults()
    {
        const DaemonConfig c = DaemonConfig::parse("", "empty.yaml", noEnvironment);
        QCOMPARE(c.otlpHttp.address, std::string("127.0.0.1"));
        QCOMPARE(c.otlpHttp.port, 4318);
        QCOMPARE(c.api.port, 8080);
        QVERIFY(!c.kafka.enabled);
        QVERIFY(c.storage.path.empty());
    }

    // The shipped example documents every key with its default value.
    void exampleFileParsesToTheDefaults()
    {
        QFile f(QStringLiteral(LLMOPT_SOURCE_DIR "/resources/config.example.yaml"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const DaemonConfig c
            = DaemonConfig::parse(f.readAll().toStdString(), "example", noEnvironment);
        const DaemonConfig d = DaemonConfig::parse("", "empty", noEnvironment);
        QCOMPARE(c.otlpHttp.port, d.otlpHttp.port);
        QCOMPARE(c.otlpHttp.maxBodyBytes, d.otlpHttp.maxBodyBytes);
        QCOMPARE(c.kafka.topics, d.kafka.topics);
        QCOMPARE(c.kafka.encoding, d.kafka.encoding);
        QCOMPARE(c.queueCapacityEvents, d.queueCapacityEvents);
        QCOMPARE(c.actuator.options.plan.toString(), RolloutPlan::standard().toString());
        QCOMPARE(c.actuator.options.plan.minSamplesPerAnalysis,
                 RolloutPlan{}.minSamplesPerAnalysis);
        QCOMPARE(c.actuator.options.allowedErrorRateIncrease,
                 Actuator::Options{}.allowedErrorRateIncrease);
        QCOMPARE(c.actuator.options.guardrails.maxErrorRate, Guardrails{}.maxErrorRate);
        QVERIFY(c.policySinks().empty());
    }

    void actuatorPlanAndSinks()
    {
        const DaemonConfig c = DaemonConfig::parse(
            "actuator:\n  weights: [10, 50]\n  confirm_before_promotion: false\n"
            "  min_samples_per_analysis: 50\n  operators: [alice]\n  flagd_file: /tmp/f.json\n"
            "  webhook: {url: 'http://127.0.0.1:9/policy'}\n",
            "c.yaml", [](const std::string& name) -> std::optional<std::string> {
                if (name == "LLMOPT_ACTUATOR_WEBHOOK_SECRET")
                    return "s3cret";
                return std::nullopt;
            });
        QCOMPARE(c.actuator.options.plan.toString(),
                 std::string("set_weight 10, analysis, set_weight 50, analysis, set_weight 100"));
        QCOMPARE(c.actuator.options.plan.minSamplesPerAnalysis, uint64_t(50));
        QCOMPARE(c.actuator.webhook.secret, std::string("s3cret"));
        QCOMPARE(c.policySinks().size(), size_t(2));
        QCOMPARE(c.actuator.options.operators, std::vector<std::string>{"alice"});
        for (const char* bad : {"actuator:\n  weights: [5, 1]\n", "actuator:\n  weights: [1, 80]\n",
                                "actuator:\n  webhook: {method: GET}\n"}) {
            bool refused = false;
            try {
                DaemonConfig::parse(bad, "bad.yaml", noEnvironment);
            } catch (const ConfigError& e) {
                refused = std::string(e.what()).find("actuator") != std::string::npos;
            }
            QVERIFY2(refused, bad);
        }
    }

    void fileThenEnvironment()
    {
        const std::string yaml = R"(
otlp:
  http:
    port: 4319
    bearer_token: from-file
kafka:
  enabled: true
  topics: [a, b]
  properties:
    security.protocol: SASL_SSL
    sasl.mechanisms: PLAIN
)";
        auto env = [](const std::string& name) -> std::optional<std::string> {
            if (name == "LLMOPT_OTLP_HTTP_BEARER_TOKEN")
                return "from-env";
            if (name == "LLMOPT_KAFKA_TOPICS")
                return "x,y,z";
            return std::nullopt;
        };
        const DaemonConfig c = DaemonConfig::parse(yaml, "c.yaml", env);
        QCOMPARE(c.otlpHttp.port, 4319);
        QCOMPARE(c.otlpHttp.bearerToken, std::string("from-env"));
        QCOMPARE(c.kafka.topics, (std::vector<std::string>{"x", "y", "z"}));
        QCOMPARE(c.kafka.properties.at("security.protocol"), std::string("SASL_SSL"));
        QCOMPARE(DaemonConfig::environmentName("otlp.http.max_body_bytes"),
                 std::string("LLMOPT_OTLP_HTTP_MAX_BODY_BYTES"));
    }

    void mistakesNameTheKeyAndTheFix_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("expected");
        QTest::newRow("typo") << "otlp:\n  http:\n    prot: 1\n"
                              << "unknown key \"otlp.http.prot\"";
        QTest::newRow("type") << "api:\n  port: eighty\n"
                              << "api.port = \"eighty\" is not valid; expected a port number";
        QTest::newRow("range") << "api:\n  port: 70000\n"
                               << "api.port must be 0–65535";
        QTest::newRow("address") << "api:\n  address: localhost:80\n"
                                 << "api.address \"localhost:80\" is not an IP address";
        QTest::newRow("clash") << "api:\n  port: 4318\n"
                               << "give them different ports";
        QTest::newRow("encoding") << "kafka:\n  encoding: avro\n"
                                  << "kafka.encoding \"avro\"";
        QTest::newRow("syntax") << "otlp: [unclosed\n"
                                << "c.yaml: line";
        QTest::newRow("tls half")
            << "otlp:\n  http:\n    tls_certificate: c.pem\n"
            << "set both otlp.http.tls_certificate and otlp.http.tls_private_key";
        QTest::newRow("not a map") << "- a\n- b\n"
                                   << "expected a map";
        QTest::newRow("budget field") << "budgets:\n  chat: {weekly_usd: 5}\n"
                                      << "budgets.chat.weekly_usd is not valid";
        QTest::newRow("budget value") << "budgets:\n  chat: {daily_usd: -5}\n"
                                      << "budgets.chat.daily_usd is not valid";
        QTest::newRow("alpha") << "analysis:\n  drift:\n    alpha: 2\n"
                               << "analysis.drift.alpha = \"2\" is not valid; expected a "
                                  "significance level";
        QTest::newRow("window") << "analysis:\n  window_seconds: 0\n"
                                << "analysis.window_seconds = \"0\"";
        QTest::newRow("whole number") << "analysis:\n  quality:\n    min_scored: 10.5\n"
                                      << "analysis.quality.min_scored = \"10.5\"";
        QTest::newRow("fractions") << "analysis:\n  cost:\n    alert_fractions: [0.5, high]\n"
                                   << "analysis.cost.alert_fractions = \"high\"";
        QTest::newRow("baseline") << "analysis:\n  anomaly: {baseline_windows: 20, "
                                     "min_baseline: 30}\n"
                                  << "lower it or keep more windows";
        QTest::newRow("psi order") << "analysis:\n  drift: {psi_moderate: 0.3}\n"
                                   << "psi_moderate must be below analysis.drift.psi_major";
    }
    void mistakesNameTheKeyAndTheFix()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, expected);
        try {
            DaemonConfig::parse(yaml.toStdString(), "c.yaml", noEnvironment);
            QFAIL("expected ConfigError");
        } catch (const ConfigError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(expected), e.what());
        }
    }

    void budgetsPerService()
    {
        const DaemonConfig c = DaemonConfig::parse(
            "budgets:\n  support-chat: {daily_usd: 250, monthly_usd: 6000}\n  summarizer: "
            "{monthly_usd: 90.5}\n",
            "c.yaml", noEnvironment);
        QCOMPARE(c.analysis.cost.budgets.size(), size_t(2));
        QCOMPARE(c.analysis.cost.budgets.at("support-chat").dailyUsd, 250.0);
        QCOMPARE(c.analysis.cost.budgets.at("support-chat").monthlyUsd, 6000.0);
        QCOMPARE(c.analysis.cost.budgets.at("summarizer").dailyUsd, 0.0);
        QCOMPARE(c.analysis.cost.budgets.at("summarizer").monthlyUsd, 90.5);
    }

    void analyzerParameters()
    {
        auto env = [](const std::string& name) -> std::optional<std::string> {
            return name == "LLMOPT_ANALYSIS_PERFORMANCE_ALPHA" ? std::optional<std::string>("0.01")
                                                               : std::nullopt;
        };
        const DaemonConfig c = DaemonConfig::parse(
            "analysis:\n  window_seconds: 30\n  allowed_lateness_seconds: 0.5\n"
            "  performance: {alpha: 0.2, quantile: 0.99}\n"
            "  cost: {alert_fractions: [0.25, 1]}\n"
            "  drift:\n    page_hinkley: {threshold: 80}\n    adwin_delta: 0.01\n"
            "  anomaly: {cusum_h: 5, min_requests: 50}\n",
            "c.yaml", env);
        const AnalysisPipeline::Options& a = c.analysis;
        QCOMPARE(a.windows.sizeNanos, int64_t(30'000'000'000));
        QCOMPARE(a.windows.allowedLatenessNanos, int64_t(500'000'000));
        QCOMPARE(a.performance.alpha, 0.01); // the environment wins
        QCOMPARE(a.performance.quantile, 0.99);
        QCOMPARE(a.cost.alertFractions, (std::vector<double>{0.25, 1.0}));
        QCOMPARE(a.drift.pageHinkley.threshold, 80.0);
        QCOMPARE(a.drift.adwin.delta, 0.01);
        QCOMPARE(a.anomaly.cusumH, 5.0);
        QCOMPARE(a.anomaly.minRequests, uint64_t(50));
        QCOMPARE(a.quality.alpha, QualityAnalyzer::Options{}.alpha); // untouched
    }

    void badEnvironmentValueNamesTheVariable()
    {
        auto env = [](const std::string& name) -> std::optional<std::string> {
            return name == "LLMOPT_API_PORT" ? std::optional<std::string>("http") : std::nullopt;
        };
        try {
            DaemonConfig::parse("", "c.yaml", env);
            QFAIL("expected ConfigError");
        } catch (const ConfigError& e) {
            QVERIFY2(QString(e.what()).startsWith("LLMOPT_API_PORT: api.port"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestDaemonConfig)
#include "tst_daemon_config.moc"
