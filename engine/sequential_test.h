#pragma once

#include "hypothesis_tests.h"

#include <cstdint>

namespace llmopt {

// Always-valid inference on the difference of two arms' means (θ = μB − μA),
// for operators who look at an experiment every minute: the mixture
// sequential probability ratio test of Johari, Pekelis & Walsh ("Always Valid
// Inference", Operations Research 2022). With the estimate θ̂ and its variance
// V = σA²/nA + σB²/nB (a proportion is a mean of 0/1 values), the likelihood
// ratio of a normal mixture θ ~ N(θ₀, τ²) against θ = θ₀ is
//     Λ = √(V / (V + τ²)) · exp(τ² (θ̂ − θ₀)² / (2 V (V + τ²))),
// and p = min over all looks of min(1, 1/Λ) stays valid however often and
// whenever one looks: under the null it falls below α with probability ≤ α.
// The confidence sequence — the θ₀ not rejected — is θ̂ ± the half-width
//     √(V (V + τ²) / τ² · (2 ln(1/α) + ln((V + τ²) / V))),
// intersected over the looks. τ (in the metric's unit) tunes where the test
// is most powerful: the effect size one hopes to detect is a good choice.
class SequentialTest {
public:
    SequentialTest(double alpha, double tau);

    // One look at the data so far. Looks with V ≤ 0 (too few values) are ignored.
    void look(double difference, double variance);

    double pValue() const { return m_pValue; }
    Interval interval() const { return m_interval; } // (−∞, ∞) before the first look
    bool rejected() const { return m_pValue <= m_alpha; }
    uint64_t looks() const { return m_looks; }
    double alpha() const { return m_alpha; }
    double tau() const { return m_tau; }

    static double likelihoodRatio(double difference, double variance, double tau);
    static double halfWidth(double variance, double tau, double alpha);

private:
    double m_alpha;
    double m_tau;
    double m_pValue = 1.0;
    Interval m_interval;
    uint64_t m_looks = 0;
};

} // namespace llmopt
