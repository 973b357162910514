#include "support/chat_completion.h"
#include "support/scripted_server.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <signal.h>
#include <sqlite3.h>
#include <thread>

using nlohmann::json;

namespace {

struct Result {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Result run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(180000))
        return {};
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

Result workbench(const QStringList& args)
{
    return run(QStringLiteral(LLMOPT_BINARY), args);
}

// The provider: an OpenAI-compatible server whose gpt-4o answers item i
// correctly for 80 % of the items and gpt-4o-mini for 50 % — fixed per item,
// so that the arms truly differ and a rerun gets the same answers.
llmopt::HttpResponse answer(const llmopt::HttpRequest& request)
{
    const json body = json::parse(request.body, nullptr, false);
    const std::string model = body.value("model", std::string());
    const std::string question = body["messages"].back().value("content", std::string());
    const int item = std::stoi(question.substr(question.find('#') + 1));
    const int share = model == "gpt-4o" ? 80 : 50;
    const bool right = (item * 37 + 11) % 100 < share;
    const std::string text = right ? "answer-" + std::to_string(item) : "not sure";
    return chatCompletion(model, text, 20, 4);
}

void write(const QString& path, const std::string& text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text.data(), qint64(text.size()));
}

// A 200-item dataset and a two-arm definition (a: gpt-4o-mini, b: gpt-4o,
// both at the local provider) written to `dir`; returns the definition's path.
QString writeExperiment(const QTemporaryDir& dir)
{
    std::string items;
    for (int i = 0; i < 200; ++i)
        items += json{{"id", "q" + std::to_string(i)},
                      {"question", "question #" + std::to_string(i)},
                      {"reference", "answer-" + std::to_string(i)}}
                     .dump()
            + "\n";
    write(dir.filePath("items.jsonl"), items);
    const json arm = {{"provider", "local"}, {"prompt", "{{question}}"}};
    json a = arm, b = arm;
    a["name"] = "a";
    a["model"] = "gpt-4o-mini";
    b["name"] = "b";
    b["model"] = "gpt-4o";
    const json definition = {{"schema_version", 1},
                             {"name", "e2e"},
                             {"arms", {a, b}},
                             {"dataset", {{"path", "items.jsonl"}, {"format", "jsonl"}}},
                             {"metrics", {{{"kind", "exact_match"}}, {{"kind", "cost_usd"}}}},
                             {"primary_metric", "exact_match"},
                             {"minimum_effect", 0.1}, // needs 388 per arm: all 200 run
                             {"baseline_rate", 0.5},
                             {"concurrency", 8}};
    write(dir.filePath("e2e.json"), definition.dump(2));
    return dir.filePath("e2e.json");
}

// (arm, item) of the outcomes stored in `db`.
std::set<std::pair<std::string, std::string>> stored(const QString& db)
{
    std::set<std::pair<std::string, std::string>> out;
    sqlite3* handle = nullptr;
    if (sqlite3_open_v2(db.toUtf8().constData(), &handle, SQLITE_OPEN_READONLY, nullptr)
        == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(handle, "SELECT arm, item_id FROM experiment_results", -1, &st, nullptr);
        while (st && sqlite3_step(st) == SQLITE_ROW)
            out.emplace(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)),
                        reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
        sqlite3_finalize(st);
    }
    sqlite3_close(handle);
    return out;
}

// (model, item) of each request the provider saw.
std::map<std::pair<std::string, std::string>, int> asked(const ScriptedServer& provider)
{
    std::map<std::pair<std::string, std::string>, int> out;
    for (const llmopt::HttpRequest& r : provider.requests()) {
        const json body = json::parse(r.body);
        const std::string q = body["messages"].back().value("content", std::string());
        ++out[{body.value("model", std::string()), "q" + q.substr(q.find('#') + 1)}];
    }
    return out;
}

} // namespace

