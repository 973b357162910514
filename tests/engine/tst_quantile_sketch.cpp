#include "quantile_sketch.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using llmopt::QuantileSketch;

class TestQuantileSketch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Every reported quantile is within 1% of the exact sample quantile (same rank definition).
    void relativeErrorBound()
    {
        std::mt19937_64 rng(1);
        std::lognormal_distribution<double> dist(7.0, 1.2);
        std::vector<double> values(100000);
        QuantileSketch sketch(0.01);
        for (double& v : values) {
            v = dist(rng);
            sketch.add(v);
        }
        std::sort(values.begin(), values.end());
        for (double q : {0.0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0}) {
            const double exact = values[static_cast<size_t>(q * double(values.size() - 1))];
            const double estimate = sketch.quantile(q);
            QVERIFY2(
                std::abs(estimate - exact) <= 0.01 * exact,
                qPrintable(QString("q=%1 exact=%2 estimate=%3").arg(q).arg(exact).arg(estimate)));
        }
    }

    void mergeEqualsOneSketch()
    {
        QuantileSketch a, b, both;
        for (int i = 1; i <= 1000; ++i) {
            (i % 3 ? a : b).add(i * 0.5);
            both.add(i * 0.5);
        }
        b.add(0.0);
        both.add(0.0);
        a.merge(b);
        QCOMPARE(a.count(), both.count());
        for (double q : {0.0, 0.1, 0.5, 0.95, 1.0})
            QCOMPARE(a.quantile(q), both.quantile(q));
    }

    // Absurd values cannot blow the bins up (a user could send them).
    void extremeValuesStayBounded()
    {
        QuantileSketch s;
        s.add(1e-300);
        s.add(1e300);
        s.add(std::numeric_limits<double>::infinity());
        s.add(std::nan(""));
        s.add(100.0);
        QCOMPARE(s.count(), uint64_t(5));
        QCOMPARE(s.quantile(0.0), 0.0);
        QVERIFY(std::abs(s.quantile(1.0) - QuantileSketch::kMaxValue)
                <= 0.01 * QuantileSketch::kMaxValue);
        QVERIFY(std::abs(s.quantile(0.5) - 100.0) <= 1.0);
    }

    void emptyAndZero()
    {
        QuantileSketch s;
        QCOMPARE(s.quantile(0.5), 0.0);
        s.add(0.0);
        s.add(-3.0);
        s.add(10.0);
        QCOMPARE(s.quantile(0.0), 0.0);
        QVERIFY(std::abs(s.quantile(1.0) - 10.0) <= 0.1);
    }
};

QTEST_GUILESS_MAIN(TestQuantileSketch)
#include "tst_quantile_sketch.moc"
