#include "off_policy_evaluation.h"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace llmopt {

namespace {

std::invalid_argument recordError(size_t index, const std::string& what)
{
    return std::invalid_argument("off-policy evaluation: logged record " + std::to_string(index)
                                 + ": " + what);
}

std::invalid_argument rowError(const char* matrix, Eigen::Index row, const std::string& what)
{
    return std::invalid_argument(std::string("off-policy evaluation: ") + matrix + " row "
                                 + std::to_string(row) + ": " + what);
}

} // namespace

OffPolicyEvaluation::OffPolicyEvaluation(std::span<const LoggedDecision> log, size_t actions,
                                         OffPolicyOptions options)
    : m_actions(actions)
    , m_options(options)
{
    if (log.empty())
        throw std::invalid_argument("off-policy evaluation: the log is empty");
    if (actions == 0)
        throw std::invalid_argument("off-policy evaluation: needs at least one action");
    if (!(options.ridge > 0) || !std::isfinite(options.ridge) || options.folds == 0
        || !(options.alpha > 0 && options.alpha < 1))
        throw std::invalid_argument("off-policy evaluation: the ridge must be positive, the "
                                    "folds at least 1 and α in (0, 1)");
    const Eigen::Index d = log.front().context.size();
    const auto n = Eigen::Index(log.size());
    for (size_t i = 0; i < log.size(); ++i) {
        const LoggedDecision& r = log[i];
        if (!(r.propensity > 0 && r.propensity <= 1))
            throw recordError(i,
                              "propensity must be in (0, 1], got " + std::to_string(r.propensity));
        if (r.action >= actions)
            throw recordError(i,
                              "action " + std::to_string(r.action) + " out of range ("
                                  + std::to_string(actions) + " actions)");
        if (!std::isfinite(r.reward))
            throw recordError(i, "reward is not finite");
        if (d == 0)
            throw recordError(i, "context is empty");
        if (r.context.size() != d)
            throw recordError(i,
                              "context has " + std::to_string(r.context.size())
                                  + " features, record 0 has " + std::to_string(d));
        if (!r.context.allFinite())
            throw recordError(i, "context has a non-finite feature");
    }
    m_logged.reserve(log.size());
    m_rewards.resize(n);
    m_propensities.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        m_logged.push_back(log[size_t(i)].action);
        m_rewards[i] = log[size_t(i)].reward;
        m_propensities[i] = log[size_t(i)].propensity;
    }

    // Cross-fitted ridge: the sums over the whole log minus those of fold f
    // give the fit that record i in fold f is predicted from, without
    // passing over the log once per fold.
    const size_t folds = std::min(options.folds, log.size());
    const auto k = Eigen::Index(actions);
    // Slots 0…K−1 hold the whole log's sums, then K per fold.
    const size_t slots = actions * (folds > 1 ? folds + 1 : 1);
    std::vector<Eigen::MatrixXd> gram(slots, Eigen::MatrixXd::Zero(d, d));
    std::vector<Eigen::VectorXd> moment(slots, Eigen::VectorXd::Zero(d));
    for (size_t i = 0; i < log.size(); ++i) {
        const LoggedDecision& r = log[i];
        const auto add = [&](size_t slot) {
            gram[slot].selfadjointView<Eigen::Lower>().rankUpdate(r.context);
            moment[slot] += r.reward * r.context;
        };
        add(r.action);
        if (folds > 1)
            add(actions * (1 + i % folds) + r.action);
    }
    m_predictions.resize(n, k);
    std::vector<Eigen::VectorXd> theta(actions);
    for (size_t f = 0; f < folds; ++f) {
        for (size_t a = 0; a < actions; ++a) {
            Eigen::MatrixXd A = gram[a];
            Eigen::VectorXd b = moment[a];
            if (folds > 1) {
                A -= gram[actions * (1 + f) + a];
                b -= moment[actions * (1 + f) + a];
            }
            A.diagonal().array() += options.ridge;
            theta[a] = A.selfadjointView<Eigen::Lower>().ldlt().solve(b);
        }
        for (size_t i = f; i < log.size(); i += folds)
            for (size_t a = 0; a < actions; ++a)
                m_predictions(Eigen::Index(i), Eigen::Index(a)) = theta[a].dot(log[i].context);
    }
}

