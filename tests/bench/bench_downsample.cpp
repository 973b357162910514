// Chart downsampling for display (docs/benchmarks.md): a series of POINTS
// reduced to COLUMNS pixel columns (min/max per column, SeriesDownsampler),
// and a QLineSeries in a laid-out QChart filled with the result, against the
// same series filled with every point. Medians of REPEATS runs.
#include "series_downsampler.h"

#include <QApplication>
#include <QChart>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

namespace {

template <typename F> double medianMs(int repeats, F&& run)
{
    std::vector<double> ms;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        run();
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv); // QtCharts needs one
    const int points = argc > 1 ? std::atoi(argv[1]) : 1'000'000;
    const int columns = argc > 2 ? std::atoi(argv[2]) : 1500;
    const int repeats = argc > 3 ? std::atoi(argv[3]) : 5;

    // A noisy random walk: every column has distinct extremes.
    std::mt19937_64 rng(2026);
    std::normal_distribution<double> step(0.0, 1.0);
    QList<QPointF> series;
    series.reserve(points);
    double y = 0;
    for (int i = 0; i < points; ++i)
        series.append({double(i), y += step(rng)});

    QList<QPointF> reduced;
    const double reduceMs
        = medianMs(repeats, [&] { reduced = SeriesDownsampler::reduce(series, columns); });

    QChart chart;
    auto* line = new QLineSeries;
    chart.addSeries(line);
    chart.createDefaultAxes();
    chart.axes(Qt::Horizontal).constFirst()->setRange(0, points - 1);
    chart.resize(columns + 120, 600); // a plot area about `columns` wide
    const double fillReducedMs = medianMs(repeats, [&] {
        SeriesDownsampler::replace(line, series);
        QCoreApplication::processEvents(); // the chart's own handling of the change
    });
    const qsizetype shown = line->count();
    const double fillAllMs = medianMs(repeats, [&] {
        line->replace(series);
        QCoreApplication::processEvents();
    });

    std::printf("points %d, plot area %.0f px, %d repeats (median)\n", points,
                chart.plotArea().width(), repeats);
    std::printf("  reduce to %d columns            %8.2f ms  -> %lld points\n", columns, reduceMs,
                static_cast<long long>(reduced.size()));
    std::printf("  reduce + fill QLineSeries       %8.2f ms  -> %lld points shown\n", fillReducedMs,
                static_cast<long long>(shown));
    std::printf("  fill QLineSeries with all       %8.2f ms\n", fillAllMs);
    return 0;
}
