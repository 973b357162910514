#pragma once

#include <QList>
#include <QPair>
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

    // One series of a chart: a line, or with `lower` (the same x values) the
    // band between the two filled (a layer of a stacked chart, a quantile
    // band), or with `markers` a dot of `markerSize` px at each point.
    struct Series {
        QString name;
        QString color; // "#rrggbb"
        QList<QPointF> points;
        QList<QPointF> lower;
        bool dashed = false;
        bool markers = false;
        double markerSize = 8;
        double opacity = 0.75; // of a band
    };
    // An axis of xyChart: the range shown and its title. `time`: values are
    // milliseconds since the epoch, labelled with local times; `categories`:
    // labels at values, instead of numbered ticks.
    struct Axis {
        QString title;
        double from = 0, to = 1;
        bool time = false;
        QList<QPair<double, QString>> categories;
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

    // A chart of `series` over the x axis' range and the y axis' range
    // rounded out to whole ticks, with the title, the axes' titles and a
    // legend below the plot (one entry per name and colour). What lies
    // outside the plot is clipped.
    static QString xyChart(const QString& title, const Axis& x, const Axis& y,
                           const std::vector<Series>& series);
    // xyChart over [fromMs, toMs] (local time labels) and [0, yMax], `unit`
    // on the value axis.
    static QString timeChart(const QString& title, const QString& unit,
                             const std::vector<Series>& series, double fromMs, double toMs,
                             double yMax);

private:
    QString m_svg;
    int m_clips = 0; // clip paths defined, for their ids
};
