#pragma once

#include "decision_engine.h"
#include "experiment_analyzer.h"
#include "parameter_tuner.h"
#include "threshold_rules.h"

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace llmopt {

struct Finding;
struct LlmEvent;
struct WindowResult;
class PriceTable;

// The decision engine's strategies wired once (DESIGN.md, DecisionEngine):
// experiments and parameter tuning read every stored call; the Pareto
// strategy and the threshold rules read closed windows and the findings
// concluded with them; propose() gathers what they recommend. What the engine
// thread and `analyze` run.
class DecisionPipeline {
public:
    struct Options {
        std::vector<ExperimentDefinition> experiments;
        DecisionEngine::Options strategies;
        std::vector<ThresholdRule> rules;
    };
    struct Proposals {
        std::vector<ExperimentResult> experiments;
        std::vector<DecisionEngine::ServiceView> pareto;
        // Threshold rules that fired since the last propose(): each firing is news.
        std::vector<Recommendation> firings;
        // What the strategies recommend now; the same proposal recurs until it changes.
        std::vector<Recommendation> recommendations;
    };

    explicit DecisionPipeline(Options options);

    void add(const LlmEvent& event);
    // Windows of `grouping` that closed, and the findings concluded with them.
    void addClosed(std::span<const WindowResult> windows, std::string_view grouping,
                   std::span<const Finding> findings);
    bool hasFirings() const { return !m_firings.empty(); }
    // `labels` name variant ids in the recommendations; `prices` cost tuned parameters.
    Proposals propose(int64_t nowUnixNano, const PriceTable& prices,
                      std::map<std::string, std::string> labels);

private:
    ExperimentAnalyzer m_experiments;
    DecisionEngine m_strategies;
    ThresholdRules m_rules;
    ParameterTuner m_tuner;
    std::vector<Recommendation> m_firings;
};

} // namespace llmopt
