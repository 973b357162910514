#include "decision_engine.h"
#include "experiment_analyzer.h"
#include "llm_event.h"
#include "stream_processor.h"

#include <QTest>
#include <nlohmann/json.hpp>
#include <random>

using namespace llmopt;

namespace {

constexpr int64_t kMinute = 60'000'000'000LL;

// `minutes` one-minute windows of a variant: `perMinute` calls of the given
// quality and cost, latency around `latencyMs`.
void feed(DecisionEngine& engine, const std::string& variant, int minutes, int perMinute,
          double quality, double cost, double latencyMs, uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0, 0.1);
    for (int m = 0; m < minutes; ++m) {
        WindowResult w;
        w.key = "chat/" + variant;
        w.startUnixNano = m * kMinute;
        w.endUnixNano = (m + 1) * kMinute;
        for (int i = 0; i < perMinute; ++i) {
            LlmEvent e;
            e.timeUnixNano = w.startUnixNano + i * (kMinute / perMinute);
            e.latencyMs = latencyMs * (1 + 0.2 * noise(rng));
            e.costUsd = cost * (1 + noise(rng));
            e.evaluations.push_back({"grader", std::clamp(quality + noise(rng), 0.0, 1.0)});
            w.stats.add(e);
        }
        engine.add(w);
    }
}

} // namespace

class TestDecisionEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The cheap variant is as good within 2 %: move the traffic there, and
    // say what that saves a month.
    void recommendsTheCheapestWithinTolerance()
    {
        DecisionEngine engine;
        feed(engine, "v-expensive", 60, 60, 0.85, 0.010, 2000, 1);
        feed(engine, "v-cheap", 60, 20, 0.845, 0.001, 1500, 2);
        feed(engine, "v-bad", 60, 20, 0.60, 0.0005, 1000, 3);
        const auto views = engine.services();
        QCOMPARE(views.size(), size_t(1));
        const auto& v = views.front();
        QCOMPARE(v.candidates[*v.incumbent].variantId, std::string("v-expensive"));
        QCOMPARE(v.candidates[*v.choice.index].variantId, std::string("v-cheap"));
        // 60 + 20 + 20 calls a minute → 4.32M a month; moving 60 × 43,200 calls a
        // month from 0.010 to 0.001 and 20 × 43,200 from 0.0005 to 0.001.
        const double expected = 60 * 43200 * 0.009 - 20 * 43200 * 0.0005;
        QVERIFY2(std::abs(v.choice.monthlySavingsUsd.value - expected) < 0.05 * expected,
                 std::to_string(v.choice.monthlySavingsUsd.value).c_str());
        const auto recs = engine.recommendations({}, 7);
        QCOMPARE(recs.size(), size_t(1));
        QCOMPARE(recs[0].strategy, std::string("pareto"));
        QCOMPARE(recs[0].fromVariant, std::string("v-expensive"));
        QCOMPARE(recs[0].toVariant, std::string("v-cheap"));
        QVERIFY(recs[0].impact["cost_usd"]["value"].get<double>() < 0);
        QVERIFY(recs[0].impact["monthly_savings_usd"]["low"].get<double>() > 0);
        const nlohmann::json j = DecisionEngine::toJson(views, {{"v-cheap", "mini"}});
        QCOMPARE(j[0]["choice"].get<std::string>(), std::string("v-cheap"));
        bool badOnFront = true;
        for (const auto& variant : j[0]["variants"]) {
            if (variant["variant_id"] == "v-cheap")
                QCOMPARE(variant["variant_name"].get<std::string>(), std::string("mini"));
            if (variant["variant_id"] == "v-bad")
                badOnFront = variant["on_front"].get<bool>();
        }
        QVERIFY(badOnFront); // cheapest and fastest: on the front, though far too poor
    }

    void sloAndToleranceHold()
    {
        DecisionEngine::Options o;
        o.latencySloMs["chat"] = 1000; // only v-expensive... none meet it
        DecisionEngine strict(o);
        feed(strict, "v-expensive", 30, 60, 0.85, 0.010, 2000, 1);
        feed(strict, "v-cheap", 30, 20, 0.845, 0.001, 1500, 2);
        QVERIFY(strict.recommendations({}, 1).empty());
        QVERIFY(!strict.services().front().choice.index);

        DecisionEngine tight({60, 0.001, {}, 100, 1.0}); // no quality loss allowed
        feed(tight, "v-expensive", 30, 60, 0.85, 0.010, 2000, 1);
        feed(tight, "v-cheap", 30, 20, 0.80, 0.001, 1500, 2);
        QVERIFY(tight.recommendations({}, 1).empty());

        DecisionEngine thin; // too few scored calls to place a variant
        feed(thin, "v-cheap", 2, 20, 0.8, 0.001, 1500, 2);
        QVERIFY(thin.services().empty());
    }

    void experimentWinnerIsRecommended()
    {
        ExperimentResult x;
        x.key = "chat.prompt";
        x.service = "chat";
        x.control = "v3";
        x.verdict = "winner";
        x.winner = "v4";
        x.verdictDetail = "v4 is better";
        ArmResult control, candidate;
        control.name = "v3";
        candidate.name = "v4";
        candidate.comparison = ArmComparison{};
        candidate.comparison->difference = 0.04;
        candidate.comparison->interval = {0.02, 0.06};
        x.arms = {control, candidate};
        DecisionEngine engine;
        const auto recs = engine.recommendations({x}, 3);
        QCOMPARE(recs.size(), size_t(1));
        QCOMPARE(recs[0].strategy, std::string("experiment"));
        QCOMPARE(recs[0].toVariant, std::string("v4"));
        QCOMPARE(recs[0].impact["quality"]["low"].get<double>(), 0.02);
    }
};

QTEST_GUILESS_MAIN(TestDecisionEngine)
#include "tst_decision_engine.moc"
