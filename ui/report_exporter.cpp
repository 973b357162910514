#include "report_exporter.h"

#include "cost_report.h"
#include "drift_report.h"
#include "event_store.h"
#include "experiment_designer.h"
#include "user_folder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

ReportExporter::ReportExporter(QObject* parent)
    : QObject(parent)
{
}

ReportExporter::~ReportExporter()
{
    cancel();
    if (m_worker)
        m_worker->wait();
}

void ReportExporter::setBudgets(std::map<std::string, llmopt::CostAnalyzer::Budget> budgets)
{
    m_budgets = std::move(budgets);
}

QString ReportExporter::defaultPath(const QString& kind, const QString& format,
                                    const QDateTime& from) const
{
    return QDir(userFolder())
        .filePath(QStringLiteral("%1-report-%2.%3")
                      .arg(kind, from.toUTC().toString(QStringLiteral("yyyyMMdd-HHmm")),
                           format.toLower()));
}

void ReportExporter::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ReportExporter::exportReport(const QString& kind, const QString& formatName,
                                  const QString& input, const QDateTime& from, const QDateTime& to)
{
    if (m_busy)
        return; // the button is disabled meanwhile
    const auto format = report::formatFromName(formatName.toLower().toStdString());
    const QString path = ExperimentDesigner::localPath(input);
    QString problem;
    if (kind != QLatin1String("cost") && kind != QLatin1String("drift"))
        problem = tr("Unknown report \"%1\": choose cost or drift.").arg(kind);
    else if (!format)
        problem = tr("Unknown format \"%1\": choose PDF, HTML, JSON or CSV.").arg(formatName);
    else if (path.isEmpty())
        problem = tr("Give the file to write.");
    else if (!from.isValid() || !to.isValid() || from >= to)
        problem = tr("The period is empty: choose a range whose start is before its end.");
    else if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        problem = tr("Cannot create the folder %1: choose another file.")
                      .arg(QFileInfo(path).absolutePath());
    if (!problem.isEmpty()) {
        done(false, problem, path);
        return;
    }
    if (m_worker)
        m_worker->wait(); // the previous export has ended
    m_busy = true;
    m_message = tr("Writing the %1 report…").arg(kind);
    m_failed = false;
    Q_EMIT changed();

    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_worker.reset(QThread::create(
        [this, cancelled = m_cancel, cost = kind == QLatin1String("cost"), format = *format, path,
         database = QFile::encodeName(m_databasePath).toStdString(), budgets = m_budgets,
         fromNs = from.toMSecsSinceEpoch() * 1'000'000LL,
         toNs = to.toMSecsSinceEpoch() * 1'000'000LL] {
            bool ok = false;
            QString message;
            try {
                const llmopt::EventStore store(database);
                QByteArray bytes;
                if (cost) {
                    const CostReport r = CostReport::load(store, fromNs, toNs, budgets);
                    if (!*cancelled)
                        bytes = report::render(r, format);
                } else {
                    const DriftReport r = DriftReport::load(store, fromNs, toNs);
                    if (!*cancelled)
                        bytes = report::render(r, format);
                }
                if (*cancelled)
                    message = tr("Export cancelled; nothing was written.");
                else
                    ok = report::writeFile(path, bytes, &message);
            } catch (const std::exception& e) {
                message = tr("The report could not be read from the event database: %1")
                              .arg(QString::fromStdString(e.what()));
            }
            if (ok)
                message = tr("Wrote %1").arg(QDir::toNativeSeparators(path));
            QMetaObject::invokeMethod(
                this, [this, ok, message, path] { done(ok, message, path); }, Qt::QueuedConnection);
        }));
    m_worker->start();
}

void ReportExporter::done(bool ok, const QString& message, const QString& path)
{
    m_busy = false;
    m_failed = !ok;
    m_message = message;
    Q_EMIT changed();
    Q_EMIT finished(ok, path);
}
