#include "flagd_file_sink.h"
#include "http_server.h"
#include "otlp_proto_encoder.h"
#include "simulator.h"
#include "support/http_client.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <signal.h>
#include <sqlite3.h>
#include <thread>

using namespace llmopt;
using nlohmann::json;

namespace {

const std::map<std::string, std::string> kAuth{{"Authorization", "Bearer ops-token"}};
constexpr const char* kCandidate = "gpt-4o/v4";

int64_t wallNanos()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The daemon as an operator runs it, a process of its own.
struct Daemon {
    QProcess process;
    int otlpPort = 0, apiPort = 0;

    bool start(const QString& config)
    {
        process.setProcessChannelMode(QProcess::ForwardedOutputChannel);
        process.setReadChannel(QProcess::StandardError);
        process.start(QStringLiteral(LLMOPT_BINARY), {"--headless", "--config", config});
        QByteArray log;
        QElapsedTimer t;
        t.start();
        while (!log.contains("stop with Ctrl+C") && t.elapsed() < 15000) {
            process.waitForReadyRead(200);
            log += process.readAllStandardError();
        }
        // What it logs later is read and dropped, so that a full pipe never blocks it.
        QObject::connect(&process, &QProcess::readyReadStandardError,
                         [this] { process.readAllStandardError(); });
        const auto ports
            = QRegularExpression("OTLP/HTTP on 127.0.0.1:(\\d+).*API on 127.0.0.1:(\\d+)",
                                 QRegularExpression::DotMatchesEverythingOption)
                  .match(QString(log));
        if (!ports.hasMatch()) {
            qWarning("daemon did not start: %s", log.constData());
            return false;
        }
        otlpPort = ports.captured(1).toInt();
        apiPort = ports.captured(2).toInt();
        return true;
    }
    json get(const std::string& path)
    {
        HttpClient api(static_cast<uint16_t>(apiPort));
        return json::parse(api.request("GET", path, "", kAuth).body);
    }
    HttpClient::Response post(const std::string& path, const json& body)
    {
        HttpClient api(static_cast<uint16_t>(apiPort));
        return api.post(path, "application/json", body.dump(), kAuth);
    }
    json rollout() // the newest
    {
        const json all = get("/api/v1/rollouts")["rollouts"];
        return all.empty() ? json() : all.front();
    }
    ~Daemon()
    {
        if (process.state() != QProcess::NotRunning) {
            process.terminate();
            if (!process.waitForFinished(20000))
                process.kill();
        }
    }
};

// The application: serves requests with the canary simulator in real time,
// routing each by the flagd file the actuator writes (as an OpenFeature SDK
// with the flagd provider would), and sends its telemetry to the daemon over
// OTLP/HTTP on a thread of its own.
class Application {
public:
    Application(std::string candidate, std::string flagdFile)
        : m_simulator(SimulatorConfig::canary(5, wallNanos(), candidate, 4000))
        , m_flagdFile(std::move(flagdFile))
    {
        m_simulator.setWeights("support-chat", {{"gpt-4o/v3", 100}});
    }
    ~Application() { stop(); }

    void start(int otlpPort)
    {
        stop();
        m_stopping = false;
        m_thread = std::thread([this, otlpPort] { run(otlpPort); });
    }
    void stop()
    {
        m_stopping = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    int highestWeight() const { return m_highest; }
    int weight() const { return m_weight; }
    uint64_t canaryServed() const { return m_canaryServed; }

private:
    void follow()
    {
        QFile file(QString::fromStdString(m_flagdFile));
        if (!file.open(QIODevice::ReadOnly))
            return;
        const json flags = json::parse(file.readAll().toStdString(), nullptr, false);
        const auto weights = FlagdFileSink::fractionalWeights(flags, "support-chat.variant");
        if (weights.empty() || !m_simulator.setWeights("support-chat", weights))
            return;
        int candidate = 0;
        for (const auto& [name, w] : weights)
            if (name == kCandidate)
                candidate = static_cast<int>(w);
        m_weight = candidate;
        m_highest = std::max(m_highest.load(), candidate);
    }

    void run(int otlpPort)
    {
        std::optional<HttpClient> otlp;
        std::vector<LlmEvent> batch;
        while (!m_stopping) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            follow();
            batch.clear();
            m_simulator.generateUntil(wallNanos(), batch);
            for (const LlmEvent& e : batch)
                m_canaryServed += e.variantName == kCandidate;
            try {
                if (!otlp)
                    otlp.emplace(static_cast<uint16_t>(otlpPort));
                otlp->post("/v1/traces", "application/x-protobuf",
                           OtlpProtoEncoder::encodeTraces(batch));
            } catch (const std::exception&) {
                otlp.reset(); // the daemon is down (killed by the test): lose this batch
            }
        }
    }

