#include "thompson_sampling.h"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/quadrature/gauss.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>

namespace llmopt {

namespace {

// Boost promotes double arithmetic to long double by default; the quadrature
// does not need it and runs several times faster without.
using Policy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
using Legendre = boost::math::quadrature::gauss<double, 8>;

constexpr std::array<double, 4> kBreakOffsets{1.0, 3.0, 8.0, 16.0};
constexpr int kGradedLevels = 12; // down to 4⁻¹² ≈ 6e-8 of the range

// P(draw i is the largest) = ∫ fᵢ(x) Π_{j≠i} Fⱼ(x) dx over [low, high], the
// support. `densityAndCdf(j, x, f, F)` evaluates arm j at x. The products
// Π_{j≠i} Fⱼ come from prefix and suffix products, so an Fⱼ of zero needs no
// division.
template <class DensityAndCdf>
void integrateArgmax(std::span<const double> center, std::span<const double> spread, double low,
                     double high, DensityAndCdf densityAndCdf, std::span<double> out)
{
    const size_t k = center.size();
    // Below the highest of the arms' mean − 16 sd the integrand is negligible
    // for every i: that arm's F is (or, for i itself, its f is) ≈ 0 there.
    double from = low;
    for (size_t i = 0; i < k; ++i)
        from = std::max(from, center[i] - kBreakOffsets.back() * spread[i]);
    from = std::min(from, high);
    std::vector<double> breaks;
    breaks.reserve(k * (2 * kBreakOffsets.size() + 1) + 2 * kGradedLevels);
    const auto add = [&](double x) { breaks.push_back(std::clamp(x, from, high)); };
    for (size_t i = 0; i < k; ++i) {
        add(center[i]);
        for (double offset : kBreakOffsets) {
            add(center[i] - offset * spread[i]);
            add(center[i] + offset * spread[i]);
        }
    }
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    // A Beta density near an end of [0, 1] goes like x^(α−1), whose
    // derivatives blow up for non-integer α; it matters for arms with mass
    // within 4 sd of that end (further out, α − 1 ≳ 3 and the mass there is
    // negligible). For those, panels graded geometrically toward the end
    // (ratio 4, from the far end of the range) keep every panel about as far
    // from the singularity as it is wide, and the innermost one substitutes
    // x = end ± width·t⁴, which turns x^(α−1) dx into a smooth t^(4α−1) dt.
    // (Below `from` nothing is integrated, so nothing needs grading there.)
    bool gradeLow = false, gradeHigh = false;
    for (size_t i = 0; i < k; ++i) {
        gradeLow = gradeLow || (from == low && center[i] - 4 * spread[i] < low);
        gradeHigh = gradeHigh || center[i] + 4 * spread[i] > high;
    }
    const double first = breaks.front(), last = breaks.back();
    for (int level = 1; level <= kGradedLevels; ++level) {
        const double shrink = std::ldexp(1.0, -2 * level);
        if (gradeLow)
            breaks.push_back(low + (last - low) * shrink);
        if (gradeHigh)
            breaks.push_back(high - (high - first) * shrink);
    }
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());

    std::vector<double> f(k), cdf(k), suffix(k + 1);
    std::fill(out.begin(), out.end(), 0.0);
    const auto accumulate = [&](double x, double weight) {
        for (size_t j = 0; j < k; ++j)
            densityAndCdf(j, x, f[j], cdf[j]);
        suffix[k] = 1.0;
        for (size_t j = k; j-- > 0;)
            suffix[j] = suffix[j + 1] * cdf[j];
        double prefix = 1.0;
        for (size_t i = 0; i < k; ++i) {
            out[i] += weight * f[i] * prefix * suffix[i + 1];
            prefix *= cdf[i];
        }
    };
    const auto& abscissa = Legendre::abscissa();
    const auto& weights = Legendre::weights();
    for (size_t p = 0; p + 1 < breaks.size(); ++p) {
        const double a = breaks[p], b = breaks[p + 1];
        const bool fromLow = gradeLow && p == 0, fromHigh = gradeHigh && p + 2 == breaks.size();
        for (size_t n = 0; n < abscissa.size(); ++n)
            for (double sign : {-1.0, 1.0}) {
                const double node = sign * abscissa[n];
                if (fromLow || fromHigh) {
                    const double t = 0.5 * (node + 1.0), t3 = t * t * t;
                    const double jacobian = 0.5 * weights[n] * 4.0 * t3 * (b - a);
                    accumulate(fromLow ? a + (b - a) * t3 * t : b - (b - a) * t3 * t, jacobian);
                } else {
                    accumulate(0.5 * (a + b) + 0.5 * (b - a) * node, 0.5 * (b - a) * weights[n]);
                }
            }
    }
}

void requireSameSize(size_t a, size_t b, size_t c)
{
    if (a != b || a != c || a == 0)
        throw std::invalid_argument("argmax probabilities: parameter lists must have the same, "
                                    "non-zero length");
}

} // namespace

