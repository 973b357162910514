#include "chart_exporter.h"

#include "chart_readout.h"
#include "experiment_designer.h"
#include "svg_chart.h"
#include "user_folder.h"

#include <QAreaSeries>
#include <QBuffer>
#include <QCategoryAxis>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QDir>
#include <QFileInfo>
#include <QLineSeries>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScatterSeries>
#include <QValueAxis>
#include <QXYSeries>

namespace {

// The range and title a chart axis shows now.
SvgChart::Axis axisOf(QAbstractAxis* axis)
{
    SvgChart::Axis out;
    if (!axis)
        return out;
    out.title = axis->titleText();
    if (const auto* time = qobject_cast<QDateTimeAxis*>(axis)) {
        out.time = true;
        out.from = double(time->min().toMSecsSinceEpoch());
        out.to = double(time->max().toMSecsSinceEpoch());
    } else if (const auto* value = qobject_cast<QValueAxis*>(axis)) {
        out.from = value->min();
        out.to = value->max();
        if (auto* categories = qobject_cast<QCategoryAxis*>(axis))
            for (const QString& label : categories->categoriesLabels())
                out.categories.append({categories->endValue(label), label});
    }
    return out;
}

QString writeFile(const QString& input, const QByteArray& bytes)
{
    const QString path = ExperimentDesigner::localPath(input);
    if (path.isEmpty())
        return ChartExporter::tr("Type the file the chart should be written to.");
    QDir().mkpath(QFileInfo(path).absolutePath()); // the default folder may be new
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return ChartExporter::tr("Cannot write %1: %2").arg(path, out.errorString());
    return {};
}

} // namespace

ChartExporter::ChartExporter(QObject* parent)
    : QObject(parent)
{
}

QString ChartExporter::svg(const QString& title, const QList<QAbstractSeries*>& series)
{
    std::vector<SvgChart::Series> out;
    QAbstractSeries* first = nullptr;
    for (QAbstractSeries* s : series) {
        if (!s || !s->isVisible())
            continue;
        SvgChart::Series line;
        line.name = s->name();
        if (auto* area = qobject_cast<QAreaSeries*>(s)) {
            line.color = area->color().name();
            line.opacity = area->opacity() * area->color().alphaF();
            line.points = area->upperSeries()->points();
            if (area->lowerSeries()) {
                line.lower = area->lowerSeries()->points();
            } else { // down to the axis
                const double bottom = axisOf(ChartReadout::axis(s, Qt::Vertical)).from;
                for (const QPointF& p : line.points)
                    line.lower.append({p.x(), bottom});
            }
        } else if (auto* xy = qobject_cast<QXYSeries*>(s)) {
            line.color = xy->color().name();
            line.points = xy->points();
            line.dashed = xy->pen().style() != Qt::SolidLine;
            if (const auto* scatter = qobject_cast<QScatterSeries*>(s)) {
                line.markers = true;
                line.markerSize = scatter->markerSize();
                if (scatter->color().alpha() == 0) // a ring: drawn in its border's colour
                    line.color = scatter->borderColor().name();
            }
        } else {
            continue;
        }
        if (!first)
            first = s;
        out.push_back(std::move(line));
    }
    return SvgChart::xyChart(title, axisOf(ChartReadout::axis(first, Qt::Horizontal)),
                             axisOf(ChartReadout::axis(first, Qt::Vertical)), out);
}

QString ChartExporter::exportSvg(const QString& file, const QString& title,
                                 const QVariantList& series) const
{
    QList<QAbstractSeries*> list;
    for (const QVariant& v : series)
        list.append(qobject_cast<QAbstractSeries*>(v.value<QObject*>()));
    return writeFile(file, svg(title, list).toUtf8());
}

QString ChartExporter::exportPng(const QString& file, const QImage& image) const
{
    if (image.isNull())
        return tr("The picture of the chart is empty: show the chart and try again.");
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return writeFile(file, bytes);
}

QString ChartExporter::defaultPath(const QString& title, const QString& extension) const
{
    // "p95 latency by model" → "p95-latency-by-model"
    QString name = title.toLower()
                       .replace(QRegularExpression(QStringLiteral("[^\\w]+")), QStringLiteral("-"))
                       .remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    if (name.isEmpty())
        name = QStringLiteral("chart");
    return QDir(userFolder())
        .filePath(QStringLiteral("%1-%2.%3")
                      .arg(name,
                           QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")),
                           extension.toLower()));
}
