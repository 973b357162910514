#include "engine_host.h"

#include "engine_loop.h"
#include "event_store.h"
#include "ingest_queue.h"
#include "price_table.h"
#include "simulator.h"
#include "simulator_source.h"
#include "source_list_model.h"

#include <QLoggingCategory>
#include <QSettings>
#include <chrono>
#include <limits>

Q_LOGGING_CATEGORY(lcEngine, "llmopt.ui.engine")

namespace {
constexpr size_t kQueueCapacityEvents = 200000;
}

EngineHost::EngineHost(Settings settings, const llmopt::PriceTable& prices,
                       llmopt::EngineLoop::Options engine, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_engineOptions(std::move(engine))
    , m_prices(std::make_unique<llmopt::PriceTable>(prices))
    , m_queue(std::make_unique<llmopt::IngestQueue>(kQueueCapacityEvents))
{
    qRegisterMetaType<OverviewSnapshotPtr>();
    m_sources = new SourceListModel(*m_queue, this);
    m_findings = new FindingListModel(this);
    m_findings->setDatabasePath(m_settings.databasePath); // the header's stored ranges
    m_driftHistory = new DriftHistory(this);
    m_driftHistory->setDatabasePath(m_settings.databasePath);
    m_costs = new CostController(this);
    m_costs->setDatabasePath(m_settings.databasePath);
    m_costs->setBudgets(m_engineOptions.analysis.cost.budgets);
    m_pareto = new ParetoController(this);
    m_recommendations = new RecommendationListModel(this);
    m_rollouts = new RolloutController(m_recommendations, this);
    m_rollouts->setPlan(m_engineOptions.actuator.plan);
    m_audit = new AuditController(this);
    m_audit->setDatabasePath(m_settings.databasePath);
    m_experiments = new ExperimentDesigner(*m_prices, this);
    m_experiments->setDatabasePath(m_settings.databasePath);
    m_experimentRun = new ExperimentRunController(*m_prices, this);
    m_experimentRun->setDatabasePath(m_settings.databasePath);
    m_keys = std::make_shared<KeychainCredentials>();
    m_keys->load({QStringLiteral("openai"), QStringLiteral("anthropic")});
    m_experimentRun->setCredentials(m_keys);
    m_sources->setSecrets(m_keys.get()); // receivers' bearer tokens
    restoreBaseUrls();
    m_reports = new ReportExporter(this);
    m_reports->setDatabasePath(m_settings.databasePath);
    m_reports->setBudgets(m_engineOptions.analysis.cost.budgets);
    m_experimentResults = new ExperimentResultsController(this);
    m_experimentResults->setDatabasePath(m_settings.databasePath);
    m_ingest = new IngestStatus(this);
    // The designer's experiment is what Run runs, once it is valid and planned.
    connect(m_experiments, &ExperimentDesigner::planChanged, this, [this] {
        m_experimentRun->setExperiment(m_experiments->runnableDefinition(),
                                       m_experiments->runnableDataset());
    });
    connect(m_experimentRun, &ExperimentRunController::providersChanged, this, [this] {
        QStringList names;
        for (const QVariant& provider : m_experimentRun->providers())
            names << provider.toMap().value(QStringLiteral("name")).toString();
        m_keys->load(names);
        saveBaseUrls();
    });
    connect(m_experimentRun, &ExperimentRunController::finished, m_experimentResults,
            &ExperimentResultsController::select);
    m_refresh.setInterval(100); // ≤ 10 Hz (DESIGN.md, Threads)
    connect(&m_refresh, &QTimer::timeout, this, &EngineHost::refresh);
    connect(m_sources, &SourceListModel::countChanged, this, &EngineHost::updateDemo);
}

// Base URLs of OpenAI-compatible servers are kept for the next launch (they
// are addresses, not secrets; keys go to the keychain).
void EngineHost::restoreBaseUrls()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("providers"));
    std::map<std::string, std::string> urls;
    for (const QString& provider : settings.childGroups()) {
        const QString url = settings.value(provider + QStringLiteral("/baseUrl")).toString();
        if (!url.isEmpty())
            urls[provider.toStdString()] = url.toStdString();
    }
    m_experimentRun->setBaseUrls(std::move(urls));
}

void EngineHost::saveBaseUrls() const
{
    QSettings settings;
    settings.remove(QStringLiteral("providers")); // those cleared go too
    settings.beginGroup(QStringLiteral("providers"));
    for (const auto& [provider, url] : m_experimentRun->baseUrls())
        settings.setValue(QString::fromStdString(provider) + QStringLiteral("/baseUrl"),
                          QString::fromStdString(url));
}

EngineHost::~EngineHost()
{
    m_experimentRun->cancel(); // its thread is joined when the controller goes
    // Commands on their way get their answer while the engine still runs.
    m_recommendations->waitForAnswers();
    m_rollouts->waitForCommands();
    // Producers first, then the engine drains what they queued and commits.
    disconnect(m_sources, nullptr, this, nullptr);
    m_sources->stopAll();
    if (m_demo)
        m_demo->stop();
    if (m_engine)
        m_engine->stopAfterDrain();
}

void EngineHost::setFilter(ViewFilter* filter)
{
    m_filter = filter;
    m_costs->setFilter(filter);
    m_findings->setViewFilter(filter);
    const auto follow = [this] {
        m_rolloutRound = std::numeric_limits<uint64_t>::max(); // the rollouts list again
        if (m_engine)
            m_engine->setViewedService(m_filter->service().toStdString());
        if (!m_filter->service().isEmpty())
            m_pareto->setService(m_filter->service());
    };
    connect(filter, &ViewFilter::changed, this, follow);
    follow();
}

