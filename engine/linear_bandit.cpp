#include "linear_bandit.h"

#include "thompson_sampling.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>

namespace llmopt {

namespace {

// xᵀA⁻¹x, the variance of the arm's score in units of the noise; `scratch`
// receives A⁻¹x. Clamped at 0 against rounding (A⁻¹ is positive definite).
double scoreVariance(const Eigen::MatrixXd& inverse, const Eigen::VectorXd& x,
                     Eigen::VectorXd& scratch)
{
    scratch.noalias() = inverse * x;
    return std::max(0.0, x.dot(scratch));
}

} // namespace

LinearBandit::LinearBandit(size_t arms, size_t dimension, Mode mode, LinearBanditOptions options)
    : m_dimension(dimension)
    , m_mode(mode)
    , m_options(options)
    , m_scratch(Eigen::VectorXd::Zero(Eigen::Index(dimension)))
{
    if (arms == 0 || dimension == 0)
        throw std::invalid_argument("linear bandit: needs at least one arm and one feature");
    const auto finite = [](double v) { return std::isfinite(v); };
    if (!(options.ridge > 0) || !finite(options.ridge) || !(options.ucbWidth >= 0)
        || !finite(options.ucbWidth) || !(options.posteriorScale > 0)
        || !finite(options.posteriorScale)
        || !(options.explorationFloor >= 0 && options.explorationFloor <= 1))
        throw std::invalid_argument("linear bandit: ridge and posterior scale must be positive, "
                                    "the UCB width non-negative, the exploration floor in [0, 1]");
    const auto d = Eigen::Index(dimension);
    m_arms.resize(arms);
    for (Arm& a : m_arms) {
        a.inverse = Eigen::MatrixXd::Identity(d, d) / options.ridge;
        a.b = Eigen::VectorXd::Zero(d);
        a.theta = Eigen::VectorXd::Zero(d);
    }
}

void LinearBandit::requireContext(const Eigen::VectorXd& x) const
{
    if (size_t(x.size()) != m_dimension)
        throw std::invalid_argument("linear bandit: context has " + std::to_string(x.size())
                                    + " features, the model " + std::to_string(m_dimension));
    if (!x.allFinite())
        throw std::invalid_argument("linear bandit: context has a non-finite feature");
}

size_t LinearBandit::ucbArm(const Eigen::VectorXd& x, Eigen::VectorXd& scratch) const
{
    size_t best = 0;
    double bestScore = -std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < m_arms.size(); ++i) {
        const Arm& a = m_arms[i];
        const double score
            = a.theta.dot(x) + m_options.ucbWidth * std::sqrt(scoreVariance(a.inverse, x, scratch));
        if (score > bestScore) {
            bestScore = score;
            best = i;
        }
    }
    return best;
}

LinearBandit::Decision LinearBandit::choose(const Eigen::VectorXd& x, Xoshiro256& rng)
{
    requireContext(x);
    const size_t k = m_arms.size();
    const double epsilon = m_options.explorationFloor;
    const double floor = epsilon / double(k);
    const bool explore
        = epsilon > 0 && std::uniform_real_distribution<double>(0.0, 1.0)(rng) < epsilon;
    const size_t uniformArm = explore ? std::uniform_int_distribution<size_t>(0, k - 1)(rng) : 0;
    if (m_mode == Mode::UCB) {
        // The argmax is needed even when exploring: the logged propensity is
        // the marginal P(arm | x), not the probability within the branch.
        const size_t best = ucbArm(x, m_scratch);
        const size_t arm = explore ? uniformArm : best;
        return {arm, arm == best ? 1.0 - epsilon + floor : floor, floor};
    }
    if (explore)
        return {uniformArm, std::nullopt, floor};
    std::normal_distribution<double> z;
    size_t best = 0;
    double bestScore = -std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < k; ++i) {
        const Arm& a = m_arms[i];
        const double score = a.theta.dot(x)
            + m_options.posteriorScale * std::sqrt(scoreVariance(a.inverse, x, m_scratch)) * z(rng);
        if (score > bestScore) {
            bestScore = score;
            best = i;
        }
    }
    return {best, std::nullopt, floor};
}

void LinearBandit::update(size_t arm, const Eigen::VectorXd& x, double reward)
{
    if (arm >= m_arms.size())
        throw std::invalid_argument("linear bandit: arm " + std::to_string(arm) + " out of range ("
                                    + std::to_string(m_arms.size()) + " arms)");
    requireContext(x);
    if (!std::isfinite(reward))
        throw std::invalid_argument("linear bandit: reward must be finite");
    Arm& a = m_arms[arm];
    // Sherman–Morrison. Subtracting w wᵀ with w = A⁻¹x / √(1 + xᵀA⁻¹x) keeps
    // A⁻¹ exactly symmetric: wᵢwⱼ and wⱼwᵢ round alike.
    const double denominator = 1.0 + scoreVariance(a.inverse, x, m_scratch);
    m_scratch /= std::sqrt(denominator);
    a.inverse.noalias() -= m_scratch * m_scratch.transpose();
    a.b += reward * x;
    a.theta.noalias() = a.inverse * a.b;
    ++a.pulls;
}

void LinearBandit::probabilities(const Eigen::VectorXd& x, std::span<double> out) const
{
    requireContext(x);
    const size_t k = m_arms.size();
    if (out.size() != k)
        throw std::invalid_argument("linear bandit: probabilities needs one slot per arm");
    const double epsilon = m_options.explorationFloor;
    std::fill(out.begin(), out.end(), epsilon / double(k));
    Eigen::VectorXd scratch(x.size());
    if (m_mode == Mode::UCB) {
        out[ucbArm(x, scratch)] += 1.0 - epsilon;
        return;
    }
    std::vector<double> mean(k), sd(k), chosen(k);
    for (size_t i = 0; i < k; ++i) {
        mean[i] = m_arms[i].theta.dot(x);
        sd[i] = m_options.posteriorScale * std::sqrt(scoreVariance(m_arms[i].inverse, x, scratch));
    }
    const double widest = *std::max_element(sd.begin(), sd.end());
    if (widest == 0) {
        // x = 0: every score is exactly its mean and the first largest wins, as in choose().
        out[size_t(std::max_element(mean.begin(), mean.end()) - mean.begin())] += 1.0 - epsilon;
        return;
    }
    // A variance that underflowed to 0 next to others that did not (a tiny x)
    // becomes a normal narrow enough to act as the point mass it is.
    for (double& s : sd)
        s = std::max(s, widest * 1e-12);
    ThompsonSampling::normalArgmaxProbabilities(mean, sd, chosen);
    for (size_t i = 0; i < k; ++i)
        out[i] += (1.0 - epsilon) * chosen[i];
}

} // namespace llmopt
