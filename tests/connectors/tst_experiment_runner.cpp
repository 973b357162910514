#include "event_store.h"
#include "experiment_runner.h"
#include "http_server.h"
#include "llm_event.h"
#include "offline_results.h"
#include "support/chat_completion.h"
#include "support/scripted_server.h"

#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

using namespace llmopt;
using namespace llmopt::offline;
using nlohmann::json;

namespace {

constexpr int kItems = 200;
constexpr int kFailingItem = 17; // model-b gets a 400 for it

// An OpenAI-compatible provider on loopback. model-a answers item i correctly
// when i % 10 < 5 (50 %), model-b when i % 10 < 8 (80 %), decided from the
// prompt; it counts the requests per model and item.
class FakeProvider {
public:
    std::string baseUrl() const { return m_server.baseUrl(); }
    int judgeRequests() const { return m_judgeRequests; }
    std::map<std::pair<std::string, int>, int> requests() const
    {
        std::lock_guard lock(m_mutex);
        return m_requests;
    }
    std::atomic<bool> refusingKey{false}; // answers every call 401

private:
    HttpResponse handle(const HttpRequest& request)
    {
        if (refusingKey)
            return {
                401,
                "application/json",
                R"({"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}})",
                {}};
        const json body = json::parse(request.body, nullptr, false);
        if (body.is_discarded())
            return {400, "application/json", R"({"error":{"message":"not JSON"}})", {}};
        const std::string model = body.value("model", "");
        const std::string prompt = body["messages"].back().value("content", "");
        if (model == "judge") { // grades a right answer 9/10, any other 2/10
            ++m_judgeRequests;
            const bool right = prompt.find("Answer: answer-") != std::string::npos;
            return chatCompletion(model, right ? "Reasoning.\nScore: 9/10" : "Score: 2/10", 4, 16);
        }
        const int item = std::stoi(prompt.substr(prompt.rfind('-') + 1));
        {
            std::lock_guard lock(m_mutex);
            ++m_requests[{model, item}];
        }
        if (model == "model-b" && item == kFailingItem)
            return {
                400,
                "application/json",
                R"({"error":{"message":"this item is refused","type":"invalid_request_error"}})",
                {}};
        const bool correct = item % 10 < (model == "model-a" ? 5 : 8);
        return chatCompletion(model, correct ? "answer-" + std::to_string(item) : "I am not sure",
                              4, 16);
    }

    std::atomic<int> m_judgeRequests{0};
    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, int>, int> m_requests;
    // Last: stopped before what its handler uses goes.
    ScriptedServer m_server{[this](int, const HttpRequest& r) { return handle(r); }, 4};
};

struct Setup {
    QTemporaryDir dir;
    std::string dataset;
    std::string database;

    Setup()
    {
        dataset = dir.filePath("faq.jsonl").toStdString();
        database = dir.filePath("events.sqlite").toStdString();
        std::ofstream out(dataset);
        for (int i = 0; i < kItems; ++i)
            out << json{{"id", "item-" + std::to_string(i)},
                        {"question", "q-" + std::to_string(i)},
                        {"reference", "answer-" + std::to_string(i)}}
                       .dump()
                << "\n";
    }

    ExperimentDefinition definition(std::optional<double> spendCap = std::nullopt,
                                    bool withJudge = false) const
    {
        json j = {{"schema_version", 1},
                  {"name", "faq"},
                  {"dataset", {{"path", dataset}, {"format", "jsonl"}}},
                  {"metrics", json::array({{{"kind", "exact_match"}}, {{"kind", "latency_ms"}}})},
                  {"primary_metric", "exact_match"},
                  {"concurrency", 8}};
        for (const char* arm : {"a", "b"})
            j["arms"].push_back({{"name", arm},
                                 {"provider", "fake"},
                                 {"model", std::string("model-") + arm},
                                 {"prompt", "Question: {{question}}"},
                                 {"params", {{"max_tokens", 16}}}});
        if (spendCap)
            j["spend_cap_usd"] = *spendCap;
        if (withJudge)
            j["metrics"].push_back({{"kind", "judge"},
                                    {"name", "correctness"},
                                    {"provider", "fake"},
                                    {"model", "judge"},
                                    {"rubric", "Input: {{input}}\nAnswer: {{answer}}\nGrade it."}});
        return ExperimentDefinition::fromJson(j);
    }

    ExperimentDataset items() const
    {
        return ExperimentDataset::fromFile(dataset, ExperimentDataset::Format::Jsonl);
    }
};

// 16 output tokens: $0.016 a call.
PriceTable prices()
{
    return fakeModelPrices("fake");
}

