#include "drift_history.h"

#include "event_store.h"

#include <QColor>
#include <QXYSeries>
#include <algorithm>

namespace {

// PSI where the finding has one (drift of a distribution), else its statistic.
double valueOf(const llmopt::Finding& f)
{
    const auto psi = f.evidence.find("psi");
    return psi != f.evidence.end() && psi->is_number() ? psi->get<double>() : f.statistic;
}

} // namespace

DriftHistory::DriftHistory(QObject* parent)
    : QObject(parent)
{
    m_worker.setMaxThreadCount(1);
}

DriftHistory::~DriftHistory()
{
    m_worker.waitForDone(); // its answer refers to this object
}

void DriftHistory::load(const QString& key, const QString& metric, const QString& method)
{
    m_key = key;
    m_metric = metric;
    m_method = method;
    const int request = ++m_request;
    if (key.isEmpty() || m_databasePath.isEmpty()) {
        apply({}, {});
        return;
    }
    m_loading = true;
    Q_EMIT loadingChanged();
    m_worker.start([this, request, path = m_databasePath.toStdString(), key = key.toStdString(),
                    metric = metric.toStdString(), method = method.toStdString()] {
        std::vector<llmopt::Finding> findings;
        QString error;
        try {
            // A connection of this thread's own: the engine's belongs to the engine thread.
            const llmopt::EventStore store(path);
            findings = store.findingsAbout(key, metric, kMaxFindings);
            // One method's statistic: another analyzer's on the same metric has another scale.
            std::erase_if(findings, [&](const llmopt::Finding& f) { return f.method != method; });
            std::reverse(findings.begin(), findings.end());
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            this,
            [this, request, findings = std::move(findings), error]() mutable {
                if (request == m_request) // else another finding was selected meanwhile
                    apply(std::move(findings), error);
            },
            Qt::QueuedConnection);
    });
}

void DriftHistory::apply(std::vector<llmopt::Finding> findings, const QString& error)
{
    m_loading = false;
    m_error = error;
    Q_EMIT loadingChanged();
    m_findings = std::move(findings);
    const bool psi = !m_findings.empty() && m_findings.back().evidence.contains("psi");
    m_statisticName = psi ? tr("PSI") : tr("Statistic");
    int64_t from = INT64_MAX, to = 0;
    double bottom = 0, top = 0; // a z-score may be negative
    for (const llmopt::Finding& f : m_findings) {
        from = std::min(from, f.windowEndUnixNano);
        to = std::max(to, f.detectedAtUnixNano);
        bottom = std::min(bottom, valueOf(f));
        top = std::max(top, valueOf(f));
    }
    if (m_findings.empty())
        from = to = QDateTime::currentMSecsSinceEpoch() * 1'000'000LL;
    // Some room either side, at least a quarter hour in all.
    const int64_t pad = std::max<int64_t>((to - from) / 20, 450'000'000'000LL);
    m_timeFrom = QDateTime::fromMSecsSinceEpoch((from - pad) / 1'000'000);
    m_timeTo = QDateTime::fromMSecsSinceEpoch((to + pad) / 1'000'000);
    m_axisMin = bottom * 1.15;
    m_axisMax = top > 0 || bottom < 0 ? top * 1.15 : 1;
    Q_EMIT changed();
}

QList<QPointF> DriftHistory::points(Series which) const
{
    QList<QPointF> out;
    for (const llmopt::Finding& f : m_findings)
        out.append(
            {double((which == Statistic ? f.windowEndUnixNano : f.detectedAtUnixNano) / 1'000'000),
             valueOf(f)});
    return out;
}

void DriftHistory::fillSeries(QAbstractSeries* series, Series which,
                              const QStringList& severityColors) const
{
    auto* xy = qobject_cast<QXYSeries*>(series);
    if (!xy)
        return;
    xy->replace(points(which)); // a few hundred at most: nothing to reduce
    if (which != Detections || severityColors.size() < 3)
        return;
    for (qsizetype i = 0; i < qsizetype(m_findings.size()); ++i)
        xy->setPointConfiguration(i, QXYSeries::PointConfiguration::Color,
                                  QColor(severityColors[int(m_findings[size_t(i)].severity)]));
}
