#include "experiment_dataset.h"
#include "experiment_definition.h"
#include "experiment_plan.h"
#include "power_analysis.h"
#include "price_table.h"

#include <QTest>

// Not all of llmopt: it has a (live) ExperimentPlan of its own.
using namespace llmopt::offline;
using llmopt::ConfigError;
using llmopt::powerTwoProportions;
using llmopt::PriceTable;
using llmopt::sampleSizeTwoProportions;
using nlohmann::json;

namespace {

const std::string kQuestion(37, 'q'); // 37 characters: 10 tokens

json definitionJson()
{
    return {{"schema_version", 1},
            {"name", "plan"},
            {"arms",
             {{{"name", "control"},
               {"model", "cheap"},
               {"system", "Be brief"}, // 8 characters: 2 tokens
               {"prompt", "Q: {{question}}"}, // 40 characters: 10 tokens
               {"params", {{"max_tokens", 100}}}},
              {{"name", "candidate"}, {"model", "pricey"}, {"prompt", "{{question}}"}}}},
            {"dataset", {{"path", "items.csv"}}},
            {"metrics", {{{"kind", "exact_match"}}}},
            {"minimum_effect", 0.1},
            {"concurrency", 4}};
}

ExperimentDataset dataset(size_t items)
{
    std::string csv = "question,reference\n";
    for (size_t i = 0; i < items; ++i)
        csv += kQuestion + ",a\n";
    return ExperimentDataset::parse(csv, ExperimentDataset::Format::Csv, "items.csv");
}

PriceTable prices()
{
    PriceTable table;
    table.setPrice({"cheap", "p", 1.0, 2.0, {}, {}, "2025-01-01", "test"});
    table.setPrice({"pricey", "p", 10.0, 30.0, {}, {}, "2025-01-01", "test"});
    return table;
}

ExperimentPlan planOf(const json& j, size_t items)
{
    const ExperimentDefinition d = ExperimentDefinition::fromJson(j);
    const ExperimentDataset data = dataset(items);
    const std::vector<std::string> problems = d.validate(&data);
    if (!problems.empty())
        qWarning("definition problem: %s", problems.front().c_str());
    return ExperimentPlan::compute(d, data, prices());
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9 * std::max(1.0, std::abs(b));
}

// All lines, for failure messages.
std::string joined(const std::vector<std::string>& lines)
{
    std::string out;
    for (const std::string& l : lines)
        out += l + "\n";
    return out;
}

bool among(const std::vector<std::string>& lines, const std::string& part)
{
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

} // namespace

class TestExperimentPlan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // R: power.prop.test(p1 = .5, p2 = .6, power = .8) gives n = 387.3 → 388 per arm.
    void proportionPrimaryMatchesR()
    {
        const ExperimentPlan plan = planOf(definitionJson(), 1000);
        QCOMPARE(plan.requiredPerArm, uint64_t(388));
        QCOMPARE(plan.itemsPerArm, uint64_t(388));
        QVERIFY(!plan.datasetTooSmall);
        QVERIFY(plan.plannedPower >= 0.8 && plan.plannedPower < 0.802);
        QVERIFY(plan.method.find("power.prop.test") != std::string::npos);
        QVERIFY(among(plan.notes, "baseline rate 0.50 (the default; set baseline_rate)"));
        QVERIFY2(plan.problems.empty(), joined(plan.problems).c_str());
    }

    // R: power.t.test(delta = .5, sd = 1, power = .8) gives n = 63.77 → 64 per arm.
    void continuousPrimaryMatchesR()
    {
        json j = definitionJson();
        j["metrics"].push_back({{"kind", "judge"}, {"model", "cheap"}, {"rubric", "{{answer}}!"}});
        j["primary_metric"] = "judge";
        j["minimum_effect"] = 0.5;
        j["standard_deviation"] = 1.0;
        const ExperimentPlan plan = planOf(j, 1000);
        QCOMPARE(plan.requiredPerArm, uint64_t(64));
        QVERIFY(plan.method.find("power.t.test") != std::string::npos);
        // Each answer is judged: twice the calls. The judge reads "!" (1 token)
        // and an answer of the arm's output tokens, and answers in 128.
        QCOMPARE(plan.calls, uint64_t(2 * 64 * 2));
        QVERIFY(near(*plan.arms[0].judgeCostUsd, 64 * (101 * 1.0 + 128 * 2.0) / 1e6));
        QVERIFY(near(*plan.arms[1].judgeCostUsd, 64 * (257 * 1.0 + 128 * 2.0) / 1e6));
        QVERIFY(
            near(*plan.arms[0].costUsd, *plan.arms[0].callCostUsd + *plan.arms[0].judgeCostUsd));
    }