    Simulator m_simulator;
    std::string m_flagdFile;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_highest{0}, m_weight{0};
    std::atomic<uint64_t> m_canaryServed{0};
};

QString writeConfig(const QTemporaryDir& dir, const QString& extra = {})
{
    QFile config(dir.filePath("daemon.yaml"));
    config.open(QIODevice::WriteOnly);
    config.write(QStringLiteral("storage:\n  path: %1\notlp:\n  http:\n    port: 0\n"
                                "api:\n  port: 0\n  bearer_token: ops-token\n"
                                "actuator:\n  flagd_file: %2\n  min_samples_per_analysis: 400\n%3")
                     .arg(dir.filePath("events.sqlite"), dir.filePath("flags.json"), extra)
                     .toUtf8());
    return config.fileName();
}

json startRollout(Daemon& daemon)
{
    const auto r = daemon.post("/api/v1/rollouts",
                               {{"service", "support-chat"},
                                {"stable", "gpt-4o/v3"},
                                {"candidate", kCandidate},
                                {"operator", "tester@ci"}});
    return {{"status", r.status}, {"body", json::parse(r.body, nullptr, false)}};
}

// Of the newest rollout; "" and -1 while the daemon's snapshot has none yet.
std::string phaseOf(const json& rollout)
{
    return rollout.is_null() ? std::string() : rollout["rollout"]["phase"].get<std::string>();
}
int weightOf(const json& rollout)
{
    return rollout.is_null() ? -1 : rollout["rollout"]["weight"].get<int>();
}

} // namespace

