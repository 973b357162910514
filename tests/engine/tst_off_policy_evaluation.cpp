#include "off_policy_evaluation.h"

#include <QTest>
#include <cmath>
#include <random>
#include <string>
#include <vector>

using namespace llmopt;

namespace {

constexpr size_t kActions = 3;

// Contexts [1, u, v] with u, v ~ U(0, 1); the mean reward of action a is
// linear in them and the reward adds normal noise (sd 0.2). The logging
// policy is a softmax that favours action 0; the target policy is greedy on
// a rule of thumb (action 1 when u > v, else 2), with 10% spread uniformly.
struct World {
    std::mt19937_64 rng;
    std::uniform_real_distribution<double> uniform{0, 1};
    std::normal_distribution<double> noise{0, 0.2};
    const Eigen::Matrix3d theta = (Eigen::Matrix3d() << 0.5, 0.0, 0.2, //
                                   0.1, 0.9, -0.3, //
                                   0.2, -0.2, 0.8)
                                      .finished(); // row a = θ_a

    explicit World(uint64_t seed)
        : rng(seed)
    {
    }

    Eigen::VectorXd context() { return Eigen::Vector3d(1.0, uniform(rng), uniform(rng)); }
    double mean(const Eigen::VectorXd& x, size_t a) const
    {
        return theta.row(Eigen::Index(a)).dot(x);
    }
    static Eigen::Vector3d logging(const Eigen::VectorXd& x)
    {
        const Eigen::Vector3d score(1.0, 0.5 * x[1], 0.5 * x[2]);
        const Eigen::Vector3d e = score.array().exp();
        return e / e.sum();
    }
    static Eigen::Vector3d target(const Eigen::VectorXd& x)
    {
        Eigen::Vector3d p = Eigen::Vector3d::Constant(0.1 / 3);
        p[x[1] > x[2] ? 1 : 2] += 0.9;
        return p;
    }

    // n decisions of the logging policy, and the target's probabilities for them.
    void log(size_t n, std::vector<LoggedDecision>& records, Eigen::MatrixXd& target)
    {
        records.clear();
        target.resize(Eigen::Index(n), Eigen::Index(kActions));
        for (size_t i = 0; i < n; ++i) {
            const Eigen::VectorXd x = context();
            const Eigen::Vector3d p = logging(x);
            const double u = uniform(rng);
            const size_t a = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
            records.push_back({x, a, mean(x, a) + noise(rng), p[Eigen::Index(a)]});
            target.row(Eigen::Index(i)) = World::target(x).transpose();
        }
    }

    // The target's value, E_x Σ_a π(a|x) μ(x, a), by simulation over a
    // million contexts (its standard error is about 2e-4).
    double trueTargetValue()
    {
        double sum = 0;
        constexpr int n = 1000000;
        for (int i = 0; i < n; ++i) {
            const Eigen::VectorXd x = context();
            const Eigen::Vector3d p = target(x);
            for (size_t a = 0; a < kActions; ++a)
                sum += p[Eigen::Index(a)] * mean(x, a);
        }
        return sum / n;
    }
};

bool covers(const PolicyValueEstimate& e, double truth)
{
    return e.interval.low <= truth && truth <= e.interval.high;
}

} // namespace

