#include "series_downsampler.h"

#include <QTest>
#include <cmath>
#include <random>

namespace {

QList<QPointF> noisyLine(int n, uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0.0, 1.0);
    QList<QPointF> points;
    for (int i = 0; i < n; ++i)
        points.append({double(i), std::sin(i / 500.0) * 10 + noise(rng)});
    return points;
}

} // namespace

// Min/max per pixel column: few points out, the picture kept.
class TestSeriesDownsampler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void smallSeriesComeBackUnchanged()
    {
        const QList<QPointF> points{{0, 1}, {1, 5}, {2, 3}};
        QCOMPARE(SeriesDownsampler::reduce(points, 100), points);
        QVERIFY(SeriesDownsampler::reduce({}, 100).isEmpty());
    }

    // Per column: at most four points, among them the column's first, last,
    // lowest and highest; the output keeps the input's order.
    void keepsFirstLastAndExtremesPerColumnInOrder()
    {
        const QList<QPointF> points = noisyLine(100'000, 7);
        const int columns = 300;
        const QList<QPointF> out = SeriesDownsampler::reduce(points, columns);
        QVERIFY(out.size() <= 4 * columns);
        QVERIFY(out.size() >= 2 * columns);
        QCOMPARE(out.constFirst(), points.constFirst());
        QCOMPARE(out.constLast(), points.constLast());
        for (qsizetype i = 1; i < out.size(); ++i)
            QVERIFY(out[i - 1].x() < out[i].x());

        // Independently: per column the extremes of the input are in the output.
        const double from = points.constFirst().x(), to = points.constLast().x();
        const double width = (to - from) / columns;
        std::vector<double> low(columns, INFINITY), high(columns, -INFINITY);
        for (const QPointF& p : points) {
            const int c = std::min(int((p.x() - from) / width), columns - 1);
            low[size_t(c)] = std::min(low[size_t(c)], p.y());
            high[size_t(c)] = std::max(high[size_t(c)], p.y());
        }
        std::vector<double> outLow(columns, INFINITY), outHigh(columns, -INFINITY);
        for (const QPointF& p : out) {
            QCOMPARE(points[qsizetype(p.x())], p); // an input point (x is its index here)
            const int c = std::min(int((p.x() - from) / width), columns - 1);
            outLow[size_t(c)] = std::min(outLow[size_t(c)], p.y());
            outHigh[size_t(c)] = std::max(outHigh[size_t(c)], p.y());
        }
        QCOMPARE(outLow, low);
        QCOMPARE(outHigh, high);
    }

    // Zoomed in: only the range shown is reduced, plus one neighbour on each side.
    void keepsOneNeighbourOutsideTheRangeShown()
    {
        const QList<QPointF> points = noisyLine(10'000, 3);
        const QList<QPointF> out = SeriesDownsampler::reduce(points, 50, 4000.5, 6000.5);
        QCOMPARE(out.constFirst(), points[4000]);
        QCOMPARE(out.constLast(), points[6001]);
        QVERIFY(out.size() <= 4 * 50 + 2);
        for (qsizetype i = 1; i + 1 < out.size(); ++i)
            QVERIFY(out[i].x() > 4000.5 && out[i].x() <= 6000.5);
    }

    void aMillionPointsBecomeAtMostFourPerColumn()
    {
        const QList<QPointF> points = noisyLine(1'000'000, 11);
        const QList<QPointF> out = SeriesDownsampler::reduce(points, 1500);
        QVERIFY(out.size() <= 6000);
        QCOMPARE(out.constFirst(), points.constFirst());
        QCOMPARE(out.constLast(), points.constLast());
    }
};

QTEST_GUILESS_MAIN(TestSeriesDownsampler)
#include "tst_series_downsampler.moc"