ExperimentRunner::Options runnerOptions(const FakeProvider& fake)
{
    ExperimentRunner::Options o;
    o.baseUrls["fake"] = fake.baseUrl();
    o.initialBackoffMs = 10;
    o.maxBackoffMs = 50;
    o.timeoutMs = 20000; // a loaded machine must not turn an answer into a timeout
    return o;
}

int itemNumber(const std::string& id)
{
    return std::stoi(id.substr(id.find('-') + 1));
}

} // namespace

class TestExperimentRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runsEveryItemOnceAndPicksTheBetterArm()
    {
        Setup setup;
        QVERIFY(setup.dir.isValid());
        FakeProvider fake;
        std::vector<RunProgress> seen;
        ExperimentRunner::Options o = runnerOptions(fake);
        o.onProgress = [&seen](const RunProgress& p) { seen.push_back(p); };
        ExperimentRunner runner(setup.database, setup.definition(), setup.items(), prices(), o);
        QCOMPARE(runner.itemsPerArm(), uint64_t(kItems)); // the plan wants 388: all 200
        QCOMPARE(runner.run(), RunStatus::Completed);
        QVERIFY2(runner.message().find("completed") != std::string::npos, runner.message().c_str());

        const RunProgress last = runner.progress();
        QCOMPARE(last.status, RunStatus::Completed);
        QCOMPARE(last.arms.size(), size_t(2));
        QCOMPARE(last.arms[0].done, uint64_t(kItems));
        QCOMPARE(last.arms[1].done, uint64_t(kItems));
        QCOMPARE(last.arms[1].errors, uint64_t(1));
        QVERIFY(std::abs(last.spentUsd - 2 * kItems * 0.016 + 0.016) < 1e-6); // the 400 is free
        QVERIFY(seen.size() > size_t(kItems));

        // One request per model and item: a final 400 is not asked again.
        const auto requests = fake.requests();
        QCOMPARE(requests.size(), size_t(2 * kItems));
        for (const auto& [key, count] : requests)
            QCOMPARE(count, 1);

        EventStore store(setup.database);
        const auto rows = store.experimentResults(runner.experimentId());
        QCOMPARE(rows.size(), size_t(2 * kItems));
        std::set<std::pair<std::string, std::string>> keys;
        for (const ExperimentItemResult& r : rows) {
            QVERIFY(keys.emplace(r.arm, r.itemId).second);
            if (r.arm == "b" && r.itemId == "item-17") {
                QVERIFY2(r.status.rfind("error: ", 0) == 0, r.status.c_str());
                QVERIFY(!r.eventId.empty());
            } else {
                QCOMPARE(QString::fromStdString(r.status), QStringLiteral("ok"));
                const int i = itemNumber(r.itemId);
                QCOMPARE(r.scores["exact_match"].get<int>(),
                         i % 10 < (r.arm == "a" ? 5 : 8) ? 1 : 0);
                QVERIFY(r.scores["latency_ms"].is_number());
            }
        }
        QCOMPARE(store.eventCount(), size_t(2 * kItems)); // the refused call is an event too
        const auto events = store.events(0, INT64_MAX, 10);
        QVERIFY(!events.empty());
        QCOMPARE(QString::fromStdString(events.front().service), QStringLiteral("experiment:faq"));
        QVERIFY(events.front().variantName == "a" || events.front().variantName == "b");
        QVERIFY(events.front().costUsd.has_value());

        const OfflineResults results
            = OfflineResults::compute(setup.definition(), rows, runner.experimentId());
        QCOMPARE(QString::fromStdString(results.verdict.kind), QStringLiteral("winner"));
        QCOMPARE(QString::fromStdString(results.verdict.winner), QStringLiteral("b"));
        QCOMPARE(results.summary("a", "exact_match")->mean, 0.5);
        QCOMPARE(results.arms[1].errors, uint64_t(1));
    }

    void spendCapStopsTheRun()
    {
        Setup setup;
        FakeProvider fake;
        constexpr double kCap = 0.5; // 31 calls at $0.016
        ExperimentRunner runner(setup.database, setup.definition(kCap), setup.items(), prices(),
                                runnerOptions(fake));
        QCOMPARE(runner.run(), RunStatus::SpendCapReached);
        const std::string message = runner.message();
        QVERIFY2(message.find("spend cap") != std::string::npos, message.c_str());
        const RunProgress p = runner.progress();
        QVERIFY2(p.spentUsd <= kCap + 1e-9, std::to_string(p.spentUsd).c_str());
        QVERIFY(p.spentUsd > kCap - 0.05);
        EventStore store(setup.database);
        const size_t rows = store.experimentResults(runner.experimentId()).size();
        QVERIFY(rows >= 25 && rows <= 32);
        size_t sent = 0;
        for (const auto& [key, count] : fake.requests())
            sent += size_t(count);
        QCOMPARE(sent, rows); // nothing asked that was not stored
    }

    void judgeScoresAnswers()
    {
        Setup setup;
        FakeProvider fake;
        ExperimentRunner runner(setup.database, setup.definition(std::nullopt, true), setup.items(),
                                prices(), runnerOptions(fake));
        QCOMPARE(runner.run(), RunStatus::Completed);
        QCOMPARE(fake.judgeRequests(), 2 * kItems - 1); // not for the refused call
        // The judge model has no price: said, and not counted as $0.
        QCOMPARE(runner.progress().unpricedCalls, uint64_t(2 * kItems - 1));
        QVERIFY2(runner.message().find("no price") != std::string::npos, runner.message().c_str());

        EventStore store(setup.database);
        QCOMPARE(store.eventCount(), size_t(4 * kItems - 1)); // 400 answers, 399 grades
        const auto rows = store.experimentResults(runner.experimentId());
        QCOMPARE(rows.size(), size_t(2 * kItems));
        for (const ExperimentItemResult& r : rows) {
            if (r.status != "ok")
                continue;
            const bool right = r.scores["exact_match"].get<int>() == 1;
            QCOMPARE(r.scores["correctness"].get<double>(), right ? 0.9 : 0.2);
        }
        const OfflineResults results = OfflineResults::compute(setup.definition(std::nullopt, true),
                                                               rows, runner.experimentId());
        const MetricComparison* judge = results.comparison("b", "correctness");
        QVERIFY(judge);
        QVERIFY(judge->significant);
        QVERIFY(judge->better);
    }

    // A refused key fails every call alike: the run stops at once, stores
    // nothing, and runs in full once the key is fixed.
    void refusedKeyStopsTheRunWithoutStoringOutcomes()
    {
        Setup setup;
        FakeProvider fake;
        fake.refusingKey = true;
        int64_t id = 0;
        {
            ExperimentRunner runner(setup.database, setup.definition(), setup.items(), prices(),
                                    runnerOptions(fake));
            QCOMPARE(runner.run(), RunStatus::Failed);
            QVERIFY2(runner.message().find("API key") != std::string::npos,
                     runner.message().c_str());
            id = runner.experimentId();
            QCOMPARE(EventStore(setup.database).experimentResults(id).size(), size_t(0));
        }
        fake.refusingKey = false;
        ExperimentRunner again(setup.database, setup.definition(), setup.items(), prices(),
                               runnerOptions(fake));
        QCOMPARE(again.run(), RunStatus::Completed);
        QCOMPARE(EventStore(setup.database).experimentResults(id).size(), size_t(2 * kItems));
    }

    void cancelledRunResumesWithoutAskingTwice()
    {
        Setup setup;
        FakeProvider fake;
        std::set<std::pair<std::string, std::string>> firstRun;
        int64_t id = 0;
        {
            ExperimentRunner::Options o = runnerOptions(fake);
            ExperimentRunner* self = nullptr;
            o.onProgress = [&self](const RunProgress& p) {
                if (self && p.arms[0].done + p.arms[1].done >= 60)
                    self->cancel();
            };
            ExperimentRunner runner(setup.database, setup.definition(), setup.items(), prices(), o);
            self = &runner;
            QCOMPARE(runner.run(), RunStatus::Cancelled);
            QVERIFY(runner.message().find("resume") != std::string::npos);
            id = runner.experimentId();
            EventStore store(setup.database);
            for (const ExperimentItemResult& r : store.experimentResults(id))
                firstRun.emplace(r.arm, r.itemId);
            QVERIFY(firstRun.size() >= 60);
            QVERIFY(firstRun.size() < size_t(2 * kItems));
        }
        ExperimentRunner again(setup.database, setup.definition(), setup.items(), prices(),
                               runnerOptions(fake));
        QCOMPARE(again.experimentId(), id); // the same definition: the same experiment
        QCOMPARE(again.progress().arms[0].done + again.progress().arms[1].done,
                 uint64_t(firstRun.size()));
        QCOMPARE(again.run(), RunStatus::Completed);

        EventStore store(setup.database);
        const auto rows = store.experimentResults(id);
        QCOMPARE(rows.size(), size_t(2 * kItems));
        std::set<std::pair<std::string, std::string>> keys;
        for (const ExperimentItemResult& r : rows)
            QVERIFY(keys.emplace(r.arm, r.itemId).second);
        const auto requests = fake.requests();
        QCOMPARE(requests.size(), size_t(2 * kItems));
        for (const auto& [arm, item] : firstRun) {
            const auto it = requests.find({"model-" + arm, itemNumber(item)});
            QVERIFY(it != requests.end());
            QCOMPARE(it->second, 1); // completed in the first run: never asked again
        }
    }
};

QTEST_GUILESS_MAIN(TestExperimentRunner)
#include "tst_experiment_runner.moc"
