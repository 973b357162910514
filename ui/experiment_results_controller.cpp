#include "experiment_results_controller.h"

#include "experiment_designer.h"

#include "audit_log.h"
#include "event_store.h"
#include "experiment_dataset.h"
#include "experiment_definition.h"
#include "experiment_report.h"
#include "offline_results.h"
#include "user_folder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrl>
#include <algorithm>
#include <cmath>
#include <limits>

Q_LOGGING_CATEGORY(lcExperimentResults, "llmopt.ui.experiment_results")

using llmopt::offline::OfflineResults;

// What a worker read from the store.
struct ExperimentResultsController::Computed {
    QVariantList experiments;
    qint64 id = 0;
    QString name;
    QString datasetFolder;
    QString error;
    size_t rows = 0;
    std::shared_ptr<const OfflineResults> results;
};

namespace {

QString pText(double p)
{
    if (p < 0.0001)
        return QStringLiteral("< 0.0001");
    return QLocale().toString(p, 'g', 2);
}

QString number(double v)
{
    return QLocale().toString(v, 'g', 3);
}

} // namespace

ExperimentResultsController::ExperimentResultsController(QObject* parent)
    : QObject(parent)
    , m_arms(new ExperimentResultsModel(this))
{
    m_worker.setMaxThreadCount(1); // reads and exports in the order asked
}

ExperimentResultsController::~ExperimentResultsController()
{
    ++m_generation;
    m_worker.waitForDone(); // a job refers to this object when it ends
}

void ExperimentResultsController::setDatabasePath(const QString& path)
{
    m_databasePath = path;
}

void ExperimentResultsController::refreshExperiments()
{
    select(m_experimentId);
}

