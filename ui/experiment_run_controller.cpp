#include "experiment_run_controller.h"

#include "environment_credentials.h"
#include "experiment_dataset.h"
#include "experiment_definition.h"
#include "experiment_runner.h"
#include "money_text.h"
#include "price_table.h"

#include <QFile>
#include <QLocale>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcExperimentRun, "llmopt.ui.experiment_run")

using llmopt::offline::ExperimentRunner;
using llmopt::offline::RunProgress;
using llmopt::offline::RunStatus;

ExperimentRunController::ExperimentRunController(const llmopt::PriceTable& prices, QObject* parent)
    : QObject(parent)
    , m_prices(std::make_shared<const llmopt::PriceTable>(prices))
    , m_credentials(std::make_shared<llmopt::EnvironmentCredentials>())
    , m_shared(std::make_shared<Shared>())
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kProgressIntervalMs);
    connect(&m_coalesce, &QTimer::timeout, this, &ExperimentRunController::publishProgress);
}

ExperimentRunController::~ExperimentRunController()
{
    cancel();
    joinWorker(); // its queued deliveries to this object are dropped with it
}

void ExperimentRunController::setDatabasePath(const QString& path)
{
    m_databasePath = path;
    Q_EMIT canRunChanged();
}

void ExperimentRunController::setExperiment(
    std::shared_ptr<const llmopt::offline::ExperimentDefinition> definition,
    std::shared_ptr<const llmopt::offline::ExperimentDataset> dataset)
{
    if (definition == m_definition && dataset == m_dataset)
        return;
    m_definition = std::move(definition);
    m_dataset = std::move(dataset);
    Q_EMIT canRunChanged();
    Q_EMIT providersChanged();
}

void ExperimentRunController::setBaseUrls(std::map<std::string, std::string> baseUrls)
{
    m_baseUrls = std::move(baseUrls);
    Q_EMIT providersChanged();
}

void ExperimentRunController::setBaseUrl(const QString& provider, const QString& trimmed)
{
    const QString url = trimmed.trimmed();
    if (baseUrl(provider) == url)
        return;
    if (url.isEmpty())
        m_baseUrls.erase(provider.toStdString());
    else
        m_baseUrls[provider.toStdString()] = url.toStdString();
    Q_EMIT providersChanged();
}

void ExperimentRunController::setCredentials(
    std::shared_ptr<const llmopt::CredentialSource> credentials)
{
    m_credentials = std::move(credentials);
}

void ExperimentRunController::setBackoff(int initialMs, int maxMs)
{
    m_initialBackoffMs = initialMs;
    m_maxBackoffMs = maxMs;
}

bool ExperimentRunController::canRun() const
{
    return m_definition && m_dataset && !m_running && !m_databasePath.isEmpty();
}

QString ExperimentRunController::baseUrl(const QString& provider) const
{
    const auto found = m_baseUrls.find(provider.toStdString());
    return found == m_baseUrls.end() ? QString() : QString::fromStdString(found->second);
}

QVariantList ExperimentRunController::providers() const
{
    QVariantList out;
    if (!m_definition)
        return out;
    QStringList seen;
    const auto add = [&](const std::string& name) {
        const QString provider = QString::fromStdString(name);
        if (provider.isEmpty() || seen.contains(provider))
            return;
        seen << provider;
        const bool compatible
            = ExperimentRunner::providerKind(name) == llmopt::ProviderKind::OpenAiCompatible;
        out << QVariantMap{
            {"name", provider}, {"compatible", compatible}, {"baseUrl", baseUrl(provider)}};
    };
    for (const auto& arm : m_definition->arms)
        add(arm.provider);
    for (const auto& metric : m_definition->metrics)
        add(metric.judgeProvider);
    return out;
}

QString ExperimentRunController::providerProblem() const
{
    for (const QVariant& p : providers()) {
        const QVariantMap provider = p.toMap();
        if (provider["compatible"].toBool() && provider["baseUrl"].toString().isEmpty())
            return tr("%1 is an OpenAI-compatible server: give its base URL, e.g. "
                      "http://localhost:11434 for Ollama or http://localhost:8000 for vLLM.")
                .arg(provider["name"].toString());
    }
    return {};
}

QString ExperimentRunController::experimentName() const
{
    return m_definition ? QString::fromStdString(m_definition->name) : QString();
}

