#pragma once

#include <Eigen/Dense>

#include <cstddef>

namespace llmopt {

// Gaussian-process regression over a box of one or two dimensions — here
// (temperature) or (temperature, top_p) — for Bayesian optimisation of a noisy
// quality score (Rasmussen & Williams 2006, algorithm 2.1).
//
// Kernel: Matérn 5/2, k(r) = s²(1 + √5 r/ℓ + 5r²/3ℓ²) e^(−√5 r/ℓ). Its sample
// functions are twice differentiable, not infinitely so like the squared
// exponential's; the squared exponential's extra smoothness makes it
// overconfident between sparse points and its Gram matrix ill-conditioned when
// points are close, and Matérn 5/2 is the usual choice for optimising real
// responses (Snoek, Larochelle & Adams 2012). Inputs are scaled to [0, 1]^d by
// the box, so one length scale ℓ serves temperature (0–1.5) and top_p (0.1–1).
//
// Prior mean: the mean of the observed values, so that far from the data the
// prediction returns to the average instead of to 0. Noise: each point's own
// variance (the variance of a mean of n scores is σ²/n) plus a shared noise
// variance σₙ² for what the points' own variances miss.
//
// Hyperparameters (ℓ, s², σₙ²) maximise the log marginal likelihood over a
// log-spaced grid (ℓ by factors of 1.5; s² and σₙ² relative to the variance of
// the values). σₙ² is fitted only when the points carry no noise variance of
// their own: next to known variances a free σₙ² is barely identified by a
// handful of points, and the likelihood then readily explains real
// differences away as noise (a fixed-noise GP). With a handful of points that likelihood surface is
// flat and often multimodal, where gradient steps wander and a grid cannot diverge; its resolution
// costs little when the data cannot tell ℓ from 1.5ℓ anyway. Each candidate takes one Cholesky
// factorisation (Eigen LLT), the winner one more, which every prediction then reuses.
class GaussianProcess {
public:
    struct Hyperparameters {
        double lengthScale = 0.3; // in units of the box's sides
        double signalVariance = 1.0; // s²
        double noiseVariance = 0.0; // σₙ², added to every point's own variance
    };

    struct Prediction {
        double mean = 0.0;
        double variance = 0.0; // of the latent function, without observation noise
        double sd() const;
    };

    struct Suggestion {
        Eigen::VectorXd x;
        double expectedImprovement = 0.0;
        Prediction prediction;
    };

    // The box [lower, upper] of dimension 1 or 2 (std::invalid_argument otherwise).
    GaussianProcess(Eigen::VectorXd lower, Eigen::VectorXd upper);

    // n points (rows of x, in the box's units), their values and each point's
    // own noise variance (empty: none). Throws std::invalid_argument on no
    // points, mismatched sizes, or non-finite or negative entries.
    void fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
             const Eigen::VectorXd& pointNoise = {});
    // The same with the hyperparameters given rather than fitted.
    void fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const Eigen::VectorXd& pointNoise,
             const Hyperparameters& hyperparameters);

    // Posterior of the latent function at x (before any fit: the prior, 0 and s²).
    Prediction predict(const Eigen::VectorXd& x) const;
    // Posterior of f(a) − f(b), correlation included: the variance is
    // var(a) + var(b) − 2 cov(a, b), far below the sum when a and b are close.
    Prediction predictDifference(const Eigen::VectorXd& a, const Eigen::VectorXd& b) const;

    // Expected improvement over `best` for maximisation (Jones, Schonlau &
    // Welch 1998): with d = μ − best − ξ and z = d/σ, EI = d Φ(z) + σ φ(z);
    // max(d, 0) when σ = 0. ξ ≥ 0 trades exploitation for exploration
    // (Lizotte 2008), in the values' units.
    static double expectedImprovement(const Prediction& prediction, double best, double xi);
    // The incumbent for EI: the largest posterior mean at the observed
    // points. With noisy values the largest observation overstates the best
    // (the "plug-in" of Picheny, Wagner & Ginsbourger 2013).
    double incumbent() const;
    // The point of a regular grid of `pointsPerSide`^d points over the box
    // (corners included) with the largest EI over incumbent(); ties go to the
    // first in grid order. Needs a fit.
    Suggestion suggest(double xi = 0.01, size_t pointsPerSide = 151) const;

    size_t dimension() const { return static_cast<size_t>(m_lower.size()); }
    size_t size() const { return static_cast<size_t>(m_x.rows()); }
    const Hyperparameters& hyperparameters() const { return m_hyper; }
    double logMarginalLikelihood() const { return m_logLikelihood; }

private:
    // Factorises K + diag(noise) for `h`; false when it is not positive definite.
    bool factorise(const Hyperparameters& h);
    double kernel(const Eigen::VectorXd& a, const Eigen::VectorXd& b) const;
    Eigen::VectorXd scaled(const Eigen::VectorXd& x) const;
    Eigen::VectorXd crossCovariance(const Eigen::VectorXd& scaledPoint) const;
    void validate(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                  const Eigen::VectorXd& pointNoise) const;
    void store(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
               const Eigen::VectorXd& pointNoise);

    Eigen::VectorXd m_lower;
    Eigen::VectorXd m_upper;
    Eigen::MatrixXd m_x; // scaled to [0, 1]^d
    Eigen::VectorXd m_y; // centred on m_priorMean
    Eigen::VectorXd m_pointNoise;
    double m_priorMean = 0.0;
    Hyperparameters m_hyper;
    Eigen::LLT<Eigen::MatrixXd> m_llt;
    Eigen::VectorXd m_alpha; // (K + Σ)⁻¹ (y − prior mean)
    double m_logLikelihood = 0.0;
};

} // namespace llmopt
