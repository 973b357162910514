#pragma once

#include "xoshiro256.h"

#include <cstdint>
#include <span>
#include <vector>

namespace llmopt {

// ThompsonSampling's prior, the same for every arm.
struct ThompsonPrior {
    double alpha = 1.0; // Beta–Bernoulli
    double beta = 1.0;
    double mean = 0.0; // Gaussian: prior of the mean …
    double sd = 1.0;
    double noiseSd = 1.0; // … and of the reward noise
};

// Thompson sampling over K variants without context (Thompson 1933; Chapelle
// & Li 2011): each request draws one value from every arm's posterior of its
// mean reward and takes the largest.
//
// Beta–Bernoulli: prior Beta(α₀, β₀) (α₀, β₀ ≥ 1, so every posterior density
// is bounded and the quadrature below stays accurate); a reward r ∈ [0, 1]
// counts as a fractional success, α += r and β += 1 − r. (Agrawal & Goyal
// 2012 instead count a Bernoulli(r) draw as the outcome; the fractional
// update gives the same posterior mean without that extra noise.)
//
// Gaussian: unknown mean with a Normal prior N(m₀, s₀²) and the noise
// variance plugged in: the arm's running sample variance (Welford) shrunk
// toward the prior noise scale σ₀² with one pseudo-observation,
// σ̂² = (σ₀² + M₂) / n. The posterior of the mean is then Normal, with
// precision 1/s₀² + n/σ̂².
//
// Every decision carries its propensity P(arm is the argmax of the draws),
// which off-policy evaluation of the log needs. It is the one-dimensional
// integral ∫ f_i(x) Π_{j≠i} F_j(x) dx, computed by Gauss–Legendre quadrature
// once per posterior change (lazily, on the first choose() or propensities()
// after update()) and cached: the per-call path only samples. Callers that
// want a flat decision latency call propensities() after a batch of updates,
// off the request path.
//
// Draws come from the caller's Xoshiro256: the same seed and updates give
// the same decisions (with the same standard library, whose distributions'
// algorithms are its own). Not thread-safe: one instance per thread, or a
// lock around it.
class ThompsonSampling {
public:
    enum class Model { BetaBernoulli, Gaussian };

    struct Decision {
        size_t arm = 0;
        double propensity = 0.0; // P(this arm | the posteriors at decision time)
    };

    ThompsonSampling(size_t arms, Model model, ThompsonPrior prior = {});

    Decision choose(Xoshiro256& rng);
    // Beta–Bernoulli needs reward ∈ [0, 1]; both models reject non-finite rewards.
    void update(size_t arm, double reward);

    // P(arm i is chosen) for every arm, in arm order; recomputed only after an update.
    std::span<const double> propensities();

    size_t arms() const { return m_arms.size(); }
    Model model() const { return m_model; }
    uint64_t pulls(size_t arm) const { return m_arms.at(arm).n; }
    double posteriorMean(size_t arm) const;
    double posteriorSd(size_t arm) const;

    // P(draw i is the largest) for independent Beta(αᵢ, βᵢ) or N(mᵢ, sᵢ²)
    // draws, by composite 8-point Gauss–Legendre quadrature whose panels
    // break at every arm's mean ± {1, 3, 8, 16} standard deviations, so no
    // panel is wider than a few standard deviations of an arm with mass in
    // it, and concentrated and diffuse posteriors are integrated alike; Beta
    // panels are graded toward 0 and 1, where x^(α−1) is not smooth. Absolute
    // error about 1e-8 (tests: closed forms, and sums to 1 over random
    // 5-arm sets); Beta needs α, β ≥ 1, Normal s > 0.
    static void betaArgmaxProbabilities(std::span<const double> alpha, std::span<const double> beta,
                                        std::span<double> out);
    static void normalArgmaxProbabilities(std::span<const double> mean, std::span<const double> sd,
                                          std::span<double> out);

private:
    struct Arm {
        uint64_t n = 0;
        double alpha = 0.0; // Beta–Bernoulli posterior
        double beta = 0.0;
        double mean = 0.0; // Gaussian: Welford running mean and M₂ of the rewards
        double m2 = 0.0;
        double postMean = 0.0; // Gaussian posterior of the mean
        double postSd = 0.0;
    };

    void refreshPropensities();

    Model m_model;
    ThompsonPrior m_prior;
    std::vector<Arm> m_arms;
    std::vector<double> m_propensities;
    bool m_stale = true;
    // Parameter scratch for the quadrature, kept to avoid reallocating per refresh.
    std::vector<double> m_first;
    std::vector<double> m_second;
};

} // namespace llmopt
