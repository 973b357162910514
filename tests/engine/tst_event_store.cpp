#include "decision_service.h"
#include "event_store.h"
#include "experiment_definition.h"
#include "finding.h"
#include "llm_event.h"
#include "stream_processor.h"

#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace llmopt;

namespace {

LlmEvent sampleEvent(int i)
{
    LlmEvent e;
    e.traceId = QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0')).toStdString();
    e.spanId = QStringLiteral("%1").arg(i + 7, 16, 16, QLatin1Char('0')).toStdString();
    e.timeUnixNano = 1'700'000'000'000'000'000LL + i * 1'000'000'000LL;
    e.service = "svc";
    e.variant.model = "gpt-4o-mini";
    e.variant.promptVersion = "v2";
    e.variant.temperature = 0.2;
    e.variant.maxTokens = 256;
    e.variantName = "mini";
    e.provider = "openai";
    e.requestModel = "gpt-4o-mini";
    e.responseModel = "gpt-4o-mini-2024-07-18";
    e.taskType = "faq";
    e.inputTokens = 100 + i;
    e.outputTokens = 50;
    e.cacheReadTokens = 64;
    e.cacheWriteTokens = 16;
    e.latencyMs = 812.5;
    e.ttftMs = 210.25;
    e.finishReason = "stop";
    e.costUsd = 0.0001 * i;
    e.evaluations = {{"answer_quality", 0.75}, {"tone \"quoted\"", 1.0}};
    e.userFeedback = i % 2 == 0;
    e.attributes = {{"tenant", "acme\nltd"}};
    return e;
}

int64_t userVersion(const QString& path)
{
    sqlite3* db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, nullptr);
    sqlite3_step(s);
    const int64_t v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

void execOn(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    QCOMPARE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}

// The StoreError message opening `path` gives, or "" when it opens.
QString openError(const QString& path)
{
    try {
        EventStore store(path.toStdString());
    } catch (const StoreError& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

} // namespace

class TestEventStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Variant ids are stored, so they must never change: FNV-1a (64 bit, low
    // 48 bits in hex) of the canonical form, worked out by hand.
    void variantIdsAreStable()
    {
        Variant v;
        v.model = "gpt-4o-mini";
        v.promptVersion = "summarize-v3";
        v.temperature = 0.2;
        v.maxTokens = 512;
        QCOMPARE(v.id(), std::string("v-0c7432b7f858")); // "gpt-4o-mini␟summarize-v3␟t=0.2␟␟m=512"
        Variant bare;
        bare.model = "claude-haiku-4-5";
        QCOMPARE(bare.id(), std::string("v-7a76e9e3e1e3"));
        v.topP = 1.0;
        QVERIFY(v.id() != "v-0c7432b7f858");
    }

    void roundTripKeepsEveryField()
    {
        QTemporaryDir dir;
        EventStore store(dir.filePath("events.sqlite").toStdString());
        std::vector<LlmEvent> in = {sampleEvent(1), sampleEvent(2)};
        in[1].status = CallStatus::Error;
        in[1].errorType = "429";
        in[1].costUsd.reset();
        in[1].ttftMs.reset();
        in[1].userFeedback.reset();
        in[1].traceId.clear(); // no trace context: identified by content digest
        QCOMPARE(store.insert(in), size_t(2));

        const auto out = store.events(0, INT64_MAX, 10);
        QCOMPARE(out.size(), size_t(2));
        for (size_t i = 0; i < 2; ++i) {
            const LlmEvent& a = in[i];
            const LlmEvent& b = out[i];
            QCOMPARE(b.eventId(), a.eventId());
            QCOMPARE(b.timeUnixNano, a.timeUnixNano);
            QCOMPARE(b.variant.id(), a.variant.id());
            QCOMPARE(b.variantName, a.variantName);
            QCOMPARE(b.service, a.service);
            QCOMPARE(b.provider, a.provider);
            QCOMPARE(b.operation, a.operation);
            QCOMPARE(b.requestModel, a.requestModel);
            QCOMPARE(b.responseModel, a.responseModel);
            QCOMPARE(b.outputTokens, a.outputTokens);
            QCOMPARE(b.cacheWriteTokens, a.cacheWriteTokens);
            QCOMPARE(b.finishReason, a.finishReason);
            QCOMPARE(b.evaluations[0].score, a.evaluations[0].score);
            QCOMPARE(b.taskType, a.taskType);
            QCOMPARE(b.inputTokens, a.inputTokens);
            QCOMPARE(b.cacheReadTokens, a.cacheReadTokens);
            QCOMPARE(b.latencyMs, a.latencyMs);
            QCOMPARE(b.ttftMs, a.ttftMs);
            QCOMPARE(b.status, a.status);
            QCOMPARE(b.errorType, a.errorType);
            QCOMPARE(b.costUsd, a.costUsd);
            QCOMPARE(b.userFeedback, a.userFeedback);
            QCOMPARE(b.evaluations.size(), a.evaluations.size());
            QCOMPARE(b.evaluations[1].name, a.evaluations[1].name);
            QCOMPARE(b.attributes, a.attributes);
        }
    }

    void insertIsIdempotent()
    {
        QTemporaryDir dir;
        EventStore store(dir.filePath("events.sqlite").toStdString());
        std::vector<LlmEvent> batch = {sampleEvent(1), sampleEvent(2), sampleEvent(3)};
        QCOMPARE(store.insert(batch), size_t(3));
        batch.push_back(sampleEvent(4));
        std::vector<char> isNew;
        QCOMPARE(store.insert(batch, &isNew), size_t(1));
        QCOMPARE(isNew, (std::vector<char>{0, 0, 0, 1}));
        QCOMPARE(store.eventCount(), size_t(4));
    }

    // Large batches go through a multi-row INSERT: which rows were new must
    // still be exact, also for a copy of an event inside the same batch.
    void largeBatchesTellNewFromDuplicate()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("events.sqlite").toStdString();
        std::vector<char> expected;
        {
            EventStore store(path);
            std::vector<LlmEvent> first;
            for (int i = 0; i < 20; i += 2)
                first.push_back(sampleEvent(i));
            QCOMPARE(store.insert(first), size_t(10));
        }
        EventStore store(path); // reopened: rowids continue after the stored ones
        std::vector<LlmEvent> batch;
        for (int i = 0; i < 40; ++i) {
            batch.push_back(sampleEvent(i));
            expected.push_back(i >= 20 || i % 2 == 1 ? 1 : 0);
        }
        batch.insert(batch.begin() + 5, sampleEvent(25)); // a copy of a later new event …
        expected.insert(expected.begin() + 5, 1); // … of which the first copy counts
        expected[26] = 0;
        std::vector<char> isNew;
        QCOMPARE(store.insert(batch, &isNew), size_t(30));
        QCOMPARE(isNew, expected);
        QCOMPARE(store.eventCount(), size_t(40));
        QCOMPARE(store.insert(batch, &isNew), size_t(0));
        QCOMPARE(isNew, std::vector<char>(batch.size(), 0));
    }

    void reopeningKeepsDataAndSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("events.sqlite");
        {
            EventStore store(path.toStdString());
            std::vector<LlmEvent> batch = {sampleEvent(1)};
            store.insert(batch);
        }
        QCOMPARE(userVersion(path), int64_t(EventStore::kSchemaVersion));
        EventStore again(path.toStdString());
        QCOMPARE(again.eventCount(), size_t(1));
        QCOMPARE(again.schemaVersion(), EventStore::kSchemaVersion);
    }

