#pragma once

#include "xoshiro256.h"

#include <Eigen/Dense>

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace llmopt {

struct LinearBanditOptions {
    double ridge = 1.0; // λ in A = λI + Σ x xᵀ
    double ucbWidth = 1.0; // α of LinUCB
    double posteriorScale = 0.5; // v of linear Thompson sampling: about the reward noise's sd
    // ε: the share of requests routed uniformly at random, so every arm keeps
    // propensity ≥ ε/K and off-policy evaluation of the log stays possible.
    double explorationFloor = 0.05;
};

// Contextual bandit with a separate ridge-regression model of the reward per
// arm ("disjoint" linear models): A = λI + Σ x xᵀ and b = Σ r x over the
// arm's updates, θ̂ = A⁻¹b. A⁻¹ is kept directly and updated by
// Sherman–Morrison, A⁻¹ ← A⁻¹ − (A⁻¹x)(A⁻¹x)ᵀ / (1 + xᵀA⁻¹x): O(d²) per
// update, never a full inversion.
//
// UCB (LinUCB, Li, Chu, Langford & Schapire 2010): the arm with the largest
// θ̂ᵀx + α√(xᵀA⁻¹x); ties go to the lowest index.
//
// Thompson (Agrawal & Goyal 2013): draw θ̃ ~ N(θ̂, v²A⁻¹) per arm and take the
// largest θ̃ᵀx. Only that scalar matters, and θ̃ᵀx ~ N(θ̂ᵀx, v² xᵀA⁻¹x)
// exactly, so one standard normal per arm replaces the d-dimensional draw:
// O(K d²) per decision and no Cholesky factor to maintain.
//
// With probability ε (explorationFloor) either mode picks an arm uniformly.
// The propensity P(arm | x) is then exact in both modes: 1 − ε + ε/K for the
// LinUCB argmax and ε/K for the others; for Thompson ε/K + (1 − ε)·P(arm's
// normal draw is the largest), the same one-dimensional integral as
// ThompsonSampling's, by quadrature — tens of µs, so choose() leaves it out
// and probabilities() computes it on request, with the model as it was at
// the decision (before the next update).
//
// Not thread-safe (choose() writes preallocated scratch): one instance per
// thread, or a lock around it.
class LinearBandit {
public:
    enum class Mode { UCB, Thompson };

    struct Decision {
        size_t arm = 0;
        // P(arm | x) under this policy. Known on the per-call path in UCB
        // mode; empty in Thompson mode (probabilities(x)[arm] gives it).
        std::optional<double> propensity;
        // ε/K: the least probability either mode gives any arm.
        double propensityFloor = 0.0;
    };

    LinearBandit(size_t arms, size_t dimension, Mode mode, LinearBanditOptions options = {});

    // x must have dimension() finite entries (std::invalid_argument otherwise).
    Decision choose(const Eigen::VectorXd& x, Xoshiro256& rng);
    void update(size_t arm, const Eigen::VectorXd& x, double reward);

    // P(a | x) for every arm a, exact (Thompson: quadrature to about 1e-8).
    void probabilities(const Eigen::VectorXd& x, std::span<double> out) const;

    size_t arms() const { return m_arms.size(); }
    size_t dimension() const { return m_dimension; }
    Mode mode() const { return m_mode; }
    const LinearBanditOptions& options() const { return m_options; }
    uint64_t pulls(size_t arm) const { return m_arms.at(arm).pulls; }
    const Eigen::MatrixXd& inverseGram(size_t arm) const { return m_arms.at(arm).inverse; } // A⁻¹
    const Eigen::VectorXd& coefficients(size_t arm) const { return m_arms.at(arm).theta; } // θ̂

private:
    struct Arm {
        Eigen::MatrixXd inverse;
        Eigen::VectorXd b;
        Eigen::VectorXd theta;
        uint64_t pulls = 0;
    };

    void requireContext(const Eigen::VectorXd& x) const;
    // The argmax of θ̂ᵀx + α√(xᵀA⁻¹x); `scratch` holds d values.
    size_t ucbArm(const Eigen::VectorXd& x, Eigen::VectorXd& scratch) const;

    size_t m_dimension;
    Mode m_mode;
    LinearBanditOptions m_options;
    std::vector<Arm> m_arms;
    Eigen::VectorXd m_scratch; // A⁻¹x
};

} // namespace llmopt
