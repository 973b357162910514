#include "svg_chart.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace {

QString number(double v)
{
    return QString::number(v, 'f', 1);
}

QString points(const QList<QPointF>& list)
{
    QString s;
    s.reserve(list.size() * 14);
    for (const QPointF& p : list)
        s += number(p.x()) + QLatin1Char(',') + number(p.y()) + QLatin1Char(' ');
    return s.trimmed();
}

// A tick label of the value axis: no more decimals than the step needs.
QString valueLabel(double v, double step)
{
    const int decimals = std::clamp(int(std::ceil(-std::log10(step))), 0, 6);
    return QLocale().toString(std::abs(v) < step * 1e-9 ? 0.0 : v, 'f', decimals);
}

} // namespace

AxisScale AxisScale::covering(double low, double high, int steps)
{
    if (!(high > low)) {
        const double pad = std::max(std::abs(high) * 0.1, 0.05);
        low -= pad;
        high += pad;
    }
    const double raw = (high - low) / std::max(steps, 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude * 10.0;
    for (double m : {1.0, 2.0, 5.0})
        if (raw <= m * magnitude) {
            step = m * magnitude;
            break;
        }
    return {std::floor(low / step) * step, std::ceil(high / step) * step, step};
}

std::vector<double> AxisScale::ticks() const
{
    std::vector<double> t;
    for (double v = from; v <= to + step * 1e-6; v += step)
        t.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
    return t;
}

SvgChart::SvgChart(double width, double height, const QString& title)
{
    m_svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" "
                           "viewBox=\"0 0 %1 %2\" font-family=\"sans-serif\" font-size=\"12\" "
                           "role=\"img\">\n<title>%3</title>\n")
                .arg(width)
                .arg(height)
                .arg(title.toHtmlEscaped());
}

void SvgChart::text(QPointF at, const QString& text, Anchor anchor, bool bold, const QString& fill)
{
    static const char* const anchors[] = {"start", "middle", "end"};
    m_svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"%3\" fill=\"%4\"%5>%6</text>\n")
                 .arg(number(at.x()), number(at.y()),
                      QLatin1String(anchors[static_cast<int>(anchor)]), fill,
                      bold ? QStringLiteral(" font-weight=\"bold\"") : QString(),
                      text.toHtmlEscaped());
}

void SvgChart::line(QPointF from, QPointF to, const QString& stroke, double width, bool dashed)
{
    m_svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%4\" stroke=\"%5\" "
                            "stroke-width=\"%6\"%7/>\n")
                 .arg(number(from.x()), number(from.y()), number(to.x()), number(to.y()), stroke,
                      QString::number(width),
                      dashed ? QStringLiteral(" stroke-dasharray=\"6 4\"") : QString());
}

void SvgChart::polyline(const QList<QPointF>& list, const QString& stroke, double width,
                        bool dashed)
{
    m_svg += QStringLiteral("<polyline points=\"%1\" fill=\"none\" stroke=\"%2\" "
                            "stroke-width=\"%3\" stroke-linejoin=\"round\"%4/>\n")
                 .arg(points(list), stroke, QString::number(width),
                      dashed ? QStringLiteral(" stroke-dasharray=\"6 4\"") : QString());
}

void SvgChart::polygon(const QList<QPointF>& list, const QString& fill, double opacity)
{
    m_svg += QStringLiteral("<polygon points=\"%1\" fill=\"%2\" fill-opacity=\"%3\"/>\n")
                 .arg(points(list), fill, QString::number(opacity));
}

void SvgChart::beginClip(const QRectF& area)
{
    const int id = ++m_clips;
    // In <defs>: renderers without clipping (Qt SVG, SVG Tiny) must not draw the rectangle.
    m_svg += QStringLiteral("<defs><clipPath id=\"clip%1\"><rect x=\"%2\" y=\"%3\" "
                            "width=\"%4\" height=\"%5\"/></clipPath></defs>\n"
                            "<g clip-path=\"url(#clip%1)\">\n")
                 .arg(id)
                 .arg(number(area.x()), number(area.y()), number(area.width()),
                      number(area.height()));
}

void SvgChart::endClip()
{
    m_svg += QStringLiteral("</g>\n");
}

void SvgChart::circle(QPointF centre, double radius, const QString& fill, const QString& tooltip)
{
    m_svg += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"%3\" fill=\"%4\">")
                 .arg(number(centre.x()), number(centre.y()), QString::number(radius), fill);
    if (!tooltip.isEmpty())
        m_svg += QStringLiteral("<title>%1</title>").arg(tooltip.toHtmlEscaped());
    m_svg += QStringLiteral("</circle>\n");
}

QString SvgChart::toString() const
{
    return m_svg + QStringLiteral("</svg>\n");
}