    // A version-1 database (before the evaluations, windows and findings tables) is migrated in
    // place.
    void olderSchemaIsMigrated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("v1.sqlite");
        {
            EventStore store(path.toStdString());
            std::vector<LlmEvent> batch = {sampleEvent(1)};
            store.insert(batch);
        }
        execOn(path,
               "DROP TABLE evaluations; DROP TABLE windows; DROP TABLE findings; "
               "DROP TABLE decisions; DROP TABLE recommendations; DROP TABLE audit_log; DROP TABLE "
               "rollouts; DROP TABLE policies; DROP TABLE experiment_results; "
               "DROP TABLE experiment_definitions; "
               "PRAGMA user_version=1");
        EventStore store(path.toStdString());
        QCOMPARE(store.schemaVersion(), EventStore::kSchemaVersion);
        QCOMPARE(store.eventCount(), size_t(1));
        const std::vector<EvaluationRecord> records = {{"ab", "cd", 7, {"relevance", 0.5}}};
        store.addEvaluations(records);
        QCOMPARE(store.evaluationCount(), size_t(1));
    }

    void windowsAndFindingsAreKept()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("w.sqlite").toStdString();
        {
            EventStore store(path);
            WindowResult w;
            w.key = "chat/v-1";
            w.startUnixNano = 0;
            w.endUnixNano = 60;
            for (int i = 0; i < 3; ++i)
                w.stats.add(sampleEvent(i));
            w.lateEvents = 2;
            std::vector<WindowResult> windows = {w, w};
            windows[1].startUnixNano = 60;
            windows[1].endUnixNano = 120;
            store.addWindows("service_variant", windows);
            store.addWindows("service_variant",
                             std::span(windows.data(), 1)); // replaced, not doubled
            QCOMPARE(store.windowCount(), size_t(2));
            Finding f;
            f.analyzer = "drift";
            f.grouping = "service";
            f.key = "chat";
            f.metric = "task_mix";
            f.method = "chi-square";
            f.statistic = 12.5;
            f.pValue = 1e-5;
            f.severity = Finding::Severity::Critical;
            f.summary = "task mix shifted";
            f.evidence = {{"psi", 0.3}};
            Finding g = f;
            g.metric = "input_tokens";
            g.pValue.reset();
            g.threshold = 3.5;
            const std::vector<Finding> findings = {f, g};
            store.addFindings(findings);
        }
        EventStore store(path);
        const auto back = store.findings(10);
        QCOMPARE(back.size(), size_t(2));
        QCOMPARE(back[0].metric, std::string("input_tokens")); // newest first
        QVERIFY(!back[0].pValue.has_value());
        QCOMPARE(back[0].threshold, std::optional<double>(3.5));
        QCOMPARE(back[1].severity, Finding::Severity::Critical);
        QCOMPARE(back[1].pValue, std::optional<double>(1e-5));
        QVERIFY(back[1].evidence == nlohmann::json({{"psi", 0.3}}));
        QCOMPARE(store.findings(1).size(), size_t(1));
    }

    void newerSchemaIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("future.sqlite");
        {
            EventStore store(path.toStdString());
        }
        execOn(path, "PRAGMA user_version=99");
        const QString error = openError(path);
        QVERIFY2(error.contains("schema version 99, newer than this build"), qPrintable(error));
    }

    // Root ignores file modes, so "unwritable" is a path whose folder does not exist.
    void unwritableLocationIsReported()
    {
        QTemporaryDir dir;
        const QString error = openError(dir.filePath("missing/folder/events.sqlite"));
        QVERIFY2(error.contains("does not exist or is not writable"), qPrintable(error));
    }

    void notADatabaseIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("notes.txt");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        const QString error = openError(path);
        QVERIFY2(error.contains("not an llm-optimizer database"), qPrintable(error));
    }

    void lockedDatabaseIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("events.sqlite");
        {
            EventStore store(path.toStdString());
        }
        sqlite3* other = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &other), SQLITE_OK);
        QCOMPARE(sqlite3_exec(other, "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE;", nullptr,
                              nullptr, nullptr),
                 SQLITE_OK);
        const QString error = openError(path);
        QVERIFY2(error.contains("locked by another process"), qPrintable(error));
        sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_close(other);
    }

    void retentionDeletesOldEvents()
    {
        EventStore store(":memory:", EventStore::Options{3600});
        std::vector<LlmEvent> batch = {sampleEvent(0), sampleEvent(4000), sampleEvent(7000)};
        store.insert(batch);
        const int64_t now = sampleEvent(7200).timeUnixNano; // keeps the last hour: t ≥ 3600 s
        QCOMPARE(store.applyRetention(now), size_t(1));
        QCOMPARE(store.eventCount(), size_t(2));
    }

    void deadLettersKeepThePayload()
    {
        EventStore store(":memory:");
        store.addDeadLetter({42, "otlp-json", "span: startTimeUnixNano is missing", "{\"x\":1}"});
        QCOMPARE(store.deadLetterCount(), size_t(1));
        const auto letters = store.deadLetters(10);
        QCOMPARE(letters[0].reason, std::string("span: startTimeUnixNano is missing"));
        QCOMPARE(letters[0].payload, std::string("{\"x\":1}"));
    }

    // Decisions are logged with their propensity; feedback fills in the outcome
    // of the latest decision with that id (ids start again after a restart).
    void decisionsAndTheirOutcomes()
    {
        EventStore store(":memory:");
        DecisionRecord first;
        first.id = 257;
        first.timeUnixNano = 1;
        first.service = "chat";
        first.variant = "mini";
        first.propensity = 0.9;
        first.context = {"faq", 300, 13.5};
        DecisionRecord again = first; // a restart handed out the same id
        again.timeUnixNano = 2;
        again.variant = "4o";
        DecisionRecord outcome;
        outcome.id = 257;
        outcome.timeUnixNano = 3;
        outcome.isFeedback = true;
        outcome.quality = 0.8;
        outcome.costUsd = 0.002;
        outcome.latencyMs = 900;
        outcome.reward = 0.76;
        const std::vector<DecisionRecord> records{first, again, outcome};
        store.addDecisions(records);
        const auto stored = store.decisions("chat", 10);
        QCOMPARE(stored.size(), size_t(2));
        QCOMPARE(stored[0].variant, std::string("4o"));
        QVERIFY(stored[0].isFeedback);
        QCOMPARE(stored[0].reward, 0.76);
        QVERIFY(!stored[1].isFeedback);
        QCOMPARE(stored[1].propensity, 0.9);
        QCOMPARE(stored[1].context.taskType, std::string("faq"));
        QCOMPARE(stored[1].context.hourUtc, 13.5);
        QVERIFY(store.decisions("other", 10).empty());
    }

    void recommendationsAreSupersededAndDecidedOnce()
    {
        EventStore store(":memory:");
        Recommendation r;
        r.strategy = "pareto";
        r.service = "chat";
        r.fromVariant = "4o";
        r.toVariant = "mini";
        r.action = "switch";
        r.summary = "move chat to mini";
        r.impact = {{"monthly_savings_usd", {{"value", 1200.0}}}};
        const int64_t older = store.addRecommendation(r);
        r.toVariant = "haiku";
        const int64_t newer = store.addRecommendation(r);
        r.strategy = "threshold"; // another strategy's proposal stands beside it
        store.addRecommendation(r);
        r.strategy = "pareto";
        r.topic = "other"; // and another topic's
        store.addRecommendation(r);
        auto list = store.recommendations(10);
        QCOMPARE(list.size(), size_t(4));
        QCOMPARE(list[0].topic, std::string("other"));
        QCOMPARE(list[0].status, Recommendation::Status::Proposed);
        list.erase(list.begin());
        QCOMPARE(list[1].id, newer);
        QCOMPARE(list[2].status, Recommendation::Status::Superseded);
        QCOMPARE(list[1].status, Recommendation::Status::Proposed);
        QCOMPARE(list[1].impact["monthly_savings_usd"]["value"].get<double>(), 1200.0);
        QVERIFY(
            !store.decideRecommendation(older, Recommendation::Status::Approved, "ops@host", 5));
        QVERIFY(store.decideRecommendation(newer, Recommendation::Status::Approved, "ops@host", 5));
        QVERIFY(!store.decideRecommendation(newer, Recommendation::Status::Rejected, "x@y", 6));
        list = store.recommendations(10);
        QCOMPARE(list[2].status, Recommendation::Status::Approved);
        QCOMPARE(list[2].decidedBy, std::string("ops@host"));
        QCOMPARE(list[2].toJson()["status"].get<std::string>(), std::string("approved"));
    }

    // Offline experiments: definitions are versioned by name, and an item's
    // outcome is stored once however often it is offered (a resumed run).
    void experimentResultsAreStoredOnce()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("experiments.sqlite").toStdString();
        offline::ExperimentDefinition definition = offline::ExperimentDefinition::parse(
            R"({"schema_version": 1, "name": "faq", "dataset": {"path": "faq.csv"},
                "arms": [{"name": "a", "model": "m1", "prompt": "{{q}}"},
                         {"name": "b", "model": "m2", "prompt": "Q: {{q}}"}],
                "metrics": [{"kind": "exact_match"}]})",
            "test");
        int64_t first = 0, second = 0;
        {
            EventStore store(path);
            first = store.saveExperimentDefinition(definition, 100);
            QCOMPARE(store.saveExperimentDefinition(definition, 200), first); // unchanged
            definition.alpha = 0.01;
            second = store.saveExperimentDefinition(definition, 300);
            QVERIFY(second != first);

            ExperimentItemResult r;
            r.experimentId = second;
            r.arm = "a";
            r.itemId = "7";
            r.status = "ok";
            r.answer = "Paris, \"the capital\"\n";
            r.scores = {{"exact_match", 1.0}, {"cost_usd", nullptr}};
            r.eventId = "e1";
            r.createdUnixNano = 400;
            QVERIFY(store.addExperimentResult(r));
            ExperimentItemResult retry = r;
            retry.attempt = 2;
            retry.answer = "something else";
            for (int i = 0; i < 3; ++i)
                QVERIFY(!store.addExperimentResult(retry));
            r.arm = "b";
            QVERIFY(store.addExperimentResult(r));
            r.itemId = "8";
            r.status = "error: rate limited";
            QVERIFY(store.addExperimentResult(r));
            r.experimentId = first; // the same item of another experiment is its own
            QVERIFY(store.addExperimentResult(r));
            r.experimentId = 999;
            QVERIFY_THROWS_EXCEPTION(StoreError, store.addExperimentResult(r));
        }
        EventStore store(path); // reopened: everything was committed
        const auto definitions = store.experimentDefinitions();
        QCOMPARE(definitions.size(), size_t(2));
        QCOMPARE(definitions[0].id, second);
        QCOMPARE(definitions[0].version, 2);
        QCOMPARE(definitions[0].name, std::string("faq"));
        QCOMPARE(definitions[0].createdUnixNano, int64_t(300));
        QCOMPARE(definitions[0].definition.alpha, 0.01);
        QCOMPARE(definitions[0].definition.arms[1].prompt.text(), std::string("Q: {{q}}"));
        QCOMPARE(definitions[1].version, 1);

        const auto results = store.experimentResults(second);
        QCOMPARE(results.size(), size_t(3));
        QCOMPARE(results[0].arm, std::string("a"));
        QCOMPARE(results[0].attempt, 1);
        QCOMPARE(results[0].answer, std::string("Paris, \"the capital\"\n"));
        QCOMPARE(results[0].scores["exact_match"].get<double>(), 1.0);
        QVERIFY(results[0].scores["cost_usd"].is_null());
        QCOMPARE(results[0].eventId, std::string("e1"));
        QCOMPARE(results[0].createdUnixNano, int64_t(400));
        QCOMPARE(results[2].status, std::string("error: rate limited"));
        QCOMPARE(store.completedItems(second, "b"), (std::vector<std::string>{"7", "8"}));
        QCOMPARE(store.completedItems(second, "a"), std::vector<std::string>{"7"});
        QCOMPARE(store.completedItems(first, "b"), std::vector<std::string>{"8"});
        QVERIFY(store.completedItems(second, "c").empty());
    }
};

QTEST_GUILESS_MAIN(TestEventStore)
#include "tst_event_store.moc"
