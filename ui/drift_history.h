#pragma once

#include "finding.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QStringList>
#include <QThreadPool>
#include <vector>

class QAbstractSeries;

// One key's metric over time as its analyzer judged it, for the Drift &
// Anomalies screen: the statistic of every stored finding about that key and
// metric by the same method (PSI where the finding has one, else the method's
// statistic: KS D, χ², z, …) at the end of the window it tested, and a marker
// at each finding's detection time coloured by its severity. Analyzers store
// a statistic only when they raise a finding, so the line joins findings.
// Read from the store by a worker thread with a connection of its own.
class DriftHistory : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString key READ key NOTIFY changed)
    Q_PROPERTY(QString metric READ metric NOTIFY changed)
    Q_PROPERTY(QString statisticName READ statisticName NOTIFY changed)
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(QDateTime timeFrom READ timeFrom NOTIFY changed)
    Q_PROPERTY(QDateTime timeTo READ timeTo NOTIFY changed)
    Q_PROPERTY(double axisMin READ axisMin NOTIFY changed) // 0, or below a negative statistic
    Q_PROPERTY(double axisMax READ axisMax NOTIFY changed)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY loadingChanged)

public:
    static constexpr size_t kMaxFindings = 2000; // the newest, per key and metric

    // Statistic: the line at window ends; Detections: the markers.
    enum Series { Statistic, Detections };
    Q_ENUM(Series)

    explicit DriftHistory(QObject* parent = nullptr);
    ~DriftHistory() override;

    void setDatabasePath(const QString& path) { m_databasePath = path; }

    QString key() const { return m_key; }
    QString metric() const { return m_metric; }
    QString statisticName() const { return m_statisticName; }
    int count() const { return int(m_findings.size()); }
    QDateTime timeFrom() const { return m_timeFrom; }
    QDateTime timeTo() const { return m_timeTo; }
    double axisMin() const { return m_axisMin; }
    double axisMax() const { return m_axisMax; }
    bool loading() const { return m_loading; }
    QString error() const { return m_error; }

    // Reads the findings about `key`'s `metric` by `method` (off the GUI thread).
    Q_INVOKABLE void load(const QString& key, const QString& metric, const QString& method);
    // The points of a series, oldest first (x in ms since the epoch).
    QList<QPointF> points(Series which) const;
    // Replaces the points of a QML series; Detections colours each marker by
    // its finding's severity: `severityColors` of info, warning and critical.
    Q_INVOKABLE void fillSeries(QAbstractSeries* series, Series which,
                                const QStringList& severityColors = {}) const;

Q_SIGNALS:
    void changed();
    void loadingChanged();

private:
    void apply(std::vector<llmopt::Finding> findings, const QString& error);

    QString m_databasePath;
    QString m_key, m_metric, m_method;
    std::vector<llmopt::Finding> m_findings; // oldest first
    QString m_statisticName;
    QDateTime m_timeFrom, m_timeTo;
    double m_axisMin = 0, m_axisMax = 1;
    bool m_loading = false;
    QString m_error;
    int m_request = 0; // answers to older requests are dropped
    QThreadPool m_worker; // one thread: the store's queries
};
