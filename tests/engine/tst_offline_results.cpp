#include "event_store.h"
#include "experiment_definition.h"
#include "offline_results.h"

#include <QTest>
#include <nlohmann/json.hpp>

using namespace llmopt;
using namespace llmopt::offline;
using nlohmann::json;

namespace {

ExperimentDefinition definition(const std::vector<std::string>& arms, bool withJudge = false)
{
    json j = {{"schema_version", 1},
              {"name", "faq"},
              {"dataset", {{"path", "faq.jsonl"}}},
              {"metrics", json::array({{{"kind", "exact_match"}}, {{"kind", "length_chars"}}})},
              {"primary_metric", "exact_match"},
              {"minimum_effect", 0.1}};
    if (withJudge)
        j["metrics"].push_back({{"kind", "judge"},
                                {"provider", "openai"},
                                {"model", "gpt-4o"},
                                {"rubric", "Grade {{answer}}. Score: N/10"}});
    for (const std::string& name : arms)
        j["arms"].push_back({{"name", name},
                             {"provider", "openai"},
                             {"model", "gpt-4o-mini"},
                             {"prompt", "Q: {{question}}"}});
    return ExperimentDefinition::fromJson(j);
}

// `correct` of `n` items answered exactly, the first ones; lengths 10 + i % 7.
void addArm(std::vector<ExperimentItemResult>& rows, const std::string& arm, int correct, int n)
{
    for (int i = 0; i < n; ++i) {
        ExperimentItemResult r;
        r.experimentId = 1;
        r.arm = arm;
        r.itemId = "item-" + std::to_string(i);
        r.status = "ok";
        r.scores = {{"exact_match", i < correct ? 1 : 0}, {"length_chars", 10 + i % 7}};
        rows.push_back(r);
    }
}

} // namespace

