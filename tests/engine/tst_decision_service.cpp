#include "decision_service.h"
#include "llm_event.h"

#include <QTest>

using namespace llmopt;

namespace {

RoutingConfig service(const std::string& name)
{
    RoutingConfig c;
    c.service = name;
    c.taskTypes = {"faq"};
    c.reward.perUsd = 10;
    c.variants = {{"big", "gpt-4o", "v1", {{"temperature", 0.2}}}, {"small", "gpt-4o-mini", "v1"}};
    return c;
}

} // namespace

class TestDecisionService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Ids are unique across services and route feedback back to the right router.
    void decisionsFeedbackAndLog()
    {
        DecisionService decisions({service("chat"), service("search")});
        const auto a = decisions.decide("chat", {"faq", 300, 9.0}, 100);
        const auto b = decisions.decide("search", {"faq", 300, 9.0}, 101);
        QVERIFY(a && b);
        QVERIFY(a->id != b->id);
        QVERIFY(a->variant->name == "big" || a->variant->name == "small");
        QVERIFY(!decisions.decide("unknown", {}, 102));
        QVERIFY(decisions.feedback(b->id, 0.9, 0.001, 500, 200));
        QVERIFY(!decisions.feedback(b->id, 0.9, 0.001, 500, 201)); // once
        QVERIFY(!decisions.feedback(b->id + 5, 0.9, 0.001, 500, 202)); // no such service

        // Feedback as telemetry: a stored call carrying the decision id.
        LlmEvent call;
        call.attributes = {{DecisionService::kDecisionAttribute, std::to_string(a->id)}};
        call.costUsd = 0.004;
        call.latencyMs = 800;
        QVERIFY(!decisions.feedback(call)); // no quality yet
        call.evaluations.push_back({"grader", 0.7});
        QVERIFY(decisions.feedback(call));
        call.attributes = {{DecisionService::kDecisionAttribute, "not-a-number"}};
        QVERIFY(!decisions.feedback(call));

        std::vector<DecisionRecord> log;
        decisions.takeLog(log);
        QCOMPARE(log.size(), size_t(4)); // two decisions, two outcomes
        QCOMPARE(log[0].service, std::string("chat"));
        QVERIFY(!log[0].isFeedback && log[0].propensity > 0);
        QVERIFY(log[2].isFeedback);
        QCOMPARE(log[2].id, b->id);
        QVERIFY(std::abs(log[3].reward - (0.7 - 10 * 0.004)) < 1e-12);
        decisions.takeLog(log);
        QVERIFY(log.empty());
        QCOMPARE(decisions.services(), (std::vector<std::string>{"chat", "search"}));
    }

    void aServiceNeedsVariants()
    {
        RoutingConfig empty;
        empty.service = "x";
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, DecisionService({empty}));
    }
};

QTEST_GUILESS_MAIN(TestDecisionService)
#include "tst_decision_service.moc"
