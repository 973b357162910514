#pragma once

#include <QImage>
#include <QList>
#include <QObject>
#include <QString>
#include <QVariantList>

class QAbstractSeries;

// Saves any chart of the screens (ChartFrame.qml) as a PNG of the picture on
// screen, or as an SVG drawing written from the chart's series through
// SvgChart: their names, colours and points, over the ranges their axes show
// now (so a zoomed chart exports what is shown), with the axes' titles.
class ChartExporter : public QObject {
    Q_OBJECT

public:
    explicit ChartExporter(QObject* parent = nullptr);

    // The SVG of line, spline, scatter and area series (hidden ones left out)
    // on the axes of the first of them.
    static QString svg(const QString& title, const QList<QAbstractSeries*>& series);

    // Writes svg() of `series` (a QML list of series) to `file` (a path or a
    // file:// URL); "" when done, else why not.
    Q_INVOKABLE QString exportSvg(const QString& file, const QString& title,
                                  const QVariantList& series) const;
    // Saves a grabbed picture of a chart (ItemGrabResult.image) as PNG; as exportSvg.
    Q_INVOKABLE QString exportPng(const QString& file, const QImage& image) const;
    // A file in the documents folder named after the chart's title and the time.
    Q_INVOKABLE QString defaultPath(const QString& title, const QString& extension) const;
};
