#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace llmopt {
class CredentialSource;
class PriceTable;
namespace offline {
class ExperimentDataset;
class ExperimentRunner;
struct ExperimentDefinition;
struct RunProgress;
} // namespace offline
} // namespace llmopt

// Runs the designer's experiment from the Experiments screen
// (docs/experiments.md, "In the workbench"): one offline::ExperimentRunner at a
// time, on a thread of its own, storing into the GUI's event database so that
// its events and results land where the screens read them. The runner's
// progress arrives on that thread after every outcome; it is kept under a
// short lock and handed to the GUI thread by a single-shot timer, so the
// properties change at most ten times a second however fast the calls are.
// A finished or cancelled run may be started again: the runner resumes
// (items with an outcome are not asked again).
class ExperimentRunController : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(bool paused READ paused NOTIFY progressChanged)
    // Whether run() can start: a valid definition and dataset, no run in progress.
    Q_PROPERTY(bool canRun READ canRun NOTIFY canRunChanged)
    // "idle", "starting", "running", "paused", "completed", "cancelled",
    // "spend_cap_reached" or "failed".
    Q_PROPERTY(QString status READ status NOTIFY progressChanged)
    // One sentence for the operator: the runner's message once it ended.
    Q_PROPERTY(QString statusText READ statusText NOTIFY progressChanged)
    // [{name, done, total, errors}] per arm, in the definition's order.
    Q_PROPERTY(QVariantList arms READ arms NOTIFY progressChanged)
    Q_PROPERTY(double done READ done NOTIFY progressChanged) // all arms
    Q_PROPERTY(double total READ total NOTIFY progressChanged)
    Q_PROPERTY(double spentUsd READ spentUsd NOTIFY progressChanged)
    Q_PROPERTY(double unpricedCalls READ unpricedCalls NOTIFY progressChanged)
    // The stored definition's id; 0 until a run has started.
    Q_PROPERTY(qint64 experimentId READ experimentId NOTIFY progressChanged)
    Q_PROPERTY(QString experimentName READ experimentName NOTIFY canRunChanged)
    // The providers the experiment calls (arms and judges), in order:
    // [{name, compatible, baseUrl}]; `compatible` marks an OpenAI-compatible
    // server, which needs a base URL and may need no key.
    Q_PROPERTY(QVariantList providers READ providers NOTIFY providersChanged)
    // A provider the run needs lacks its base URL: run() would fail at once.
    Q_PROPERTY(QString providerProblem READ providerProblem NOTIFY providersChanged)

public:
    static constexpr int kProgressIntervalMs = 100; // ≤ 10 updates a second

    ExperimentRunController(const llmopt::PriceTable& prices, QObject* parent = nullptr);
    ~ExperimentRunController() override; // cancels a run in progress and waits for it

    // The event database the runner stores into.
    void setDatabasePath(const QString& path);
    // The experiment the next run() runs; null when the designer has none
    // that can run (the definition or dataset is missing or invalid).
    void setExperiment(std::shared_ptr<const llmopt::offline::ExperimentDefinition> definition,
                       std::shared_ptr<const llmopt::offline::ExperimentDataset> dataset);
    // provider → base URL for OpenAI-compatible servers; "openai" and
    // "anthropic" default to their own.
    void setBaseUrls(std::map<std::string, std::string> baseUrls);
    const std::map<std::string, std::string>& baseUrls() const { return m_baseUrls; }
    Q_INVOKABLE void setBaseUrl(const QString& provider, const QString& url);
    Q_INVOKABLE QString baseUrl(const QString& provider) const; // empty: none set
    // Where API keys come from; the environment (OPENAI_API_KEY, …) by default.
    void setCredentials(std::shared_ptr<const llmopt::CredentialSource> credentials);
    // Retry timing for the provider clients (tests shorten it).
    void setBackoff(int initialMs, int maxMs);

    bool running() const { return m_running; }
    bool paused() const { return m_status == QLatin1String("paused"); }
    bool canRun() const;
    QString status() const { return m_status; }
    QString statusText() const { return m_statusText; }
    QVariantList arms() const { return m_arms; }
    double done() const { return m_done; }
    double total() const { return m_total; }
    double spentUsd() const { return m_spentUsd; }
    double unpricedCalls() const { return m_unpriced; }
    qint64 experimentId() const { return m_experimentId; }
    QString experimentName() const;
    QVariantList providers() const;
    QString providerProblem() const;

    Q_INVOKABLE void run();
    Q_INVOKABLE void pause();
    Q_INVOKABLE void resume();
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void runningChanged();
    void canRunChanged();
    void progressChanged();
    void providersChanged(); // the experiment or a base URL changed
    // The run ended (whatever its status); its outcomes are in the database.
    void finished(qint64 experimentId, const QString& status);

private:
    void progressPosted();
    void publishProgress();
    void runEnded(qint64 experimentId, QString status, QString message);
    void joinWorker();

    std::shared_ptr<const llmopt::PriceTable> m_prices;
    QString m_databasePath;
    std::shared_ptr<const llmopt::offline::ExperimentDefinition> m_definition;
    std::shared_ptr<const llmopt::offline::ExperimentDataset> m_dataset;
    std::map<std::string, std::string> m_baseUrls;
    std::shared_ptr<const llmopt::CredentialSource> m_credentials;
    int m_initialBackoffMs = 500;
    int m_maxBackoffMs = 20000;

    // Shared with the worker thread.
    struct Shared {
        std::mutex mutex;
        llmopt::offline::ExperimentRunner* runner = nullptr; // while run() is running
        std::unique_ptr<llmopt::offline::RunProgress> latest; // not yet published
        bool cancelRequested = false; // before the runner existed
        std::atomic<bool> posted{false}; // a delivery is queued or its timer armed
    };
    std::shared_ptr<Shared> m_shared;
    std::thread m_worker;
    QTimer m_coalesce;

    bool m_running = false;
    QString m_status = QStringLiteral("idle");
    QString m_statusText;
    QVariantList m_arms;
    double m_done = 0;
    double m_total = 0;
    double m_spentUsd = 0;
    double m_unpriced = 0;
    qint64 m_experimentId = 0;
};
