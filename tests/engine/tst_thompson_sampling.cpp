#include "thompson_sampling.h"

#include <QTest>
#include <array>
#include <cmath>
#include <random>
#include <string>
#include <vector>

using namespace llmopt;

namespace {

double logBeta(double a, double b)
{
    return std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b);
}

// P(X_B > X_A) for X_A ~ Beta(αA, βA), X_B ~ Beta(αB, βB) with integer αB:
//     Σ_{i=0}^{αB−1} B(αA + i, βA + βB) / ((βB + i) B(1 + i, βB) B(αA, βA))
// (integrate the Beta(αB, βB) cdf, a binomial tail for integer αB, against
// the Beta(αA, βA) density term by term).
double betaBeatsBeta(double alphaA, double betaA, int alphaB, double betaB)
{
    double p = 0;
    for (int i = 0; i < alphaB; ++i)
        p += std::exp(logBeta(alphaA + i, betaA + betaB) - std::log(betaB + i)
                      - logBeta(1.0 + i, betaB) - logBeta(alphaA, betaA));
    return p;
}

double normalCdf(double z)
{
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

// Frequencies of choose() over `draws` calls agree with the quadrature's
// propensities within 4 binomial standard errors, and every decision carries
// its arm's propensity.
void checkAgainstMonteCarlo(ThompsonSampling& ts, uint64_t seed)
{
    Xoshiro256 rng(seed);
    const std::vector<double> p(ts.propensities().begin(), ts.propensities().end());
    constexpr int draws = 200000;
    std::vector<int> count(ts.arms());
    for (int i = 0; i < draws; ++i) {
        const auto d = ts.choose(rng);
        QCOMPARE(d.propensity, p[d.arm]);
        ++count[d.arm];
    }
    double sum = 0;
    for (size_t a = 0; a < ts.arms(); ++a) {
        sum += p[a];
        const double se = std::sqrt(std::max(p[a] * (1 - p[a]), 1e-12) / draws);
        const double observed = double(count[a]) / draws;
        QVERIFY2(std::abs(observed - p[a]) < 4 * se + 1e-6,
                 ("arm " + std::to_string(a) + ": " + std::to_string(observed) + " vs "
                  + std::to_string(p[a]))
                     .c_str());
    }
    QVERIFY(std::abs(sum - 1.0) < 1e-6);
}

} // namespace