class TestOffPolicyEvaluation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // 300 logs of 1000 decisions: each estimator's 95% interval covers the
    // target's true value in at least 90% of them, its standard error matches
    // the spread of its estimates across logs, and DR — with a reward model
    // that fits (the means are linear) — has a smaller standard error than IPS.
    void estimatesCoverTheTruth()
    {
        World world(2024);
        const double truth = world.trueTargetValue();
        constexpr int runs = 300;
        int covered[3] = {}, drTighter = 0;
        std::vector<double> values[3];
        double meanSe[3] = {};
        std::vector<LoggedDecision> records;
        Eigen::MatrixXd target;
        for (int r = 0; r < runs; ++r) {
            world.log(1000, records, target);
            const OffPolicyEvaluation ope(records, kActions);
            const PolicyValueEstimate e[3]
                = {ope.ips(target), ope.selfNormalizedIps(target), ope.doublyRobust(target)};
            for (int m = 0; m < 3; ++m) {
                covered[m] += covers(e[m], truth);
                values[m].push_back(e[m].value);
                meanSe[m] += e[m].standardError / runs;
            }
            drTighter += e[2].standardError < e[0].standardError;
            QVERIFY(e[0].effectiveSampleSize > 50 && e[0].effectiveSampleSize < 1000);
            QCOMPARE(e[1].effectiveSampleSize, e[0].effectiveSampleSize);
        }
        const char* names[3] = {"IPS", "SNIPS", "DR"};
        for (int m = 0; m < 3; ++m) {
            double mean = 0, sq = 0;
            for (double v : values[m])
                mean += v / runs;
            for (double v : values[m])
                sq += (v - mean) * (v - mean) / (runs - 1);
            const double spread = std::sqrt(sq);
            const std::string detail = std::string(names[m]) + ": covered "
                + std::to_string(covered[m]) + ", sd " + std::to_string(spread) + ", mean se "
                + std::to_string(meanSe[m]) + ", bias " + std::to_string(mean - truth);
            QVERIFY2(covered[m] >= runs * 0.9, detail.c_str());
            QVERIFY2(meanSe[m] > 0.8 * spread && meanSe[m] < 1.25 * spread, detail.c_str());
            QVERIFY2(std::abs(mean - truth) < 4 * spread / std::sqrt(runs), detail.c_str());
        }
        QVERIFY2(drTighter == runs, std::to_string(drTighter).c_str());
        QVERIFY(meanSe[2] < 0.6 * meanSe[0]);
    }

    // With a reward model of 0, DR is IPS; when the target is the logging
    // policy, every weight is 1 and IPS, SNIPS and the mean reward agree.
    void identities()
    {
        World world(7);
        std::vector<LoggedDecision> records;
        Eigen::MatrixXd target;
        world.log(500, records, target);
        const OffPolicyEvaluation ope(records, kActions);
        const auto ips = ope.ips(target);
        const auto zero = ope.doublyRobust(target, Eigen::MatrixXd::Zero(500, 3));
        QVERIFY(std::abs(zero.value - ips.value) < 1e-12);
        QVERIFY(std::abs(zero.standardError - ips.standardError) < 1e-12);
        QCOMPARE(ips.method, std::string("IPS"));
        QCOMPARE(zero.method, std::string("DR"));

        Eigen::MatrixXd onPolicy(500, 3);
        double meanReward = 0;
        for (size_t i = 0; i < records.size(); ++i) {
            onPolicy.row(Eigen::Index(i)) = World::logging(records[i].context).transpose();
            meanReward += records[i].reward / 500;
        }
        const auto same = ope.ips(onPolicy);
        QVERIFY(std::abs(same.value - meanReward) < 1e-12);
        QVERIFY(std::abs(ope.selfNormalizedIps(onPolicy).value - meanReward) < 1e-12);
        QVERIFY(std::abs(same.effectiveSampleSize - 500) < 1e-9);
        QVERIFY(same.interval.low < same.value && same.value < same.interval.high);
    }

    // Record i's reward-model prediction is the ridge fit on the folds that
    // do not contain it (fold = index mod 5).
    void rewardModelIsCrossFitted()
    {
        World world(11);
        std::vector<LoggedDecision> records;
        Eigen::MatrixXd target;
        world.log(200, records, target);
        const OffPolicyEvaluation ope(records, kActions, {.ridge = 2.0, .folds = 5});
        for (size_t i : {size_t(0), size_t(3), size_t(199)})
            for (size_t a = 0; a < kActions; ++a) {
                Eigen::Matrix3d gram = 2.0 * Eigen::Matrix3d::Identity();
                Eigen::Vector3d moment = Eigen::Vector3d::Zero();
                for (size_t j = 0; j < records.size(); ++j)
                    if (j % 5 != i % 5 && records[j].action == a) {
                        gram += records[j].context * records[j].context.transpose();
                        moment += records[j].reward * records[j].context;
                    }
                const double expected = gram.ldlt().solve(moment).dot(records[i].context);
                QVERIFY(std::abs(ope.rewardModel()(Eigen::Index(i), Eigen::Index(a)) - expected)
                        < 1e-10);
            }
        // One fold: the fit on the whole log.
        const OffPolicyEvaluation whole(records, kActions, {.folds = 1});
        Eigen::Matrix3d gram = Eigen::Matrix3d::Identity();
        Eigen::Vector3d moment = Eigen::Vector3d::Zero();
        for (const LoggedDecision& r : records)
            if (r.action == 1) {
                gram += r.context * r.context.transpose();
                moment += r.reward * r.context;
            }
        QVERIFY(
            std::abs(whole.rewardModel()(5, 1) - gram.ldlt().solve(moment).dot(records[5].context))
            < 1e-10);
    }

    void invalidRecordsAreRejected_data()
    {
        QTest::addColumn<int>("field");
        QTest::newRow("propensity 0") << 0;
        QTest::newRow("negative propensity") << 1;
        QTest::newRow("NaN propensity") << 2;
        QTest::newRow("propensity above 1") << 3;
        QTest::newRow("infinite reward") << 4;
        QTest::newRow("NaN feature") << 5;
        QTest::newRow("action out of range") << 6;
        QTest::newRow("wrong dimension") << 7;
    }

    void invalidRecordsAreRejected()
    {
        QFETCH(int, field);
        World world(3);
        std::vector<LoggedDecision> records;
        Eigen::MatrixXd target;
        world.log(20, records, target);
        LoggedDecision& bad = records[13];
        switch (field) {
        case 0:
            bad.propensity = 0;
            break;
        case 1:
            bad.propensity = -0.2;
            break;
        case 2:
            bad.propensity = std::nan("");
            break;
        case 3:
            bad.propensity = 1.5;
            break;
        case 4:
            bad.reward = std::numeric_limits<double>::infinity();
            break;
        case 5:
            bad.context[1] = std::nan("");
            break;
        case 6:
            bad.action = 3;
            break;
        case 7:
            bad.context = Eigen::VectorXd::Ones(4);
            break;
        }
        try {
            const OffPolicyEvaluation ope(records, kActions);
            Q_UNUSED(ope);
            QFAIL("accepted an invalid record");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(std::string(e.what()).find("record 13:") != std::string::npos, e.what());
        }
    }

    void invalidTargetsAreRejected()
    {
        World world(4);
        std::vector<LoggedDecision> records;
        Eigen::MatrixXd target;
        world.log(10, records, target);
        const OffPolicyEvaluation ope(records, kActions);
        Eigen::MatrixXd bad = target;
        bad(6, 0) += 0.2; // row sums to 1.2
        try {
            ope.ips(bad);
            QFAIL("accepted probabilities that do not sum to 1");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(std::string(e.what()).find("row 6") != std::string::npos, e.what());
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ope.doublyRobust(target.topRows(9)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 ope.doublyRobust(target, Eigen::MatrixXd::Zero(10, 2)));
        Eigen::MatrixXd nowhere = Eigen::MatrixXd::Zero(10, 3);
        for (Eigen::Index i = 0; i < 10; ++i)
            nowhere(i, Eigen::Index((records[size_t(i)].action + 1) % 3)) = 1.0;
        QCOMPARE(ope.ips(nowhere).value, 0.0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ope.selfNormalizedIps(nowhere));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, OffPolicyEvaluation({}, kActions));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 OffPolicyEvaluation(records, kActions, {.ridge = 0}));
    }
};

QTEST_GUILESS_MAIN(TestOffPolicyEvaluation)
#include "tst_off_policy_evaluation.moc"
