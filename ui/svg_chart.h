#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <vector>

// An axis from `from` to `to` with a tick every `step` of 1, 2 or 5 × 10^k,
// so that the labels read well.
struct AxisScale {
    double from = 0, to = 1, step = 0.25;

    // About `steps` steps covering [low, high], rounded outwards to whole steps.
    static AxisScale covering(double low, double high, int steps);
    std::vector<double> ticks() const;
};

// An SVG picture written element by element: the experiment report's chart
// and the charts the screens export (timeChart) share it. Coordinates are in
// pixels from the top left; text is escaped here.
class SvgChart {
public:
    enum class Anchor { Start, Middle, End };

    // One line of a time chart: x in milliseconds since the epoch. With
    // `lower` (same x values) the band between the two is filled instead:
    // a layer of a stacked chart.
    struct Series {
        QString name;
        QString color; // "#rrggbb"
        QList<QPointF> points;
        QList<QPointF> lower;
        bool dashed = false;
    };

    SvgChart(double width, double height, const QString& title);

    void text(QPointF at, const QString& text, Anchor anchor = Anchor::Start, bool bold = false,
              const QString& fill = QStringLiteral("#222"));
    void line(QPointF from, QPointF to, const QString& stroke, double width = 1.0,
              bool dashed = false);
    void polyline(const QList<QPointF>& points, const QString& stroke, double width,
                  bool dashed = false);
    void polygon(const QList<QPointF>& points, const QString& fill, double opacity);
    // What is drawn until endClip() shows only inside `area`.
    void beginClip(const QRectF& area);
    void endClip();
    // `tooltip`: shown on hover by SVG viewers (a <title> child).
    void circle(QPointF centre, double radius, const QString& fill, const QString& tooltip = {});
    // The document, closed.
    QString toString() const;

    // A line chart over [fromMs, toMs] (local time labels) and [0, yMax] with
    // the title, the unit on the value axis and a legend below the plot.
    static QString timeChart(const QString& title, const QString& unit,
                             const std::vector<Series>& series, double fromMs, double toMs,
                             double yMax);

private:
    QString m_svg;
    int m_clips = 0; // clip paths defined, for their ids
};