class TestThompsonSampling : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void betaArgmaxClosedForm()
    {
        // Uniform vs Beta(2, 1): ∫₀¹ 2x · x dx = 2/3.
        double out[2];
        ThompsonSampling::betaArgmaxProbabilities(std::vector{1.0, 2.0}, std::vector{1.0, 1.0},
                                                  out);
        QVERIFY(std::abs(out[1] - 2.0 / 3.0) < 1e-9);
        struct Case {
            double alphaA, betaA;
            int alphaB;
            double betaB;
        };
        // Diffuse, skewed, near the ends with non-integer β, and concentrated
        // posteriors of a few thousand calls, nearly tied.
        for (const Case& c :
             {Case{3, 5, 7, 4}, Case{1, 200, 2, 100}, Case{3, 4.87755, 2, 1.09184},
              Case{1, 1.07215, 2, 2.20417}, Case{7, 9.82779, 1, 1.05157}, Case{101, 901, 121, 881},
              Case{1, 1, 3001, 7001}, Case{5001, 5001, 4990, 5012.5}}) {
            ThompsonSampling::betaArgmaxProbabilities(std::vector{c.alphaA, double(c.alphaB)},
                                                      std::vector{c.betaA, c.betaB}, out);
            const double expected = betaBeatsBeta(c.alphaA, c.betaA, c.alphaB, c.betaB);
            QVERIFY2(std::abs(out[1] - expected) < 1e-6,
                     (std::to_string(out[1]) + " vs " + std::to_string(expected)).c_str());
            QVERIFY(std::abs(out[0] + out[1] - 1.0) < 1e-6);
        }
    }

    void normalArgmaxClosedForm()
    {
        // Two arms: P(X₂ > X₁) = Φ((m₂ − m₁) / √(s₁² + s₂²)), also when one
        // posterior is a hundred times narrower than the other.
        double out[2];
        for (auto [m2, s2] : {std::pair{0.3, 0.01}, std::pair{-1.0, 2.0}, std::pair{0.0, 1e-4}}) {
            ThompsonSampling::normalArgmaxProbabilities(std::vector{0.0, m2}, std::vector{1.0, s2},
                                                        out);
            const double expected = normalCdf(m2 / std::sqrt(1.0 + s2 * s2));
            QVERIFY2(std::abs(out[1] - expected) < 1e-7,
                     (std::to_string(out[1]) + " vs " + std::to_string(expected)).c_str());
        }
        // Exchangeable arms: 1/K each.
        double three[3];
        ThompsonSampling::normalArgmaxProbabilities(std::vector{2.0, 2.0, 2.0},
                                                    std::vector{0.5, 0.5, 0.5}, three);
        for (double p : three)
            QVERIFY(std::abs(p - 1.0 / 3.0) < 1e-7);
    }

    // Random sets of five arms, from nearly flat to a few hundred thousand
    // calls each, side by side: the probabilities sum to 1.
    void quadratureHoldsAcrossScales()
    {
        std::mt19937_64 rng(3);
        std::uniform_real_distribution<double> u(0, 1);
        double alpha[5], beta[5], mean[5], sd[5], out[5];
        for (int t = 0; t < 200; ++t) {
            for (int i = 0; i < 5; ++i) {
                const double scale = std::pow(10.0, 5 * u(rng));
                alpha[i] = 1 + scale * u(rng);
                beta[i] = 1 + scale * u(rng);
                mean[i] = std::pow(10.0, 3 * u(rng) - 1) * u(rng);
                sd[i] = std::pow(10.0, 4 * u(rng) - 3);
            }
            ThompsonSampling::betaArgmaxProbabilities(alpha, beta, out);
            QVERIFY(std::abs(out[0] + out[1] + out[2] + out[3] + out[4] - 1) < 1e-6);
            ThompsonSampling::normalArgmaxProbabilities(mean, sd, out);
            QVERIFY(std::abs(out[0] + out[1] + out[2] + out[3] + out[4] - 1) < 1e-6);
        }
    }

    void betaPropensitiesMatchMonteCarlo()
    {
        ThompsonSampling ts(5, ThompsonSampling::Model::BetaBernoulli);
        // Fractional rewards, overlapping posteriors of different widths.
        const std::vector<std::vector<double>> rewards{
            {0.3, 0.7, 0.2}, {1, 1, 0, 0.9, 0.4, 0.6, 0.8}, {0.5}, {}, {0, 0.1, 0.2, 1, 1}};
        for (size_t a = 0; a < rewards.size(); ++a)
            for (double r : rewards[a])
                ts.update(a, r);
        checkAgainstMonteCarlo(ts, 11);
    }

    void gaussianPropensitiesMatchMonteCarlo()
    {
        ThompsonSampling ts(4, ThompsonSampling::Model::Gaussian, {.sd = 2.0, .noiseSd = 1.0});
        Xoshiro256 rng(5);
        std::normal_distribution<double> noise(0, 1);
        const double means[] = {0.0, 0.4, 0.5, -0.2};
        for (int i = 0; i < 12; ++i)
            for (size_t a = 0; a < 4; ++a)
                if (i < int(3 * (a + 1)))
                    ts.update(a, means[a] + noise(rng));
        checkAgainstMonteCarlo(ts, 12);
    }

    void posteriorsFollowTheUpdates()
    {
        ThompsonSampling beta(2, ThompsonSampling::Model::BetaBernoulli);
        for (double r : {0.3, 1.0, 0.0})
            beta.update(0, r);
        // Beta(1 + 1.3, 1 + 1.7).
        QVERIFY(std::abs(beta.posteriorMean(0) - 2.3 / 5.0) < 1e-12);
        QCOMPARE(beta.pulls(0), uint64_t(3));
        double expected[2];
        ThompsonSampling::betaArgmaxProbabilities(std::vector{2.3, 1.0}, std::vector{2.7, 1.0},
                                                  expected);
        QCOMPARE(beta.propensities()[1], expected[1]);

        // Normal prior N(0, 1), noise scale 1; rewards 1 and 3: mean 2, M₂ 2,
        // plug-in σ̂² = (1 + 2) / 2, precision 1 + 2 / 1.5.
        ThompsonSampling gauss(2, ThompsonSampling::Model::Gaussian);
        gauss.update(1, 1.0);
        gauss.update(1, 3.0);
        const double precision = 1.0 + 2.0 / 1.5;
        QVERIFY(std::abs(gauss.posteriorMean(1) - 2.0 * (2.0 / 1.5) / precision) < 1e-12);
        QVERIFY(std::abs(gauss.posteriorSd(1) - 1.0 / std::sqrt(precision)) < 1e-12);
        QCOMPARE(gauss.posteriorMean(0), 0.0);
    }

    void learnsTheBestArm_data()
    {
        QTest::addColumn<bool>("beta");
        QTest::newRow("Beta–Bernoulli") << true;
        QTest::newRow("Gaussian") << false;
    }

    // Bernoulli rewards (or normal ones, sd 0.5): after 4000 of 5000 rounds
    // the best arm gets more than 90% of the traffic.
    void learnsTheBestArm()
    {
        QFETCH(bool, beta);
        const std::vector<double> means{0.2, 0.4, 0.7, 0.5, 0.3};
        ThompsonSampling ts(means.size(),
                            beta ? ThompsonSampling::Model::BetaBernoulli
                                 : ThompsonSampling::Model::Gaussian);
        Xoshiro256 rng(7);
        std::uniform_real_distribution<double> uniform(0, 1);
        std::normal_distribution<double> noise(0, 0.5);
        int best = 0;
        for (int t = 0; t < 5000; ++t) {
            const size_t arm = ts.choose(rng).arm;
            const double r = beta ? double(uniform(rng) < means[arm]) : means[arm] + noise(rng);
            ts.update(arm, r);
            best += t >= 4000 && arm == 2;
        }
        QVERIFY2(best > 900, std::to_string(best).c_str());
    }

    // The reference outputs of xoshiro256** from the state {1, 2, 3, 4}
    // (the first three follow by hand from the update); a saved state resumes
    // the stream where it was.
    void randomSourceIsXoshiro256StarStar()
    {
        Xoshiro256 rng(std::array<uint64_t, 4>{1, 2, 3, 4});
        for (uint64_t expected : {11520ULL, 0ULL, 1509978240ULL, 1215971899390074240ULL})
            QCOMPARE(rng(), expected);
        Xoshiro256 seeded(2026);
        seeded();
        Xoshiro256 resumed(seeded.state());
        QCOMPARE(resumed(), seeded());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Xoshiro256(std::array<uint64_t, 4>{}));
    }

    void seededRunsRepeat()
    {
        const auto run = [] {
            ThompsonSampling ts(3, ThompsonSampling::Model::BetaBernoulli);
            Xoshiro256 rng(99);
            std::vector<size_t> arms;
            for (int t = 0; t < 200; ++t) {
                arms.push_back(ts.choose(rng).arm);
                ts.update(arms.back(), arms.back() == 1 ? 0.8 : 0.3);
            }
            return arms;
        };
        QCOMPARE(run(), run());
    }

    void badInput()
    {
        using Model = ThompsonSampling::Model;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ThompsonSampling(0, Model::Gaussian));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 ThompsonSampling(2, Model::BetaBernoulli, {.alpha = 0.5}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 ThompsonSampling(2, Model::Gaussian, {.sd = 0.0}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 ThompsonSampling(2, Model::Gaussian, {.noiseSd = std::nan("")}));
        ThompsonSampling beta(2, Model::BetaBernoulli);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, beta.update(2, 0.5));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, beta.update(0, 1.5));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, beta.update(0, std::nan("")));
        ThompsonSampling gauss(2, Model::Gaussian);
        gauss.update(0, -7.5); // any finite reward
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 gauss.update(0, std::numeric_limits<double>::infinity()));
        QCOMPARE(gauss.pulls(0), uint64_t(1));
        double out[2];
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 ThompsonSampling::normalArgmaxProbabilities(
                                     std::vector{0.0, 1.0}, std::vector{1.0, 0.0}, out));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 ThompsonSampling::betaArgmaxProbabilities(
                                     std::vector{1.0}, std::vector{1.0, 2.0}, out));
    }
};

QTEST_GUILESS_MAIN(TestThompsonSampling)
#include "tst_thompson_sampling.moc"
