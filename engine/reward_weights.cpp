#include "reward_weights.h"

#include "llm_event.h"

namespace llmopt {

std::optional<double> RewardWeights::reward(const LlmEvent& event) const
{
    const std::optional<double> quality = event.quality();
    const std::optional<double> cost = event.costUsd ? event.costUsd : event.reportedCostUsd;
    if (!quality || (!cost && perUsd != 0.0))
        return std::nullopt;
    return reward(*quality, cost.value_or(0.0), event.latencyMs);
}

} // namespace llmopt
