#include "event_store.h"
#include "experiment_dataset.h"
#include "experiment_definition.h"
#include "experiment_results_controller.h"
#include "experiment_run_controller.h"
#include "price_table.h"
#include "support/chat_completion.h"
#include "support/scripted_server.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

using namespace llmopt;
using namespace llmopt::offline;
using nlohmann::json;

namespace {

constexpr int kItems = 40;

// An OpenAI-compatible provider on loopback: model-a answers item i right when
// i % 10 < 3, model-b when i % 10 < 9, each after `delay`.
ScriptedServer::Script provider(std::chrono::milliseconds delay)
{
    return [delay](int, const HttpRequest& request) -> HttpResponse {
        std::this_thread::sleep_for(delay);
        const json body = json::parse(request.body, nullptr, false);
        if (body.is_discarded())
            return {400, "application/json", R"({"error":{"message":"not JSON"}})", {}};
        const std::string model = body.value("model", "");
        const std::string prompt = body["messages"].back().value("content", "");
        const int item = std::stoi(prompt.substr(prompt.rfind('-') + 1));
        const bool right = item % 10 < (model == "model-a" ? 3 : 9);
        return chatCompletion(model, right ? "answer-" + std::to_string(item) : "no idea", 4, 10);
    };
}

struct Setup {
    QTemporaryDir dir;
    QString database;
    std::shared_ptr<const ExperimentDefinition> definition;
    std::shared_ptr<const ExperimentDataset> dataset;

    explicit Setup(int concurrency)
    {
        const std::string datasetPath = dir.filePath("faq.jsonl").toStdString();
        database = dir.filePath("events.sqlite");
        {
            std::ofstream out(datasetPath);
            for (int i = 0; i < kItems; ++i)
                out << json{{"id", "item-" + std::to_string(i)},
                            {"question", "q-" + std::to_string(i)},
                            {"reference", "answer-" + std::to_string(i)}}
                           .dump()
                    << "\n";
        }
        json j = {{"schema_version", 1},
                  {"name", "faq-local"},
                  {"dataset", {{"path", datasetPath}, {"format", "jsonl"}}},
                  {"metrics", json::array({{{"kind", "exact_match"}}})},
                  {"primary_metric", "exact_match"},
                  {"minimum_effect", 0.1}, // needs more than kItems: all are run
                  {"concurrency", concurrency}};
        for (const char* arm : {"a", "b"})
            j["arms"].push_back({{"name", arm},
                                 {"provider", "local"},
                                 {"model", std::string("model-") + arm},
                                 {"prompt", "Question: {{question}}"},
                                 {"params", {{"max_tokens", 10}}}});
        definition
            = std::make_shared<const ExperimentDefinition>(ExperimentDefinition::fromJson(j));
        dataset = std::make_shared<const ExperimentDataset>(
            ExperimentDataset::fromFile(datasetPath, ExperimentDataset::Format::Jsonl));
    }
};

// 10 output tokens: $0.01 a call.
PriceTable prices()
{
    return fakeModelPrices("local");
}

void prepare(ExperimentRunController& run, const Setup& setup, const ScriptedServer& server)
{
    run.setDatabasePath(setup.database);
    run.setExperiment(setup.definition, setup.dataset);
    run.setBaseUrl(QStringLiteral("local"), QString::fromStdString(server.baseUrl()));
    run.setCredentials(nullptr); // the local server wants no key
    run.setBackoff(10, 50);
}

} // namespace

