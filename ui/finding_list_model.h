#pragma once

#include "finding.h"
#include "view_filter.h"

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QString>
#include <QThreadPool>
#include <vector>

class QAbstractSeries;

// The analyzers' findings for the Findings screen, newest first, filtered by
// analyzer, least severity, a text, and the header's range and service; the selected one's evidence
// can be drawn into chart series.
class FindingListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(
        QString analyzerFilter READ analyzerFilter WRITE setAnalyzerFilter NOTIFY filterChanged)
    Q_PROPERTY(
        int minimumSeverity READ minimumSeverity WRITE setMinimumSeverity NOTIFY filterChanged)
    Q_PROPERTY(QString textFilter READ textFilter WRITE setTextFilter NOTIFY filterChanged)
    Q_PROPERTY(int total READ total NOTIFY totalChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        AnalyzerRole = Qt::UserRole + 1,
        KeyRole,
        MetricRole,
        MethodRole,
        StatisticRole,
        PValueRole, // undefined when the method has none
        ThresholdRole,
        SeverityRole, // 0 info, 1 warning, 2 critical
        SeverityNameRole,
        WindowStartRole, // QDateTime
        WindowEndRole,
        SummaryRole,
        EvidenceRole, // the evidence as indented JSON text
        ChartRole, // how the evidence is drawn: a ChartKind
    };
    Q_ENUM(Role)
    // Anomalies: a series of windows and the one tested; drift of a
    // distribution: shares per bin or category; regressions: reference and
    // current estimates with their confidence intervals.
    enum ChartKind { NoChart, WindowSeries, Bins, Comparison };
    Q_ENUM(ChartKind)
    enum EvidenceSeries { Baseline, Current, Reference, Latest, ReferenceInterval, LatestInterval };
    Q_ENUM(EvidenceSeries)

    explicit FindingListModel(QObject* parent = nullptr);
    ~FindingListModel() override; // waits for a stored range being read

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // All findings, oldest first (as the engine keeps them), and how many the
    // engine has raised in all: the list is rebuilt only when that changed.
    void setFindings(const std::vector<llmopt::Finding>& findings, uint64_t raised);

    QString analyzerFilter() const { return m_analyzer; }
    void setAnalyzerFilter(const QString& analyzer);
    int minimumSeverity() const { return m_minimumSeverity; }
    void setMinimumSeverity(int severity);
    QString textFilter() const { return m_text; }
    void setTextFilter(const QString& text);
    // Also only the findings of the chosen service detected in the chosen
    // range (the header's selector): live, those the engine holds; a stored
    // range, those of the store (setDatabasePath), read on a worker thread.
    void setViewFilter(ViewFilter* filter);
    void setDatabasePath(const QString& path) { m_databasePath = path; }
    static constexpr size_t kMaxStored = 10'000; // findings of a stored range, newest first
    static constexpr int kStoredRefreshMs = 5'000; // a stored range re-read at most this often
    int total() const { return static_cast<int>(m_all.size()); }

    // Draws the evidence of row `row` into an XY series. WindowSeries:
    // Baseline (the previous windows, x = 1 … n) and Current (the window
    // tested, x = n + 1). Bins: Reference and Latest shares per bin (x = bin
    // number). Comparison: Reference (x = 1) and Latest (x = 2) estimates and
    // each one's interval as a vertical segment. Returns the largest y drawn.
    Q_INVOKABLE double fillEvidence(QAbstractSeries* series, int row, EvidenceSeries which) const;

Q_SIGNALS:
    void filterChanged();
    void totalChanged();
    void countChanged();

private:
    void refilter();
    bool accepted(const llmopt::Finding& f) const;
    // The list: the engine's findings (live) or the stored range's.
    void show(std::vector<llmopt::Finding> findings);
    void viewChanged();
    void loadStored();

    std::vector<llmopt::Finding> m_all; // newest first
    uint64_t m_raised = 0;
    std::vector<size_t> m_rows; // indices into m_all that pass the filters
    QString m_analyzer;
    int m_minimumSeverity = 0;
    QString m_text;
    ViewFilter* m_viewFilter = nullptr;
    ViewFilter::Period m_period; // of the last refilter()
    std::vector<llmopt::Finding> m_live; // the engine's, newest first
    QString m_databasePath;
    QThreadPool m_worker; // one thread: stored ranges, off the GUI thread
    int m_request = 0; // answers to older requests are dropped
    QElapsedTimer m_loaded; // since the stored range was last read
};
