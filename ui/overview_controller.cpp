#include "overview_controller.h"

#include "event_store.h"
#include "series_downsampler.h"
#include "variant_table_model.h"
#include "view_filter.h"

#include <QXYSeries>
#include <algorithm>
#include <cmath>

namespace {

// A "nice" axis maximum (1, 2 or 5 × 10^k) above the data with some headroom.
double niceCeiling(double value)
{
    if (!(value > 0))
        return 1.0;
    const double v = value * 1.1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
    for (double step : {1.0, 2.0, 5.0, 10.0})
        if (v <= step * magnitude)
            return step * magnitude;
    return 10.0 * magnitude;
}

QDateTime fromUnixNano(int64_t ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000);
}

constexpr int64_t kLiveChartRefreshNanos = 1'000'000'000LL;

} // namespace

OverviewController::OverviewController(QObject* parent)
    : QObject(parent)
    , m_variants(new VariantTableModel(this))
{
    m_coalesce.setInterval(100); // at most 10 Hz to the screen
    m_coalesce.setSingleShot(true);
    connect(&m_coalesce, &QTimer::timeout, this, &OverviewController::applyPending);
    m_worker.setMaxThreadCount(1);
    m_historyRefresh.setInterval(30'000); // windows close once a minute
    connect(&m_historyRefresh, &QTimer::timeout, this, &OverviewController::loadHistory);
}

OverviewController::~OverviewController()
{
    m_worker.waitForDone(); // its answer refers to this object
}

void OverviewController::setFilter(ViewFilter* filter)
{
    m_filter = filter;
    connect(filter, &ViewFilter::changed, this, &OverviewController::filterChanged);
    filterChanged();
}

void OverviewController::filterChanged()
{
    showVariants();
    if (m_filter->live()) {
        m_historyRefresh.stop();
        ++m_historyRequest; // a query still running is not shown
        m_historyLoading = false;
        m_historyError.clear();
        Q_EMIT historyChanged();
        if (m_current)
            setSeries(m_current->series, 0, m_current->nowUnixNano);
        return;
    }
    loadHistory();
    if (m_filter->range() == ViewFilter::Custom)
        m_historyRefresh.stop(); // a period in the past does not change
    else
        m_historyRefresh.start();
}

// The variant table: the snapshot's rows of the chosen service; the services
// seen go to the filter's choices.
void OverviewController::showVariants()
{
    if (!m_current)
        return;
    QStringList services;
    std::vector<llmopt::VariantSummary> rows;
    for (const llmopt::VariantSummary& v : m_current->variants) {
        const QString service = QString::fromStdString(v.service);
        if (!services.contains(service))
            services << service;
        if (!m_filter || m_filter->matchesService(v.service))
            rows.push_back(v);
    }
    if (m_filter)
        m_filter->addServices(services);
    m_variants->setRows(rows);
}

void OverviewController::loadHistory()
{
    if (!m_filter || m_filter->live())
        return;
    const int request = ++m_historyRequest;
    const ViewFilter::Period period = m_filter->periodNow();
    const int64_t to = period.toUnixNano;
    const int64_t bucket = ViewFilter::bucketNanos(to - period.fromUnixNano);
    const int64_t from = period.fromUnixNano / bucket * bucket; // buckets on round times
    m_historyLoading = true;
    Q_EMIT historyChanged();
    m_worker.start([this, request, from, to, bucket, path = m_databasePath.toStdString(),
                    service = m_filter->service().toStdString()] {
        std::vector<llmopt::TimelineSeries> series;
        QString error;
        try {
            // A connection of this thread's own: the engine's belongs to the engine thread.
            const llmopt::EventStore store(path);
            series = store.modelTimeline("service_variant", from, to, bucket, service);
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            this,
            [this, request, from, to, series = std::move(series), error]() mutable {
                if (request != m_historyRequest)
                    return; // the range changed meanwhile
                m_historyLoading = false;
                m_historyError = error;
                Q_EMIT historyChanged();
                setSeries(std::move(series), from, to);
            },
            Qt::QueuedConnection);
    });
}

void OverviewController::receiveSnapshot(const OverviewSnapshotPtr& snapshot)
{
    m_pending = snapshot;
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void OverviewController::reportFeedError(const QString& message)
{
    if (m_feedError == message)
        return;
    m_feedError = message;
    Q_EMIT feedErrorChanged();
}

void OverviewController::applyPending()
{
    if (!m_pending)
        return;
    m_current = std::move(m_pending);
    const OverviewSnapshot& s = *m_current;

    m_kpis = s.kpis;
    m_counters = s.counters;
    Q_EMIT kpisChanged();

    showVariants();

    // Qt Charts repaints a whole chart on the GUI thread for any change, and the
    // live charts' quarter hour moves by a pixel every second or two: redrawn at
    // most once a second (at once when the number of models changes) they show the same.
    if ((!m_filter || m_filter->live())
        && (s.nowUnixNano - m_liveSeriesUnixNano >= kLiveChartRefreshNanos
            || s.series.size() != m_series.size())) {
        m_liveSeriesUnixNano = s.nowUnixNano;
        setSeries(s.series, 0, s.nowUnixNano);
    }

    if (s.scenarioNotes != m_notes) {
        m_notes = s.scenarioNotes;
        Q_EMIT notesChanged();
    }
}

void OverviewController::setSeries(std::vector<llmopt::TimelineSeries> series, int64_t from,
                                   int64_t to)
{
    m_series = std::move(series);
    QStringList models;
    double spendMax = 0.0, latencyMax = 0.0;
    int64_t first = from > 0 ? from : to;
    for (const llmopt::TimelineSeries& s : m_series) {
        models << QString::fromStdString(s.model);
        for (const llmopt::TimelinePoint& p : s.points) {
            spendMax = std::max(spendMax, p.spendPerHourUsd);
            latencyMax = std::max({latencyMax, p.p95LatencyMs, p.p99LatencyMs});
            first = std::min(first, p.bucketStartUnixNano);
        }
    }
    m_models = models;
    m_timeFrom = fromUnixNano(first);
    m_timeTo = fromUnixNano(to);
    m_spendAxisMax = niceCeiling(spendMax);
    m_latencyAxisMax = niceCeiling(latencyMax / 1000.0);
    Q_EMIT seriesChanged();
}

void OverviewController::fillSeries(QAbstractSeries* series, const QString& model,
                                    Metric metric) const
{
    auto* xy = qobject_cast<QXYSeries*>(series);
    if (!xy)
        return;
    QList<QPointF> points;
    const std::string name = model.toStdString();
    for (const llmopt::TimelineSeries& s : m_series) {
        if (s.model != name)
            continue;
        points.reserve(static_cast<qsizetype>(s.points.size()));
        for (const llmopt::TimelinePoint& p : s.points)
            points.append({static_cast<double>(p.bucketStartUnixNano / 1'000'000),
                           metric == SpendPerHour ? p.spendPerHourUsd
                           : metric == LatencyP50 ? p.p50LatencyMs / 1000.0
                           : metric == LatencyP99 ? p.p99LatencyMs / 1000.0
                                                  : p.p95LatencyMs / 1000.0});
    }
    SeriesDownsampler::replace(xy, points); // one update per refresh, never per event
}