// Issue 7's proof, end to end through the command line: a 200-item dataset
// run against a local provider where arm B is truly better; the verdict
// picks B; the PDF and HTML reports show it; the JSON report validates
// against its documented schema.
class TestExperimentEndToEnd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void betterArmWinsAndTheReportsSayIt()
    {
        ScriptedServer provider([](int, const llmopt::HttpRequest& r) { return answer(r); });
        QTemporaryDir dir;
        const QString definition = writeExperiment(dir);
        const QString db = dir.filePath("e2e.sqlite");

        const Result ran
            = workbench({"experiment", "run", definition, "--db", db, "--base-url-local",
                         QString::fromStdString(provider.baseUrl())});
        QVERIFY2(ran.exitCode == 0, ran.err.constData());
        QCOMPARE(provider.count(), size_t(400)); // every item of both arms, once

        const Result results = workbench(
            {"experiment", "results", "--db", db, "--experiment", "e2e", "--format", "json"});
        QCOMPARE(results.exitCode, 0);
        const json verdict = json::parse(results.out.toStdString())["verdict"];
        QCOMPARE(verdict["kind"].get<std::string>(), std::string("winner"));
        QCOMPARE(verdict["winner"].get<std::string>(), std::string("b"));
        const QByteArray sentence = QByteArray::fromStdString(verdict["text"].get<std::string>());

        for (const char* format : {"html", "pdf", "json"}) {
            const QString out = dir.filePath(QStringLiteral("report.") + format);
            const Result written = workbench(
                {"report", "--experiment", "e2e", "--db", db, "--format", format, "--out", out});
            QVERIFY2(written.exitCode == 0, written.err.constData());
        }
        QFile html(dir.filePath("report.html"));
        QVERIFY(html.open(QIODevice::ReadOnly));
        QVERIFY(html.readAll().contains(QString::fromUtf8(sentence).toHtmlEscaped().toUtf8()));
        const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
        QVERIFY2(!pdftotext.isEmpty(), "pdftotext (poppler-utils) reads the PDF back");
        const Result text = run(pdftotext, {dir.filePath("report.pdf"), "-"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.simplified().contains("b"), text.out.constData());
        QVERIFY2(text.out.simplified().contains(sentence.simplified().left(30)),
                 text.out.constData());

        const QString python = QStandardPaths::findExecutable("python3", {"/usr/bin"});
        const Result validated
            = run(python,
                  {"-c",
                   "import json, sys, jsonschema\n"
                   "schema = json.load(open(sys.argv[1]))\n"
                   "jsonschema.validate(json.load(open(sys.argv[2])), schema, "
                   "format_checker=None)\n",
                   QStringLiteral(LLMOPT_SOURCE_DIR "/docs/experiment-report.schema.json"),
                   dir.filePath("report.json")});
        QVERIFY2(validated.exitCode == 0, validated.err.constData());
    }

    // The runner killed with SIGKILL mid-run: the rerun asks only what has
    // no stored outcome — no item is run twice, none is skipped.
    void killedRunResumes()
    {
        ScriptedServer provider(
            [](int, const llmopt::HttpRequest& r) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                return answer(r);
            },
            16);
        QTemporaryDir dir;
        const QString definition = writeExperiment(dir);
        const QString db = dir.filePath("e2e.sqlite");
        const QStringList args{"experiment",
                               "run",
                               definition,
                               "--db",
                               db,
                               "--base-url-local",
                               QString::fromStdString(provider.baseUrl())};
        QProcess first;
        first.start(QStringLiteral(LLMOPT_BINARY), args);
        QTRY_VERIFY_WITH_TIMEOUT(provider.count() >= 120, 60000);
        ::kill(static_cast<pid_t>(first.processId()), SIGKILL);
        QVERIFY(first.waitForFinished(10000));
        const std::set<std::pair<std::string, std::string>> storedFirst = stored(db);
        QVERIFY(!storedFirst.empty());
        QVERIFY(storedFirst.size() < 400);

        const Result again = workbench(args);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(stored(db).size(), size_t(400)); // every item of both arms, once
        const auto requests = asked(provider);
        QCOMPARE(requests.size(), size_t(400)); // none skipped
        for (const auto& [arm, item] : storedFirst) // stored before the kill: never asked again
            QCOMPARE(requests.at({arm == "a" ? "gpt-4o-mini" : "gpt-4o", item}), 1);
    }
};

QTEST_GUILESS_MAIN(TestExperimentEndToEnd)
#include "tst_experiment_e2e.moc"
