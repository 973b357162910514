#include "context_features.h"
#include "linear_bandit.h"
#include "llm_event.h"
#include "reward_weights.h"

#include <QTest>
#include <cmath>
#include <numbers>
#include <random>
#include <string>
#include <vector>

using namespace llmopt;

namespace {

const std::vector<std::string> kServices{"search", "chat"};
const std::vector<std::string> kTasks{"qa", "code", "summary"};

// A simulated workload whose best variant depends on the request: each arm
// is best for one task type (by 0.3), the chat service adds 0.1 to arm 2, and
// long prompts cost arm 0 a little. Mean rewards are linear in the features.
struct Workload {
    ContextFeatures features{kServices, kTasks};
    std::vector<Eigen::VectorXd> theta;
    std::mt19937_64 rng;

    explicit Workload(uint64_t seed)
        : rng(seed)
    {
        const auto names = features.names();
        const auto at = [&](const std::string& name) {
            return Eigen::Index(std::find(names.begin(), names.end(), name) - names.begin());
        };
        for (size_t a = 0; a < 3; ++a) {
            Eigen::VectorXd t = Eigen::VectorXd::Zero(Eigen::Index(features.dimension()));
            t[0] = 0.3;
            t[at("task=" + kTasks[a])] = 0.3;
            theta.push_back(t);
        }
        theta[2][at("service=chat")] = 0.1;
        theta[0][at("log input tokens")] = -0.1;
    }

    // A request's features; `task` receives its task type.
    void request(Eigen::VectorXd& x, size_t& task)
    {
        task = std::uniform_int_distribution<size_t>(0, kTasks.size() - 1)(rng);
        const auto& service = kServices[std::uniform_int_distribution<size_t>(0, 1)(rng)];
        const auto tokens = int64_t(std::exp(std::uniform_real_distribution<double>(3, 10)(rng)));
        features.encode(service, kTasks[task], tokens,
                        std::uniform_real_distribution<double>(0, 24)(rng), x);
    }
    double mean(size_t arm, const Eigen::VectorXd& x) const { return theta[arm].dot(x); }
};

// 5000 rounds with noisy rewards (sd 0.1); returns how often the best arm
// was chosen in the last 1000, and checks each UCB decision's propensity
// against probabilities().
double bestArmShare(LinearBandit::Mode mode)
{
    Workload w(42);
    LinearBandit bandit(3, w.features.dimension(), mode,
                        {.ucbWidth = 0.5, .posteriorScale = 0.1, .explorationFloor = 0.05});
    Xoshiro256 rng(43);
    std::normal_distribution<double> noise(0, 0.1);
    Eigen::VectorXd x;
    size_t task = 0;
    int best = 0;
    double p[3];
    for (int t = 0; t < 5000; ++t) {
        w.request(x, task);
        const auto d = bandit.choose(x, rng);
        if (mode == LinearBandit::Mode::UCB && t % 100 == 0) {
            bandit.probabilities(x, p);
            if (!d.propensity || *d.propensity != p[d.arm])
                return -1;
        }
        double bestMean = -1e9;
        size_t bestArm = 0;
        for (size_t a = 0; a < 3; ++a)
            if (w.mean(a, x) > bestMean) {
                bestMean = w.mean(a, x);
                bestArm = a;
            }
        best += t >= 4000 && d.arm == bestArm;
        bandit.update(d.arm, x, w.mean(d.arm, x) + noise(rng));
    }
    return best / 1000.0;
}

// Frequencies of choose() over many calls with the model held fixed agree
// with probabilities() within 4 binomial standard errors.
void checkFrequencies(LinearBandit& bandit, const Eigen::VectorXd& x, uint64_t seed)
{
    Xoshiro256 rng(seed);
    std::vector<double> p(bandit.arms());
    bandit.probabilities(x, p);
    constexpr int draws = 100000;
    std::vector<int> count(bandit.arms());
    for (int i = 0; i < draws; ++i)
        ++count[bandit.choose(x, rng).arm];
    double sum = 0;
    for (size_t a = 0; a < bandit.arms(); ++a) {
        sum += p[a];
        QVERIFY(p[a] >= bandit.options().explorationFloor / double(bandit.arms()) - 1e-12);
        const double se = std::sqrt(p[a] * (1 - p[a]) / draws);
        QVERIFY2(std::abs(double(count[a]) / draws - p[a]) < 4 * se + 1e-6,
                 ("arm " + std::to_string(a) + ": " + std::to_string(double(count[a]) / draws)
                  + " vs " + std::to_string(p[a]))
                     .c_str());
    }
    QVERIFY(std::abs(sum - 1.0) < 1e-6);
}

} // namespace

