#pragma once

#include "cost_analyzer.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>
#include <map>
#include <memory>
#include <string>

// Export report… of the Costs and Drift & Anomalies screens: the cost or the
// drift report (CostReport, DriftReport) of a period, read and rendered on a
// thread of its own so the window stays responsive; one export at a time,
// cancellable until its file is written. Reads the GUI's event database with
// a connection of its own.
class ReportExporter : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    // The outcome of the last export for the operator: the file written, or
    // what went wrong and what to do; "" before the first.
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool failed READ failed NOTIFY changed)

public:
    explicit ReportExporter(QObject* parent = nullptr);
    ~ReportExporter() override; // cancels an export under way and waits for it

    void setDatabasePath(const QString& path) { m_databasePath = path; }
    void setBudgets(std::map<std::string, llmopt::CostAnalyzer::Budget> budgets);

    bool busy() const { return m_busy; }
    QString message() const { return m_message; }
    bool failed() const { return m_failed; }

    // `kind`: "cost" or "drift"; `format`: pdf, html, json or csv; `path`: a
    // file name or file:// URL. [from, to) is the period.
    Q_INVOKABLE void exportReport(const QString& kind, const QString& format, const QString& path,
                                  const QDateTime& from, const QDateTime& to);
    Q_INVOKABLE void cancel();
    // <Documents>/llm-optimizer/<kind>-report-<from>.<format>
    Q_INVOKABLE QString defaultPath(const QString& kind, const QString& format,
                                    const QDateTime& from) const;

Q_SIGNALS:
    void changed();
    void finished(bool ok, const QString& path);

private:
    void done(bool ok, const QString& message, const QString& path);

    QString m_databasePath;
    std::map<std::string, llmopt::CostAnalyzer::Budget> m_budgets;
    bool m_busy = false;
    bool m_failed = false;
    QString m_message;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    // A QThread, not a std::thread: QTextDocument's layout starts timers.
    std::unique_ptr<QThread> m_worker;
};
