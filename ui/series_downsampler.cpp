#include "series_downsampler.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QValueAxis>
#include <QXYSeries>
#include <algorithm>
#include <array>

QList<QPointF> SeriesDownsampler::reduce(const QList<QPointF>& points, int columns, double xFrom,
                                         double xTo)
{
    columns = std::max(columns, 1);
    if (points.size() <= 4 * qsizetype(columns) + 2)
        return points;
    const auto begin = std::lower_bound(points.cbegin(), points.cend(), xFrom,
                                        [](const QPointF& p, double x) { return p.x() < x; });
    const auto end = std::upper_bound(begin, points.cend(), xTo,
                                      [](double x, const QPointF& p) { return x < p.x(); });
    QList<QPointF> out;
    out.reserve(4 * qsizetype(columns) + 2);
    if (begin != points.cbegin())
        out.append(*(begin - 1));
    const double width = xTo > xFrom ? (xTo - xFrom) / columns : 1.0;
    for (auto it = begin; it != end;) {
        const int column = std::min(int((it->x() - xFrom) / width), columns - 1);
        const double columnEnd = column + 1 == columns ? xTo : xFrom + (column + 1) * width;
        const auto start = it;
        auto low = it, high = it, last = it;
        for (++it; it != end && (column + 1 == columns || it->x() < columnEnd); ++it) {
            if (it->y() < low->y())
                low = it;
            if (it->y() > high->y())
                high = it;
            last = it;
        }
        // The column's first, lowest, highest and last point, each once, in their order.
        std::array keep{start, low, high, last};
        std::sort(keep.begin(), keep.end());
        for (size_t i = 0; i < keep.size(); ++i)
            if (i == 0 || keep[i] != keep[i - 1])
                out.append(*keep[i]);
    }
    if (end != points.cend())
        out.append(*end);
    return out;
}

QList<QPointF> SeriesDownsampler::reduce(const QList<QPointF>& points, int columns)
{
    if (points.isEmpty())
        return points;
    return reduce(points, columns, points.constFirst().x(), points.constLast().x());
}

void SeriesDownsampler::replace(QXYSeries* series, const QList<QPointF>& points)
{
    if (points.isEmpty()) {
        series->clear();
        return;
    }
    double from = points.constFirst().x(), to = points.constLast().x();
    for (const QAbstractAxis* axis : series->attachedAxes()) {
        if (axis->orientation() != Qt::Horizontal)
            continue;
        if (const auto* time = qobject_cast<const QDateTimeAxis*>(axis)) {
            from = double(time->min().toMSecsSinceEpoch());
            to = double(time->max().toMSecsSinceEpoch());
        } else if (const auto* value = qobject_cast<const QValueAxis*>(axis)) {
            from = value->min();
            to = value->max();
        }
    }
    const QChart* chart = series->chart();
    const int width = chart ? int(chart->plotArea().width()) : 0;
    series->replace(reduce(points, width > 0 ? width : kDefaultColumns, from, to));
}
