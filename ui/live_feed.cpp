#include "live_feed.h"

#include "collector.h"
#include "event_store.h"
#include "llm_event.h"
#include "model_timeline.h"
#include "price_table.h"
#include "simulator.h"
#include "variant_aggregator.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcFeed, "llmopt.ui.feed")

namespace {

int64_t nowUnixNano()
{
    return QDateTime::currentMSecsSinceEpoch() * 1'000'000LL;
}

constexpr int64_t kTimelineBucketNanos = 10'000'000'000LL; // 10 s
constexpr size_t kTimelineBuckets = 90; // 15 minutes of history
constexpr int64_t kKpiSpanNanos = 60'000'000'000LL; // KPI tiles: the last minute

} // namespace

LiveFeed::LiveFeed(Settings settings, const llmopt::PriceTable& prices)
    : m_settings(std::move(settings))
    , m_prices(std::make_unique<llmopt::PriceTable>(prices))
{
    qRegisterMetaType<OverviewSnapshotPtr>();
}

LiveFeed::~LiveFeed() = default;

void LiveFeed::start()
{
    try {
        m_store = std::make_unique<llmopt::EventStore>(m_settings.databasePath.toStdString());
    } catch (const llmopt::StoreError& e) {
        qCWarning(lcFeed) << e.what();
        Q_EMIT failed(QString::fromStdString(e.what()));
        return;
    }
    m_collector = std::make_unique<llmopt::Collector>(*m_store, *m_prices);
    m_variants = std::make_unique<llmopt::VariantAggregator>();
    m_timeline = std::make_unique<llmopt::ModelTimeline>(kTimelineBucketNanos, kTimelineBuckets);

    const int64_t start = nowUnixNano() - int64_t(m_settings.backfillSeconds) * 1'000'000'000LL;
    auto config = llmopt::SimulatorConfig::demo(m_settings.seed, start);
    config.rateScale = m_settings.rateScale;
    // The demo scenario plays over half an hour, starting with the backfilled history.
    config.scenario = *llmopt::Scenario::named(m_settings.scenario.toStdString(), 1800.0);
    m_simulator = std::make_unique<llmopt::Simulator>(std::move(config));

    m_timer = new QTimer(this);
    m_timer->setInterval(m_settings.tickMilliseconds);
    connect(m_timer, &QTimer::timeout, this, &LiveFeed::tick);
    m_timer->start();
    tick();
}

void LiveFeed::stop()
{
    if (m_timer)
        m_timer->stop();
}

void LiveFeed::tick()
{
    const int64_t now = nowUnixNano();
    std::vector<llmopt::LlmEvent> batch;
    m_simulator->generateUntil(now, batch);
    for (const llmopt::ScenarioEvent& e : m_simulator->takeStartedScenarioEvents(now)) {
        if (e.kind == llmopt::ScenarioEvent::Kind::PriceChange) {
            if (const llmopt::ModelPrice* old = m_collector->prices().find(e.target)) {
                llmopt::ModelPrice changed = *old;
                changed.inputPerMTok *= e.magnitude;
                changed.outputPerMTok *= e.magnitude;
                if (changed.cacheReadPerMTok)
                    *changed.cacheReadPerMTok *= e.magnitude;
                if (changed.cacheWritePerMTok)
                    *changed.cacheWritePerMTok *= e.magnitude;
                changed.source = "demo scenario";
                m_collector->prices().setPrice(changed);
            }
        }
        m_scenarioNotes << QString::fromStdString(e.describe());
    }

    size_t stored = 0;
    try {
        stored = m_collector->ingest(batch, "demo", now).stored;
        if (now - m_lastRetentionUnixNano > 60'000'000'000LL) {
            m_store->applyRetention(now);
            m_lastRetentionUnixNano = now;
        }
    } catch (const llmopt::StoreError& e) {
        m_timer->stop();
        Q_EMIT failed(QString::fromStdString(e.what()));
        return;
    }
    for (size_t i = 0; i < stored; ++i) {
        m_variants->add(batch[i]);
        m_timeline->add(batch[i]);
    }

    auto snapshot = std::make_shared<OverviewSnapshot>();
    snapshot->nowUnixNano = now;
    snapshot->kpis = m_timeline->kpis(now, kKpiSpanNanos);
    snapshot->variants = m_variants->rows();
    snapshot->series = m_timeline->series();
    snapshot->counters = m_collector->totals();
    snapshot->scenarioNotes = m_scenarioNotes;
    Q_EMIT snapshotReady(snapshot);
}