void ExperimentRunController::run()
{
    if (!canRun()) {
        qCWarning(lcExperimentRun) << "run() ignored: no runnable experiment or a run is going";
        return;
    }
    joinWorker(); // the previous run's thread has ended; release it
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->cancelRequested = false;
        m_shared->latest.reset();
    }
    m_running = true;
    m_status = QStringLiteral("starting");
    m_statusText = tr("Starting %1…").arg(experimentName());
    Q_EMIT runningChanged();
    Q_EMIT canRunChanged();
    Q_EMIT progressChanged();

    ExperimentRunner::Options options;
    options.baseUrls = m_baseUrls;
    options.credentials = m_credentials;
    options.initialBackoffMs = m_initialBackoffMs;
    options.maxBackoffMs = m_maxBackoffMs;
    // Runs on the worker after every outcome: keep the newest, post once per
    // interval (the timer on the GUI thread takes it).
    options.onProgress = [this, shared = m_shared](const RunProgress& p) {
        {
            std::lock_guard lock(shared->mutex);
            shared->latest = std::make_unique<RunProgress>(p);
        }
        if (!shared->posted.exchange(true))
            QMetaObject::invokeMethod(
                this, [this] { progressPosted(); }, Qt::QueuedConnection);
    };
    const std::string database = QFile::encodeName(m_databasePath).toStdString();
    m_worker = std::thread([this, shared = m_shared, database, definition = m_definition,
                            dataset = m_dataset, prices = m_prices, options = std::move(options)] {
        qint64 id = 0;
        QString status;
        QString message;
        try {
            ExperimentRunner runner(database, *definition, *dataset, *prices, options);
            id = runner.experimentId();
            bool cancelled = false;
            {
                std::lock_guard lock(shared->mutex);
                shared->runner = &runner;
                cancelled = shared->cancelRequested;
            }
            if (cancelled)
                runner.cancel();
            const RunStatus result = runner.run();
            {
                std::lock_guard lock(shared->mutex);
                shared->runner = nullptr;
            }
            status = QString::fromStdString(std::string(llmopt::offline::runStatusName(result)));
            message = QString::fromStdString(runner.message());
        } catch (const std::exception& e) { // invalid definition, database cannot be opened
            status = QStringLiteral("failed");
            message = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(
            this, [this, id, status, message] { runEnded(id, status, message); },
            Qt::QueuedConnection);
    });
}

void ExperimentRunController::pause()
{
    std::lock_guard lock(m_shared->mutex);
    if (m_shared->runner) {
        m_shared->runner->pause();
        m_status = QStringLiteral("paused");
        m_statusText = tr("Paused: calls in flight finish, no new ones start.");
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT progressChanged(); }, Qt::QueuedConnection);
    }
}

void ExperimentRunController::resume()
{
    std::lock_guard lock(m_shared->mutex);
    if (m_shared->runner) {
        m_shared->runner->resume();
        m_status = QStringLiteral("running");
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT progressChanged(); }, Qt::QueuedConnection);
    }
}

void ExperimentRunController::cancel()
{
    std::lock_guard lock(m_shared->mutex);
    m_shared->cancelRequested = true;
    if (m_shared->runner)
        m_shared->runner->cancel();
}

void ExperimentRunController::progressPosted()
{
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void ExperimentRunController::publishProgress()
{
    m_shared->posted = false; // from here on a new outcome posts again
    std::unique_ptr<RunProgress> p;
    {
        std::lock_guard lock(m_shared->mutex);
        p = std::move(m_shared->latest);
    }
    if (!p)
        return;
    QVariantList arms;
    double done = 0;
    double total = 0;
    for (const RunProgress::Arm& a : p->arms) {
        arms << QVariantMap{{QStringLiteral("name"), QString::fromStdString(a.name)},
                            {QStringLiteral("done"), double(a.done)},
                            {QStringLiteral("total"), double(a.total)},
                            {QStringLiteral("errors"), double(a.errors)}};
        done += double(a.done);
        total += double(a.total);
    }
    m_arms = arms;
    m_done = done;
    m_total = total;
    m_spentUsd = p->spentUsd;
    m_unpriced = double(p->unpricedCalls);
    if (m_running && m_status != QLatin1String("paused")) {
        m_status = QStringLiteral("running");
        const QLocale locale;
        m_statusText = tr("Running: %1 of %2 answers, %3 spent")
                           .arg(locale.toString(done, 'f', 0), locale.toString(total, 'f', 0),
                                usdText(p->spentUsd, 4));
    }
    Q_EMIT progressChanged();
}

void ExperimentRunController::runEnded(qint64 experimentId, QString status, QString message)
{
    joinWorker();
    m_coalesce.stop();
    m_running = false; // before publishing: the final figures keep the final text
    publishProgress();
    m_experimentId = experimentId;
    m_status = status;
    m_statusText = message;
    qCInfo(lcExperimentRun) << "run of" << experimentName() << "ended:" << status << message;
    Q_EMIT runningChanged();
    Q_EMIT canRunChanged();
    Q_EMIT progressChanged();
    Q_EMIT finished(experimentId, status);
}

void ExperimentRunController::joinWorker()
{
    if (m_worker.joinable())
        m_worker.join();
}
