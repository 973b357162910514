#pragma once

#include "simulator.h"

#include <vector>

// Demo workload events for tests and benchmarks: the first `seconds` of the
// demo simulator from 2026-01-01T00:00:00Z, or (atLeast) the first `count`.
namespace simulated {

constexpr int64_t kStartUnixNano = 1'767'225'600'000'000'000LL;

inline std::vector<llmopt::LlmEvent> events(double seconds, uint64_t seed, double rateScale = 1.0)
{
    auto config = llmopt::SimulatorConfig::demo(seed, kStartUnixNano);
    config.rateScale = rateScale;
    llmopt::Simulator sim(config);
    std::vector<llmopt::LlmEvent> out;
    sim.generateUntil(kStartUnixNano + static_cast<int64_t>(seconds * 1e9), out);
    return out;
}

inline std::vector<llmopt::LlmEvent> atLeast(size_t count, uint64_t seed, double rateScale = 50.0)
{
    auto config = llmopt::SimulatorConfig::demo(seed, kStartUnixNano);
    config.rateScale = rateScale;
    llmopt::Simulator sim(config);
    std::vector<llmopt::LlmEvent> out;
    for (int64_t t = kStartUnixNano; out.size() < count;) {
        t += 60'000'000'000LL;
        sim.generateUntil(t, out);
    }
    out.resize(count);
    return out;
}

} // namespace simulated
