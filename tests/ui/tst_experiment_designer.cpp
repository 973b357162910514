#include "experiment_designer.h"
#include "price_table.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace llmopt;

namespace {

void writeFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(f.errorString()));
    QCOMPARE(f.write(text), text.size());
}

PriceTable prices(bool withHaiku = false)
{
    PriceTable table;
    const auto add = [&](const char* model, const char* provider, double in, double out) {
        ModelPrice p;
        p.model = model;
        p.provider = provider;
        p.inputPerMTok = in;
        p.outputPerMTok = out;
        table.setPrice(p);
    };
    add("gpt-4o-mini", "openai", 0.15, 0.6);
    add("gpt-4o", "openai", 2.5, 10);
    if (withHaiku)
        add("claude-3-haiku", "anthropic", 0.25, 1.25);
    return table;
}

// Two arms, one without a price; three items, one lacking "audience".
const QByteArray kDefinition = R"({
  "schema_version": 1,
  "name": "faq",
  "description": "terse or friendly",
  "arms": [
    {"name": "terse", "provider": "openai", "model": "gpt-4o-mini",
     "system": "Be brief.", "prompt": "Question: {{question}}",
     "params": {"temperature": 0.2, "max_tokens": 64}},
    {"name": "friendly", "provider": "anthropic", "model": "no-such-model",
     "system": "Be brief.\nBe kind.", "prompt": "A {{audience}} asks: {{question}}\nAnswer kindly.",
     "params": {"top_p": 0.9}}
  ],
  "dataset": {"path": "items.jsonl"},
  "metrics": [{"kind": "exact_match"}, {"kind": "length_tokens"}],
  "primary_metric": "exact_match",
  "baseline_rate": 0.6,
  "spend_cap_usd": 2.0
})";

const QByteArray kDataset
    = R"({"id": "a", "question": "How do I reset my password?", "audience": "customer", "reference": "Use the link."}
{"id": "b", "question": "Refunds?", "audience": "customer", "reference": "Within 30 days."}
{"id": "c", "question": "Rate limit?", "reference": "600 per minute."}
)";

QVariant role(const QAbstractItemModel& m, int row, int role, int column = 0)
{
    return m.data(m.index(row, column), role);
}

} // namespace

