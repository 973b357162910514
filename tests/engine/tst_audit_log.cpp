#include "audit_log.h"
#include "event_store.h"
#include "sha256.h"

#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>
#include <thread>

using namespace llmopt;

namespace {

constexpr int64_t kTime = 1'767'225'600'000'000'000LL;

void execOn(const QString& path, const std::string& sql)
{
    sqlite3* db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, message.c_str());
}

// The canonical form as audit_log.h documents it, written again from that text.
std::string documentedHash(const AuditRecord& r)
{
    const auto field
        = [](const std::string& x) { return std::to_string(x.size()) + ":" + x + ","; };
    return Sha256::hexDigest("llmopt-audit-v1\n" + field(std::to_string(r.seq))
                             + field(std::to_string(r.timeUnixNano)) + field(r.actor)
                             + field(r.action) + field(r.subject) + field(r.evidence.dump())
                             + field(r.previousHash));
}

// Four records: an approval with its evidence, as the approval command writes them.
void appendFour(AuditLog& log)
{
    for (int i = 1; i <= 4; ++i)
        log.append("alice@ops-1", i % 2 ? "approve" : "reject",
                   "recommendation/" + std::to_string(10 + i),
                   {{"summary", "switch support-chat to mini"}, {"p_value", 0.01 * i}},
                   kTime + i * 1'000'000'000LL);
}

} // namespace

