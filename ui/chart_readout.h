#pragma once

#include <QObject>
#include <QPointF>
#include <QVariantList>
#include <QVariantMap>

class QAbstractAxis;
class QAbstractSeries;

// What the cursor points at in a chart, for the hover read-out of every chart
// (ChartFrame.qml). Along x (time charts, per-analysis charts): each series'
// point at the x nearest to the cursor, one line per series; otherwise
// (scatter charts) the one point nearest to the cursor. Values are labelled
// as the axes show them: times for a time axis, the category for a category
// axis, numbers with the decimals the axis' span needs.
class ChartReadout : public QObject {
    Q_OBJECT

public:
    // Points farther from the cursor than this (pixels) are not read out.
    static constexpr double kReach = 24;

    explicit ChartReadout(QObject* parent = nullptr);

    // The axis of `series` (may be null) in `orientation`, or null.
    static QAbstractAxis* axis(QAbstractSeries* series, Qt::Orientation orientation);

    // `series`: the chart's series (line, spline, scatter or area; hidden ones
    // are skipped); `position`: the cursor in the chart's coordinates. An
    // empty map when no point is within reach, else {text, series (the one
    // nearest), index (of its point), x, y (its values), position (its pixel)}.
    Q_INVOKABLE QVariantMap at(const QVariantList& series, QPointF position, bool alongX) const;
};
