#include "chart_readout.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>
#include <QXYSeries>
#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// A value as `axis` labels it.
QString label(QAbstractAxis* axis, double v)
{
    if (qobject_cast<QDateTimeAxis*>(axis))
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(v)), QLocale::ShortFormat);
    if (auto* categories = qobject_cast<QCategoryAxis*>(axis)) {
        const QStringList labels = categories->categoriesLabels();
        const auto nearest = std::min_element(labels.cbegin(), labels.cend(),
                                              [&](const QString& a, const QString& b) {
                                                  return std::abs(categories->endValue(a) - v)
                                                      < std::abs(categories->endValue(b) - v);
                                              });
        if (nearest != labels.cend())
            return *nearest;
    }
    double span = 1;
    if (const auto* value = qobject_cast<QValueAxis*>(axis))
        span = value->max() - value->min();
    // Three significant digits of the axis' span.
    const int decimals = span > 0 ? std::clamp(2 - int(std::floor(std::log10(span))), 0, 6) : 3;
    return QLocale().toString(v, 'f', decimals);
}

// A series drawn as points: a line, or an area's upper edge (with its lower one).
struct Drawn {
    QAbstractSeries* series;
    QXYSeries* upper;
    QXYSeries* lower;
};

} // namespace

ChartReadout::ChartReadout(QObject* parent)
    : QObject(parent)
{
}

QAbstractAxis* ChartReadout::axis(QAbstractSeries* series, Qt::Orientation orientation)
{
    if (!series)
        return nullptr;
    for (QAbstractAxis* a : series->attachedAxes())
        if (a->orientation() == orientation)
            return a;
    return nullptr;
}

QVariantMap ChartReadout::at(const QVariantList& list, QPointF position, bool alongX) const
{
    std::vector<Drawn> drawn;
    for (const QVariant& v : list) {
        auto* s = qobject_cast<QAbstractSeries*>(v.value<QObject*>());
        if (!s || !s->isVisible() || !s->chart())
            continue;
        if (auto* area = qobject_cast<QAreaSeries*>(s))
            drawn.push_back({s, area->upperSeries(), area->lowerSeries()});
        else if (auto* xy = qobject_cast<QXYSeries*>(s))
            drawn.push_back({s, xy, nullptr});
    }
    if (drawn.empty())
        return {};
    QChart* chart = drawn.front().series->chart();
    const QRectF plot = chart->plotArea();
    if (!plot.contains(position))
        return {};

    // Per series its point nearest to the cursor: along x, or in the plane.
    struct Hit {
        const Drawn* drawn = nullptr;
        qsizetype index = -1;
        double distance = std::numeric_limits<double>::infinity();
        QPointF pixel;
    };
    std::vector<Hit> hits;
    for (const Drawn& d : drawn) {
        // A pixel of each value: the axes are linear, so two points fix the map.
        QAbstractSeries* s = d.series;
        const QPointF origin = chart->mapToPosition({0, 0}, s);
        const QPointF unit = chart->mapToPosition({1, 1}, s) - origin;
        const QPointF cursor = chart->mapToValue(position, s);
        Hit hit;
        hit.drawn = &d;
        const QList<QPointF> points = d.upper->points();
        for (qsizetype i = 0; i < points.size(); ++i) {
            const double dx = (points[i].x() - cursor.x()) * unit.x();
            const double dy = alongX ? 0.0 : (points[i].y() - cursor.y()) * unit.y();
            const double distance = std::hypot(dx, dy);
            if (distance < hit.distance) {
                hit.index = i;
                hit.distance = distance;
            }
        }
        if (hit.index < 0 || hit.distance > kReach)
            continue;
        hit.pixel = chart->mapToPosition(points[hit.index], s);
        hits.push_back(hit);
    }
    if (hits.empty())
        return {};
    const Hit& best = *std::min_element(hits.cbegin(), hits.cend(), [](const Hit& a, const Hit& b) {
        return a.distance < b.distance;
    });
    const QPointF point = best.drawn->upper->at(best.index);
    QAbstractAxis* xAxis = axis(best.drawn->series, Qt::Horizontal);
    QAbstractAxis* yAxis = axis(best.drawn->series, Qt::Vertical);
    const auto line = [&](const Hit& h) {
        const QPointF p = h.drawn->upper->at(h.index);
        QString value = label(yAxis, p.y());
        if (h.drawn->lower && h.index < h.drawn->lower->count()) // a band: low – high
            value = tr("%1 – %2").arg(label(yAxis, h.drawn->lower->at(h.index).y()), value);
        return tr("%1: %2").arg(h.drawn->series->name(), value);
    };
    QStringList text;
    if (alongX) {
        text << label(xAxis, point.x());
        for (const Hit& h : hits)
            text << line(h);
    } else {
        text << line(best);
        if (xAxis)
            text << tr("%1: %2").arg(xAxis->titleText(), label(xAxis, point.x()));
    }
    return {{QStringLiteral("text"), text.join(QLatin1Char('\n'))},
            {QStringLiteral("series"), QVariant::fromValue(best.drawn->series)},
            {QStringLiteral("index"), best.index},
            {QStringLiteral("x"), point.x()},
            {QStringLiteral("y"), point.y()},
            {QStringLiteral("position"), best.pixel}};
}
