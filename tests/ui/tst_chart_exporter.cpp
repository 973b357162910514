#include "chart_exporter.h"
#include "chart_readout.h"

#include <QApplication>
#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTimeAxis>
#include <QFile>
#include <QGraphicsLayout>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

// The generic SVG export and hover read-out of the screens' charts, on real
// Qt Charts series as QML creates them.
class TestChartExporter : public QObject {
    Q_OBJECT

private:
    // A time chart over an hour: two lines (one dashed), a band and markers.
    struct TimeChart {
        QChart chart;
        QDateTimeAxis* time = new QDateTimeAxis;
        QValueAxis* value = new QValueAxis;
        QList<QAbstractSeries*> series;
        static constexpr double kStart = 1'800'000'000'000.0; // ms since the epoch

        TimeChart()
        {
            time->setRange(QDateTime::fromMSecsSinceEpoch(qint64(kStart)),
                           QDateTime::fromMSecsSinceEpoch(qint64(kStart) + 3'600'000));
            time->setTitleText("time");
            value->setRange(0, 10);
            value->setTitleText("seconds");
            chart.addAxis(time, Qt::AlignBottom);
            chart.addAxis(value, Qt::AlignLeft);
            auto* p95 = new QLineSeries;
            p95->setName("gpt-4o p95");
            p95->setColor(QColor("#0072b2"));
            auto* p99 = new QLineSeries;
            p99->setName("gpt-4o p99");
            QPen dashed = p99->pen();
            dashed.setStyle(Qt::DashLine);
            p99->setPen(dashed);
            auto* upper = new QLineSeries;
            auto* lower = new QLineSeries;
            for (int i = 0; i <= 60; ++i) {
                const double t = kStart + i * 60'000.0;
                p95->append(t, 2 + i % 3);
                p99->append(t, 4 + i % 3);
                upper->append(t, 2 + i % 3);
                lower->append(t, 1);
            }
            auto* band = new QAreaSeries(upper, lower);
            band->setName("gpt-4o p50–p95");
            auto* markers = new QScatterSeries;
            markers->setName("findings");
            markers->append(kStart + 600'000, 7.5);
            markers->append(kStart + 1'200'000, 8.5);
            series = {band, p95, p99, markers};
            for (QAbstractSeries* s : series) {
                chart.addSeries(s);
                s->attachAxis(time);
                s->attachAxis(value);
            }
            chart.resize(800, 500);
            chart.layout()->activate();
        }
    };

    QTemporaryDir m_dir;

private Q_SLOTS:
    void svgHasEverySeriesWithAPathEach()
    {
        TimeChart c;
        const QString svg = ChartExporter::svg("Latency & <quantiles>", c.series);
        QVERIFY(svg.startsWith("<svg"));
        QVERIFY(svg.contains("Latency &amp; &lt;quantiles&gt;")); // the title, escaped
        for (const QAbstractSeries* s : c.series)
            QVERIFY2(svg.contains(">" + s->name() + "</text>"), qPrintable(s->name()));
        QCOMPARE(svg.count("<polygon"), 1); // the band
        QCOMPARE(svg.count("<polyline"), 2); // the lines
        QCOMPARE(svg.count("stroke-dasharray"), 2); // p99 and its legend entry
        QCOMPARE(svg.count("<circle"), 2 + 1); // the markers and their legend entry
        QVERIFY(svg.contains(">seconds</text>"));
        QVERIFY(svg.contains(">time</text>"));

        // Hidden series are left out.
        c.series[2]->setVisible(false);
        QVERIFY(!ChartExporter::svg("x", c.series).contains("gpt-4o p99"));
    }