class TestAuditLog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appendChainsRecordsAndListsNewestFirst()
    {
        QTemporaryDir dir;
        AuditLog log(dir.filePath("events.sqlite").toStdString());
        const AuditRecord first
            = log.append("alice@ops-1", "approve", "recommendation/7", {{"p_value", 0.003}}, kTime);
        QCOMPARE(first.seq, int64_t(1));
        QCOMPARE(first.previousHash, std::string(AuditLog::kGenesisHash));
        QCOMPARE(first.hash.size(), size_t(64));
        const AuditRecord second = log.append("bob@ops-2", "reject", "recommendation/8",
                                              nlohmann::json::object(), kTime + 1);
        QCOMPARE(second.seq, int64_t(2));
        QCOMPARE(second.previousHash, first.hash);

        const std::vector<AuditRecord> records = log.records(10);
        QCOMPARE(records.size(), size_t(2));
        QCOMPARE(records[0].seq, int64_t(2));
        QCOMPARE(records[0].actor, std::string("bob@ops-2"));
        QCOMPARE(records[0].hash, second.hash);
        QCOMPARE(records[1].action, std::string("approve"));
        QCOMPARE(records[1].subject, std::string("recommendation/7"));
        QCOMPARE(records[1].timeUnixNano, kTime);
        QCOMPARE(records[1].evidence["p_value"].get<double>(), 0.003);
        QCOMPARE(records[1].previousHash, std::string(AuditLog::kGenesisHash));
        QCOMPARE(log.records(1).size(), size_t(1));
    }

    // Anyone can check the chain from the documentation and a SHA-256 tool.
    void hashesFollowTheDocumentedCanonicalForm()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("events.sqlite");
        AuditLog log(path.toStdString());
        const nlohmann::json evidence
            = {{"z", 1}, {"a", {{"y", "ü \"quoted\""}, {"b", 2.5}}}, {"list", {3, nullptr}}};
        log.append("alice@ops-1", "approve", "recommendation/1", evidence, kTime);
        log.append("alice@ops-1", "start_rollout", "rollout/1", {{"step", 1}}, -5);
        for (const AuditRecord& r : log.records(10))
            QCOMPARE(documentedHash(r), r.hash);

        sqlite3* db = nullptr;
        sqlite3_open(path.toUtf8().constData(), &db);
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(db, "SELECT evidence FROM audit_log WHERE seq = 1", -1, &s, nullptr);
        QCOMPARE(sqlite3_step(s), SQLITE_ROW);
        const std::string stored = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
        sqlite3_finalize(s);
        sqlite3_close(db);
        QCOMPARE(stored,
                 std::string(
                     "{\"a\":{\"b\":2.5,\"y\":\"ü \\\"quoted\\\"\"},\"list\":[3,null],\"z\":1}"));
    }

    void intactChainVerifies()
    {
        QTemporaryDir dir;
        AuditLog log(dir.filePath("events.sqlite").toStdString());
        AuditLog::VerifyResult empty = log.verify();
        QVERIFY(empty.ok);
        QCOMPARE(empty.checked, size_t(0));
        QCOMPARE(empty.headSeq, int64_t(0));
        QCOMPARE(empty.headHash, std::string(AuditLog::kGenesisHash));

        appendFour(log);
        const AuditLog::VerifyResult v = log.verify();
        QVERIFY(v.ok);
        QCOMPARE(v.checked, size_t(4));
        QCOMPARE(v.brokenSeq, int64_t(0));
        QVERIFY(v.problem.empty());
        QCOMPARE(v.headSeq, int64_t(4));
        QCOMPARE(v.headHash, log.records(1).front().hash);
    }

    void tamperingIsReportedAtTheFirstBrokenLink_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<qint64>("brokenSeq");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<qint64>("intactHead"); // the last record before the break
        QTest::addColumn<int>("checked");
        QTest::newRow("edited evidence")
            << "UPDATE audit_log SET evidence = '{\"p_value\":0.5,\"summary\":\"x\"}' WHERE seq = 2"
            << qint64(2) << "content does not match its hash: the record was edited" << qint64(1)
            << 2;
        QTest::newRow("edited actor") << "UPDATE audit_log SET actor = 'mallory@x' WHERE seq = 3"
                                      << qint64(3) << "the record was edited" << qint64(2) << 3;
        QTest::newRow("edited time") << "UPDATE audit_log SET time_ns = time_ns + 1 WHERE seq = 1"
                                     << qint64(1) << "the record was edited" << qint64(0) << 1;
        QTest::newRow("renumbered") << "UPDATE audit_log SET seq = 9 WHERE seq = 4" << qint64(9)
                                    << "the record was edited" << qint64(3) << 4;
        QTest::newRow("deleted middle")
            << "DELETE FROM audit_log WHERE seq = 2" << qint64(3)
            << "record 2 is missing before it: it was deleted" << qint64(1) << 2;
        QTest::newRow("deleted two") << "DELETE FROM audit_log WHERE seq IN (2, 3)" << qint64(4)
                                     << "records 2 to 3 are missing before it" << qint64(1) << 2;
        QTest::newRow("deleted first") << "DELETE FROM audit_log WHERE seq = 1" << qint64(2)
                                       << "record 1 is missing before it" << qint64(0) << 1;
    }

    void tamperingIsReportedAtTheFirstBrokenLink()
    {
        QFETCH(QString, sql);
        QFETCH(qint64, brokenSeq);
        QFETCH(QString, problem);
        QFETCH(qint64, intactHead);
        QFETCH(int, checked);
        QTemporaryDir dir;
        const QString path = dir.filePath("events.sqlite");
        AuditLog log(path.toStdString());
        appendFour(log);
        execOn(path, sql.toStdString());
        const AuditLog::VerifyResult v = log.verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.brokenSeq, int64_t(brokenSeq));
        QVERIFY2(QString::fromStdString(v.problem).contains(problem), v.problem.c_str());
        QCOMPARE(v.headSeq, int64_t(intactHead));
        QCOMPARE(v.checked, size_t(checked));
    }

    // An edit whose hash was recomputed passes itself but breaks its successor's link.
    void reHashedEditIsCaughtByTheNextRecord()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("events.sqlite");
        AuditLog log(path.toStdString());
        appendFour(log);
        AuditRecord forged = log.records(10)[2]; // seq 2
        QCOMPARE(forged.seq, int64_t(2));
        forged.actor = "mallory@x";
        execOn(path,
               "UPDATE audit_log SET actor = 'mallory@x', hash = '" + documentedHash(forged)
                   + "' WHERE seq = 2");
        const AuditLog::VerifyResult v = log.verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.brokenSeq, int64_t(3));
        QCOMPARE(v.checked, size_t(3));
        QVERIFY2(v.problem.find("previous hash is not the hash of record 2") != std::string::npos,
                 v.problem.c_str());
    }

    // The documented limit: a chain cut at its end is still a valid chain.
    // Only the head kept elsewhere shows it.
    void deletedNewestRecordShowsOnlyAgainstAKeptHead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("events.sqlite");
        AuditLog log(path.toStdString());
        appendFour(log);
        const AuditLog::VerifyResult before = log.verify();
        execOn(path, "DELETE FROM audit_log WHERE seq = 4");
        const AuditLog::VerifyResult after = log.verify();
        QVERIFY(after.ok);
        QCOMPARE(after.checked, size_t(3));
        QCOMPARE(after.headSeq, int64_t(3));
        QVERIFY(after.headHash != before.headHash);
    }

    void writersOnOneFileKeepOneChain()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("events.sqlite").toStdString();
        {
            AuditLog a(path), b(path);
            for (int i = 0; i < 10; ++i) {
                a.append("alice@ops-1", "approve", "recommendation/" + std::to_string(i), {}, i);
                b.append("bob@ops-2", "reject", "recommendation/" + std::to_string(i), {}, i);
            }
        }
        const auto writer = [&path](std::string actor) {
            AuditLog log(path);
            for (int i = 0; i < 50; ++i)
                log.append(actor, "approve", "rollout/" + std::to_string(i), {{"i", i}}, i);
        };
        std::thread first(writer, "carol@ops-3"), second(writer, "dave@ops-4");
        first.join();
        second.join();

        AuditLog log(path);
        const AuditLog::VerifyResult v = log.verify();
        QVERIFY2(v.ok, v.problem.c_str());
        QCOMPARE(v.checked, size_t(120));
        const std::vector<AuditRecord> records = log.records(1000);
        QCOMPARE(records.back().actor, std::string("alice@ops-1"));
        QCOMPARE(records[records.size() - 2].actor, std::string("bob@ops-2"));
    }

    void badInputIsRefusedWithAReason()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("events.sqlite");
        AuditLog log(path.toStdString());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, log.append("", "approve", "r/1", {}, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, log.append("a@h", "", "r/1", {}, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, log.append("a@h", "approve", "", {}, 0));
        QVERIFY(log.records(10).empty());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, AuditLog(":memory:"));
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 AuditLog(dir.filePath("no/such/folder/x.sqlite").toStdString()));
        try {
            log.append("", "approve", "r/1", {}, 0);
        } catch (const std::invalid_argument& e) {
            QVERIFY(std::string(e.what()).find("actor") != std::string::npos);
        }

        // Invalid UTF-8 is stored replaced, and the chain over it holds.
        const AuditRecord r
            = log.append("a@h", "approve", "r/\xff", {{"note", "bad \xc3 byte"}}, 0);
        QCOMPARE(r.evidence["note"].get<std::string>(), std::string("bad \xef\xbf\xbd byte"));
        QCOMPARE(log.records(1).front().subject, std::string("r/\xff"));
        QVERIFY(log.verify().ok);

        execOn(path, "UPDATE audit_log SET evidence = 'not json' WHERE seq = 1");
        QVERIFY(log.records(1).front().evidence == nlohmann::json("not json"));
        QCOMPARE(log.verify().brokenSeq, int64_t(1));
    }

    void operatorIdentityIsUserAtHost()
    {
        const QByteArray user = qgetenv("USER"), logname = qgetenv("LOGNAME");
        qputenv("USER", "alice");
        const std::string identity = AuditLog::operatorIdentity();
        QVERIFY2(identity.starts_with("alice@") && identity.size() > 6, identity.c_str());
        qunsetenv("USER");
        qputenv("LOGNAME", "bob");
        QVERIFY(AuditLog::operatorIdentity().starts_with("bob@"));
        qunsetenv("LOGNAME");
        const std::string fallback = AuditLog::operatorIdentity();
        QVERIFY2(fallback.find('@') > 0 && fallback.back() != '@', fallback.c_str());
        user.isNull() ? qunsetenv("USER") : qputenv("USER", user);
        logname.isNull() ? qunsetenv("LOGNAME") : qputenv("LOGNAME", logname);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_audit_log.moc"