class TestLinearBandit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Thousands of Sherman–Morrison updates agree with inverting
    // A = λI + Σ x xᵀ from scratch, and θ̂ with solving A θ = b.
    void shermanMorrisonMatchesFullInverse()
    {
        constexpr Eigen::Index d = 15;
        LinearBandit bandit(3, d, LinearBandit::Mode::UCB, {.ridge = 0.5});
        Xoshiro256 rng(1);
        std::normal_distribution<double> normal(0, 1);
        std::vector<Eigen::MatrixXd> gram(3, 0.5 * Eigen::MatrixXd::Identity(d, d));
        std::vector<Eigen::VectorXd> b(3, Eigen::VectorXd::Zero(d));
        Eigen::VectorXd x(d);
        for (int t = 0; t < 3000; ++t) {
            for (Eigen::Index j = 0; j < d; ++j)
                x[j] = normal(rng) * (j == 0 ? 1.0 : 1.0 / double(j)); // uneven scales
            const size_t arm = size_t(t % 3 == 0 ? 0 : t % 7 == 0 ? 1 : 2);
            const double r = normal(rng);
            bandit.update(arm, x, r);
            gram[arm] += x * x.transpose();
            b[arm] += r * x;
        }
        for (size_t a = 0; a < 3; ++a) {
            const double inverseError
                = (bandit.inverseGram(a) - gram[a].inverse()).cwiseAbs().maxCoeff();
            QVERIFY2(inverseError < 1e-9, std::to_string(inverseError).c_str());
            const double thetaError
                = (bandit.coefficients(a) - gram[a].ldlt().solve(b[a])).cwiseAbs().maxCoeff();
            QVERIFY2(thetaError < 1e-9, std::to_string(thetaError).c_str());
            QCOMPARE(bandit.inverseGram(a), bandit.inverseGram(a).transpose());
        }
        QCOMPARE(bandit.pulls(0), uint64_t(1000));
    }

    void linUcbLearnsTheBestArm()
    {
        const double share = bestArmShare(LinearBandit::Mode::UCB);
        QVERIFY2(share > 0.9, std::to_string(share).c_str());
    }

    void linearThompsonLearnsTheBestArm()
    {
        const double share = bestArmShare(LinearBandit::Mode::Thompson);
        QVERIFY2(share > 0.9, std::to_string(share).c_str());
    }

    // A barely trained model, so the arms overlap: the ε floor and the
    // quadrature give the probabilities with which choose() picks each arm.
    void propensitiesMatchMonteCarlo_data()
    {
        QTest::addColumn<bool>("thompson");
        QTest::newRow("UCB") << false;
        QTest::newRow("Thompson") << true;
    }

    void propensitiesMatchMonteCarlo()
    {
        QFETCH(bool, thompson);
        Workload w(3);
        const auto mode = thompson ? LinearBandit::Mode::Thompson : LinearBandit::Mode::UCB;
        LinearBandit bandit(3, w.features.dimension(), mode,
                            {.posteriorScale = 0.3, .explorationFloor = 0.1});
        Xoshiro256 rng(4);
        Eigen::VectorXd x;
        size_t task = 0;
        for (int t = 0; t < 30; ++t) {
            w.request(x, task);
            bandit.update(size_t(t % 3), x, w.mean(size_t(t % 3), x));
        }
        w.request(x, task);
        const auto d = bandit.choose(x, rng);
        QCOMPARE(d.propensityFloor, 0.1 / 3);
        QCOMPARE(d.propensity.has_value(), !thompson);
        checkFrequencies(bandit, x, 5);
        if (!thompson) {
            double p[3];
            bandit.probabilities(x, p);
            QCOMPARE(*std::max_element(p, p + 3), 1 - 0.1 + 0.1 / 3);
        }
    }

    // The Thompson mode draws one normal per arm for θ̃ᵀx instead of a
    // d-dimensional θ̃: drawing θ̃ ~ N(θ̂, v²A⁻¹) in full, as Agrawal & Goyal
    // state it, picks the arms with the probabilities the bandit reports.
    void thompsonScalarDrawMatchesFullPosteriorDraw()
    {
        Workload w(8);
        LinearBandit bandit(3, w.features.dimension(), LinearBandit::Mode::Thompson,
                            {.posteriorScale = 0.4, .explorationFloor = 0.0});
        Eigen::VectorXd x;
        size_t task = 0;
        for (int t = 0; t < 20; ++t) {
            w.request(x, task);
            bandit.update(size_t(t % 3), x, w.mean(size_t(t % 3), x));
        }
        w.request(x, task);
        double p[3];
        bandit.probabilities(x, p);
        std::vector<Eigen::MatrixXd> factor;
        for (size_t a = 0; a < 3; ++a)
            factor.push_back(bandit.inverseGram(a).llt().matrixL());
        Xoshiro256 rng(9);
        std::normal_distribution<double> normal(0, 1);
        Eigen::VectorXd z(x.size());
        constexpr int draws = 50000;
        int count[3] = {};
        for (int i = 0; i < draws; ++i) {
            size_t best = 0;
            double bestScore = -1e300;
            for (size_t a = 0; a < 3; ++a) {
                for (Eigen::Index j = 0; j < z.size(); ++j)
                    z[j] = normal(rng);
                const Eigen::VectorXd theta = bandit.coefficients(a) + 0.4 * factor[a] * z;
                if (theta.dot(x) > bestScore) {
                    bestScore = theta.dot(x);
                    best = a;
                }
            }
            ++count[best];
        }
        for (size_t a = 0; a < 3; ++a) {
            const double se = std::sqrt(p[a] * (1 - p[a]) / draws);
            QVERIFY2(std::abs(double(count[a]) / draws - p[a]) < 4 * se + 1e-6,
                     std::to_string(a).c_str());
        }
    }

    void seededRunsRepeat()
    {
        const auto run = [] {
            Workload w(5);
            LinearBandit bandit(3, w.features.dimension(), LinearBandit::Mode::Thompson);
            Xoshiro256 rng(6);
            Eigen::VectorXd x;
            size_t task = 0;
            std::vector<size_t> arms;
            for (int t = 0; t < 300; ++t) {
                w.request(x, task);
                arms.push_back(bandit.choose(x, rng).arm);
                bandit.update(arms.back(), x, w.mean(arms.back(), x));
            }
            return arms;
        };
        QCOMPARE(run(), run());
    }

    void badInput()
    {
        using Mode = LinearBandit::Mode;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LinearBandit(0, 3, Mode::UCB));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LinearBandit(2, 0, Mode::UCB));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 LinearBandit(2, 3, Mode::UCB, {.ridge = 0}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 LinearBandit(2, 3, Mode::UCB, {.explorationFloor = 1.5}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 LinearBandit(2, 3, Mode::Thompson, {.posteriorScale = -1}));
        LinearBandit bandit(2, 3, Mode::Thompson);
        Xoshiro256 rng(1);
        const Eigen::VectorXd x = Eigen::VectorXd::Ones(3);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 bandit.choose(Eigen::VectorXd::Ones(4), rng));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 bandit.choose(Eigen::Vector3d(1, std::nan(""), 0), rng));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bandit.update(2, x, 1.0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bandit.update(0, x, std::nan("")));
        QCOMPARE(bandit.pulls(0), uint64_t(0));
        double p[2];
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 bandit.probabilities(x, std::span<double>(p, 1)));
        // The zero context: every score is 0, the first arm wins outside the ε floor.
        bandit.probabilities(Eigen::VectorXd::Zero(3), p);
        QCOMPARE(p[0], 1 - 0.05 + 0.025);
    }

    void contextFeaturesLayout()
    {
        const ContextFeatures f({"search", "chat"}, {"qa", "code", "summary"}, 1000);
        QCOMPARE(f.dimension(), size_t(1 + 3 + 4 + 3 + 4));
        const std::vector<std::string> names{"intercept",
                                             "service=search",
                                             "service=chat",
                                             "service=other",
                                             "task=qa",
                                             "task=code",
                                             "task=summary",
                                             "task=other",
                                             "log input tokens",
                                             "hour sin",
                                             "hour cos",
                                             "log input tokens, task=qa",
                                             "log input tokens, task=code",
                                             "log input tokens, task=summary",
                                             "log input tokens, task=other"};
        QCOMPARE(f.names(), names);

        Eigen::VectorXd x;
        f.encode("chat", "summary", 1000, 6.0, x);
        Eigen::VectorXd expected(15);
        expected << 1, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 0;
        QVERIFY((x - expected).cwiseAbs().maxCoeff() < 1e-12);

        // Unknown values land in the "other" slots; unreported tokens count as 0;
        // midnight and 23:00 are neighbours; the vector is reused.
        const double* storage = x.data();
        f.encode("batch", "translate", -1, 23.0, x);
        QCOMPARE(x.data(), storage);
        expected << 1, 0, 0, 1, 0, 0, 0, 1, 0, std::sin(2 * std::numbers::pi * 23 / 24),
            std::cos(2 * std::numbers::pi * 23 / 24), 0, 0, 0, 0;
        QVERIFY((x - expected).cwiseAbs().maxCoeff() < 1e-12);
        f.encode("search", "qa", 9, std::nan(""), x);
        QVERIFY(std::abs(x[8] - std::log(10.0) / std::log(1001.0)) < 1e-12);
        QCOMPARE(x[11], x[8]); // the qa slope
        QCOMPARE(x[12] + x[13] + x[14], 0.0);
        QCOMPARE(x[9], 0.0);
        QCOMPARE(x[10], 0.0);

        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ContextFeatures({"a", "a"}, {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ContextFeatures({}, {}, 0));
    }

    void rewardTradesQualityForCostAndLatency()
    {
        const RewardWeights weights{.perUsd = 20, .perSecond = 0.1};
        // 0.9 − 20 · $0.01 − 0.1 · 1.5 s
        QVERIFY(std::abs(weights.reward(0.9, 0.01, 1500) - 0.55) < 1e-12);
        LlmEvent call;
        call.latencyMs = 1500;
        QVERIFY(!weights.reward(call).has_value()); // no quality score
        call.evaluations = {{"relevance", 0.8}, {"faithfulness", 1.0}};
        QVERIFY(!weights.reward(call).has_value()); // cost unknown
        QVERIFY(RewardWeights{.perSecond = 0.1}.reward(call).has_value());
        call.reportedCostUsd = 0.02;
        QVERIFY(std::abs(*weights.reward(call) - (0.9 - 0.4 - 0.15)) < 1e-12);
        call.costUsd = 0.01; // the price table's figure wins
        QVERIFY(std::abs(*weights.reward(call) - 0.55) < 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestLinearBandit)
#include "tst_linear_bandit.moc"