void ThompsonSampling::betaArgmaxProbabilities(std::span<const double> alpha,
                                               std::span<const double> beta, std::span<double> out)
{
    requireSameSize(alpha.size(), beta.size(), out.size());
    std::vector<boost::math::beta_distribution<double, Policy>> arms;
    std::vector<double> center, spread;
    for (size_t i = 0; i < alpha.size(); ++i) {
        const double a = alpha[i], b = beta[i];
        if (!(a >= 1) || !(b >= 1) || !std::isfinite(a) || !std::isfinite(b))
            throw std::invalid_argument(
                "Beta argmax probabilities: α and β must be finite and ≥ 1");
        arms.emplace_back(a, b);
        center.push_back(a / (a + b));
        spread.push_back(std::sqrt(a * b / ((a + b) * (a + b) * (a + b + 1))));
    }
    integrateArgmax(
        center, spread, 0.0, 1.0,
        [&](size_t j, double x, double& f, double& F) {
            f = boost::math::pdf(arms[j], x);
            F = boost::math::cdf(arms[j], x);
        },
        out);
}

void ThompsonSampling::normalArgmaxProbabilities(std::span<const double> mean,
                                                 std::span<const double> sd, std::span<double> out)
{
    requireSameSize(mean.size(), sd.size(), out.size());
    for (size_t i = 0; i < mean.size(); ++i)
        if (!(sd[i] > 0) || !std::isfinite(sd[i]) || !std::isfinite(mean[i]))
            throw std::invalid_argument("Normal argmax probabilities: means must be finite and "
                                        "standard deviations finite and positive");
    constexpr double inf = std::numeric_limits<double>::infinity();
    // The outermost breaks (±16 sd) bound the integral; beyond them no arm has mass.
    integrateArgmax(
        mean, sd, -inf, inf,
        [&](size_t j, double x, double& f, double& F) {
            const boost::math::normal_distribution<double, Policy> arm(mean[j], sd[j]);
            f = boost::math::pdf(arm, x);
            F = boost::math::cdf(arm, x);
        },
        out);
}

ThompsonSampling::ThompsonSampling(size_t arms, Model model, ThompsonPrior prior)
    : m_model(model)
    , m_prior(prior)
    , m_arms(arms)
    , m_propensities(arms)
    , m_first(arms)
    , m_second(arms)
{
    if (arms == 0)
        throw std::invalid_argument("Thompson sampling needs at least one arm");
    if (model == Model::BetaBernoulli
        && (!(prior.alpha >= 1) || !(prior.beta >= 1) || !std::isfinite(prior.alpha)
            || !std::isfinite(prior.beta)))
        throw std::invalid_argument("Thompson sampling: the Beta prior needs finite α, β ≥ 1");
    if (model == Model::Gaussian
        && (!std::isfinite(prior.mean) || !(prior.sd > 0) || !std::isfinite(prior.sd)
            || !(prior.noiseSd > 0) || !std::isfinite(prior.noiseSd)))
        throw std::invalid_argument("Thompson sampling: the Normal prior needs a finite mean and "
                                    "finite, positive standard deviations");
    for (Arm& a : m_arms) {
        a.alpha = prior.alpha;
        a.beta = prior.beta;
        a.postMean = prior.mean;
        a.postSd = prior.sd;
    }
}

