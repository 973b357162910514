#pragma once

#include "audit_controller.h"
#include "cost_controller.h"
#include "drift_history.h"
#include "engine_loop.h"
#include "experiment_designer.h"
#include "experiment_results_controller.h"
#include "experiment_run_controller.h"
#include "finding_list_model.h"
#include "ingest_status.h"
#include "keychain_credentials.h"
#include "overview_snapshot.h"
#include "pareto_controller.h"
#include "recommendation_list_model.h"
#include "report_exporter.h"
#include "rollout_controller.h"
#include "source_list_model.h"
#include "view_filter.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>

namespace llmopt {
class EventStore;
class IngestQueue;
class PriceTable;
class SimulatorSource;
} // namespace llmopt

// The GUI's engine, wired as in the daemon: sources (the Connections list, or
// the embedded demo feed while that list is empty) → ingest queue → engine
// thread → store. Lives on the GUI thread; reads the engine's snapshot ten
// times a second and hands it on as an OverviewSnapshot. Nothing here blocks:
// the engine thread does the work.
class EngineHost : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool demoRunning READ demoRunning NOTIFY demoRunningChanged)
    Q_PROPERTY(SourceListModel* sources READ sources CONSTANT)
    Q_PROPERTY(FindingListModel* findings READ findings CONSTANT)
    // The selected finding's statistic over time (Drift & Anomalies).
    Q_PROPERTY(DriftHistory* driftHistory READ driftHistory CONSTANT)
    Q_PROPERTY(CostController* costs READ costs CONSTANT)
    Q_PROPERTY(ParetoController* pareto READ pareto CONSTANT)
    Q_PROPERTY(RecommendationListModel* recommendations READ recommendations CONSTANT)
    Q_PROPERTY(RolloutController* rollouts READ rollouts CONSTANT)
    Q_PROPERTY(AuditController* audit READ audit CONSTANT)
    Q_PROPERTY(ExperimentDesigner* experiments READ experiments CONSTANT)
    Q_PROPERTY(ExperimentRunController* experimentRun READ experimentRun CONSTANT)
    // Provider API keys: the system keychain, the environment as fallback.
    Q_PROPERTY(KeychainCredentials* keys READ keys CONSTANT)
    // Export report… of the Costs and Drift & Anomalies screens.
    Q_PROPERTY(ReportExporter* reports READ reports CONSTANT)
    Q_PROPERTY(ExperimentResultsController* experimentResults READ experimentResults CONSTANT)
    // Ingest rate, queue, backpressure and source health: the status bar.
    Q_PROPERTY(IngestStatus* ingest READ ingest CONSTANT)

public:
    struct Settings {
        QString databasePath;
        QString scenario = QStringLiteral("demo");
        quint64 seed = 1;
        int backfillSeconds
            = 1800; // demo history generated at start: charts and analyzers have data
        double rateScale = 1.0;
        bool loadSavedSources = true; // false: start with an empty Connections list
    };

    EngineHost(Settings settings, const llmopt::PriceTable& prices,
               llmopt::EngineLoop::Options engine = {}, QObject* parent = nullptr);
    ~EngineHost() override;

    // Opens the store and starts the engine and the sources; on failure emits failed().
    void start();

    bool demoRunning() const;
    SourceListModel* sources() const { return m_sources; }
    FindingListModel* findings() const { return m_findings; }
    DriftHistory* driftHistory() const { return m_driftHistory; }
    CostController* costs() const { return m_costs; }
    ParetoController* pareto() const { return m_pareto; }
    RecommendationListModel* recommendations() const { return m_recommendations; }
    RolloutController* rollouts() const { return m_rollouts; }
    AuditController* audit() const { return m_audit; }
    ExperimentDesigner* experiments() const { return m_experiments; }
    ExperimentRunController* experimentRun() const { return m_experimentRun; }
    KeychainCredentials* keys() const { return m_keys.get(); }
    ReportExporter* reports() const { return m_reports; }
    // The header's range and service: the screens' controllers follow it, the
    // engine's snapshots count the chosen service's calls.
    void setFilter(ViewFilter* filter);
    ExperimentResultsController* experimentResults() const { return m_experimentResults; }
    IngestStatus* ingest() const { return m_ingest; }

Q_SIGNALS:
    void snapshotReady(const OverviewSnapshotPtr& snapshot);
    void failed(const QString& message);
    void demoRunningChanged();

private:
    void refresh();
    void updateDemo();
    void restoreBaseUrls();
    void saveBaseUrls() const;

    Settings m_settings;
    llmopt::EngineLoop::Options m_engineOptions;
    std::unique_ptr<llmopt::PriceTable> m_prices;
    std::unique_ptr<llmopt::EventStore> m_store;
    std::unique_ptr<llmopt::IngestQueue> m_queue;
    std::unique_ptr<llmopt::EngineLoop> m_engine;
    std::shared_ptr<llmopt::SimulatorSource> m_demo; // also one of the engine's policy sinks
    SourceListModel* m_sources = nullptr;
    FindingListModel* m_findings = nullptr;
    DriftHistory* m_driftHistory = nullptr;
    CostController* m_costs = nullptr;
    ParetoController* m_pareto = nullptr;
    RecommendationListModel* m_recommendations = nullptr;
    RolloutController* m_rollouts = nullptr;
    AuditController* m_audit = nullptr;
    ExperimentDesigner* m_experiments = nullptr;
    ExperimentRunController* m_experimentRun = nullptr; // stores into the GUI's database
    std::shared_ptr<KeychainCredentials> m_keys; // shared with the runs' provider clients
    ReportExporter* m_reports = nullptr;
    ViewFilter* m_filter = nullptr;
    ExperimentResultsController* m_experimentResults = nullptr;
    IngestStatus* m_ingest = nullptr;
    uint64_t m_decisionRound = 0; // of the views shown
    uint64_t m_rolloutRound = 0;
    QTimer m_refresh;
    QString m_lastError;
    uint64_t m_publishedCommits = 0;
    int64_t m_publishedUnixNano = 0;
};