    void categoryAxisLabelsTheArms()
    {
        QChart chart;
        auto* arms = new QCategoryAxis;
        arms->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        arms->append("control", 0);
        arms->append("concise", 1);
        arms->setRange(-0.5, 1.5);
        auto* y = new QValueAxis;
        y->setRange(0, 1);
        chart.addAxis(arms, Qt::AlignBottom);
        chart.addAxis(y, Qt::AlignLeft);
        auto* means = new QScatterSeries;
        means->setName("mean");
        means->append(0, 0.7);
        means->append(1, 0.8);
        chart.addSeries(means);
        means->attachAxis(arms);
        means->attachAxis(y);
        const QString svg = ChartExporter::svg("Accuracy", {means});
        QVERIFY(svg.contains(">control</text>"));
        QVERIFY(svg.contains(">concise</text>"));
        QCOMPARE(svg.count("<circle"), 2 + 1);
    }

    void writesTheFileOrSaysWhyNot()
    {
        TimeChart c;
        ChartExporter exporter;
        QVariantList list;
        for (QAbstractSeries* s : c.series)
            list.append(QVariant::fromValue(static_cast<QObject*>(s)));
        const QString path = m_dir.filePath("new/folder/latency.svg");
        QCOMPARE(exporter.exportSvg(QUrl::fromLocalFile(path).toString(), "Latency", list),
                 QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("gpt-4o p50–p95"));
        QVERIFY(!exporter.exportSvg("", "Latency", list).isEmpty());

        QImage image(40, 30, QImage::Format_ARGB32);
        image.fill(Qt::white);
        const QString png = m_dir.filePath("latency.png");
        QCOMPARE(exporter.exportPng(png, image), QString());
        QCOMPARE(QImage(png).size(), image.size());
        QVERIFY(!exporter.exportPng(png, QImage()).isEmpty());

        const QString suggested = exporter.defaultPath("p95 latency by model", "SVG");
        QVERIFY2(suggested.contains("/llm-optimizer/p95-latency-by-model-"), qPrintable(suggested));
        QVERIFY(suggested.endsWith(".svg"));
    }

    void readoutAlongXListsEverySeries()
    {
        TimeChart c;
        ChartReadout readout;
        QVariantList list;
        for (QAbstractSeries* s : c.series)
            list.append(QVariant::fromValue(static_cast<QObject*>(s)));
        // The cursor over the point of minute 30 (value 2 + 30 % 3 = 2).
        const QPointF at
            = c.chart.mapToPosition({TimeChart::kStart + 30 * 60'000.0, 9}, c.series[1]);
        const QVariantMap hit = readout.at(list, at, true);
        const QString text = hit.value("text").toString();
        QVERIFY2(text.contains("gpt-4o p95: 2.0"), qPrintable(text));
        QVERIFY2(text.contains("gpt-4o p99: 4.0"), qPrintable(text));
        QVERIFY2(text.contains("gpt-4o p50–p95: 1.0 – 2.0"), qPrintable(text));
        QVERIFY(!text.contains("findings")); // its markers are far away
        QCOMPARE(hit.value("x").toDouble(), TimeChart::kStart + 30 * 60'000.0);

        // Nearest in the plane: the marker under the cursor, with its name and values.
        const QPointF marker
            = c.chart.mapToPosition({TimeChart::kStart + 600'000, 7.5}, c.series[3]);
        const QVariantMap nearest = readout.at(list, marker + QPointF(3, 2), false);
        QCOMPARE(nearest.value("series").value<QObject*>(), c.series[3]);
        QCOMPARE(nearest.value("index").toInt(), 0);
        QVERIFY(nearest.value("text").toString().startsWith("findings: 7.5"));

        // Outside the plot, or far from every point: nothing.
        QVERIFY(readout.at(list, {1, 1}, true).isEmpty());
        QVERIFY(readout
                    .at(list,
                        c.chart.mapToPosition({TimeChart::kStart + 1'800'000, 9.5}, c.series[3]),
                        false)
                    .isEmpty());
    }
};

QTEST_MAIN(TestChartExporter)
#include "tst_chart_exporter.moc"
