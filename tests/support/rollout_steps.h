#pragma once

#include "rollout.h"

#include <cstdint>
#include <optional>

// Driving a Rollout by hand in tests: what the actuator would observe at
// `second` after `samples` canary calls, and the standard plan judged every
// 200 canary calls.
namespace rollout_steps {

constexpr int64_t kSecond = 1'000'000'000LL;
using Verdict = llmopt::CanaryJudge::Verdict;

inline llmopt::RolloutObservation seen(int64_t second, uint64_t samples,
                                       std::optional<Verdict> analysis = {})
{
    llmopt::RolloutObservation o;
    o.nowUnixNano = second * kSecond;
    o.canarySamples = samples;
    o.canaryErrorRate = 0.01;
    o.analysis = analysis;
    return o;
}

inline llmopt::RolloutPlan standardPlan()
{
    llmopt::RolloutPlan p = llmopt::RolloutPlan::standard();
    p.minSamplesPerAnalysis = 200;
    return p;
}

} // namespace rollout_steps