void ExperimentResultsController::select(qint64 id)
{
    if (m_databasePath.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    if (m_pending++ == 0)
        Q_EMIT loadingChanged();
    m_worker.start([this, generation, id, db = m_databasePath] {
        auto c = std::make_shared<Computed>();
        c->id = id;
        try {
            const llmopt::EventStore store(QFile::encodeName(db).toStdString());
            const auto records = store.experimentDefinitions(); // newest first
            const llmopt::offline::ExperimentDefinitionRecord* chosen = nullptr;
            for (const auto& r : records) {
                c->experiments << QVariantMap{{QStringLiteral("id"), qint64(r.id)},
                                              {QStringLiteral("label"),
                                               tr("%1 v%2 (id %3)")
                                                   .arg(QString::fromStdString(r.name))
                                                   .arg(r.version)
                                                   .arg(r.id)}};
                if (r.id == id)
                    chosen = &r;
            }
            if (chosen) {
                c->name = QString::fromStdString(chosen->name);
                const QFileInfo dataset(QString::fromStdString(chosen->definition.dataset.path));
                if (dataset.isAbsolute() && dataset.dir().exists())
                    c->datasetFolder = dataset.absolutePath();
                const auto rows = store.experimentResults(chosen->id);
                c->rows = rows.size();
                c->results = std::make_shared<const OfflineResults>(
                    OfflineResults::compute(chosen->definition, rows, chosen->id));
            } else if (id != 0) {
                c->error = tr("No experiment with id %1 in %2.").arg(id).arg(db);
            }
        } catch (const std::exception& e) {
            c->error
                = tr("Could not read the results from %1: %2").arg(db, QString::fromUtf8(e.what()));
        }
        QMetaObject::invokeMethod(
            this, [this, generation, c] { computed(generation, c); }, Qt::QueuedConnection);
    });
}

void ExperimentResultsController::computed(quint64 generation, std::shared_ptr<Computed> c)
{
    if (--m_pending == 0)
        Q_EMIT loadingChanged();
    if (generation != m_generation)
        return; // a newer request is on its way
    if (c->experiments != m_experiments) {
        m_experiments = c->experiments;
        Q_EMIT experimentsChanged();
    }
    m_experimentId = c->id;
    m_error = c->error;
    m_name = c->name;
    m_datasetFolder = c->datasetFolder;
    m_results = c->results;
    m_hasResults = c->results && c->rows > 0;
    m_comparisons.clear();
    m_disagreements.clear();
    m_verdict.clear();
    m_disagreementCount = 0;
    m_chartPoints.clear();
    if (!m_error.isEmpty())
        qCWarning(lcExperimentResults) << m_error;
    if (!c->results) {
        m_primary.clear();
        m_arms->clear();
        Q_EMIT resultsChanged();
        return;
    }
    const OfflineResults& r = *c->results;
    const QLocale locale;
    m_primary = QString::fromStdString(r.primaryMetric);
    m_arms->setResults(r);

    QString powerText;
    if (r.verdict.achievedPower)
        powerText = tr("Achieved power %1 % for an effect of %2 on %3.")
                        .arg(locale.toString(*r.verdict.achievedPower * 100, 'f', 0),
                             number(r.minimumEffect), m_primary);
    QString detectableText;
    if (r.verdict.detectableEffect)
        detectableText = tr("With these items the smallest detectable effect is %1.")
                             .arg(number(*r.verdict.detectableEffect));
    m_verdict = {{QStringLiteral("kind"), QString::fromStdString(r.verdict.kind)},
                 {QStringLiteral("winner"), QString::fromStdString(r.verdict.winner)},
                 {QStringLiteral("text"), QString::fromStdString(r.verdict.text)},
                 {QStringLiteral("powerText"), powerText},
                 {QStringLiteral("detectableText"), detectableText}};

    for (const auto& m : r.comparisons)
        m_comparisons << QVariantMap{
            {QStringLiteral("arm"), QString::fromStdString(m.arm)},
            {QStringLiteral("metric"), QString::fromStdString(m.metric)},
            {QStringLiteral("primary"), m.metric == r.primaryMetric},
            {QStringLiteral("method"), QString::fromStdString(m.test.method)},
            {QStringLiteral("difference"), m.test.difference},
            {QStringLiteral("differenceText"), number(m.test.difference)},
            {QStringLiteral("intervalText"),
             QStringLiteral("[%1, %2]")
                 .arg(number(m.test.interval.low), number(m.test.interval.high))},
            {QStringLiteral("p"), m.test.pValue},
            {QStringLiteral("pText"), pText(m.test.pValue)},
            {QStringLiteral("holmPText"), pText(m.holmP)},
            {QStringLiteral("alwaysValidPText"), pText(m.alwaysValidP)},
            {QStringLiteral("effectText"),
             QStringLiteral("%1 %2").arg(QString::fromStdString(m.test.effectSizeName),
                                         number(m.test.effectSize))},
            {QStringLiteral("significant"), m.significant},
            {QStringLiteral("better"), m.better}};

    m_disagreementCount = int(r.disagreements.size());
    for (size_t i = 0; i < r.disagreements.size() && i < size_t(kDisagreementsShown); ++i) {
        QStringList scores;
        for (const auto& s : r.disagreements[i].scores)
            scores << (s ? number(*s) : QStringLiteral("—"));
        m_disagreements << QVariantMap{
            {QStringLiteral("itemId"), QString::fromStdString(r.disagreements[i].itemId)},
            {QStringLiteral("scores"), scores}};
    }

    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (const auto& row : m_arms->rows())
        if (row.hasMetric) {
            m_chartPoints << QVariantMap{{QStringLiteral("arm"), row.arm},
                                         {QStringLiteral("mean"), row.mean},
                                         {QStringLiteral("low"), row.low},
                                         {QStringLiteral("high"), row.high}};
            lo = std::min(lo, row.low);
            hi = std::max(hi, row.high);
        }
    if (!std::isfinite(lo)) {
        lo = 0;
        hi = 1;
    }
    const double margin = std::max((hi - lo) * 0.1, 1e-6);
    m_chartMin = lo - margin;
    m_chartMax = hi + margin;
    Q_EMIT resultsChanged();
}

QString ExperimentResultsController::defaultExportPath(const QString& format) const
{
    QString folder = m_datasetFolder;
    if (folder.isEmpty() || !QFileInfo(folder).isWritable())
        folder = userFolder();
    QString base = m_name.isEmpty() ? QStringLiteral("experiment") : m_name;
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    return QDir(folder).filePath(
        QStringLiteral("%1-%2-report.%3").arg(base).arg(m_experimentId).arg(format.toLower()));
}

void ExperimentResultsController::exportReport(const QString& formatName, const QString& input)
{
    const auto format = report::formatFromName(formatName.toLower().toStdString());
    const QString path = ExperimentDesigner::localPath(input);
    if (!format || path.isEmpty() || m_experimentId == 0 || m_exporting) {
        exported(false,
                 !format              ? tr("Choose PDF, HTML, JSON or CSV.")
                     : path.isEmpty() ? tr("Type the file the report should be written to.")
                     : m_exporting    ? tr("An export is still being written.")
                                      : tr("Choose an experiment with results first."));
        return;
    }
    m_exporting = true;
    Q_EMIT exportChanged();
    m_worker.start(
        [this, db = m_databasePath, id = m_experimentId, format = *format, path, formatName] {
            bool ok = false;
            QString message;
            try {
                const std::string dbPath = QFile::encodeName(db).toStdString();
                const llmopt::EventStore store(dbPath);
                const auto record = ExperimentReport::findExperiment(store, std::to_string(id));
                if (!record) {
                    message = tr("Experiment %1 is no longer in %2.").arg(id).arg(db);
                } else {
                    // Planned items: the dataset's when it can be read, as `llm-optimizer report`.
                    std::optional<uint64_t> planned;
                    const auto& source = record->definition.dataset;
                    if (QFileInfo(QString::fromStdString(source.path)).isFile()) {
                        try {
                            planned = llmopt::offline::ExperimentDataset::fromFile(
                                          source.path, source.format, source.referenceColumn)
                                          .size();
                        } catch (const std::exception&) { // changed since: count what is stored
                        }
                    }
                    const llmopt::AuditLog audit(dbPath);
                    const ExperimentReport report(
                        *record, store.experimentResults(record->id),
                        ExperimentReport::approvalsFor(
                            *record, audit.records(std::numeric_limits<size_t>::max())),
                        planned);
                    QDir().mkpath(QFileInfo(path).absolutePath());
                    QString error;
                    ok = report.write(format, path, &error);
                    message = ok ? tr("Wrote the %1 report to %2.").arg(formatName.toUpper(), path)
                                 : error;
                }
            } catch (const std::exception& e) {
                message = tr("Could not write the report: %1").arg(QString::fromUtf8(e.what()));
            }
            QMetaObject::invokeMethod(
                this, [this, ok, message] { exported(ok, message); }, Qt::QueuedConnection);
        });
}

void ExperimentResultsController::exported(bool ok, QString message)
{
    m_exporting = false;
    m_exportFailed = !ok;
    m_exportMessage = message;
    if (!ok)
        qCWarning(lcExperimentResults) << message;
    Q_EMIT exportChanged();
}
