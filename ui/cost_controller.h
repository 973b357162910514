#pragma once

#include "cost_analyzer.h"
#include "cost_budget_model.h"
#include "cost_driver_model.h"
#include "event_store.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QThreadPool>
#include <QTimer>
#include <QVariantList>
#include <map>
#include <string>
#include <vector>

class QAbstractSeries;
class ViewFilter;

// What the Costs screen shows over the chosen time range (ViewFilter): spend per
// bucket by model or by service (lines or stacked), budget lines from the
// configured per-service budgets converted to the bucket, the budget table
// (spend so far and forecast per service), the top cost drivers and the calls
// without a price. Everything is read from the stored one-minute windows by a
// worker thread with a connection of its own; the GUI thread only takes the
// answer (newer requests win).
class CostController : public QObject {
    Q_OBJECT
    // Whether the screen is shown: hidden, it is not refreshed.
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(bool byService READ byService WRITE setByService NOTIFY seriesChanged)
    Q_PROPERTY(bool stacked READ stacked WRITE setStacked NOTIFY seriesChanged)
    Q_PROPERTY(QStringList seriesNames READ seriesNames NOTIFY seriesChanged)
    // {name, value (USD per bucket), seriesIndex (-1: all services), label}
    Q_PROPERTY(QVariantList budgetLines READ budgetLines NOTIFY seriesChanged)
    // Why no budget line is drawn, or what the lines leave out; "" otherwise.
    Q_PROPERTY(QString budgetNote READ budgetNote NOTIFY seriesChanged)
    Q_PROPERTY(QDateTime timeFrom READ timeFrom NOTIFY seriesChanged)
    Q_PROPERTY(QDateTime timeTo READ timeTo NOTIFY seriesChanged)
    Q_PROPERTY(double axisMax READ axisMax NOTIFY seriesChanged)
    Q_PROPERTY(int tickCount READ tickCount NOTIFY seriesChanged) // of the time axis
    Q_PROPERTY(QString bucketText READ bucketText NOTIFY seriesChanged)
    Q_PROPERTY(double totalSpend READ totalSpend NOTIFY seriesChanged)
    Q_PROPERTY(qulonglong totalCalls READ totalCalls NOTIFY seriesChanged)
    Q_PROPERTY(qulonglong unpricedCalls READ unpricedCalls NOTIFY seriesChanged)
    Q_PROPERTY(QStringList unpricedModels READ unpricedModels NOTIFY seriesChanged)
    Q_PROPERTY(bool hasBudgets READ hasBudgets CONSTANT)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY loadingChanged)
    Q_PROPERTY(CostBudgetModel* budgets READ budgets CONSTANT)
    Q_PROPERTY(CostDriverModel* drivers READ drivers CONSTANT)

public:
    explicit CostController(QObject* parent = nullptr);
    ~CostController() override;

    // The store to read (a connection of its own per query) and the budgets by service.
    void setDatabasePath(const QString& path) { m_databasePath = path; }
    void setBudgets(std::map<std::string, llmopt::CostAnalyzer::Budget> budgets);

    // The range and service shown (the header's selector).
    void setFilter(ViewFilter* filter);
    bool active() const { return m_active; }
    void setActive(bool active);
    bool byService() const { return m_byService; }
    void setByService(bool byService);
    bool stacked() const { return m_stacked; }
    void setStacked(bool stacked);
    QStringList seriesNames() const { return m_names; }
    QVariantList budgetLines() const { return m_budgetLines; }
    QString budgetNote() const { return m_budgetNote; }
    QDateTime timeFrom() const;
    QDateTime timeTo() const;
    double axisMax() const { return m_axisMax; }
    int tickCount() const;
    QString bucketText() const;
    double totalSpend() const { return m_totalUsd; }
    qulonglong totalCalls() const { return m_totalCalls; }
    qulonglong unpricedCalls() const { return m_unpricedCalls; }
    QStringList unpricedModels() const { return m_unpricedModels; }
    bool hasBudgets() const { return !m_budgets.empty(); }
    bool loading() const { return m_loading; }
    QString error() const { return m_error; }
    CostBudgetModel* budgets() const { return m_budgetModel; }
    CostDriverModel* drivers() const { return m_driverModel; }
    int64_t bucketNanos() const { return m_bucket; }

    // The points of series `index` (USD per bucket, x in ms since the
    // epoch; stacked: the running total up to it, or with `lower` up to the
    // one before), reduced for display into a QML line series.
    Q_INVOKABLE void fillSeries(QAbstractSeries* series, int index, bool lower = false) const;
    // All points of series `index` as above (not reduced).
    QList<QPointF> seriesPoints(int index, bool lower = false) const;
    // The bucket under the cursor as text: its time, each series' spend,
    // the total and the budget per bucket.
    Q_INVOKABLE QString readout(double msecs) const;
    // Reads the range again from the store (off the GUI thread).
    Q_INVOKABLE void refresh();
    // The engine has stored `count` windows since it started: read again
    // when that changed, one read at a time.
    void windowsStored(quint64 count);

Q_SIGNALS:
    void activeChanged();
    void seriesChanged();
    void loadingChanged();

private:
    // Whether a service passes the header's service filter (its budget is shown).
    bool shown(const std::string& service) const;
    struct Loaded; // a worker's answer
    void apply(Loaded loaded);
    // Series, budget lines and axis from m_cells for the chosen grouping.
    void rebuildSeries();

    QString m_databasePath;
    std::map<std::string, llmopt::CostAnalyzer::Budget> m_budgets;
    ViewFilter* m_filter = nullptr;
    bool m_active = false;
    bool m_byService = true; // budgets are per service
    bool m_stacked = false;
    int64_t m_from = 0, m_to = 0, m_bucket = 60'000'000'000LL; // of the data shown
    std::vector<llmopt::CostCell> m_cells;
    std::vector<int64_t> m_bucketStarts; // every bucket of the range, with or without calls
    std::vector<std::vector<double>> m_values; // per series, per bucket: USD
    QStringList m_names;
    QVariantList m_budgetLines;
    QString m_budgetNote;
    double m_axisMax = 1;
    double m_totalUsd = 0;
    qulonglong m_totalCalls = 0;
    qulonglong m_unpricedCalls = 0;
    QStringList m_unpricedModels;
    CostBudgetModel* m_budgetModel;
    CostDriverModel* m_driverModel;
    bool m_loading = false;
    QString m_error;
    int m_request = 0; // answers to older requests are dropped
    quint64 m_windowsSeen = 0;
    bool m_stale = false; // windows were stored while reading
    QTimer m_refresh;
    QThreadPool m_worker; // one thread: the store's queries
};
