#pragma once

#include "experiment_results_model.h"

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QVariantList>
#include <QVariantMap>
#include <atomic>
#include <memory>

namespace llmopt::offline {
struct OfflineResults;
}

// The results panel of the Experiments screen (docs/experiments.md, "In the
// workbench"): the stored experiments of the GUI's event database, and for
// the one chosen the analysis of its outcomes (OfflineResults) — verdict,
// the primary metric per arm with its interval, the comparisons with their
// fixed-horizon (Holm) and always-valid p-values and effect sizes, and the
// first disagreeing items — plus the report export. The store is read and
// the analysis computed on a worker thread (its own store connection); the
// figures come back queued, and a newer request supersedes an older one.
class ExperimentResultsController : public QObject {
    Q_OBJECT
    // [{id, name, label}] for the combo, the newest first.
    Q_PROPERTY(QVariantList experiments READ experiments NOTIFY experimentsChanged)
    Q_PROPERTY(qint64 experimentId READ experimentId NOTIFY resultsChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool hasResults READ hasResults NOTIFY resultsChanged) // outcomes stored
    Q_PROPERTY(QString error READ error NOTIFY resultsChanged)
    Q_PROPERTY(QString experimentName READ experimentName NOTIFY resultsChanged)
    Q_PROPERTY(QString primaryMetric READ primaryMetric NOTIFY resultsChanged)
    // {kind, winner, text, powerText, detectableText}
    Q_PROPERTY(QVariantMap verdict READ verdict NOTIFY resultsChanged)
    Q_PROPERTY(ExperimentResultsModel* arms READ arms CONSTANT)
    // [{arm, metric, method, differenceText, intervalText, p, pText, holmPText,
    //   alwaysValidPText, effectText, significant, better, primary}]
    Q_PROPERTY(QVariantList comparisons READ comparisons NOTIFY resultsChanged)
    // The first kDisagreementsShown: [{itemId, scores: [text per arm]}]
    Q_PROPERTY(QVariantList disagreements READ disagreements NOTIFY resultsChanged)
    Q_PROPERTY(int disagreementCount READ disagreementCount NOTIFY resultsChanged)
    // The chart's value range: the intervals with a margin.
    Q_PROPERTY(double chartMin READ chartMin NOTIFY resultsChanged)
    Q_PROPERTY(double chartMax READ chartMax NOTIFY resultsChanged)
    // The primary metric per arm for the chart: [{arm, mean, low, high}] (arms with a value).
    Q_PROPERTY(QVariantList chartPoints READ chartPoints NOTIFY resultsChanged)
    Q_PROPERTY(bool exporting READ exporting NOTIFY exportChanged)
    // The last export's outcome: "" before any, else a sentence.
    Q_PROPERTY(QString exportMessage READ exportMessage NOTIFY exportChanged)
    Q_PROPERTY(bool exportFailed READ exportFailed NOTIFY exportChanged)

public:
    static constexpr int kDisagreementsShown = 20;

    explicit ExperimentResultsController(QObject* parent = nullptr);
    ~ExperimentResultsController() override;

    void setDatabasePath(const QString& path);

    QVariantList experiments() const { return m_experiments; }
    qint64 experimentId() const { return m_experimentId; }
    bool loading() const { return m_pending > 0; }
    bool hasResults() const { return m_hasResults; }
    QString error() const { return m_error; }
    QString experimentName() const { return m_name; }
    QString primaryMetric() const { return m_primary; }
    QVariantMap verdict() const { return m_verdict; }
    ExperimentResultsModel* arms() const { return m_arms; }
    QVariantList comparisons() const { return m_comparisons; }
    QVariantList disagreements() const { return m_disagreements; }
    int disagreementCount() const { return m_disagreementCount; }
    double chartMin() const { return m_chartMin; }
    double chartMax() const { return m_chartMax; }
    QVariantList chartPoints() const { return m_chartPoints; }
    bool exporting() const { return m_exporting; }
    QString exportMessage() const { return m_exportMessage; }
    bool exportFailed() const { return m_exportFailed; }
    // The analysis shown; null before one was computed.
    std::shared_ptr<const llmopt::offline::OfflineResults> results() const { return m_results; }

    // Reads the stored experiments again (after a run stored a definition).
    Q_INVOKABLE void refreshExperiments();
    // Computes the results of the stored experiment `id`.
    Q_INVOKABLE void select(qint64 id);
    Q_INVOKABLE void reload() { select(m_experimentId); }
    // "pdf", "html", "json" or "csv": where the report goes unless the
    // operator types another path — beside the dataset when that folder
    // exists, else in Documents/llm-optimizer.
    Q_INVOKABLE QString defaultExportPath(const QString& format) const;
    // Writes the report of the experiment shown, off the GUI thread.
    Q_INVOKABLE void exportReport(const QString& format, const QString& path);

Q_SIGNALS:
    void experimentsChanged();
    void resultsChanged();
    void loadingChanged();
    void exportChanged();

private:
    struct Computed;
    void computed(quint64 generation, std::shared_ptr<Computed> c);
    void exported(bool ok, QString message);

    QString m_databasePath;
    QVariantList m_experiments;
    qint64 m_experimentId = 0;
    QString m_datasetFolder;
    int m_pending = 0;
    bool m_hasResults = false;
    QString m_error;
    QString m_name;
    QString m_primary;
    QVariantMap m_verdict;
    ExperimentResultsModel* m_arms = nullptr;
    QVariantList m_comparisons;
    QVariantList m_disagreements;
    int m_disagreementCount = 0;
    double m_chartMin = 0;
    double m_chartMax = 1;
    QVariantList m_chartPoints;
    bool m_exporting = false;
    QString m_exportMessage;
    bool m_exportFailed = false;
    std::shared_ptr<const llmopt::offline::OfflineResults> m_results;
    std::atomic<quint64> m_generation{0};
    QThreadPool m_worker;
};
