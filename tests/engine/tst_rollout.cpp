#include "rollout.h"
#include "support/rollout_steps.h"

#include <QTest>
#include <nlohmann/json.hpp>

using namespace llmopt;
using namespace rollout_steps;
using V = Verdict;

namespace {

Rollout standard()
{
    return Rollout("chat", "gpt-4o/v3", "gpt-4o-mini/v3", standardPlan(), Guardrails{});
}

} // namespace

class TestRollout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // 1 → 5 → 25 → 50 %, each judged; a confirmation; then 100 %.
    void standardPlanToPromotion()
    {
        Rollout r = standard();
        QVERIFY(r.start(0).changed);
        QCOMPARE(r.advance(seen(1, 0)).weight, 1);
        QVERIFY(!r.advance(seen(2, 100, V::Pass)).changed); // fewer than 200 canary calls
        uint64_t samples = 0;
        for (int weight : {5, 25, 50}) {
            samples += 300;
            const auto t = r.advance(seen(10, samples, V::Pass));
            QCOMPARE(t.weight, weight);
        }
        samples += 300;
        const auto paused = r.advance(seen(20, samples, V::Pass));
        QCOMPARE(r.phase(), Rollout::Phase::Paused);
        QVERIFY(paused.message.find("until an operator confirms") != std::string::npos);
        QVERIFY(!r.advance(seen(21, samples + 500, V::Pass)).changed); // waits for the operator
        QVERIFY(r.confirm(22).changed);
        const auto done = r.advance(seen(23, samples + 500));
        QCOMPARE(r.phase(), Rollout::Phase::Promoted);
        QCOMPARE(done.weight, 100);
    }

    void failedAnalysisRollsBack()
    {
        Rollout r = standard();
        r.start(0);
        r.advance(seen(1, 0));
        r.advance(seen(2, 300, V::Pass)); // → 5 %
        QCOMPARE(r.weight(), 5);
        const auto t = r.advance(seen(3, 600, V::Fail));
        QCOMPARE(r.phase(), Rollout::Phase::RolledBack);
        QCOMPARE(t.weight, 0);
        QVERIFY(t.message.find("analysis failed at 5 %") != std::string::npos);
        QVERIFY(!r.advance(seen(4, 900, V::Pass)).changed); // stays rolled back
    }

    void guardrailOverridesThePlan()
    {
        Rollout r = standard();
        r.start(0);
        r.advance(seen(1, 0));
        RolloutObservation bad = seen(2, 50);
        bad.canaryErrorRate = 0.35;
        const auto t = r.advance(bad);
        QCOMPARE(r.phase(), Rollout::Phase::RolledBack);
        QVERIFY(t.message.find("guardrail: canary error rate") != std::string::npos);
    }

    void inconclusiveTwicePauses()
    {
        Rollout r = standard();
        r.start(0);
        r.advance(seen(1, 0));
        QVERIFY(r.advance(seen(2, 300, V::Inconclusive)).message.find("judging again")
                != std::string::npos);
        QCOMPARE(r.phase(), Rollout::Phase::Progressing);
        r.advance(seen(3, 600, V::Marginal));
        QCOMPARE(r.phase(), Rollout::Phase::Paused);
        QCOMPARE(r.weight(), 1); // never ahead without a verdict
        r.confirm(4);
        QCOMPARE(r.advance(seen(5, 900, V::Pass)).weight, 5);
    }

    void plansAreValidated()
    {
        RolloutPlan jump;
        jump.steps = {{RolloutStep::Kind::SetWeight, 60}, {RolloutStep::Kind::SetWeight, 100}};
        QVERIFY(jump.validate(Guardrails{}).find("more than the guardrail's 50 points")
                != std::string::npos);
        RolloutPlan shortPlan;
        shortPlan.steps = {{RolloutStep::Kind::SetWeight, 20}};
        QVERIFY(shortPlan.validate(Guardrails{}).find("must be 100") != std::string::npos);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 Rollout("chat", "a", "b", shortPlan, Guardrails{}));
        QVERIFY(RolloutPlan::standard().validate(Guardrails{}).empty());
    }

    // The state survives a restart, and the restart holds or rolls back.
    void persistedStateResumesSafely()
    {
        Rollout r = standard();
        r.start(0);
        r.advance(seen(1, 0));
        r.advance(seen(2, 300, V::Pass)); // 5 %
        const Rollout back = Rollout::fromJson(r.toJson());
        QVERIFY(back.toJson() == r.toJson());
        const Rollout held = back.resumed(100);
        QCOMPARE(held.phase(), Rollout::Phase::Paused);
        QCOMPARE(held.weight(), 5);
        QVERIFY(held.lastMessage().find("resumed after a restart") != std::string::npos);

        RolloutPlan tolerant = standardPlan();
        tolerant.failureLimit = 1;
        Rollout shaky("chat", "a", "b", tolerant, Guardrails{});
        shaky.start(0);
        shaky.advance(seen(1, 0));
        shaky.advance(seen(2, 300, V::Fail)); // within the limit: judged again
        QCOMPARE(shaky.phase(), Rollout::Phase::Progressing);
        const Rollout afterCrash = Rollout::fromJson(shaky.toJson()).resumed(10);
        QCOMPARE(afterCrash.phase(), Rollout::Phase::RolledBack);
        QCOMPARE(afterCrash.weight(), 0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Rollout::fromJson(nlohmann::json{}));
    }

    void abortStopsEverything()
    {
        Rollout r = standard();
        r.start(0);
        r.advance(seen(1, 0));
        QVERIFY(r.abort(2, "operator").changed);
        QCOMPARE(r.phase(), Rollout::Phase::Aborted);
        QCOMPARE(r.weight(), 0);
        QVERIFY(!r.confirm(3).changed);
    }
};

QTEST_GUILESS_MAIN(TestRollout)
#include "tst_rollout.moc"
