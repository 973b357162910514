#include "audit_log.h"
#include "embedded_resources.h"
#include "engine_loop.h"
#include "event_store.h"
#include "ingest_queue.h"
#include "price_table.h"
#include "recommendation_list_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace llmopt;

// Answers are operators' commands to the engine: the actuator stores them,
// audits them with what the operator saw, and starts a rollout for an
// approved switch.
class TestRecommendationListModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void answersGoThroughTheEngine()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("store.sqlite").toStdString();
        std::vector<Recommendation> list; // newest first, as the engine lists them
        {
            EventStore store(path);
            Recommendation r;
            r.strategy = "pareto";
            r.service = "chat";
            r.fromVariant = "gpt-4o/v3";
            r.toVariant = "gpt-4o-mini/v3";
            r.action = "switch";
            r.summary = "Route all of chat to mini";
            r.impact = {{"monthly_savings_usd", {{"value", 1200.0}}},
                        {"cost_usd", {{"value", -0.0021}, {"low", -0.0024}, {"high", -0.0018}}},
                        {"quality", {{"value", -0.004}, {"low", -0.01}, {"high", 0.002}}}};
            r.id = store.addRecommendation(r);
            list.push_back(r);
            r.strategy = "threshold";
            r.action = "alert";
            r.fromVariant.clear();
            r.toVariant.clear();
            r.summary = "error rate above 5 %";
            r.impact = nlohmann::json::object();
            r.id = store.addRecommendation(r);
            list.insert(list.begin(), r);
        }
        EventStore engineStore(path);
        IngestQueue queue(1000);
        EngineLoop engine(queue, engineStore,
                          PriceTable::fromJson(embeddedPriceTable(), "prices.json"));
        engine.start();

        RecommendationListModel model;
        QAbstractItemModelTester tester(&model);
        model.setCommandFunction([&engine](ActuatorCommand c) { return engine.command(c); });
        model.setRecommendations(list);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.proposed(), 2);
        QVERIFY(!model.data(model.index(0), RecommendationListModel::SavingsRole).isValid());
        QCOMPARE(model.data(model.index(1), RecommendationListModel::SavingsRole).toDouble(),
                 1200.0);
        QCOMPARE(model.data(model.index(1), RecommendationListModel::ImpactRole).toString(),
                 QStringLiteral("cost −0.00210 $/request · quality −0.004"));

        QSignalSpy answered(&model, &RecommendationListModel::answered);
        model.approve(1);
        QVERIFY(model.data(model.index(1), RecommendationListModel::AnsweringRole).toBool());
        model.approve(1); // on its way already: not sent twice
        QVERIFY(answered.wait(5000));
        QCOMPARE(answered.size(), 1);
        QCOMPARE(answered.front().at(0).toInt(), 200);
        const qlonglong rolloutId = answered.front().at(2).toLongLong();
        QVERIFY(rolloutId > 0); // an approved switch starts a rollout
        QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
        QVERIFY(model.lastMessage().contains("started"));
        QCOMPARE(model.data(model.index(1), RecommendationListModel::StatusRole).toString(),
                 QStringLiteral("approved"));
        QCOMPARE(model.data(model.index(1), RecommendationListModel::DecidedByRole).toString(),
                 QString::fromStdString(AuditLog::operatorIdentity()));
        QVERIFY(!model.data(model.index(1), RecommendationListModel::AnsweringRole).toBool());
        QCOMPARE(model.proposed(), 1);

        QCOMPARE(EventStore(path).recommendation(list[1].id)->status,
                 Recommendation::Status::Approved);
        const AuditRecord audit = AuditLog(path).records(1).front();
        QCOMPARE(audit.action, std::string("approve"));
        QCOMPARE(audit.actor, AuditLog::operatorIdentity());
        QCOMPARE(audit.subject, "recommendation/" + std::to_string(list[1].id));
        QCOMPARE(audit.evidence["operator_saw"]["summary"].get<std::string>(),
                 std::string("Route all of chat to mini"));
        QTRY_VERIFY(!engine.snapshot().rollouts.empty());
        const RolloutRecord rollout = engine.snapshot().rollouts.front();
        QCOMPARE(rollout.id, int64_t(rolloutId));
        QCOMPARE(rollout.rollout.candidate(), std::string("gpt-4o-mini/v3"));
        QCOMPARE(rollout.recommendationId, list[1].id);

        // A rejection with a reason; an alert starts nothing.
        model.reject(0, QStringLiteral("  known incident  "));
        QVERIFY(answered.wait(5000));
        QCOMPARE(answered.back().at(0).toInt(), 200);
        QCOMPARE(answered.back().at(2).toLongLong(), 0);
        QCOMPARE(model.data(model.index(0), RecommendationListModel::StatusRole).toString(),
                 QStringLiteral("rejected"));
        const AuditRecord rejection = AuditLog(path).records(1).front();
        QCOMPARE(rejection.action, std::string("reject"));
        QCOMPARE(rejection.evidence["reason"].get<std::string>(), std::string("known incident"));
        QVERIFY(AuditLog(path).verify().ok);
        QCOMPARE(AuditLog(path).records(10).size(), size_t(2));

        // The engine refuses an answer to an answered recommendation: the
        // row stays as it was and the error says why, with its status.
        model.setRecommendations({list[1]}); // a stale list that still shows it proposed
        QCOMPARE(model.proposed(), 1);
        model.approve(0);
        QVERIFY(answered.wait(5000));
        QCOMPARE(answered.back().at(0).toInt(), 409);
        QVERIFY2(model.lastError().startsWith("409: ") && model.lastError().contains("approved"),
                 qPrintable(model.lastError()));
        QCOMPARE(model.data(model.index(0), RecommendationListModel::StatusRole).toString(),
                 QStringLiteral("proposed"));
        QCOMPARE(AuditLog(path).records(10).size(), size_t(2)); // a refusal leaves no record
        engine.stopAfterDrain();
    }

    // Without an engine an answer is refused visibly, never lost silently.
    void withoutAnEngineTheAnswerIsRefused()
    {
        RecommendationListModel model;
        Recommendation r;
        r.id = 7;
        r.action = "switch";
        model.setRecommendations({r});
        QSignalSpy answered(&model, &RecommendationListModel::answered);
        model.approve(0);
        QVERIFY(answered.wait(5000));
        QCOMPARE(answered.front().at(0).toInt(), 503);
        QCOMPARE(model.lastError(), QStringLiteral("503: the engine is not running"));
        QCOMPARE(model.proposed(), 1);
    }
};

QTEST_MAIN(TestRecommendationListModel)
#include "tst_recommendation_list_model.moc"