ThompsonSampling::Decision ThompsonSampling::choose(Xoshiro256& rng)
{
    if (m_stale)
        refreshPropensities();
    size_t best = 0;
    double bestDraw = -std::numeric_limits<double>::infinity();
    if (m_model == Model::BetaBernoulli) {
        // Beta(α, β) = X / (X + Y) with X ~ Gamma(α), Y ~ Gamma(β).
        for (size_t i = 0; i < m_arms.size(); ++i) {
            const double x = std::gamma_distribution<double>(m_arms[i].alpha)(rng);
            const double y = std::gamma_distribution<double>(m_arms[i].beta)(rng);
            const double draw = x / (x + y);
            if (draw > bestDraw) {
                bestDraw = draw;
                best = i;
            }
        }
    } else {
        std::normal_distribution<double> z;
        for (size_t i = 0; i < m_arms.size(); ++i) {
            const double draw = m_arms[i].postMean + m_arms[i].postSd * z(rng);
            if (draw > bestDraw) {
                bestDraw = draw;
                best = i;
            }
        }
    }
    return {best, m_propensities[best]};
}

void ThompsonSampling::update(size_t arm, double reward)
{
    if (arm >= m_arms.size())
        throw std::invalid_argument("Thompson sampling: arm " + std::to_string(arm)
                                    + " out of range (" + std::to_string(m_arms.size()) + " arms)");
    if (!std::isfinite(reward))
        throw std::invalid_argument("Thompson sampling: reward must be finite");
    if (m_model == Model::BetaBernoulli && !(reward >= 0 && reward <= 1))
        throw std::invalid_argument("Thompson sampling: a Beta–Bernoulli reward must be in [0, 1], "
                                    "got "
                                    + std::to_string(reward));
    Arm& a = m_arms[arm];
    ++a.n;
    if (m_model == Model::BetaBernoulli) {
        a.alpha += reward;
        a.beta += 1.0 - reward;
    } else {
        const double delta = reward - a.mean;
        a.mean += delta / double(a.n);
        a.m2 += delta * (reward - a.mean);
        const double noiseVariance = (m_prior.noiseSd * m_prior.noiseSd + a.m2) / double(a.n);
        const double priorPrecision = 1.0 / (m_prior.sd * m_prior.sd);
        const double precision = priorPrecision + double(a.n) / noiseVariance;
        a.postMean
            = (m_prior.mean * priorPrecision + a.mean * double(a.n) / noiseVariance) / precision;
        a.postSd = 1.0 / std::sqrt(precision);
    }
    m_stale = true;
}

std::span<const double> ThompsonSampling::propensities()
{
    if (m_stale)
        refreshPropensities();
    return m_propensities;
}

double ThompsonSampling::posteriorMean(size_t arm) const
{
    const Arm& a = m_arms.at(arm);
    return m_model == Model::BetaBernoulli ? a.alpha / (a.alpha + a.beta) : a.postMean;
}

double ThompsonSampling::posteriorSd(size_t arm) const
{
    const Arm& a = m_arms.at(arm);
    if (m_model == Model::Gaussian)
        return a.postSd;
    const double s = a.alpha + a.beta;
    return std::sqrt(a.alpha * a.beta / (s * s * (s + 1)));
}

void ThompsonSampling::refreshPropensities()
{
    for (size_t i = 0; i < m_arms.size(); ++i) {
        const Arm& a = m_arms[i];
        m_first[i] = m_model == Model::BetaBernoulli ? a.alpha : a.postMean;
        m_second[i] = m_model == Model::BetaBernoulli ? a.beta : a.postSd;
    }
    if (m_model == Model::BetaBernoulli)
        betaArgmaxProbabilities(m_first, m_second, m_propensities);
    else
        normalArgmaxProbabilities(m_first, m_second, m_propensities);
    m_stale = false;
}

} // namespace llmopt
