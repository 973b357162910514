#include "overview_controller.h"

#include "variant_table_model.h"

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

} // namespace

OverviewController::OverviewController(QObject* parent)
    : QObject(parent)
    , m_variants(new VariantTableModel(this))
{
    m_coalesce.setInterval(100); // at most 10 Hz to the screen
    m_coalesce.setSingleShot(true);
    connect(&m_coalesce, &QTimer::timeout, this, &OverviewController::applyPending);
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

    m_variants->setRows(s.variants);

    QStringList models;
    double spendMax = 0.0, latencyMax = 0.0;
    int64_t first = s.nowUnixNano, last = s.nowUnixNano;
    for (const llmopt::TimelineSeries& series : s.series) {
        models << QString::fromStdString(series.model);
        for (const llmopt::TimelinePoint& p : series.points) {
            spendMax = std::max(spendMax, p.spendPerHourUsd);
            latencyMax = std::max(latencyMax, p.p95LatencyMs);
            first = std::min(first, p.bucketStartUnixNano);
        }
    }
    m_models = models;
    m_timeFrom = fromUnixNano(first);
    m_timeTo = fromUnixNano(last);
    m_spendAxisMax = niceCeiling(spendMax);
    m_latencyAxisMax = niceCeiling(latencyMax / 1000.0);
    Q_EMIT seriesChanged();

    if (s.scenarioNotes != m_notes) {
        m_notes = s.scenarioNotes;
        Q_EMIT notesChanged();
    }
}

void OverviewController::fillSeries(QAbstractSeries* series, const QString& model,
                                    Metric metric) const
{
    auto* xy = qobject_cast<QXYSeries*>(series);
    if (!xy || !m_current)
        return;
    QList<QPointF> points;
    const std::string name = model.toStdString();
    for (const llmopt::TimelineSeries& s : m_current->series) {
        if (s.model != name)
            continue;
        points.reserve(static_cast<qsizetype>(s.points.size()));
        for (const llmopt::TimelinePoint& p : s.points)
            points.append({static_cast<double>(p.bucketStartUnixNano / 1'000'000),
                           metric == SpendPerHour ? p.spendPerHourUsd : p.p95LatencyMs / 1000.0});
    }
    xy->replace(points); // one update per refresh, never per event
}
