#pragma once

#include "overview_snapshot.h"
#include "variant_table_model.h"

#include <QDateTime>
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <vector>

class QAbstractSeries;
class ViewFilter;

// What the Overview screen shows: KPI tiles, the per-model charts and the
// variant table. Receives snapshots from the engine thread at any rate and
// applies the newest at most ten times a second on the GUI thread. The charts
// show either the live quarter hour (10-second buckets of the snapshot,
// redrawn once a second) or a longer range read from the stored windows on a
// worker thread.
class OverviewController : public QObject {
    Q_OBJECT
    Q_PROPERTY(double requestsPerSecond READ requestsPerSecond NOTIFY kpisChanged)
    Q_PROPERTY(double spendPerHour READ spendPerHour NOTIFY kpisChanged)
    Q_PROPERTY(double p95LatencyMs READ p95LatencyMs NOTIFY kpisChanged)
    Q_PROPERTY(double errorRate READ errorRate NOTIFY kpisChanged)
    Q_PROPERTY(double meanQuality READ meanQuality NOTIFY kpisChanged)
    Q_PROPERTY(bool hasQuality READ hasQuality NOTIFY kpisChanged)
    Q_PROPERTY(qulonglong eventsStored READ eventsStored NOTIFY kpisChanged)
    Q_PROPERTY(qulonglong eventsRejected READ eventsRejected NOTIFY kpisChanged)
    Q_PROPERTY(qulonglong unknownCost READ unknownCost NOTIFY kpisChanged)
    Q_PROPERTY(QStringList models READ models NOTIFY seriesChanged)
    Q_PROPERTY(QDateTime timeFrom READ timeFrom NOTIFY seriesChanged)
    Q_PROPERTY(QDateTime timeTo READ timeTo NOTIFY seriesChanged)
    Q_PROPERTY(double spendAxisMax READ spendAxisMax NOTIFY seriesChanged)
    Q_PROPERTY(double latencyAxisMax READ latencyAxisMax NOTIFY seriesChanged)
    Q_PROPERTY(QString latestNote READ latestNote NOTIFY notesChanged)
    Q_PROPERTY(QString feedError READ feedError NOTIFY feedErrorChanged)
    Q_PROPERTY(bool historyLoading READ historyLoading NOTIFY historyChanged)
    Q_PROPERTY(QString historyError READ historyError NOTIFY historyChanged)
    Q_PROPERTY(VariantTableModel* variants READ variants CONSTANT)

public:
    enum Metric { SpendPerHour, LatencyP95, LatencyP50, LatencyP99 }; // USD per hour; seconds
    Q_ENUM(Metric)

    explicit OverviewController(QObject* parent = nullptr);
    ~OverviewController() override;

    // The store the history ranges read (a connection of their own per query).
    void setDatabasePath(const QString& path) { m_databasePath = path; }

    double requestsPerSecond() const { return m_kpis.requestsPerSecond; }
    double spendPerHour() const { return m_kpis.spendPerHourUsd; }
    double p95LatencyMs() const { return m_kpis.p95LatencyMs; }
    double errorRate() const { return m_kpis.errorRate; }
    double meanQuality() const { return m_kpis.meanQuality.value_or(0.0); }
    bool hasQuality() const { return m_kpis.meanQuality.has_value(); }
    qulonglong eventsStored() const { return m_counters.stored; }
    qulonglong eventsRejected() const { return m_counters.rejected; }
    qulonglong unknownCost() const { return m_counters.unknownCost; }
    QStringList models() const { return m_models; }
    QDateTime timeFrom() const { return m_timeFrom; }
    QDateTime timeTo() const { return m_timeTo; }
    double spendAxisMax() const { return m_spendAxisMax; }
    double latencyAxisMax() const { return m_latencyAxisMax; }
    QString latestNote() const { return m_notes.isEmpty() ? QString() : m_notes.last(); }
    QString feedError() const { return m_feedError; }
    VariantTableModel* variants() const { return m_variants; }
    // The range and service shown (the header's selector); the live quarter
    // hour comes from the snapshots, the others from the stored windows.
    void setFilter(ViewFilter* filter);
    bool historyLoading() const { return m_historyLoading; }
    QString historyError() const { return m_historyError; }

    // Replaces the points of a QML line series with one model's history.
    Q_INVOKABLE void fillSeries(QAbstractSeries* series, const QString& model, Metric metric) const;

public Q_SLOTS:
    void receiveSnapshot(const OverviewSnapshotPtr& snapshot);
    void reportFeedError(const QString& message);

Q_SIGNALS:
    void kpisChanged();
    void seriesChanged();
    void notesChanged();
    void feedErrorChanged();
    void historyChanged();

private:
    void applyPending();
    void filterChanged();
    void showVariants();
    // Shows `series` over [from, to] in the charts.
    void setSeries(std::vector<llmopt::TimelineSeries> series, int64_t from, int64_t to);
    // Reads the chosen range from the store on the worker thread.
    void loadHistory();

    OverviewSnapshotPtr m_pending;
    OverviewSnapshotPtr m_current;
    int64_t m_liveSeriesUnixNano = 0; // of the snapshot the live charts show
    QTimer m_coalesce;
    llmopt::LiveKpis m_kpis;
    llmopt::IngestCounters m_counters;
    std::vector<llmopt::TimelineSeries> m_series; // what the charts show
    QStringList m_models;
    QStringList m_notes;
    QDateTime m_timeFrom;
    QDateTime m_timeTo;
    double m_spendAxisMax = 1.0;
    double m_latencyAxisMax = 1.0; // seconds
    QString m_feedError;
    VariantTableModel* m_variants;
    QString m_databasePath;
    ViewFilter* m_filter = nullptr;
    bool m_historyLoading = false;
    QString m_historyError;
    int m_historyRequest = 0; // answers to older requests are dropped
    QTimer m_historyRefresh;
    QThreadPool m_worker; // one thread: history queries, off the GUI thread
};
