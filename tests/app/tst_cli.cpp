#include "audit_log.h"
#include "embedded_resources.h"
#include "price_table.h"
#include "simulator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <sqlite3.h>

using namespace llmopt;

namespace {

struct Result {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Result runProgram(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(LLMOPT_BINARY), args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QByteArray digest(const QString& path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

constexpr int64_t kStart = 1'767'225'600'000'000'000LL; // the default --start, 2026-01-01T00:00:00Z

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void simulateIsDeterministic()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath("a.jsonl"), b = dir.filePath("b.jsonl"),
                      c = dir.filePath("c.jsonl");
        QCOMPARE(runProgram({"simulate", "--duration", "120", "--seed", "4", "--out", a}).exitCode,
                 0);
        QCOMPARE(runProgram({"simulate", "--duration", "120", "--seed", "4", "--out", b}).exitCode,
                 0);
        QCOMPARE(runProgram({"simulate", "--duration", "120", "--seed", "5", "--out", c}).exitCode,
                 0);
        QCOMPARE(digest(a), digest(b));
        QVERIFY(digest(a) != digest(c));
    }

    // simulate | analyze recovers the simulator's parameters.
    void analyzeAgreesWithTheSimulator()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("sim.jsonl");
        const double seconds = 3600;
        QCOMPARE(
            runProgram({"simulate", "--duration", "3600", "--seed", "17", "--out", file}).exitCode,
            0);
        const Result r = runProgram({"analyze", file, "--format", "json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc["events"]["rejected"].toInt(), 0);
        QCOMPARE(doc["events"]["unknown_cost"].toInt(), 0);
        const QJsonArray variants = doc["variants"].toArray();

        const SimulatorConfig config = SimulatorConfig::demo(17, kStart);
        Simulator model(config);
        QCOMPARE(variants.size(), qsizetype(9));
        for (size_t s = 0; s < config.services.size(); ++s) {
            const ServiceProfile& service = config.services[s];
            double requests = 0, weights = 0;
            for (const VariantProfile& v : service.variants)
                weights += v.weight;
            for (const QJsonValue& value : variants) {
                const QJsonObject v = value.toObject();
                if (v["service"].toString().toStdString() == service.name)
                    requests += v["requests"].toDouble();
            }
            const double expected
                = model.expectedArrivals(s, kStart, kStart + int64_t(seconds * 1e9));
            QVERIFY2(
                std::abs(requests - expected) < 5 * std::sqrt(expected),
                qPrintable(
                    QString("%1: %2 vs %3").arg(service.name.c_str()).arg(requests).arg(expected)));

            for (const VariantProfile& vp : service.variants) {
                const auto it
                    = std::find_if(variants.begin(), variants.end(), [&](const QJsonValue& x) {
                          return x["variant_id"].toString().toStdString() == vp.variant.id()
                              && x["service"].toString().toStdString() == service.name;
                      });
                QVERIFY(it != variants.end());
                const QJsonObject v = it->toObject();
                QCOMPARE(v["variant_name"].toString().toStdString(), vp.name);
                QCOMPARE(v["model"].toString().toStdString(), vp.variant.model);
                // Traffic split follows the variant weights (binomial, 5σ).
                const double n = v["requests"].toDouble(), share = vp.weight / weights;
                QVERIFY(std::abs(n - requests * share)
                        < 5 * std::sqrt(requests * share * (1 - share)));
                // Error rate follows 429 + 5xx + timeout probabilities.
                const double pError = config.rateLimitProbability + config.serverErrorProbability
                    + config.timeoutProbability;
                QVERIFY(std::abs(v["errors"].toDouble() - n * pError)
                        < 5 * std::sqrt(n * pError) + 1);
                // Mean quality = Σ task share × E[score | model, task]; score sd ≤ 0.4.
                double expectedQuality = 0, mix = 0;
                for (const auto& [task, taskShare] : service.taskMix) {
                    expectedQuality += taskShare
                        * Simulator::expectedScore(model.expectedSuccessProbability(
                            vp.variant.model, task));
                    mix += taskShare;
                }
                expectedQuality /= mix;
                const QJsonObject quality = v["quality"].toObject();
                QVERIFY2(std::abs(quality["mean"].toDouble() - expectedQuality)
                             < 5 * 0.4 / std::sqrt(quality["n"].toDouble()),
                         qPrintable(QString("%1 %2: %3 vs %4")
                                        .arg(service.name.c_str(), vp.name.c_str())
                                        .arg(quality["mean"].toDouble())
                                        .arg(expectedQuality)));
                const QJsonObject latency = v["latency_ms"].toObject();
                QVERIFY(latency["p50"].toDouble() > 0);
                QVERIFY(latency["p50"].toDouble() <= latency["p95"].toDouble());
                QVERIFY(latency["p95"].toDouble() <= latency["p99"].toDouble());
                QVERIFY(v["cost_usd"].toDouble() > 0);
            }
        }

        // Exact agreement with the events the simulator made: the same seed, run here.
        auto exactConfig = SimulatorConfig::demo(17, kStart);
        exactConfig.scenario = *Scenario::named("steady", seconds);
        Simulator again(exactConfig);
        std::vector<LlmEvent> events;
        again.generateUntil(kStart + int64_t(seconds * 1e9), events);
        const PriceTable prices = PriceTable::fromJson(embeddedPriceTable(), "prices.json");
        for (const QJsonValue& value : variants) {
            const QJsonObject v = value.toObject();
            int64_t requests = 0, errors = 0, input = 0, output = 0, cacheRead = 0;
            double cost = 0;
            std::vector<double> latencies;
            for (const LlmEvent& e : events) {
                if (e.service != v["service"].toString().toStdString()
                    || e.variant.id() != v["variant_id"].toString().toStdString())
                    continue;
                ++requests;
                errors += e.isError();
                input += e.inputTokens;
                output += e.outputTokens;
                cacheRead += e.cacheReadTokens;
                cost += *prices.cost(e);
                if (!e.isError())
                    latencies.push_back(e.latencyMs);
            }
            QCOMPARE(v["requests"].toInteger(), requests);
            QCOMPARE(v["errors"].toInteger(), errors);
            QCOMPARE(v["input_tokens"].toInteger(), input);
            QCOMPARE(v["output_tokens"].toInteger(), output);
            QCOMPARE(v["cache_read_tokens"].toInteger(), cacheRead);
            QVERIFY(std::abs(v["cost_usd"].toDouble() - cost) <= 1e-9 * cost);
            std::sort(latencies.begin(), latencies.end());
            const double p50 = latencies[static_cast<size_t>(0.5 * double(latencies.size() - 1))];
            // DDSketch: within 1% of the exact sample quantile (+1 µs of OTLP rounding).
            QVERIFY(std::abs(v["latency_ms"]["p50"].toDouble() - p50) <= 0.01 * p50 + 1e-3);
        }
    }

    // The latency incident of the scenario (OpenAI 3× slower from minute 60 of
    // 120) comes out as critical findings on OpenAI variants after it began.
    void analyzeReportsFindings()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("incident.jsonl");
        QCOMPARE(runProgram({"simulate", "--scenario", "latency-incident", "--duration", "7200",
                             "--seed", "4", "--out", file})
                     .exitCode,
                 0);
        const Result r
            = runProgram({"analyze", file, "--format", "json", "--db", dir.filePath("a.sqlite")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        const QJsonObject windows = doc["windows"].toObject();
        QCOMPARE(windows["grouping"].toString(), QStringLiteral("service_variant"));
        QCOMPARE(windows["closed"].toInteger(), 1080); // 120 one-minute windows × 9 variants
        QCOMPARE(windows["late_events"].toInteger(), 0);
        QSet<QString> openaiVariants;
        for (const QJsonValue& v : doc["variants"].toArray())
            if (v["provider"].toString() == "openai")
                openaiVariants << v["service"].toString() + "/" + v["variant_id"].toString();
        const int64_t incident = kStart + 3600LL * 1'000'000'000LL;
        int critical = 0;
        for (const QJsonValue& f : doc["findings"].toArray()) {
            const QString analyzer = f["analyzer"].toString();
            QVERIFY2(QStringList({"performance", "cost", "quality", "drift", "anomaly"})
                         .contains(analyzer),
                     qPrintable(analyzer));
            QVERIFY(!f["method"].toString().isEmpty());
            QVERIFY(!f["evidence"].toObject().isEmpty() || analyzer == "drift");
            if (analyzer != "anomaly" || f["severity"].toString() != "critical"
                || f["metric"] != "latency_p95_ms")
                continue;
            QVERIFY(f["evidence"]["baseline"].toArray().size() >= 10);
            QVERIFY(openaiVariants.contains(f["key"].toString()));
            QVERIFY(f["window"]["end_unix_nano"].toInteger() > incident);
            ++critical;
        }
        QVERIFY(critical >= 3);
    }

    void badLinesAreReportedAndTheRestAnalysed()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("mixed.jsonl");
        QVERIFY(runProgram({"simulate", "--duration", "3", "--seed", "1", "--out", file}).exitCode
                == 0);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray firstLine = f.readLine();
        f.close();
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(firstLine);
        f.write("{\"resourceSpans\": [truncated\n");
        f.write(
            R"({"time_unix_nano":1767225600000000000,"service":"batch-jobs","model":"gpt-4o","input_tokens":1000,"output_tokens":10,"latency_ms":900,"evaluations":[{"name":"q","score":1}]})"
            "\n");
        f.write(
            R"({"time_unix_nano":"soon","service":"batch-jobs","model":"gpt-4o","latency_ms":900})"
            "\n");
        f.write(
            R"({"time_unix_nano":1767225600000000001,"service":"batch-jobs","model":"secret-model","input_tokens":5,"output_tokens":5,"latency_ms":10})"
            "\n");
        f.close();

        const Result r = runProgram({"analyze", file, "--format", "json"});
        QCOMPARE(r.exitCode, 2); // something was rejected
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        const QJsonArray problems = doc["problems"].toArray();
        QCOMPARE(problems.size(), qsizetype(2));
        QCOMPARE(problems[0]["line"].toInt(), 2);
        QCOMPARE(problems[1]["line"].toInt(), 4);
        QVERIFY(problems[1]["reason"].toString().contains("time_unix_nano"));
        QCOMPARE(doc["events"]["rejected"].toInt(), 2);
        QCOMPARE(doc["events"]["unknown_cost"].toInt(), 1);
        int batchJobs = 0;
        for (const QJsonValue& v : doc["variants"].toArray()) {
            if (v["service"].toString() != "batch-jobs")
                continue;
            ++batchJobs;
            if (v["model"].toString() == "gpt-4o") // 1,000 × $2.50/M + 10 × $10/M
                QVERIFY(qFuzzyCompare(v["cost_usd"].toDouble(), 0.0026));
            else
                QCOMPARE(v["cost_unknown_requests"].toInt(), 1);
        }
        QCOMPARE(batchJobs, 2);

        const Result text = runProgram({"analyze", file});
        QCOMPARE(text.exitCode, 2);
        QVERIFY(text.out.contains("mixed.jsonl:2: not a JSON object"));
    }

    // Input built to hurt: deep nesting, absurd numbers, broken structure. Reported, never a crash.
    void hostileInputIsReported()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath("hostile.jsonl"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + QByteArray(100000, '[')
                + QByteArray(100000, ']') + "]}]}]}\n");
        f.write(
            R"({"time_unix_nano":5,"service":"s","model":"gpt-4o","latency_ms":1,"input_tokens":1,"cache_read_tokens":9223372036854775807,"cache_write_tokens":9223372036854775807,"output_tokens":1})"
            "\n");
        f.write(R"({"time_unix_nano":5,"service":"s","model":"m","latency_ms":1e300})"
                "\n");
        f.write(
            R"({"time_unix_nano":5,"service":"s","model":"m","latency_ms":1,"max_tokens":1e300})"
            "\n");
        f.write(R"({"resourceSpans":[1,{"scopeSpans":"x"},{"scopeSpans":[{"spans":{}}]}]})"
                "\n");
        f.write(R"({"time_unix_nano":5,"model":"gpt-4o","latency_ms":3})"
                "\n");
        f.close();
        const Result r = runProgram({"analyze", f.fileName(), "--format", "json"});
        QCOMPARE(r.exitCode, 2);
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QStringList reasons;
        for (const QJsonValue& p : doc["problems"].toArray())
            reasons << QString::number(p["line"].toInt()) + ": " + p["reason"].toString();
        const QString all = reasons.join('\n');
        QVERIFY2(all.contains("1: nested deeper than 64 levels"), qPrintable(all));
        QVERIFY2(all.contains("2: a token count is above"), qPrintable(all));
        QVERIFY2(all.contains("3: the duration is longer than a week"), qPrintable(all));
        QVERIFY2(all.contains("4: \"max_tokens\" must be an integer"), qPrintable(all));
        QVERIFY2(all.contains("5: span: a resourceSpans entry is not an object"), qPrintable(all));
        QVERIFY2(all.contains("5: span: \"scopeSpans\" is not a list"), qPrintable(all));
        QVERIFY2(all.contains("6: the service name is missing"), qPrintable(all));
        QCOMPARE(doc["variants"].toArray().size(), qsizetype(0));
    }

    void usageErrorsSayWhatToDo()
    {
        Result r = runProgram({"analyze"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("no input files"));
        r = runProgram({"simulate", "--scenario", "meteor", "--out", "-"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("unknown scenario \"meteor\""));
        r = runProgram({"analyze", "/nonexistent/file.jsonl"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("cannot open the file"));
    }

    // An intact chain verifies; a record edited behind the program's back is named.
    void auditVerifyNamesAnEditedRecord()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath("events.sqlite");
        {
            AuditLog log(db.toStdString());
            for (int i = 1; i <= 3; ++i)
                log.append("alice@ops-1", "approve", "recommendation/" + std::to_string(i),
                           {{"p_value", 0.01}}, kStart + i);
        }
        Result r = runProgram({"audit", "verify", "--db", db});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.startsWith("audit log intact: 3 records\n"), r.out.constData());
        r = runProgram({"audit", "list", "--db", db, "--limit", "2"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count('\n'), 2);
        QVERIFY2(r.out.startsWith("3\t2026-01-01T00:00:00.000Z\talice@ops-1\tapprove\t"
                                  "recommendation/3\t{\"p_value\":0.01}\n"),
                 r.out.constData());

        sqlite3* handle = nullptr;
        QCOMPARE(sqlite3_open(db.toUtf8().constData(), &handle), SQLITE_OK);
        QCOMPARE(sqlite3_exec(handle, "UPDATE audit_log SET actor = 'mallory@x' WHERE seq = 2",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(handle);
        r = runProgram({"audit", "verify", "--db", db});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.startsWith("audit log broken at record 2: "), r.out.constData());

        r = runProgram({"audit", "verify", "--db", dir.filePath("missing.sqlite")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("no event database"));
    }
    void experimentPlanPrintsItemsPerArm()
    {
        const QString example
            = QStringLiteral(LLMOPT_SOURCE_DIR "/resources/examples/experiment.json");
        Result r = runProgram({"experiment", "plan", example});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("items per arm: "), r.out.constData());
        QVERIFY2(r.out.contains("arm terse (gpt-4o-mini): "), r.out.constData());
        QVERIFY2(r.out.contains("arm guided (gpt-4o-mini): "), r.out.constData());

        // A definition whose prompt uses a column the dataset lacks: exit 1, naming it.
        QTemporaryDir dir;
        QFile in(example);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray text = in.readAll();
        text.replace("{{question}}\"", "{{questoin}}\"");
        QFile out(dir.filePath("broken.json"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
        out.close();
        r = runProgram({"experiment", "plan", dir.filePath("broken.json"), "--dataset-dir",
                        QStringLiteral(LLMOPT_SOURCE_DIR "/resources/examples")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("questoin"), r.err.constData());

        r = runProgram({"experiment", "run", example}); // no --db
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("--db"));
        r = runProgram(
            {"experiment", "results", "--db", dir.filePath("missing.sqlite"), "--experiment", "1"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("no event database"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