QString SvgChart::xyChart(const QString& title, const Axis& x, const Axis& y,
                          const std::vector<Series>& series)
{
    // The legend: one entry per name and colour (a band's edges, an interval's caps).
    std::vector<const Series*> legend;
    for (const Series& s : series)
        if (!s.name.isEmpty() && std::none_of(legend.cbegin(), legend.cend(), [&](const Series* e) {
                return e->name == s.name && e->color == s.color;
            }))
            legend.push_back(&s);
    constexpr double kWidth = 900, kLeft = 72, kRight = 24, kTop = 40, kPlotHeight = 300,
                     kLegendRow = 20;
    qsizetype longest = 0;
    for (const Series* s : legend)
        longest = std::max(longest, s->name.size());
    // About 7 px per character at 12 px sans-serif, plus the sample line.
    const double kLegendEntry = std::max(160.0, 40.0 + 7.0 * double(longest));
    const int perRow = std::max(1, int((kWidth - kLeft - kRight) / kLegendEntry));
    const int legendRows = (int(legend.size()) + perRow - 1) / perRow;
    const double plotBottom = kTop + kPlotHeight;
    const double legendTop = plotBottom + (x.title.isEmpty() ? 34 : 52);
    const double height = legendTop + kLegendRow * legendRows + 8;
    const QRectF plot(kLeft, kTop, kWidth - kLeft - kRight, kPlotHeight);
    const double xFrom = x.from, xTo = x.to > x.from ? x.to : x.from + 1;
    const AxisScale yScale = AxisScale::covering(y.from, y.to, 5);
    const auto px = [&](QPointF v) {
        return QPointF(plot.left() + (v.x() - xFrom) / (xTo - xFrom) * plot.width(),
                       plot.bottom()
                           - (v.y() - yScale.from) / (yScale.to - yScale.from) * plot.height());
    };

    SvgChart svg(kWidth, height, title);
    svg.text({kLeft, 22}, title, Anchor::Start, true);
    for (double t : yScale.ticks()) {
        const double at = px({xFrom, t}).y();
        svg.line({plot.left(), at}, {plot.right(), at}, QStringLiteral("#ddd"));
        svg.text({plot.left() - 6, at + 4}, valueLabel(t, yScale.step), Anchor::End);
    }
    svg.text({14, plot.center().y()}, y.title, Anchor::Middle, false, QStringLiteral("#555"));

    // Labels of the horizontal axis: its categories, round local times or round numbers.
    QList<QPair<double, QString>> xLabels = x.categories;
    if (x.time) {
        static constexpr double kSteps[]
            = {60e3,   120e3,   300e3,   600e3,   900e3,   1800e3,  3600e3,
               7200e3, 10800e3, 21600e3, 43200e3, 86400e3, 172800e3};
        double step = kSteps[std::size(kSteps) - 1];
        for (double s : kSteps)
            if ((xTo - xFrom) / s <= 7) {
                step = s;
                break;
            }
        const double offset
            = QDateTime::fromMSecsSinceEpoch(qint64(xFrom)).offsetFromUtc() * 1000.0;
        const QString format
            = xTo - xFrom > 86400e3 ? QStringLiteral("MMM d hh:mm") : QStringLiteral("hh:mm");
        for (double t = std::ceil((xFrom + offset) / step) * step - offset; t <= xTo; t += step)
            xLabels.append(
                {t, QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(t)), format)});
    } else if (xLabels.isEmpty()) {
        const AxisScale xScale = AxisScale::covering(xFrom, xTo, 6);
        for (double t : xScale.ticks())
            if (t >= xFrom - xScale.step * 1e-6 && t <= xTo + xScale.step * 1e-6)
                xLabels.append({t, valueLabel(t, xScale.step)});
    }
    for (const auto& [value, label] : xLabels) {
        const double at = px({value, 0}).x();
        svg.line({at, plot.top()}, {at, plot.bottom()}, QStringLiteral("#eee"));
        svg.text({at, plot.bottom() + 16}, label, Anchor::Middle);
    }
    svg.text({plot.center().x(), plot.bottom() + 36}, x.title, Anchor::Middle, false,
             QStringLiteral("#555"));
    svg.line(plot.bottomLeft(), plot.bottomRight(), QStringLiteral("#888"));

    svg.beginClip(plot);
    for (const Series& s : series) {
        QList<QPointF> upper;
        upper.reserve(s.points.size());
        for (const QPointF& p : s.points)
            upper.append(px(p));
        if (s.markers) {
            for (qsizetype i = 0; i < upper.size(); ++i)
                svg.circle(upper[i], s.markerSize / 2, s.color,
                           QStringLiteral("%1: %2, %3")
                               .arg(s.name, QLocale().toString(s.points[i].x()),
                                    QLocale().toString(s.points[i].y())));
        } else if (!s.lower.isEmpty()) {
            QList<QPointF> band = upper;
            for (auto it = s.lower.crbegin(); it != s.lower.crend(); ++it)
                band.append(px(*it));
            svg.polygon(band, s.color, s.opacity);
        } else {
            svg.polyline(upper, s.color, s.dashed ? 1.5 : 2.0, s.dashed);
        }
    }
    svg.endClip();

    for (size_t i = 0; i < legend.size(); ++i) {
        const Series& s = *legend[i];
        const double left = kLeft + kLegendEntry * double(int(i) % perRow);
        const double top = legendTop + kLegendRow * double(int(i) / perRow);
        if (s.markers)
            svg.circle({left + 9, top - 4}, 5, s.color);
        else
            svg.line({left, top - 4}, {left + 18, top - 4}, s.color, 3, s.dashed);
        svg.text({left + 24, top}, s.name);
    }
    return svg.toString();
}

QString SvgChart::timeChart(const QString& title, const QString& unit,
                            const std::vector<Series>& series, double fromMs, double toMs,
                            double yMax)
{
    return xyChart(title, {{}, fromMs, toMs, true, {}}, {unit, 0, yMax > 0 ? yMax : 1, false, {}},
                   series);
}
