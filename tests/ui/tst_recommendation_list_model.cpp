#include "audit_log.h"
#include "event_store.h"
#include "recommendation_list_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace llmopt;

// Answers are stored through a connection of the model's own, and audited.
class TestRecommendationListModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void approvalIsStoredAndAudited()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("store.sqlite").toStdString();
        std::vector<Recommendation> list;
        {
            EventStore store(path);
            Recommendation r;
            r.strategy = "pareto";
            r.service = "chat";
            r.summary = "Route all of chat to mini";
            r.impact = {{"monthly_savings_usd", {{"value", 1200.0}}}};
            r.id = store.addRecommendation(r);
            list.push_back(r);
            r.strategy = "threshold";
            r.summary = "error rate above 5 %";
            r.impact = nlohmann::json::object();
            r.id = store.addRecommendation(r);
            list.insert(list.begin(), r);
        }
        RecommendationListModel model;
        QAbstractItemModelTester tester(&model);
        model.setDatabasePath(QString::fromStdString(path));
        model.setRecommendations(list);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.proposed(), 2);
        QVERIFY(!model.data(model.index(0), RecommendationListModel::SavingsRole).isValid());
        QCOMPARE(model.data(model.index(1), RecommendationListModel::SavingsRole).toDouble(),
                 1200.0);

        model.approve(1);
        QCOMPARE(model.data(model.index(1), RecommendationListModel::StatusRole).toString(),
                 QStringLiteral("approved")); // at once
        QCOMPARE(model.proposed(), 1);
        model.approve(1); // answered already: nothing happens
        QTRY_COMPARE(EventStore(path).recommendations(10)[1].status,
                     Recommendation::Status::Approved);
        QTRY_VERIFY2(AuditLog(path).records(10).size() == 1, qPrintable(model.lastError()));
        const AuditRecord audit = AuditLog(path).records(1).front();
        QCOMPARE(audit.action, std::string("approve_recommendation"));
        QCOMPARE(audit.actor, AuditLog::operatorIdentity());
        QCOMPARE(audit.evidence["summary"].get<std::string>(),
                 std::string("Route all of chat to mini"));
        QVERIFY(AuditLog(path).verify().ok);
        QVERIFY(model.lastError().isEmpty());
    }
};

QTEST_MAIN(TestRecommendationListModel)
#include "tst_recommendation_list_model.moc"
