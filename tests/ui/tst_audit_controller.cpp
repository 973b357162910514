#include "audit_controller.h"
#include "audit_log.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace llmopt;

namespace {

void execOn(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
    const QString message = error ? QString::fromUtf8(error) : QString();
    sqlite3_free(error);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, qPrintable(message));
}

QVariant role(const AuditController& c, int row, AuditController::Role r)
{
    return c.data(c.index(row), r);
}

} // namespace

// The audit log read and checked off the GUI thread, from a real database file.
class TestAuditController : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void recordsAreListedNewestFirst()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("events.sqlite");
        AuditLog log(path.toStdString());
        log.append("ada@ops", "approve", "recommendation/12",
                   {{"operator_saw", {{"summary", "Route chat to mini"}}}}, 1'000'000'000);
        log.append("ada@ops", "confirm", "rollout/3", {{"reason", "quality holds"}}, 2'000'000'000);
        log.append("bob@ops", "rollback", "rollout/3", {{"reason", "latency"}}, 3'000'000'000);

        AuditController c;
        QAbstractItemModelTester tester(&c);
        c.setDatabasePath(path);
        QVERIFY(c.available());
        QSignalSpy count(&c, &AuditController::countChanged);
        c.refresh();
        QVERIFY(c.loading());
        QVERIFY(count.wait(5000));
        QVERIFY(!c.loading());
        QVERIFY2(c.error().isEmpty(), qPrintable(c.error()));
        QCOMPARE(c.rowCount(), 3);
        QCOMPARE(role(c, 0, AuditController::SeqRole).toLongLong(), 3);
        QCOMPARE(role(c, 0, AuditController::ActorRole).toString(), QStringLiteral("bob@ops"));
        QCOMPARE(role(c, 0, AuditController::ActionRole).toString(), QStringLiteral("rollback"));
        QCOMPARE(role(c, 0, AuditController::SubjectRole).toString(), QStringLiteral("rollout/3"));
        QCOMPARE(role(c, 0, AuditController::TimeRole).toDateTime().toMSecsSinceEpoch(), 3000);
        QCOMPARE(role(c, 0, AuditController::EvidenceLineRole).toString(),
                 QStringLiteral("{\"reason\":\"latency\"}"));
        QVERIFY(role(c, 2, AuditController::EvidenceRole)
                    .toString()
                    .contains("\n    \"summary\": \"Route chat to mini\""));
        QCOMPARE(role(c, 2, AuditController::PreviousHashRole).toString(),
                 QString::fromUtf8(AuditLog::kGenesisHash.data(), AuditLog::kGenesisHash.size()));
        QCOMPARE(role(c, 1, AuditController::PreviousHashRole).toString(),
                 role(c, 2, AuditController::HashRole).toString());

        // A newer record is inserted at the top; the rows below stay.
        log.append("ada@ops", "abort", "rollout/4", nlohmann::json::object(), 4'000'000'000);
        QSignalSpy inserted(&c, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&c, &QAbstractItemModel::modelReset);
        c.refresh();
        c.refresh(); // asked again while reading: read once more, not twice at once
        QTRY_COMPARE(c.rowCount(), 4);
        QTRY_VERIFY(!c.loading());
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(role(c, 0, AuditController::SeqRole).toLongLong(), 4);
    }

    void verifyReportsTheFirstBrokenRecord()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("events.sqlite");
        {
            AuditLog log(path.toStdString());
            for (int i = 1; i <= 4; ++i)
                log.append("ada@ops", "confirm", "rollout/" + std::to_string(i), {{"step", i}},
                           int64_t(i) * 1'000'000'000);
        }
        AuditController c;
        QAbstractItemModelTester tester(&c);
        c.setDatabasePath(path);
        QSignalSpy verification(&c, &AuditController::verificationChanged);
        c.refresh();
        QTRY_COMPARE(c.rowCount(), 4);
        QCOMPARE(c.verification(), QString());

        c.verify();
        QVERIFY(c.verifying());
        QTRY_VERIFY(!c.verifying());
        QCOMPARE(c.verification(), QStringLiteral("ok"));
        QCOMPARE(c.checkedRecords(), 4);
        QCOMPARE(c.headSeq(), 4);
        QCOMPARE(c.headHash(),
                 QString::fromStdString(AuditLog(path.toStdString()).records(1).front().hash));
        QVERIFY(c.verificationText().startsWith("Intact: 4 records"));
        QVERIFY(c.verifiedAt().isValid());

        // Someone edits record 2 behind the log's back.
        execOn(path, "UPDATE audit_log SET actor = 'mallory@x' WHERE seq = 2");
        c.verify();
        QTRY_VERIFY(!c.verifying());
        QCOMPARE(c.verification(), QStringLiteral("broken"));
        QCOMPARE(c.brokenSeq(), 2);
        QVERIFY2(c.problem().contains("edited"), qPrintable(c.problem()));
        QCOMPARE(c.headSeq(), 1); // the newest record before the break
        QVERIFY(c.verificationText().startsWith("Broken at record 2: "));
        QVERIFY(role(c, 2, AuditController::BrokenRole).toBool()); // seq 2: third from the top
        QVERIFY(!role(c, 1, AuditController::BrokenRole).toBool());
        // The list shows the edited row as it is now.
        c.refresh();
        QTRY_COMPARE(role(c, 2, AuditController::ActorRole).toString(),
                     QStringLiteral("mallory@x"));
    }

    void anInMemoryDatabaseHasNoAuditLog()
    {
        AuditController c;
        c.setDatabasePath(QStringLiteral(":memory:"));
        QVERIFY(!c.available());
        c.refresh();
        c.verify();
        QVERIFY(!c.loading() && !c.verifying());
        QCOMPARE(c.rowCount(), 0);
    }

    void anUnreadableDatabaseSaysSo()
    {
        QTemporaryDir dir;
        AuditController c;
        c.setDatabasePath(dir.filePath("no/such/folder/events.sqlite"));
        QSignalSpy error(&c, &AuditController::errorChanged);
        c.refresh();
        QVERIFY(error.wait(5000));
        QVERIFY(c.error().startsWith("The audit log could not be read: "));
        c.verify();
        QTRY_VERIFY(!c.verifying());
        QCOMPARE(c.verification(), QStringLiteral("error"));
        QVERIFY(c.verificationText().startsWith("The check could not run: "));
    }
};

QTEST_MAIN(TestAuditController)
#include "tst_audit_controller.moc"
