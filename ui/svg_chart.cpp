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

QString SvgChart::timeChart(const QString& title, const QString& unit,
                            const std::vector<Series>& series, double fromMs, double toMs,
                            double yMax)
{
    constexpr double kWidth = 900, kLeft = 72, kRight = 24, kTop = 40, kPlotHeight = 300,
                     kLegendRow = 20;
    qsizetype longest = 0;
    for (const Series& s : series)
        longest = std::max(longest, s.name.size());
    // About 7 px per character at 12 px sans-serif, plus the sample line.
    const double kLegendEntry = std::max(160.0, 40.0 + 7.0 * double(longest));
    const int perRow = std::max(1, int((kWidth - kLeft - kRight) / kLegendEntry));
    const int legendRows = (int(series.size()) + perRow - 1) / perRow;
    const double plotBottom = kTop + kPlotHeight;
    const double height = plotBottom + 34 + kLegendRow * legendRows + 8;
    const QRectF plot(kLeft, kTop, kWidth - kLeft - kRight, kPlotHeight);
    if (!(toMs > fromMs))
        toMs = fromMs + 1;
    const AxisScale y = AxisScale::covering(0, yMax > 0 ? yMax : 1, 5);
    const auto px = [&](QPointF v) {
        return QPointF(plot.left() + (v.x() - fromMs) / (toMs - fromMs) * plot.width(),
                       plot.bottom() - (v.y() - y.from) / (y.to - y.from) * plot.height());
    };

    SvgChart svg(kWidth, height, title);
    svg.text({kLeft, 22}, title, Anchor::Start, true);
    for (double t : y.ticks()) {
        const double at = px({fromMs, t}).y();
        svg.line({plot.left(), at}, {plot.right(), at}, QStringLiteral("#ddd"));
        svg.text({plot.left() - 6, at + 4}, valueLabel(t, y.step), Anchor::End);
    }
    svg.text({14, plot.center().y()}, unit, Anchor::Middle, false, QStringLiteral("#555"));

    // Time ticks on round local times, about six of them.
    static constexpr double kSteps[] = {60e3,   120e3,   300e3,   600e3,   900e3,   1800e3,  3600e3,
                                        7200e3, 10800e3, 21600e3, 43200e3, 86400e3, 172800e3};
    double step = kSteps[std::size(kSteps) - 1];
    for (double s : kSteps)
        if ((toMs - fromMs) / s <= 7) {
            step = s;
            break;
        }
    const double offset = QDateTime::fromMSecsSinceEpoch(qint64(fromMs)).offsetFromUtc() * 1000.0;
    const QString format
        = toMs - fromMs > 86400e3 ? QStringLiteral("MMM d hh:mm") : QStringLiteral("hh:mm");
    for (double t = std::ceil((fromMs + offset) / step) * step - offset; t <= toMs; t += step) {
        const double at = px({t, 0}).x();
        svg.line({at, plot.top()}, {at, plot.bottom()}, QStringLiteral("#eee"));
        svg.text({at, plot.bottom() + 16},
                 QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(t)), format),
                 Anchor::Middle);
    }
    svg.line(plot.bottomLeft(), plot.bottomRight(), QStringLiteral("#888"));

    svg.beginClip(plot);
    for (const Series& s : series) {
        QList<QPointF> upper;
        upper.reserve(s.points.size());
        for (const QPointF& p : s.points)
            upper.append(px(p));
        if (!s.lower.isEmpty()) {
            QList<QPointF> band = upper;
            for (auto it = s.lower.crbegin(); it != s.lower.crend(); ++it)
                band.append(px(*it));
            svg.polygon(band, s.color, 0.75);
        } else {
            svg.polyline(upper, s.color, s.dashed ? 1.5 : 2.0, s.dashed);
        }
    }
    svg.endClip();

    for (size_t i = 0; i < series.size(); ++i) {
        const double x = kLeft + kLegendEntry * double(int(i) % perRow);
        const double top = plotBottom + 34 + kLegendRow * double(int(i) / perRow);
        svg.line({x, top - 4}, {x + 18, top - 4}, series[i].color, 3, series[i].dashed);
        svg.text({x + 24, top}, series[i].name);
    }
    return svg.toString();
}