class TestOfflineResults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fortyVersusSixtyAsR()
    {
        std::vector<ExperimentItemResult> rows;
        addArm(rows, "a", 40, 100);
        addArm(rows, "b", 60, 100);
        const OfflineResults r = OfflineResults::compute(definition({"a", "b"}), rows, 1);

        const MetricSummary* a = r.summary("a", "exact_match");
        QVERIFY(a);
        QCOMPARE(a->n, uint64_t(100));
        QCOMPARE(a->mean, 0.4);
        // Wilson 40/100: R prop.test(40, 100, correct = FALSE)$conf.int
        QVERIFY(std::abs(a->interval.low - 0.309416) < 1e-4);
        QVERIFY(std::abs(a->interval.high - 0.497974) < 1e-4);

        const MetricComparison* c = r.comparison("b", "exact_match");
        QVERIFY(c);
        QCOMPARE(c->test.difference, 0.2);
        // R: prop.test(c(60, 40), c(100, 100), correct = FALSE)$p.value = 0.004677735
        QVERIFY2(std::abs(c->test.pValue - 0.004678) < 5e-5, c->test.method.c_str());
        // Newcombe's hybrid score interval (method 10) from the two Wilson intervals.
        QVERIFY(std::abs(c->test.interval.low - 0.061443) < 1e-3);
        QVERIFY(std::abs(c->test.interval.high - 0.328106) < 1e-3);
        QCOMPARE(c->holmP, c->test.pValue); // one comparison: nothing to adjust
        QVERIFY(c->significant);
        QVERIFY(c->better);
        QVERIFY(c->alwaysValidP >= c->test.pValue); // the price of peeking
        QVERIFY(c->alwaysValidP <= 1.0);
        QCOMPARE(QString::fromStdString(c->test.effectSizeName), QStringLiteral("Cohen's h"));

        QCOMPARE(QString::fromStdString(r.verdict.kind), QStringLiteral("winner"));
        QCOMPARE(QString::fromStdString(r.verdict.winner), QStringLiteral("b"));
        QCOMPARE(r.disagreements.size(), size_t(20)); // items 40–59
        QCOMPARE(QString::fromStdString(r.disagreements.front().itemId), QStringLiteral("item-40"));

        // Length is continuous (Welch) and lower is better.
        const MetricComparison* length = r.comparison("b", "length_chars");
        QVERIFY(length);
        QVERIFY(QString::fromStdString(length->test.method).contains("Welch"));
        QVERIFY(!length->significant);

        const json j = r.toJson();
        QCOMPARE(j["schema_version"].get<int>(), 1);
        QCOMPARE(j["verdict"]["winner"].get<std::string>(), std::string("b"));
        QCOMPARE(j["arms"].size(), size_t(2));
        QCOMPARE(j["comparisons"].size(), size_t(2));
        QCOMPARE(j["disagreements"].size(), size_t(20));
        QVERIFY(j["comparisons"][0]["holm_p_value"].is_number());
        QVERIFY(!r.toText().empty());
    }

    void noWinnerWhenEqual()
    {
        std::vector<ExperimentItemResult> rows;
        addArm(rows, "a", 50, 100);
        addArm(rows, "b", 50, 100);
        const OfflineResults r = OfflineResults::compute(definition({"a", "b"}), rows, 1);
        QCOMPARE(QString::fromStdString(r.verdict.kind),
                 QStringLiteral("no_significant_difference"));
        QVERIFY(r.verdict.winner.empty());
        QVERIFY(r.verdict.achievedPower);
        // R: power.prop.test(n = 100, p1 = 0.5, p2 = 0.6)$power = 0.2963
        QVERIFY(std::abs(*r.verdict.achievedPower - 0.2963) < 0.01);
        QVERIFY(r.verdict.detectableEffect);
        QVERIFY(*r.verdict.detectableEffect > 0.1);
        QVERIFY(r.disagreements.empty());
        QVERIFY(QString::fromStdString(r.verdict.text).contains("power"));
    }

    // Only a winner becomes a proposal to roll out, carrying the arms' definitions.
    void winnerBecomesALiveRecommendation()
    {
        std::vector<ExperimentItemResult> rows;
        addArm(rows, "a", 40, 100);
        addArm(rows, "b", 60, 100);
        const ExperimentDefinition d = definition({"a", "b"});
        const auto rec = OfflineResults::compute(d, rows, 7).liveRecommendation(d, "faq-bot", 5);
        QVERIFY(rec);
        QCOMPARE(rec->strategy, std::string("offline_experiment"));
        QCOMPARE(rec->action, std::string("switch"));
        QCOMPARE(rec->service, std::string("faq-bot"));
        QCOMPARE(rec->fromVariant, std::string("a"));
        QCOMPARE(rec->toVariant, std::string("b"));
        QVERIFY(std::abs(rec->impact["exact_match"]["value"].get<double>() - 0.2) < 1e-9);
        QCOMPARE(rec->evidence["experiment_id"].get<int64_t>(), int64_t(7));
        const json& variants = rec->evidence["variants"];
        QCOMPARE(variants.size(), size_t(2));
        QCOMPARE(variants[1]["model"].get<std::string>(), std::string("gpt-4o-mini"));
        QCOMPARE(variants[1]["params"]["prompt_template"].get<std::string>(),
                 std::string("Q: {{question}}"));

        std::vector<ExperimentItemResult> equal;
        addArm(equal, "a", 50, 100);
        addArm(equal, "b", 50, 100);
        QVERIFY(!OfflineResults::compute(d, equal, 7).liveRecommendation(d, "faq-bot", 5));
    }

    void worseArmIsNoWinner()
    {
        std::vector<ExperimentItemResult> rows;
        addArm(rows, "a", 60, 100);
        addArm(rows, "b", 40, 100);
        const OfflineResults r = OfflineResults::compute(definition({"a", "b"}), rows, 1);
        QCOMPARE(QString::fromStdString(r.verdict.kind), QStringLiteral("control_better"));
        QVERIFY(r.verdict.winner.empty());
    }

    void holmAcrossThreeArms()
    {
        std::vector<ExperimentItemResult> rows;
        addArm(rows, "a", 40, 100);
        addArm(rows, "b", 60, 100);
        addArm(rows, "c", 50, 100);
        const OfflineResults r = OfflineResults::compute(definition({"a", "b", "c"}), rows, 1);
        const MetricComparison* b = r.comparison("b", "exact_match");
        const MetricComparison* c = r.comparison("c", "exact_match");
        QVERIFY(b && c);
        // R: p.adjust(c(0.004677735, 0.1551999), "holm") = 0.009355 0.155200
        QVERIFY(std::abs(b->holmP - 2 * b->test.pValue) < 1e-12);
        QVERIFY(std::abs(b->holmP - 0.009355) < 1e-4);
        QVERIFY(std::abs(c->test.pValue - 0.1552) < 1e-3);
        QCOMPARE(c->holmP, c->test.pValue);
        QVERIFY(b->significant);
        QVERIFY(!c->significant);
        QCOMPARE(QString::fromStdString(r.verdict.winner), QStringLiteral("b"));
    }

    void errorsAndJudgeScores()
    {
        std::vector<ExperimentItemResult> rows;
        addArm(rows, "a", 5, 30);
        addArm(rows, "b", 25, 30);
        for (ExperimentItemResult& row : rows)
            row.scores["judge"] = row.arm == "a" ? 0.3 + 0.01 * (row.itemId.size() % 3) : 0.9;
        ExperimentItemResult failed;
        failed.experimentId = 1;
        failed.arm = "b";
        failed.itemId = "item-99";
        failed.status = "error: 400 bad request";
        rows.push_back(failed);
        const OfflineResults r = OfflineResults::compute(definition({"a", "b"}, true), rows, 1);
        QCOMPARE(r.arms[1].items, uint64_t(31));
        QCOMPARE(r.arms[1].errors, uint64_t(1));
        QCOMPARE(r.summary("b", "exact_match")->n, uint64_t(30));
        const MetricComparison* judge = r.comparison("b", "judge");
        QVERIFY(judge);
        QVERIFY2(QString::fromStdString(judge->test.method).contains("Mann"),
                 judge->test.method.c_str());
        QVERIFY(judge->significant);
    }

    void tooFewItems()
    {
        std::vector<ExperimentItemResult> rows;
        addArm(rows, "a", 1, 1);
        const OfflineResults r = OfflineResults::compute(definition({"a", "b"}), rows, 1);
        QCOMPARE(QString::fromStdString(r.verdict.kind), QStringLiteral("insufficient_data"));
        QVERIFY(r.toJson()["verdict"]["winner"].is_null());
    }
};

QTEST_GUILESS_MAIN(TestOfflineResults)
#include "tst_offline_results.moc"