class TestExperimentRunController : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void runsToTheEndAndShowsTheVerdict()
    {
        Setup setup(4);
        QVERIFY(setup.dir.isValid());
        ScriptedServer server(provider(std::chrono::milliseconds(0)));
        ExperimentRunController run(prices());
        prepare(run, setup, server);
        QVERIFY(run.canRun());
        QSignalSpy finished(&run, &ExperimentRunController::finished);
        run.run();
        QVERIFY(run.running());
        QVERIFY(!run.canRun());
        QVERIFY(finished.wait(30000));
        QCOMPARE(run.status(), QStringLiteral("completed"));
        QVERIFY(!run.running());
        QVERIFY(run.canRun()); // again: it would resume
        QCOMPARE(run.total(), double(2 * kItems));
        QCOMPARE(run.done(), run.total());
        QCOMPARE(run.arms().size(), 2);
        QVERIFY(std::abs(run.spentUsd() - 2 * kItems * 0.01) < 1e-6);
        QVERIFY(run.experimentId() > 0);
        QCOMPARE(finished.front().at(0).toLongLong(), run.experimentId());

        ExperimentResultsController results;
        QAbstractItemModelTester tester(results.arms(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        results.setDatabasePath(setup.database);
        QSignalSpy changed(&results, &ExperimentResultsController::resultsChanged);
        results.select(run.experimentId());
        QVERIFY(changed.wait(10000));
        QVERIFY2(results.error().isEmpty(), qPrintable(results.error()));
        QVERIFY(results.hasResults());
        QCOMPARE(results.experiments().size(), 1);
        QCOMPARE(results.primaryMetric(), QStringLiteral("exact_match"));
        QCOMPARE(results.verdict().value("kind").toString(), QStringLiteral("winner"));
        QCOMPARE(results.verdict().value("winner").toString(), QStringLiteral("b"));
        QVERIFY(!results.verdict().value("text").toString().isEmpty());
        QCOMPARE(results.arms()->rowCount(), 2);
        const QModelIndex b = results.arms()->index(1);
        QCOMPARE(b.data(ExperimentResultsModel::MeanRole).toDouble(), 0.9);
        QVERIFY(b.data(ExperimentResultsModel::WinnerRole).toBool());
        QVERIFY(b.data(ExperimentResultsModel::LowRole).toDouble() < 0.9);
        QVERIFY(b.data(ExperimentResultsModel::HighRole).toDouble() > 0.9);
        QVERIFY(results.chartMin() < b.data(ExperimentResultsModel::LowRole).toDouble());
        QCOMPARE(results.comparisons().size(), 1);
        const QVariantMap comparison = results.comparisons().front().toMap();
        QVERIFY(comparison.value("significant").toBool());
        QVERIFY(comparison.value("p").toDouble() < 0.05);
        QVERIFY(!comparison.value("alwaysValidPText").toString().isEmpty());
        // Items 3..8 of every ten disagree: 24, of which the first 20 are listed.
        QCOMPARE(results.disagreementCount(), 24);
        QCOMPARE(results.disagreements().size(), ExperimentResultsController::kDisagreementsShown);

        // Export: the HTML report names the verdict.
        const QString html = setup.dir.filePath("out/report.html");
        QVERIFY(results.defaultExportPath("html").endsWith(".html"));
        QSignalSpy exported(&results, &ExperimentResultsController::exportChanged);
        results.exportReport(QStringLiteral("html"), html);
        QVERIFY(exported.wait(10000) || !results.exporting());
        QTRY_VERIFY_WITH_TIMEOUT(!results.exporting(), 10000);
        QVERIFY2(!results.exportFailed(), qPrintable(results.exportMessage()));
        QFile file(html);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(results.verdict().value("text").toString().toHtmlEscaped()));

        // An unknown format is refused with a sentence.
        results.exportReport(QStringLiteral("docx"), html);
        QVERIFY(results.exportFailed());
        QVERIFY(!results.exportMessage().isEmpty());
    }

    void cancelledRunResumesWithoutDuplicates()
    {
        Setup setup(2);
        QVERIFY(setup.dir.isValid());
        ScriptedServer server(provider(std::chrono::milliseconds(15)));
        ExperimentRunController run(prices());
        prepare(run, setup, server);
        QSignalSpy finished(&run, &ExperimentRunController::finished);
        QSignalSpy progress(&run, &ExperimentRunController::progressChanged);
        QElapsedTimer clock;
        clock.start();
        run.run();
        QVERIFY(QTest::qWaitFor([&] { return run.done() >= 10; }, 30000));
        QVERIFY(run.done() < run.total());
        QCOMPARE(run.status(), QStringLiteral("running"));
        run.pause();
        QVERIFY(run.paused());
        run.resume();
        QVERIFY(!run.paused());
        run.cancel();
        QVERIFY(finished.wait(30000));
        QCOMPARE(run.status(), QStringLiteral("cancelled"));
        QVERIFY(run.done() < run.total());
        // Coalesced: at most one update per interval, plus start and end.
        QVERIFY2(
            progress.size() <= clock.elapsed() / ExperimentRunController::kProgressIntervalMs + 6,
            qPrintable(
                QStringLiteral("%1 updates in %2 ms").arg(progress.size()).arg(clock.elapsed())));
        const qint64 id = run.experimentId();

        run.run();
        QVERIFY(finished.wait(60000));
        QCOMPARE(run.status(), QStringLiteral("completed"));
        QCOMPARE(run.experimentId(), id); // the same stored definition: resumed
        QCOMPARE(run.done(), double(2 * kItems));

        const EventStore store(setup.database.toStdString());
        const auto rows = store.experimentResults(id);
        QCOMPARE(rows.size(), size_t(2 * kItems));
        std::set<std::pair<std::string, std::string>> keys;
        for (const ExperimentItemResult& r : rows)
            QVERIFY(keys.emplace(r.arm, r.itemId).second);
    }

    void invalidDatabaseIsReportedAsFailed()
    {
        Setup setup(2);
        ScriptedServer server(provider(std::chrono::milliseconds(0)));
        ExperimentRunController run(prices());
        prepare(run, setup, server);
        run.setDatabasePath(setup.dir.filePath("no/such/folder/events.sqlite"));
        QSignalSpy finished(&run, &ExperimentRunController::finished);
        run.run();
        QVERIFY(finished.wait(10000));
        QCOMPARE(run.status(), QStringLiteral("failed"));
        QVERIFY(!run.statusText().isEmpty());
        QCOMPARE(server.count(), size_t(0));
    }

    // The Run dialog lists the providers the run calls; an OpenAI-compatible
    // one without a base URL is named as the problem until it gets one.
    void providersNeedingABaseUrlAreNamed()
    {
        Setup setup(2);
        ExperimentRunController run(prices());
        QSignalSpy changed(&run, &ExperimentRunController::providersChanged);
        run.setExperiment(setup.definition, setup.dataset);
        QCOMPARE(changed.count(), 1);
        const QVariantList providers = run.providers();
        QCOMPARE(providers.size(), 1); // both arms call "local"
        QCOMPARE(providers[0].toMap()["name"].toString(), QStringLiteral("local"));
        QVERIFY(providers[0].toMap()["compatible"].toBool());
        QVERIFY2(run.providerProblem().contains("local"), qPrintable(run.providerProblem()));

        run.setBaseUrl(QStringLiteral("local"), QStringLiteral("  http://127.0.0.1:9/  "));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(run.baseUrl(QStringLiteral("local")), QStringLiteral("http://127.0.0.1:9/"));
        QCOMPARE(run.providers()[0].toMap()["baseUrl"].toString(),
                 QStringLiteral("http://127.0.0.1:9/"));
        QCOMPARE(run.providerProblem(), QString());
        run.setBaseUrl(QStringLiteral("local"), QStringLiteral("http://127.0.0.1:9/"));
        QCOMPARE(changed.count(), 2); // unchanged: no signal

        run.setBaseUrl(QStringLiteral("local"), QString());
        QVERIFY(!run.providerProblem().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestExperimentRunController)
#include "tst_experiment_run_controller.moc"
