#include "gaussian_process.h"

#include <QTest>
#include <cmath>
#include <numbers>
#include <string>

using namespace llmopt;

namespace {

Eigen::VectorXd vec(std::initializer_list<double> values)
{
    Eigen::VectorXd v(static_cast<Eigen::Index>(values.size()));
    Eigen::Index i = 0;
    for (double x : values)
        v[i++] = x;
    return v;
}

// Matérn 5/2 with ℓ = 0.5, s² = 1, r in box units.
double matern(double r)
{
    const double a = std::sqrt(5.0) * r / 0.5;
    return (1.0 + a + a * a / 3.0) * std::exp(-a);
}

double quality(double t)
{
    return 0.8 - (t - 0.6) * (t - 0.6);
}

} // namespace

class TestGaussianProcess : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void interpolatesNoiseFreeData()
    {
        GaussianProcess gp(vec({0.0, 0.1}), vec({1.5, 1.0}));
        Eigen::MatrixXd x(5, 2);
        x << 0.1, 0.9, 0.4, 0.5, 0.7, 1.0, 1.2, 0.3, 1.4, 0.8;
        Eigen::VectorXd y(5);
        for (Eigen::Index i = 0; i < 5; ++i)
            y[i] = quality(x(i, 0)) + 0.1 * x(i, 1);
        gp.fit(x, y, {}, {0.3, 0.05, 0.0});
        for (Eigen::Index i = 0; i < 5; ++i) {
            const auto p = gp.predict(x.row(i).transpose());
            QVERIFY2(std::abs(p.mean - y[i]) < 1e-6, std::to_string(p.mean - y[i]).c_str());
            QVERIFY(p.variance < 1e-8);
        }
        // Between the points it is uncertain again.
        QVERIFY(gp.predict(vec({0.0, 0.1})).variance > 1e-3);
        // With fitted hyperparameters the least noise wins on noise-free data.
        gp.fit(x, y);
        QCOMPARE(gp.hyperparameters().noiseVariance, 0.0);
        for (Eigen::Index i = 0; i < 5; ++i)
            QVERIFY(std::abs(gp.predict(x.row(i).transpose()).mean - y[i]) < 1e-5);
    }

    // Two points in a box of width 1.5, so scaled distances are x/1.5; the
    // posterior by the explicit 2×2 inverse, and its value from a separate
    // computation (Python, double precision).
    void posteriorByHand()
    {
        GaussianProcess gp(vec({0.0}), vec({1.5}));
        Eigen::MatrixXd x(2, 1);
        x << 0.0, 0.75;
        gp.fit(x, vec({1.0, 2.0}), vec({0.01, 0.01}), {0.5, 1.0, 0.0});
        const double diag = 1.0 + 1e-8 + 0.01, off = matern(0.5);
        const double det = diag * diag - off * off;
        const double a0 = (diag * -0.5 - off * 0.5) / det, a1 = (-off * -0.5 + diag * 0.5) / det;
        const double k0 = matern(0.8), k1 = matern(0.3); // at x = 1.2
        const double mean = 1.5 + k0 * a0 + k1 * a1;
        const double variance = 1.0 - (diag * (k0 * k0 + k1 * k1) - 2 * off * k0 * k1) / det;
        const auto p = gp.predict(vec({1.2}));
        QVERIFY(std::abs(p.mean - mean) < 1e-12);
        QVERIFY(std::abs(p.variance - variance) < 1e-12);
        QVERIFY(std::abs(p.mean - 2.036911620903246) < 1e-9);
        QVERIFY(std::abs(p.variance - 0.3832665439385867) < 1e-9);

        // f(1.2) − f(0): var(a) + var(b) − 2 cov(a, b), cov from the same inverse.
        const double m0 = matern(0.0), m1 = matern(0.5); // cross covariances of x = 0
        const double covariance
            = matern(0.8) - (diag * (k0 * m0 + k1 * m1) - off * (k0 * m1 + k1 * m0)) / det;
        const double var0 = 1.0 - (diag * (m0 * m0 + m1 * m1) - 2 * off * m0 * m1) / det;
        const auto d = gp.predictDifference(vec({1.2}), vec({0.0}));
        QVERIFY(std::abs(d.mean - (mean - gp.predict(vec({0.0})).mean)) < 1e-12);
        QVERIFY(std::abs(d.variance - (variance + var0 - 2 * covariance)) < 1e-12);
        QVERIFY(gp.logMarginalLikelihood() < 0);
    }

    void expectedImprovementByHand()
    {
        // d = 0.7 − 0.65 − 0.01 = 0.04, z = 0.4: 0.04 Φ(0.4) + 0.1 φ(0.4).
        const double ei = GaussianProcess::expectedImprovement({0.7, 0.01}, 0.65, 0.01);
        QVERIFY(std::abs(ei - 0.0630438836947453) < 1e-12);
        QCOMPARE(GaussianProcess::expectedImprovement({0.7, 0.0}, 0.65, 0.01), 0.04);
        QCOMPARE(GaussianProcess::expectedImprovement({0.6, 0.0}, 0.65, 0.01), 0.0);
        // Far below the incumbent, only the spread leaves any improvement.
        QVERIFY(GaussianProcess::expectedImprovement({0.0, 1.0}, 0.65, 0.0) > 0.1);
    }

    void eiFindsTheMaximum_data()
    {
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("b");
        QTest::addColumn<double>("c");
        QTest::newRow("spread") << 0.1 << 0.75 << 1.4;
        QTest::newRow("low") << 0.0 << 0.15 << 0.3;
        QTest::newRow("high") << 1.0 << 1.25 << 1.5;
    }

    void eiFindsTheMaximum()
    {
        QFETCH(double, a);
        QFETCH(double, b);
        QFETCH(double, c);
        GaussianProcess gp(vec({0.0}), vec({1.5}));
        std::vector<double> xs{a, b, c};
        while (xs.size() < 15) {
            Eigen::MatrixXd x(static_cast<Eigen::Index>(xs.size()), 1);
            Eigen::VectorXd y(x.rows());
            for (Eigen::Index i = 0; i < x.rows(); ++i) {
                x(i, 0) = xs[static_cast<size_t>(i)];
                y[i] = quality(xs[static_cast<size_t>(i)]);
            }
            gp.fit(x, y);
            const auto next = gp.suggest(0.01);
            QVERIFY(next.x[0] >= 0.0 && next.x[0] <= 1.5);
            xs.push_back(next.x[0]);
        }
        const double best = *std::max_element(
            xs.begin(), xs.end(), [](double p, double q) { return quality(p) < quality(q); });
        QVERIFY2(std::abs(best - 0.6) <= 0.05, std::to_string(best).c_str());
    }

    void rejectsBadInput()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 GaussianProcess(vec({0, 0, 0}), vec({1, 1, 1})));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, GaussianProcess(vec({1}), vec({0})));
        GaussianProcess gp(vec({0.0}), vec({1.0}));
        Eigen::MatrixXd x(2, 1);
        x << 0.1, 0.2;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gp.fit(x, vec({1.0, std::nan("")})));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gp.fit(x, vec({1.0})));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gp.fit(x, vec({1, 2}), vec({0.1, -1})));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gp.fit(Eigen::MatrixXd(0, 1), vec({})));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gp.suggest());
        // Repeated points without noise still factorise.
        Eigen::MatrixXd same(3, 1);
        same << 0.5, 0.5, 0.5;
        gp.fit(same, vec({0.4, 0.5, 0.6}));
        QVERIFY(std::abs(gp.predict(vec({0.5})).mean - 0.5) < 0.05);
    }
};

QTEST_GUILESS_MAIN(TestGaussianProcess)
#include "tst_gaussian_process.moc"
