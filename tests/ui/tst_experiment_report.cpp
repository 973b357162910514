#include "audit_log.h"
#include "event_store.h"
#include "experiment_definition.h"
#include "experiment_report.h"
#include "support/pdf_text.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace llmopt;
using namespace llmopt::offline;
using nlohmann::json;

namespace {

constexpr int kItems = 100;
constexpr int64_t kNow = 1'750'000'000'000'000'000;

ExperimentDefinition faqDefinition()
{
    const json j
        = {{"schema_version", 1},
           {"name", "faq"},
           {"description", "Does a terse system prompt answer the FAQ better?"},
           {"dataset", {{"path", "faq.jsonl"}}},
           {"metrics",
            json::array(
                {{{"kind", "exact_match"}}, {{"kind", "length_chars"}}, {{"kind", "cost_usd"}}})},
           {"primary_metric", "exact_match"},
           {"minimum_effect", 0.1},
           {"arms",
            json::array({{{"name", "A"},
                          {"provider", "openai"},
                          {"model", "gpt-4o-mini"},
                          {"prompt", "Q: {{question}}"}},
                         {{"name", "B"},
                          {"provider", "openai"},
                          {"model", "gpt-4o-mini"},
                          {"system", "Answer in one word & nothing <else>."},
                          {"prompt", "Question: {{question}}\nAnswer:"}}})}};
    return ExperimentDefinition::fromJson(j);
}

// Item 0's id has a comma and quotes, for the CSV quoting.
std::string itemId(int i)
{
    return i == 0 ? std::string("q,\"0\"") : "item-" + std::to_string(i);
}

// `correct` of kItems items answered exactly, the first ones.
void addArm(EventStore& store, int64_t experimentId, const std::string& arm, int correct)
{
    for (int i = 0; i < kItems; ++i) {
        ExperimentItemResult r;
        r.experimentId = experimentId;
        r.arm = arm;
        r.itemId = itemId(i);
        r.status = "ok";
        r.answer = "answer " + std::to_string(i);
        r.scores = {{"exact_match", i < correct ? 1 : 0},
                    {"length_chars", 10 + i % 7},
                    {"cost_usd", 0.001}};
        r.createdUnixNano = kNow + i;
        QVERIFY(store.addExperimentResult(r));
    }
}

} // namespace

class TestExperimentReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void exportsAllFormats()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string db = dir.filePath(QStringLiteral("events.sqlite")).toStdString();
        EventStore store(db);
        const ExperimentDefinition definition = faqDefinition();
        const int64_t id = store.saveExperimentDefinition(definition, kNow);
        addArm(store, id, "A", 40);
        addArm(store, id, "B", 60);
        AuditLog audit(db);
        audit.append("alice@lab", "approve", "experiment/" + std::to_string(id),
                     {{"verdict", "winner"}}, kNow + 1000);
        audit.append("bob@lab", "approve", "recommendation/7", json::object(), kNow + 2000);
        audit.append("carol@lab", "approve", "experiment/" + std::to_string(id) + "2",
                     json::object(), kNow + 3000);

        QVERIFY(!ExperimentReport::findExperiment(store, "no-such-experiment"));
        QVERIFY(!ExperimentReport::findExperiment(store, std::to_string(id + 100)));
        const auto byId = ExperimentReport::findExperiment(store, std::to_string(id));
        QVERIFY(byId);
        const auto record = ExperimentReport::findExperiment(store, "faq");
        QVERIFY(record);
        QCOMPARE(record->id, id);
        const auto approvals = ExperimentReport::approvalsFor(*record, audit.records(1000));
        QCOMPARE(approvals.size(), size_t(1)); // not bob's, not experiment/<id>2
        QCOMPARE(QString::fromStdString(approvals.front().actor), QStringLiteral("alice@lab"));

        const ExperimentReport report(*record, store.experimentResults(id), approvals);
        QCOMPARE(QString::fromStdString(report.results().verdict.winner), QStringLiteral("B"));
        QCOMPARE(report.plannedItemsPerArm(), uint64_t(kItems));
        QVERIFY(report.costUsd("B"));
        QVERIFY(std::abs(*report.costUsd("B") - 0.1) < 1e-9);

        const QString verdictText = QString::fromStdString(report.results().verdict.text);
        QVERIFY(!verdictText.isEmpty());

        // HTML: self-contained, with the verdict, both arms' prompts and the chart.
        const QString htmlPath = dir.filePath(QStringLiteral("report.html"));
        QString error;
        QVERIFY2(report.write(ExperimentReport::Format::Html, htmlPath, &error), qPrintable(error));
        QFile htmlFile(htmlPath);
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(htmlFile.readAll());
        QVERIFY(html.contains(verdictText.toHtmlEscaped()));
        QVERIFY(html.contains(QStringLiteral("Winner: B")));
        QVERIFY(html.contains(QStringLiteral("<pre>Q: {{question}}</pre>")));
        QVERIFY(html.contains(QStringLiteral("<pre>Question: {{question}}\nAnswer:</pre>")));
        QVERIFY(html.contains(QStringLiteral("Answer in one word &amp; nothing &lt;else&gt;.")));
        QVERIFY(html.contains(QStringLiteral("<svg")));
        QVERIFY(html.contains(QStringLiteral("alice@lab")));
        QVERIFY(!html.contains(QStringLiteral("bob@lab")));
        QVERIFY(!html.contains(QStringLiteral("No approvals recorded")));
        QVERIFY(html.contains(QStringLiteral("faq.jsonl")));
        QVERIFY(html.contains(QStringLiteral("every arm completed all 100 planned items")));
        QVERIFY(!html.contains(QStringLiteral("<link")));
        QVERIFY(!html.contains(QStringLiteral("src=\"http")));
        QVERIFY(!html.contains(QStringLiteral("chart.png"))); // the PDF's image, not the HTML's

        // JSON: the results, the definition and the approvals.
        const QString jsonPath = dir.filePath(QStringLiteral("report.json"));
        QVERIFY2(report.write(ExperimentReport::Format::Json, jsonPath, &error), qPrintable(error));
        QFile jsonFile(jsonPath);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const json j = json::parse(jsonFile.readAll().toStdString());
        QCOMPARE(j["schema_version"].get<int>(), 1);
        QCOMPARE(j["verdict"]["kind"].get<std::string>(), std::string("winner"));
        QCOMPARE(j["verdict"]["winner"].get<std::string>(), std::string("B"));
        QCOMPARE(j["definition"]["name"].get<std::string>(), std::string("faq"));
        QCOMPARE(j["definition"]["arms"].size(), size_t(2));
        QCOMPARE(j["approvals"].size(), size_t(1));
        QCOMPARE(j["approvals"][0]["subject"].get<std::string>(),
                 "experiment/" + std::to_string(id));

        // CSV: a header and one row per item and arm, RFC 4180.
        const QString csvPath = dir.filePath(QStringLiteral("report.csv"));
        QVERIFY2(report.write(ExperimentReport::Format::Csv, csvPath, &error), qPrintable(error));
        QFile csvFile(csvPath);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QByteArray csv = csvFile.readAll();
        QVERIFY(csv.endsWith("\r\n"));
        QCOMPARE(csv.count("\r\n"), csv.count('\n')); // every line ends in CRLF
        const QList<QByteArray> lines = csv.chopped(2).split('\n');
        QCOMPARE(lines.size(), 1 + 2 * kItems);
        QCOMPARE(lines[0], QByteArray("item_id,arm,status,exact_match,length_chars,cost_usd\r"));
        QVERIFY(csv.contains("\"q,\"\"0\"\"\",A,ok,1,10,0.001\r\n"));
        QVERIFY(csv.contains("item-50,A,ok,0,11,0.001\r\n"));
        QVERIFY(csv.contains("item-50,B,ok,1,11,0.001\r\n"));

        // PDF: a PDF, whose text has the verdict.
        const QString pdfPath = dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY2(report.write(ExperimentReport::Format::Pdf, pdfPath, &error), qPrintable(error));
        QFile pdfFile(pdfPath);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        const QByteArray pdf = pdfFile.readAll();
        QVERIFY(pdf.startsWith("%PDF"));
        QVERIFY(pdf.size() > 2000);
        const QString text = pdfText(pdfPath);
        QVERIFY2(text.contains(QStringLiteral("Winner: B")), qPrintable(text.left(400)));
        QVERIFY2(text.contains(verdictText.simplified()), qPrintable(text.left(400)));
        QVERIFY(text.contains(QStringLiteral("alice@lab")));
    }

    void noApprovalsAndUnwritablePath()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        EventStore store(dir.filePath(QStringLiteral("events.sqlite")).toStdString());
        const int64_t id = store.saveExperimentDefinition(faqDefinition(), kNow);
        addArm(store, id, "A", 40);
        const auto record = ExperimentReport::findExperiment(store, std::to_string(id));
        QVERIFY(record);
        // Arm B never ran: no approvals, an unbalanced sample ratio, no winner.
        const ExperimentReport report(*record, store.experimentResults(id), {}, 120);
        const QString html = report.toHtml();
        QVERIFY(html.contains(QStringLiteral("No approvals recorded.")));
        QVERIFY(html.contains(QStringLiteral("did not complete the same planned 120 items")));
        QVERIFY(report.results().verdict.winner.empty());
        QCOMPARE(report.toJson()["approvals"].size(), size_t(0));

        QString error;
        const QString path = dir.filePath(QStringLiteral("missing/folder/report.html"));
        QVERIFY(!report.write(ExperimentReport::Format::Html, path, &error));
        QVERIFY2(error.contains(QStringLiteral("cannot write the report")), qPrintable(error));
        QVERIFY(!QFile::exists(path));

        QCOMPARE(report::formatFromName("pdf"), ExperimentReport::Format::Pdf);
        QVERIFY(!report::formatFromName("docx"));
    }
};

QTEST_MAIN(TestExperimentReport)
#include "tst_experiment_report.moc"