    void tokensCostAndDuration()
    {
        const ExperimentPlan plan = planOf(definitionJson(), 1000);
        QCOMPARE(plan.arms.size(), size_t(2));
        const ArmPlan& control = plan.arms[0];
        QCOMPARE(control.inputTokensPerCall, 12.0);
        QCOMPARE(control.outputTokensPerCall, int64_t(100));
        QVERIFY(control.outputFromMaxTokens);
        QVERIFY(near(*control.callCostUsd, 388 * (12 * 1.0 + 100 * 2.0) / 1e6));
        QCOMPARE(*control.judgeCostUsd, 0.0);
        const ArmPlan& candidate = plan.arms[1];
        QCOMPARE(candidate.inputTokensPerCall, 10.0);
        QCOMPARE(candidate.outputTokensPerCall, int64_t(256));
        QVERIFY(!candidate.outputFromMaxTokens);
        QVERIFY(among(plan.notes, "arm \"candidate\": no max_tokens; output assumed 256 tokens"));
        QVERIFY(near(*candidate.costUsd, 388 * (10 * 10.0 + 256 * 30.0) / 1e6));
        QVERIFY(near(*plan.totalCostUsd, *control.costUsd + *candidate.costUsd));
        QCOMPARE(plan.calls, uint64_t(776));
        QVERIFY(near(plan.durationSeconds, 776 * 2.0 / 4)); // 2 s per call, 4 at once
        QVERIFY(among(plan.notes, "duration assumes 2000 ms per call with 4 calls at once"));

        const json j = plan.toJson();
        QCOMPARE(j["items_per_arm"].get<int>(), 388);
        QCOMPARE(j["arms"][1]["output_tokens_from"].get<std::string>(), std::string("default"));
        QCOMPARE(j["total_cost_usd"].get<double>(), *plan.totalCostUsd);
        QVERIFY(j["detectable_effect"].is_null());
    }

    void tooSmallADatasetSaysWhatItGives()
    {
        const ExperimentPlan plan = planOf(definitionJson(), 100);
        QCOMPARE(plan.requiredPerArm, uint64_t(388));
        QCOMPARE(plan.itemsPerArm, uint64_t(100));
        QVERIFY(plan.datasetTooSmall);
        QVERIFY(near(plan.plannedPower, powerTwoProportions(0.5, 0.6, 100, 0.05)));
        QVERIFY(plan.plannedPower < 0.35);
        QVERIFY2(among(plan.problems,
                       "the dataset has 100 items, but power 0.80 needs 388 per "
                       "arm; with all of them the power is 0.29"),
                 joined(plan.problems).c_str());
        // The effect that 100 items per arm do find with power 0.8.
        QVERIFY(plan.detectableEffect);
        QVERIFY(std::abs(powerTwoProportions(0.5, 0.5 + *plan.detectableEffect, 100, 0.05) - 0.8)
                < 1e-6);
        QVERIFY(among(plan.problems, "raise minimum_effect to 0.19"));
    }

    void moreArmsSplitAlpha()
    {
        json j = definitionJson();
        j["arms"].push_back({{"name", "third"}, {"model", "cheap"}, {"prompt", "{{question}}"}});
        const ExperimentPlan plan = planOf(j, 5000);
        QCOMPARE(plan.requiredPerArm, sampleSizeTwoProportions(0.5, 0.6, 0.025, 0.8));
        QVERIFY(plan.requiredPerArm > 388);
        QVERIFY(plan.method.find("α split over 2 comparisons") != std::string::npos);
        QCOMPARE(plan.calls, 3 * plan.itemsPerArm);
    }

    void unknownPriceIsNeverZero()
    {
        json j = definitionJson();
        j["arms"][1]["model"] = "mystery-model";
        const ExperimentPlan plan = planOf(j, 1000);
        QVERIFY(plan.arms[0].costUsd);
        QVERIFY(!plan.arms[1].callCostUsd);
        QVERIFY(!plan.arms[1].costUsd);
        QVERIFY(!plan.totalCostUsd);
        QVERIFY(among(plan.problems,
                      "no price for \"mystery-model\" (arm \"candidate\"): the "
                      "cost is unknown, not $0"));
        QVERIFY(plan.toJson()["total_cost_usd"].is_null());
    }

    void spendCapIsChecked()
    {
        json j = definitionJson();
        j["spend_cap_usd"] = 1.0;
        const ExperimentPlan plan = planOf(j, 1000);
        QVERIFY(among(plan.problems, "the estimated cost $3.10 exceeds the spend cap $1.00"));
        j["spend_cap_usd"] = 10.0;
        QVERIFY(planOf(j, 1000).problems.empty());
    }

    void itemsThatCannotRenderAreReported()
    {
        const ExperimentDefinition d = ExperimentDefinition::fromJson(definitionJson());
        const auto data = ExperimentDataset::parse(
            "{\"question\": \"a\"}\n{\"id\": \"x-2\", \"other\": 1}\n{\"question\": \"b\"}\n",
            ExperimentDataset::Format::Jsonl, "items.jsonl");
        const ExperimentPlan plan = ExperimentPlan::compute(d, data, prices());
        QCOMPARE(plan.itemsPerArm, uint64_t(3));
        QVERIFY(among(plan.problems, "item \"x-2\""));
        QVERIFY(among(plan.problems, "(arm \"candidate\")"));
        QCOMPARE(plan.arms[1].inputTokensPerCall, 1.0); // over the two that render
    }
};

QTEST_GUILESS_MAIN(TestExperimentPlan)
#include "tst_experiment_plan.moc"