// The actuator in a closed loop on loopback: the daemon process judges the
// telemetry of an application that routes by the flagd file it writes.
class TestClosedLoop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // (a) A cheaper candidate of the same quality goes 1 → 5 → 25 → 50 %, waits
    // for the operator, and is promoted to 100 %; (e) the operators' commands
    // are in the audit log, whose tampering `audit verify` detects.
    void goodCandidateIsPromoted()
    {
        QTemporaryDir dir;
        Daemon daemon;
        QVERIFY(daemon.start(writeConfig(dir)));
        Application app("good", dir.filePath("flags.json").toStdString());
        app.start(daemon.otlpPort);
        const json started = startRollout(daemon);
        QVERIFY2(started["status"] == 200, started.dump().c_str());
        QTRY_VERIFY_WITH_TIMEOUT(phaseOf(daemon.rollout()) == "paused", 90000);
        QCOMPARE(weightOf(daemon.rollout()), 50);
        const int64_t id = started["body"]["rollout_id"].get<int64_t>();
        const auto confirmed = daemon.post("/api/v1/rollouts/" + std::to_string(id) + "/confirm",
                                           {{"operator", "tester@ci"}});
        QVERIFY2(confirmed.status == 200, confirmed.body.c_str());
        QTRY_VERIFY_WITH_TIMEOUT(phaseOf(daemon.rollout()) == "promoted", 30000);
        QTRY_COMPARE_WITH_TIMEOUT(app.weight(), 100, 10000); // the application follows
        const json r = daemon.rollout();
        for (const json& a : r["analyses"])
            QCOMPARE(a["verdict"].get<std::string>(), std::string("pass"));
        QCOMPARE(r["analyses"].size(), size_t(4));
        app.stop();

        const json audit = daemon.get("/api/v1/audit");
        QVERIFY(audit["verify"]["ok"] == true);
        QCOMPARE(audit["records"].size(), size_t(2));
        QCOMPARE(audit["records"][0]["action"].get<std::string>(), std::string("confirm"));
        QCOMPARE(audit["records"][1]["actor"].get<std::string>(), std::string("tester@ci"));

        // (e) Someone edits who started the rollout: the chain shows it.
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(dir.filePath("events.sqlite").toUtf8().constData(), &db), SQLITE_OK);
        sqlite3_busy_timeout(db, 10000); // the daemon is writing
        QCOMPARE(sqlite3_exec(db, "UPDATE audit_log SET actor = 'someone@else' WHERE seq = 1",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
        QProcess verify;
        verify.start(QStringLiteral(LLMOPT_BINARY),
                     {"audit", "verify", "--db", dir.filePath("events.sqlite")});
        QVERIFY(verify.waitForFinished(20000));
        QCOMPARE(verify.exitCode(), 3);
        QVERIFY2(verify.readAllStandardOutput().contains("broken at record 1"),
                 "audit verify names the first broken record");
    }

    // (b) A candidate whose answers score 10 % lower, or that fails three
    // times as often, is rolled back automatically before its weight passes 5 %.
    void badCandidateIsRolledBack_data()
    {
        QTest::addColumn<QString>("candidate");
        QTest::newRow("quality -10%") << "worse-quality";
        QTest::newRow("errors x3") << "more-errors";
    }
    void badCandidateIsRolledBack()
    {
        QFETCH(QString, candidate);
        QTemporaryDir dir;
        Daemon daemon;
        QVERIFY(daemon.start(writeConfig(dir)));
        Application app(candidate.toStdString(), dir.filePath("flags.json").toStdString());
        app.start(daemon.otlpPort);
        QVERIFY(startRollout(daemon)["status"] == 200);
        QTRY_VERIFY_WITH_TIMEOUT(phaseOf(daemon.rollout()) == "rolled_back", 90000);
        QTRY_COMPARE_WITH_TIMEOUT(app.weight(), 0, 10000);
        QVERIFY2(app.highestWeight() <= 5, std::to_string(app.highestWeight()).c_str());
        qInfo("%s after %llu canary requests",
              daemon.rollout()["rollout"]["message"].get<std::string>().c_str(),
              static_cast<unsigned long long>(app.canaryServed()));
    }

    // (c) SIGKILL mid-rollout: the restarted daemon holds the weight it had
    // published until an operator confirms — it never jumps ahead.
    void killedDaemonResumesSafely()
    {
        QTemporaryDir dir;
        const QString config = writeConfig(dir);
        int weight = 0;
        {
            Daemon daemon;
            QVERIFY(daemon.start(config));
            Application app("good", dir.filePath("flags.json").toStdString());
            app.start(daemon.otlpPort);
            QVERIFY(startRollout(daemon)["status"] == 200);
            QTRY_VERIFY_WITH_TIMEOUT(weightOf(daemon.rollout()) >= 5, 60000);
            weight = weightOf(daemon.rollout());
            ::kill(static_cast<pid_t>(daemon.process.processId()), SIGKILL);
            QVERIFY(daemon.process.waitForFinished(10000));
            app.stop();
        }
        Daemon again;
        QVERIFY(again.start(config));
        Application app("good", dir.filePath("flags.json").toStdString());
        app.start(again.otlpPort);
        QTRY_COMPARE_WITH_TIMEOUT(phaseOf(again.rollout()), std::string("paused"), 10000);
        json r = again.rollout();
        QCOMPARE(weightOf(r), weight);
        QVERIFY2(r["rollout"]["message"].get<std::string>().find("resumed after a restart")
                     != std::string::npos,
                 r.dump().c_str());
        QTest::qWait(3000); // traffic flows; the rollout stays where it was
        r = again.rollout();
        QCOMPARE(phaseOf(r), std::string("paused"));
        QCOMPARE(weightOf(r), weight);
        QCOMPARE(app.highestWeight(), weight);
    }

    // (d) A webhook target answering 503 holds the rollout: no step is taken
    // until it acknowledges; then the rollout goes on.
    void failingWebhookHolds()
    {
        std::atomic<int> status{503};
        std::atomic<int> requests{0};
        std::mutex keysMutex;
        std::set<std::string> keys;
        HttpServer target({"127.0.0.1", 0, 1 << 20, 1, "webhook", {}, {}},
                          [&](HttpRequest& request) {
                              ++requests;
                              for (const auto& [name, value] : request.headers)
                                  if (name == "idempotency-key") {
                                      std::lock_guard lock(keysMutex);
                                      keys.insert(value);
                                  }
                              HttpResponse r;
                              r.status = status;
                              r.body = "{}";
                              return r;
                          });
        target.start();
        QTemporaryDir dir;
        Daemon daemon;
        QVERIFY(daemon.start(
            writeConfig(dir,
                        QStringLiteral("  webhook:\n    url: http://127.0.0.1:%1/policy\n"
                                       "    max_attempts: 2\n    timeout_ms: 1000\n")
                            .arg(target.port()))));
        Application app("good", dir.filePath("flags.json").toStdString());
        app.start(daemon.otlpPort);
        QVERIFY(startRollout(daemon)["status"] == 200);
        QTRY_VERIFY_WITH_TIMEOUT(requests >= 4, 20000); // retried, with backoff, several times
        QTest::qWait(2000);
        json r = daemon.rollout();
        QCOMPARE(weightOf(r), 0);
        QVERIFY(r["awaited_policy_version"].get<uint64_t>() > 0);
        QVERIFY2(r["sink_message"].get<std::string>().find("503") != std::string::npos,
                 r.dump().c_str());
        {
            std::lock_guard lock(keysMutex);
            QCOMPARE(keys.size(), size_t(1)); // every retry of one document carries one key
        }
        status = 200; // the target recovers
        QTRY_VERIFY_WITH_TIMEOUT(weightOf(daemon.rollout()) >= 1, 30000);
        app.stop();
        target.stop();
    }
};

QTEST_GUILESS_MAIN(TestClosedLoop)
#include "tst_closed_loop.moc"
