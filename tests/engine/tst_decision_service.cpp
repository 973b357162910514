#include "decision_service.h"
#include "llm_event.h"
#include "policy_document.h"

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
    // As a policy sink: a published policy's weights decide instead of the
    // bandit, with ids a JavaScript client keeps exact and feedback taken once.
    void followsThePublishedPolicy()
    {
        DecisionService decisions({service("chat"), service("search")});
        PolicyDocument policy;
        policy.version = 3;
        ServicePolicy chat;
        chat.service = "chat";
        chat.flagKey = "chat.variant";
        chat.defaultVariant = "big";
        chat.weights = {{"big", 0}, {"small", 100}};
        policy.services = {chat};
        QVERIFY(decisions.publish(policy).acknowledged);
        for (int i = 0; i < 50; ++i) {
            const auto d = decisions.decide("chat", {"faq", 300, 9.0}, 100 + i);
            QCOMPARE(d->variant->name, std::string("small"));
            QCOMPARE(d->propensity, 1.0);
            QVERIFY(d->id < (uint64_t(1) << 53));
            QVERIFY(decisions.feedback(d->id, 0.8, 0.001, 400, 200 + i));
            QVERIFY(!decisions.feedback(d->id, 0.8, 0.001, 400, 300 + i)); // once
        }
        QVERIFY(!decisions.feedback((uint64_t(1) << 52) | (uint64_t(999) << 8), 0.8, 0.001, 400,
                                    400)); // never made
        // A service the policy does not name keeps its bandit.
        QVERIFY(decisions.decide("search", {"faq", 300, 9.0}, 500)->id < (uint64_t(1) << 52));

        // A variant this sidecar cannot route: not acknowledged, and why.
        policy.services[0].weights = {{"small", 90}, {"tiny", 10}};
        const PolicySink::Result refused = decisions.publish(policy);
        QVERIFY(!refused.acknowledged);
        QVERIFY(refused.message.find("tiny") != std::string::npos);
        // A service it does not route at all is none of its business.
        policy.services[0].service = "elsewhere";
        QVERIFY(decisions.publish(policy).acknowledged);
    }

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
        const auto c = decisions.decide("chat", {"faq", 300, 9.0}, 103);
        QVERIFY(!decisions.feedback(c->id, 1.5, 0.001, 500, 204)); // quality beyond 0–1
        QVERIFY(!decisions.feedback(c->id, 0.9, std::nan(""), 500, 205)); // cost is weighed
        QVERIFY(!decisions.feedback(c->id, 0.9, -1, 500, 206));
        QVERIFY(decisions.feedback(c->id, 0.9, 0.001, std::nan(""), 207)); // latency is not

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
        QCOMPARE(log.size(), size_t(6)); // three decisions, three outcomes
        QCOMPARE(log[0].service, std::string("chat"));
        QVERIFY(!log[0].isFeedback && log[0].propensity > 0);
        QVERIFY(log[2].isFeedback);
        QCOMPARE(log[2].id, b->id);
        QCOMPARE(log[4].id, c->id);
        QCOMPARE(log[4].latencyMs, 0.0);
        QVERIFY(std::abs(log[5].reward - (0.7 - 10 * 0.004)) < 1e-12);
        decisions.takeLog(log);
        QVERIFY(log.empty());
        QCOMPARE(decisions.services(), (std::vector<std::string>{"chat", "search"}));
    }

    // The value of "always small" estimated from the router's own log agrees
    // with what small actually earns.
    void offPolicyValueOfAFixedVariant()
    {
        DecisionService decisions({service("chat")});
        std::vector<DecisionRecord> log;
        for (int i = 0; i < 4000; ++i) {
            const auto d = decisions.decide("chat", {"faq", 300 + i % 700, 10.0}, i);
            DecisionRecord r;
            r.service = "chat";
            r.variant = d->variant->name;
            r.propensity = d->propensity;
            r.context = {"faq", 300 + i % 700, 10.0};
            r.isFeedback = true;
            const bool big = r.variant == "big";
            r.quality = (big ? 0.85 : 0.80) + 0.05 * ((i * 7919) % 11 - 5) / 5.0;
            r.costUsd = big ? 0.01 : 0.001;
            r.reward = r.quality - 10 * r.costUsd;
            decisions.feedback(d->id, r.quality, r.costUsd, 500, i);
            log.push_back(r);
        }
        const auto value = decisions.evaluateFixedVariant("chat", "small", log);
        QVERIFY(value.has_value());
        const double truth = 0.80 - 10 * 0.001; // the noise averages to 0 over its cycle
        for (const auto& e : (*value)["estimates"]) {
            QVERIFY2(!e.contains("error"), e.dump().c_str());
            const double low = e["ci95"][0].get<double>(), high = e["ci95"][1].get<double>();
            QVERIFY2(low - 0.01 < truth && truth < high + 0.01, e.dump().c_str());
        }
        QVERIFY(!decisions.evaluateFixedVariant("chat", "nope", log));
        QVERIFY((*decisions.evaluateFixedVariant("chat", "small", {})).contains("error"));
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
