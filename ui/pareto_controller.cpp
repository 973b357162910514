#include "pareto_controller.h"

#include <QColor>
#include <QXYSeries>
#include <algorithm>
#include <stdexcept>

ParetoController::ParetoController(QObject* parent)
    : QObject(parent)
{
}

void ParetoController::setViews(std::vector<llmopt::DecisionEngine::ServiceView> views,
                                std::map<std::string, std::string> labels)
{
    const QStringList before = services();
    m_views = std::move(views);
    m_labels = std::move(labels);
    if (services() != before)
        Q_EMIT viewsChanged();
    if (!current() && !m_views.empty())
        m_service = QString::fromStdString(m_views.front().service);
    recompute();
}

QStringList ParetoController::services() const
{
    QStringList out;
    for (const auto& v : m_views)
        out << QString::fromStdString(v.service);
    return out;
}

const llmopt::DecisionEngine::ServiceView* ParetoController::current() const
{
    for (const auto& v : m_views)
        if (QString::fromStdString(v.service) == m_service)
            return &v;
    return nullptr;
}

int ParetoController::variantCount() const
{
    const auto* v = current();
    return v ? int(v->candidates.size()) : 0;
}

QString ParetoController::label(const std::string& id) const
{
    const auto it = m_labels.find(id);
    return QString::fromStdString(it != m_labels.end() ? it->second : id);
}

void ParetoController::setService(const QString& service)
{
    if (service == m_service)
        return;
    m_service = service;
    recompute();
}

void ParetoController::setMaxQualityLoss(double loss)
{
    loss = std::clamp(loss, 0.0, 1.0);
    if (loss == m_maxQualityLoss)
        return;
    m_maxQualityLoss = loss;
    recompute();
}

void ParetoController::setLatencySloMs(double ms)
{
    ms = std::max(0.0, ms);
    if (ms == m_latencySloMs)
        return;
    m_latencySloMs = ms;
    recompute();
}

void ParetoController::recompute()
{
    m_front.clear();
    m_choiceIndex.reset();
    m_choice.clear();
    m_incumbent.clear();
    m_reason.clear();
    m_monthlySavings = 0;
    if (const auto* v = current()) {
        const llmopt::ParetoFront front(v->candidates);
        m_front = front.front();
        std::sort(m_front.begin(), m_front.end(), [&](size_t a, size_t b) {
            return v->candidates[a].costUsd.value < v->candidates[b].costUsd.value;
        });
        llmopt::ParetoFront::Constraints c;
        c.maxQualityLoss = m_maxQualityLoss;
        if (m_latencySloMs > 0)
            c.latencySloMs = m_latencySloMs;
        const llmopt::ParetoFront::Choice choice = front.cheapestWithin(c);
        m_choiceIndex = choice.index;
        m_reason = QString::fromStdString(choice.reason);
        for (const auto& [id, name] : m_labels) // the reason names variants by id
            m_reason.replace(QString::fromStdString(id), QString::fromStdString(name));
        if (choice.index) {
            m_choice = label(v->candidates[*choice.index].variantId);
            m_monthlySavings = choice.monthlySavingsUsd.value;
        }
        if (v->incumbent)
            m_incumbent = label(v->candidates[*v->incumbent].variantId);
        m_costMax = 0;
        m_qualityMin = 1;
        m_latencyMin = 1e300;
        m_latencyMax = 0;
        for (const auto& cand : v->candidates) {
            m_costMax = std::max(m_costMax, cand.costUsd.high);
            m_qualityMin = std::min(m_qualityMin, cand.quality.low);
            m_latencyMin = std::min(m_latencyMin, cand.latencyP95Ms.value);
            m_latencyMax = std::max(m_latencyMax, cand.latencyP95Ms.value);
        }
    }
    Q_EMIT changed();
}

void ParetoController::fillSeries(QAbstractSeries* series, Series which) const
{
    auto* xy = qobject_cast<QXYSeries*>(series);
    if (!xy)
        return;
    QList<QPointF> points;
    const auto* v = current();
    auto point = [&](size_t i) {
        return QPointF(v->candidates[i].costUsd.value, v->candidates[i].quality.value);
    };
    if (v) {
        switch (which) {
        case AllVariants:
            for (size_t i = 0; i < v->candidates.size(); ++i)
                points.append(point(i));
            break;
        case Front:
            for (size_t i : m_front)
                points.append(point(i));
            break;
        case Choice:
            if (m_choiceIndex)
                points.append(point(*m_choiceIndex));
            break;
        case Incumbent:
            if (v->incumbent)
                points.append(point(*v->incumbent));
            break;
        }
    }
    xy->replace(points);
    if (which == AllVariants && v) {
        const double span = std::max(1.0, m_latencyMax - m_latencyMin);
        for (qsizetype i = 0; i < points.size(); ++i) {
            const double t = (v->candidates[size_t(i)].latencyP95Ms.value - m_latencyMin) / span;
            // Green (fast) through amber to red (slow): hue 120° → 0°.
            xy->setPointConfiguration(i, QXYSeries::PointConfiguration::Color,
                                      QColor::fromHsvF(float((1 - t) / 3), 0.75f, 0.85f));
        }
    }
}

QVariantMap ParetoController::variant(int index) const
{
    const auto* v = current();
    if (!v || index < 0 || size_t(index) >= v->candidates.size())
        return {};
    const auto& c = v->candidates[size_t(index)];
    return {{QStringLiteral("name"), label(c.variantId)},
            {QStringLiteral("quality"), c.quality.value},
            {QStringLiteral("qualityLow"), c.quality.low},
            {QStringLiteral("qualityHigh"), c.quality.high},
            {QStringLiteral("cost"), c.costUsd.value},
            {QStringLiteral("p95"), c.latencyP95Ms.value},
            {QStringLiteral("calls"), qulonglong(v->requests[size_t(index)])},
            {QStringLiteral("onFront"), !v->dominatedBy[size_t(index)].has_value()}};
}
