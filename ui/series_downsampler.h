#pragma once

#include <QList>
#include <QPointF>

class QXYSeries;

// Reduces a series in x order for display: per pixel column its first, lowest,
// highest and last point, in their original order (M4 aggregation, Jugel et
// al., "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014),
// so that a line through the result covers the same pixels as one through
// every point. Of the points left and right of the range shown only the
// nearest one each is kept, so that lines still run to the edges. A chart of a
// million points stays interactive: it draws at most four per column.
class SeriesDownsampler {
public:
    // Columns used when a chart has no size yet (hidden, not laid out).
    static constexpr int kDefaultColumns = 2000;

    // `points` sorted by x; at most 4 × `columns` points of [xFrom, xTo] plus
    // one on each side. Fewer points than that come back unchanged.
    static QList<QPointF> reduce(const QList<QPointF>& points, int columns, double xFrom,
                                 double xTo);
    // Over the points' own x range.
    static QList<QPointF> reduce(const QList<QPointF>& points, int columns);

    // Replaces the points of `series` (one update) with `points` reduced to
    // the width of its chart's plot area over its horizontal axis' range.
    static void replace(QXYSeries* series, const QList<QPointF>& points);
};