Eigen::VectorXd OffPolicyEvaluation::weights(const Eigen::MatrixXd& target) const
{
    const auto n = Eigen::Index(records());
    if (target.rows() != n || target.cols() != Eigen::Index(m_actions))
        throw std::invalid_argument("off-policy evaluation: the target policy needs "
                                    + std::to_string(n) + " × " + std::to_string(m_actions)
                                    + " probabilities, got " + std::to_string(target.rows()) + " × "
                                    + std::to_string(target.cols()));
    Eigen::VectorXd w(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto row = target.row(i);
        if (!row.allFinite() || (row.array() < 0).any() || (row.array() > 1).any())
            throw rowError("target policy", i, "probabilities must be finite and in [0, 1]");
        if (std::abs(row.sum() - 1.0) > 1e-6)
            throw rowError("target policy", i,
                           "probabilities sum to " + std::to_string(row.sum()) + ", not 1");
        w[i] = row[Eigen::Index(m_logged[size_t(i)])] / m_propensities[i];
    }
    return w;
}

PolicyValueEstimate OffPolicyEvaluation::estimate(std::string method, double value,
                                                  const Eigen::VectorXd& terms,
                                                  const Eigen::VectorXd& w) const
{
    const auto n = double(terms.size());
    PolicyValueEstimate e;
    e.method = std::move(method);
    e.value = value;
    e.standardError = terms.size() < 2
        ? std::numeric_limits<double>::infinity()
        : std::sqrt((terms.array() - terms.mean()).square().sum() / (n - 1.0) / n);
    const double z = boost::math::quantile(
        boost::math::complement(boost::math::normal_distribution<double>(), m_options.alpha / 2));
    e.interval = {value - z * e.standardError, value + z * e.standardError};
    const double sumSquares = w.squaredNorm();
    e.effectiveSampleSize = sumSquares > 0 ? w.sum() * w.sum() / sumSquares : 0.0;
    return e;
}

PolicyValueEstimate OffPolicyEvaluation::ips(const Eigen::MatrixXd& target) const
{
    const Eigen::VectorXd w = weights(target);
    const Eigen::VectorXd terms = w.cwiseProduct(m_rewards);
    return estimate("IPS", terms.mean(), terms, w);
}

PolicyValueEstimate OffPolicyEvaluation::selfNormalizedIps(const Eigen::MatrixXd& target) const
{
    const Eigen::VectorXd w = weights(target);
    const double total = w.sum();
    if (!(total > 0))
        throw std::invalid_argument("off-policy evaluation: SNIPS is undefined when the target "
                                    "policy gives probability 0 to every logged action");
    const double value = w.dot(m_rewards) / total;
    // Delta method: V̂ − V ≈ mean of w (r − V) / E[w], with E[w] estimated by w̄.
    const Eigen::VectorXd terms
        = w.cwiseProduct((m_rewards.array() - value).matrix()) / (total / double(w.size()));
    return estimate("SNIPS", value, terms, w);
}

PolicyValueEstimate OffPolicyEvaluation::doublyRobust(const Eigen::MatrixXd& target) const
{
    return doublyRobust(target, m_predictions);
}

PolicyValueEstimate OffPolicyEvaluation::doublyRobust(const Eigen::MatrixXd& target,
                                                      const Eigen::MatrixXd& predictions) const
{
    const Eigen::VectorXd w = weights(target);
    const auto n = Eigen::Index(records());
    if (predictions.rows() != n || predictions.cols() != Eigen::Index(m_actions))
        throw std::invalid_argument("off-policy evaluation: the reward model needs "
                                    + std::to_string(n) + " × " + std::to_string(m_actions)
                                    + " predictions, got " + std::to_string(predictions.rows())
                                    + " × " + std::to_string(predictions.cols()));
    Eigen::VectorXd terms(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        if (!predictions.row(i).allFinite())
            throw rowError("reward model", i, "predictions must be finite");
        const double logged = predictions(i, Eigen::Index(m_logged[size_t(i)]));
        terms[i] = target.row(i).dot(predictions.row(i)) + w[i] * (m_rewards[i] - logged);
    }
    return estimate("DR", terms.mean(), terms, w);
}

} // namespace llmopt
