#include "ingest_queue.h"
#include "llm_event.h"
#include "policy_document.h"
#include "simulator_source.h"

#include <QTest>
#include <chrono>

using namespace llmopt;

class TestSimulatorSource : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The demo routes by the published policy, as the application would: a
    // service's traffic goes to the variants the policy names (by name or
    // id), at its weights; the other services keep their own split.
    void followsThePublishedPolicy()
    {
        IngestQueue queue(1'000'000);
        SimulatorSource::Options o;
        o.backfillSeconds = 600;
        o.rateScale = 5;
        SimulatorSource demo(o, queue, [](auto) {});
        PolicyDocument policy;
        policy.version = 2;
        ServicePolicy chat;
        chat.service = "support-chat";
        chat.flagKey = "support-chat.variant";
        chat.defaultVariant = "gpt-4o/v3";
        const std::string mini = Variant{"gpt-4o-mini", "v3", 0.3, {}, 512}.id();
        chat.weights = {{"gpt-4o/v3", 80}, {mini, 20}};
        policy.services = {chat};
        QVERIFY(demo.publish(policy).acknowledged);
        demo.start();
        std::vector<IngestBatch> batches;
        std::map<std::string, size_t> chatCalls, otherServices;
        for (int i = 0; i < 20 && chatCalls["gpt-4o/v3"] < 5000; ++i) {
            queue.popSome(batches, 1'000'000, std::chrono::milliseconds(100));
            for (const IngestBatch& b : batches)
                for (const LlmEvent& e : b.events)
                    ++(e.service == "support-chat" ? chatCalls : otherServices)[e.variantName];
            batches.clear();
        }
        demo.stop();
        QCOMPARE(chatCalls.count("claude-3-haiku/v4"), size_t(0)); // not in the policy
        const double share = double(chatCalls["gpt-4o-mini/v3"])
            / double(chatCalls["gpt-4o-mini/v3"] + chatCalls["gpt-4o/v3"]);
        QVERIFY2(share > 0.17 && share < 0.23, std::to_string(share).c_str());
        QVERIFY(otherServices.size() >= 4); // summarizer and code-assistant keep all of theirs
    }
};

QTEST_GUILESS_MAIN(TestSimulatorSource)
#include "tst_simulator_source.moc"