// The designer reads real files from a temporary folder, off the GUI thread.
class TestExperimentDesigner : public QObject {
    Q_OBJECT
    QTemporaryDir m_settingsDir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }
    void init() { QSettings().clear(); }

    void definitionDatasetAndPlanAreShown()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("faq.json"), kDefinition);
        writeFile(dir.filePath("items.jsonl"), kDataset);

        ExperimentDesigner d(prices());
        QAbstractItemModelTester armTester(d.arms());
        QAbstractItemModelTester promptTester(d.promptDiff());
        QAbstractItemModelTester systemTester(d.systemDiff());
        QAbstractItemModelTester previewTester(d.datasetPreview());
        QCOMPARE(d.state(), QStringLiteral("empty"));
        d.setDatabasePath(QStringLiteral("/data/events.sqlite"));
        QSignalSpy plan(&d, &ExperimentDesigner::planChanged);
        d.open(dir.filePath("faq.json"));
        QCOMPARE(d.state(), QStringLiteral("loading"));
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), QStringLiteral("loaded"), 5000);
        QVERIFY2(d.error().isEmpty(), qPrintable(d.error()));
        QCOMPARE(d.name(), QStringLiteral("faq"));
        QCOMPARE(d.recentFiles(), QStringList{dir.filePath("faq.json")});
        QCOMPARE(QSettings().value(ExperimentDesigner::kRecentKey).toStringList(),
                 QStringList{dir.filePath("faq.json")});
        QVERIFY(d.runCommand().startsWith("llm-optimizer experiment run "));
        QVERIFY(d.runCommand().endsWith(" --db /data/events.sqlite"));

        // Arms.
        const auto* arms = d.arms();
        QCOMPARE(arms->rowCount(), 2);
        QCOMPARE(role(*arms, 0, ExperimentArmModel::NameRole).toString(), QStringLiteral("terse"));
        QVERIFY(role(*arms, 0, ExperimentArmModel::ControlRole).toBool());
        QVERIFY(!role(*arms, 1, ExperimentArmModel::ControlRole).toBool());
        QCOMPARE(role(*arms, 1, ExperimentArmModel::ProviderRole).toString(),
                 QStringLiteral("anthropic"));
        QCOMPARE(role(*arms, 0, ExperimentArmModel::ParamsRole).toString(),
                 QStringLiteral("temperature 0.2 · max_tokens 64"));
        QCOMPARE(role(*arms, 1, ExperimentArmModel::VariablesRole).toStringList(),
                 (QStringList{"audience", "question"}));

        // The diff of the control with the other arm: removed before added.
        const auto* diff = d.promptDiff();
        QCOMPARE(diff->rowCount(), 3);
        QCOMPARE(role(*diff, 0, TemplateDiffModel::KindRole).toString(), QStringLiteral("removed"));
        QCOMPARE(role(*diff, 0, TemplateDiffModel::TextRole).toString(),
                 QStringLiteral("Question: {{question}}"));
        QCOMPARE(role(*diff, 1, TemplateDiffModel::KindRole).toString(), QStringLiteral("added"));
        QCOMPARE(role(*diff, 2, TemplateDiffModel::RightLineRole).toInt(), 2);
        QCOMPARE(diff->added(), 2);
        QCOMPARE(diff->removed(), 1);
        const auto* system = d.systemDiff();
        QCOMPARE(system->rowCount(), 2);
        QCOMPARE(role(*system, 0, TemplateDiffModel::KindRole).toString(), QStringLiteral("same"));
        QCOMPARE(role(*system, 1, TemplateDiffModel::KindRole).toString(), QStringLiteral("added"));
        QCOMPARE(role(*system, 1, TemplateDiffModel::TextRole).toString(),
                 QStringLiteral("Be kind."));
        // Swapped: what was added is removed.
        QSignalSpy diffChanged(&d, &ExperimentDesigner::diffChanged);
        d.setDiffArms(1, 0);
        QCOMPARE(diffChanged.count(), 1);
        QCOMPARE(role(*system, 1, TemplateDiffModel::KindRole).toString(),
                 QStringLiteral("removed"));
        d.setDiffArms(0, 0);
        QVERIFY(d.promptDiff()->identical());

        // Dataset: the item without "audience" is flagged, the rest shown.
        QCOMPARE(d.datasetItems(), 3);
        QCOMPARE(d.datasetFormat(), QStringLiteral("JSONL"));
        QCOMPARE(d.datasetPath(), dir.filePath("items.jsonl"));
        QVERIFY(d.datasetColumns().contains("audience"));
        QCOMPARE(d.itemsMissingVariables(), 1);
        QVERIFY(d.missingColumns().isEmpty());
        const auto* preview = d.datasetPreview();
        QCOMPARE(preview->columns(), (QStringList{"id", "question", "audience", "reference"}));
        QCOMPARE(preview->rowCount(), 3);
        QCOMPARE(role(*preview, 2, Qt::DisplayRole, 0).toString(), QStringLiteral("c"));
        QVERIFY(role(*preview, 2, DatasetPreviewModel::MissingRole, 2).toBool());
        QVERIFY(!role(*preview, 1, DatasetPreviewModel::MissingRole, 2).toBool());
        QCOMPARE(role(*preview, 1, Qt::DisplayRole, 3).toString(),
                 QStringLiteral("Within 30 days."));
        QCOMPARE(preview->headerData(2, Qt::Horizontal).toString(), QStringLiteral("audience"));

        // Metrics, primary marked.
        const QVariantList metrics = d.metrics();
        QCOMPARE(metrics.size(), 2);
        QVERIFY(metrics[0].toMap()["primary"].toBool());
        QVERIFY(metrics[0].toMap()["proportion"].toBool());
        QVERIFY(!metrics[1].toMap()["primary"].toBool());
        QCOMPARE(d.alpha(), 0.05);
        QCOMPARE(d.power(), 0.8);

        // The item lacking a variable is a validation problem: no plan, and
        // the problem names the dataset field or the arm's template.
        QTRY_VERIFY_WITH_TIMEOUT(!d.plan().isEmpty(), 5000);
        QVERIFY(!d.planning());
        QVERIFY2(d.plan()["problems"].toStringList().join(" ").contains("audience"),
                 qPrintable(d.plan()["problems"].toStringList().join("\n")));
    }

    void planIsComputedOffTheGuiThread()
    {
        QTemporaryDir dir;
        QByteArray definition = kDefinition;
        definition.replace("items.jsonl", "items.csv");
        writeFile(dir.filePath("faq.json"), definition);
        QByteArray csv = "id,audience,question,reference\n";
        for (int i = 0; i < 50; ++i)
            csv += "q" + QByteArray::number(i) + ",customer,Question number "
                + QByteArray::number(i) + "?,Answer " + QByteArray::number(i) + "\n";
        writeFile(dir.filePath("items.csv"), csv);

        ExperimentDesigner d(prices());
        // When the definition is shown, the plan is still being computed.
        bool planningWhenLoaded = false;
        connect(&d, &ExperimentDesigner::stateChanged, this, [&] {
            if (d.state() == QLatin1String("loaded"))
                planningWhenLoaded = d.planning();
        });
        QSignalSpy plan(&d, &ExperimentDesigner::planChanged);
        d.open(dir.filePath("faq.json"));
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), QStringLiteral("loaded"), 5000);
        QVERIFY2(d.issues().isEmpty(),
                 qPrintable(d.issues().value(0).toMap().value("message").toString()));
        QVERIFY(planningWhenLoaded);
        QTRY_VERIFY_WITH_TIMEOUT(!d.planning(), 5000);
        QVERIFY(plan.count() >= 2); // planning started, plan ready
        QVERIFY2(d.planBlocked().isEmpty(), qPrintable(d.planBlocked()));
        const QVariantMap p = d.plan();
        // 0.6 → 0.7 at α 0.05, power 0.8 needs more than the 50 items.
        QVERIFY(p["datasetTooSmall"].toBool());
        QCOMPARE(p["itemsPerArm"].toInt(), 50);
        QCOMPARE(p["datasetItems"].toInt(), 50);
        QVERIFY(p["requiredPerArm"].toInt() > 50);
        QVERIFY(p["plannedPower"].toDouble() < 0.8);
        QVERIFY(p.contains("detectableEffect"));
        QVERIFY(p["tooSmallText"].toString().contains("50 items"));
        // The unpriced arm: its cost and the total are unknown, never $0.
        QVERIFY(!p["costKnown"].toBool());
        QVERIFY(!p.contains("totalCost"));
        QVERIFY(p["totalCostText"].toString().startsWith("unknown"));
        const QVariantList arms = p["arms"].toList();
        QCOMPARE(arms.size(), 2);
        QVERIFY(arms[0].toMap()["costKnown"].toBool());
        QVERIFY(arms[0].toMap()["costText"].toString().startsWith("$"));
        QVERIFY(!arms[1].toMap()["costKnown"].toBool());
        QCOMPARE(arms[1].toMap()["costText"].toString(), QStringLiteral("unknown"));
        QVERIFY(p["tokens"].toDouble() > 0);
        QVERIFY(p["capText"].toString().contains("cannot be checked"));
        QVERIFY(p["problems"].toStringList().join(" ").contains("no-such-model"));
        QVERIFY(p["durationSeconds"].toDouble() > 0);
    }

    void invalidDefinitionNamesTheField()
    {
        QTemporaryDir dir;
        QByteArray definition = kDefinition;
        definition.replace("\"top_p\": 0.9", "\"top_p\": \"high\"");
        writeFile(dir.filePath("bad.json"), definition);
        ExperimentDesigner d(prices());
        d.open(dir.filePath("bad.json"));
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), QStringLiteral("failed"), 5000);
        QVERIFY2(d.error().contains("arms[1].params.top_p"), qPrintable(d.error()));
        QCOMPARE(d.issues().size(), 1);
        const QVariantMap issue = d.issues().constFirst().toMap();
        QCOMPARE(issue["field"].toString(), QStringLiteral("arms[1].params.top_p"));
        QCOMPARE(issue["section"].toString(), QStringLiteral("arms"));
        QVERIFY(issue["message"].toString().startsWith("must be"));
        QVERIFY(issue["fix"].toString().contains("arms[1].params.top_p"));
        QCOMPARE(d.arms()->rowCount(), 0);
        QVERIFY(!d.planBlocked().isEmpty());
        // The file exists, so it is remembered for when it is fixed.
        QCOMPARE(d.recentFiles().size(), 1);

        // A field the schema does not know, and a validation problem.
        definition = kDefinition;
        definition.replace("\"alpha_\"", "");
        definition.replace("\"spend_cap_usd\": 2.0", "\"spend_cap_usd\": 2.0, \"temprature\": 1");
        writeFile(dir.filePath("typo.json"), definition);
        d.open(dir.filePath("typo.json"));
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), QStringLiteral("failed"), 5000);
        QCOMPARE(d.issues().constFirst().toMap()["field"].toString(), QStringLiteral("temprature"));

        definition = kDefinition;
        definition.replace("\"baseline_rate\": 0.6", "\"alpha\": 0.9");
        writeFile(dir.filePath("alpha.json"), definition);
        writeFile(dir.filePath("items.jsonl"), kDataset);
        d.open(dir.filePath("alpha.json"));
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), QStringLiteral("loaded"), 5000);
        bool found = false;
        for (const QVariant& v : d.issues())
            if (v.toMap()["field"] == QStringLiteral("alpha")) {
                found = true;
                QCOMPARE(v.toMap()["section"].toString(), QStringLiteral("metrics"));
            }
        QVERIFY(found);
        QVERIFY(!d.planBlocked().isEmpty());
        QVERIFY(!d.planning());

        // A missing dataset is shown on the dataset, with the path tried.
        QFile::remove(dir.filePath("items.jsonl"));
        d.reload();
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), QStringLiteral("loaded"), 5000);
        QVERIFY(!d.datasetError().isEmpty());
        QCOMPARE(d.datasetItems(), -1);
        QCOMPARE(d.issues().constFirst().toMap()["section"].toString(), QStringLiteral("dataset"));

        // A file that does not exist.
        d.open(dir.filePath("nowhere.json"));
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), QStringLiteral("failed"), 5000);
        QVERIFY(d.error().contains("nowhere.json"));
        QVERIFY(!d.recentFiles().contains(dir.filePath("nowhere.json")));
    }

    void newFromExampleWritesAStarterThatPlans()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("new/faq.json");
        ExperimentDesigner d(prices(true));
        QCOMPARE(d.createFromExample(path), QString());
        QVERIFY(QFile::exists(dir.filePath("new/faq.csv")));
        QTRY_COMPARE_WITH_TIMEOUT(d.state(), QStringLiteral("loaded"), 5000);
        QVERIFY2(d.issues().isEmpty(),
                 qPrintable(d.issues().value(0).toMap().value("message").toString()));
        QTRY_VERIFY_WITH_TIMEOUT(!d.plan().isEmpty(), 5000);
        QVERIFY(d.plan()["costKnown"].toBool());
        QVERIFY(d.plan()["totalCostText"].toString().startsWith("$"));
        QVERIFY(!d.plan()["overCap"].toBool());
        QCOMPARE(d.metrics().size(), 7);
        // Never overwritten.
        QVERIFY(d.createFromExample(path).contains("exists"));
        // The most recent file opens again in a new session.
        ExperimentDesigner again(prices());
        again.openMostRecent();
        QTRY_COMPARE_WITH_TIMEOUT(again.state(), QStringLiteral("loaded"), 5000);
        QCOMPARE(again.path(), path);
    }

    void issueTextsAreSplitIntoFieldAndFix()
    {
        const QVariantMap a
            = ExperimentDesigner::issueFrom("faq.json: arms[0].prompt is missing", "faq.json");
        QCOMPARE(a["field"].toString(), QStringLiteral("arms[0].prompt"));
        QCOMPARE(a["message"].toString(), QStringLiteral("is missing"));
        QVERIFY(a["fix"].toString().startsWith("Add"));
        const QVariantMap b = ExperimentDesigner::issueFrom(
            "faq.json: not valid JSON (parse error at byte 3)", "faq.json");
        QVERIFY(b["field"].toString().isEmpty());
        QCOMPARE(b["section"].toString(), QStringLiteral("definition"));
        const QVariantMap c
            = ExperimentDesigner::issueFrom("metrics[2].pattern: not a valid regex", QString());
        QCOMPARE(c["field"].toString(), QStringLiteral("metrics[2].pattern"));
        QCOMPARE(c["section"].toString(), QStringLiteral("metrics"));
        QCOMPARE(
            ExperimentDesigner::issueFrom("concurrency: must lie between 1 and 256", {})["section"]
                .toString(),
            QStringLiteral("plan"));
    }
};

QTEST_GUILESS_MAIN(TestExperimentDesigner)
#include "tst_experiment_designer.moc"