void EngineHost::start()
{
    try {
        m_store = std::make_unique<llmopt::EventStore>(m_settings.databasePath.toStdString());
    } catch (const llmopt::StoreError& e) {
        qCWarning(lcEngine) << e.what();
        Q_EMIT failed(QString::fromStdString(e.what()));
        return;
    }
    // The demo's routing is a declared experiment (its split is intentionally
    // unequal); an entry of the configuration for the same flag wins.
    llmopt::EngineLoop::Options options = m_engineOptions;
    for (llmopt::ExperimentDefinition& d : llmopt::SimulatorConfig::demo(1, 0).experiments())
        if (std::none_of(options.experiments.begin(), options.experiments.end(),
                         [&](const auto& e) { return e.key == d.key; }))
            options.experiments.push_back(std::move(d));
    llmopt::SimulatorSource::Options demo;
    demo.scenario = m_settings.scenario.toStdString();
    demo.seed = m_settings.seed;
    demo.backfillSeconds = m_settings.backfillSeconds;
    demo.rateScale = m_settings.rateScale;
    m_demo = std::make_shared<llmopt::SimulatorSource>(
        demo, *m_queue, [this](std::function<void(llmopt::PriceTable&)> change) {
            m_engine->changePrices(std::move(change));
        });
    options.sinks.push_back(m_demo); // a rollout approved here moves the demo's traffic
    m_engine = std::make_unique<llmopt::EngineLoop>(*m_queue, *m_store, *m_prices, options);
    if (m_filter)
        m_engine->setViewedService(m_filter->service().toStdString());
    m_engine->start();
    // Approvals and rollout commands: checked and audited by the actuator on the engine thread.
    const auto send = [engine = m_engine.get()](llmopt::ActuatorCommand command) {
        return engine->command(std::move(command));
    };
    m_recommendations->setCommandFunction(send);
    m_rollouts->setCommandFunction(send);
    if (m_settings.loadSavedSources)
        m_sources->load();
    updateDemo();
    m_audit->refresh();
    m_experimentResults->refreshExperiments();
    m_refresh.start();
}

bool EngineHost::demoRunning() const
{
    return m_demo && m_demo->isRunning();
}

void EngineHost::updateDemo()
{
    if (!m_demo)
        return;
    const bool wanted = m_sources->rowCount() == 0; // the demo only while nothing is connected
    if (wanted == m_demo->isRunning())
        return;
    try {
        if (wanted)
            m_demo->start();
        else
            m_demo->stop();
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    }
    Q_EMIT demoRunningChanged();
}

void EngineHost::refresh()
{
    llmopt::EngineSnapshot engine = m_engine->snapshot();
    m_sources->refresh(engine);
    llmopt::IngestCounters ingested;
    for (const auto& [name, counters] : engine.sources) {
        ingested += counters.ingest;
        ingested.received += counters.deadLettered; // undecodable input is rejected too
        ingested.rejected += counters.deadLettered;
    }
    const SourceListModel::Summary sources = m_sources->summary();
    const auto now = std::chrono::steady_clock::now().time_since_epoch();
    m_ingest->update({.atMs = std::chrono::duration_cast<std::chrono::milliseconds>(now).count(),
                      .received = ingested.received,
                      .queueDepth = m_queue->depthEvents(),
                      .queueCapacity = m_queue->capacityEvents(),
                      .pushedBack = sources.pushedBack + (m_demo ? m_demo->pushedBack() : 0),
                      .sourcesRunning = sources.running,
                      .sourcesTotal = m_sources->rowCount(),
                      .failingSource = sources.failing,
                      .failingError = sources.failingError});
    if (QString error = QString::fromStdString(engine.lastError); error != m_lastError) {
        m_lastError = error;
        Q_EMIT failed(error); // an empty message: the store works again
    }
    if (engine.commits == m_publishedCommits && engine.nowUnixNano == m_publishedUnixNano)
        return; // nothing new since the last refresh
    m_publishedCommits = engine.commits;
    m_findings->setFindings(engine.findings, engine.findingsRaised);
    m_costs->windowsStored(engine.windowsClosed);
    if (engine.decisionRound != m_decisionRound) {
        m_decisionRound = engine.decisionRound;
        std::map<std::string, std::string> labels;
        for (const llmopt::VariantSummary& v : engine.variants)
            if (!v.variantName.empty())
                labels.emplace(v.variantId, v.variantName);
        m_recommendations->setVariantLabels(labels);
        m_rollouts->setVariantLabels(labels);
        m_pareto->setViews(std::move(engine.pareto), std::move(labels));
        m_recommendations->setRecommendations(std::move(engine.recommendations));
        m_audit->refresh(); // answers and proposals come with new audit records
    }
    if (engine.rolloutRound != m_rolloutRound) {
        m_rolloutRound = engine.rolloutRound;
        if (m_filter) // the chosen service's rollouts
            std::erase_if(engine.rollouts, [this](const llmopt::RolloutRecord& r) {
                return !m_filter->matchesService(r.rollout.service());
            });
        m_rollouts->setRollouts(std::move(engine.rollouts));
        m_audit->refresh();
    }
    m_rollouts->setPolicy(engine.policyVersion, engine.policyAcknowledged, engine.sinks);
    m_publishedUnixNano = engine.nowUnixNano;
    auto s = std::make_shared<OverviewSnapshot>();
    s->nowUnixNano = engine.nowUnixNano;
    s->kpis = engine.kpis;
    s->variants = std::move(engine.variants);
    s->series = std::move(engine.timeline);
    s->counters = ingested;
    if (m_demo)
        for (const std::string& note : m_demo->notes())
            s->scenarioNotes << QString::fromStdString(note);
    Q_EMIT snapshotReady(s);
}
