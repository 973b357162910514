#pragma once

#include <optional>

namespace llmopt {

struct LlmEvent;

// The operator's exchange rate between quality, money and time, which turns
// one call into the single number a bandit maximises:
//     reward = quality − λ·cost − μ·latency.
// λ is in quality units per US dollar, μ in quality units per second.
// (ThompsonSampling's Beta–Bernoulli model needs rewards in [0, 1]; with a
// cost or latency penalty, use its Gaussian model or a linear bandit.)
struct RewardWeights {
    double perUsd = 0.0; // λ
    double perSecond = 0.0; // μ

    double reward(double quality, double costUsd, double latencyMs) const
    {
        return quality - perUsd * costUsd - perSecond * latencyMs / 1000.0;
    }
    // For an observed call: its mean evaluation score, its cost (priced, or
    // as the source reported it) and its latency. Empty when the call has no
    // quality score, or its cost is unknown and λ is not 0 — a bandit should
    // skip the call rather than learn from a made-up number.
    std::optional<double> reward(const LlmEvent& event) const;
};

} // namespace llmopt
