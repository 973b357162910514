#include "decision_pipeline.h"

#include "finding.h"
#include "stream_processor.h"

namespace llmopt {

DecisionPipeline::DecisionPipeline(Options options)
    : m_experiments({std::move(options.experiments)})
    , m_strategies(std::move(options.strategies))
    , m_rules(std::move(options.rules))
{
}

void DecisionPipeline::add(const LlmEvent& event)
{
    m_experiments.add(event);
    m_tuner.observe(event);
}

void DecisionPipeline::addClosed(std::span<const WindowResult> windows, std::string_view grouping,
                                 std::span<const Finding> findings)
{
    for (const WindowResult& w : windows) {
        m_strategies.add(w);
        for (Recommendation& r : m_rules.add(w, grouping))
            m_firings.push_back(std::move(r));
    }
    for (const Finding& f : findings)
        for (Recommendation& r : m_rules.add(f))
            m_firings.push_back(std::move(r));
}

DecisionPipeline::Proposals DecisionPipeline::propose(int64_t now, const PriceTable& prices,
                                                      std::map<std::string, std::string> labels)
{
    Proposals p;
    p.experiments = m_experiments.results();
    m_strategies.setLabels(std::move(labels));
    p.pareto = m_strategies.services();
    p.firings = std::move(m_firings);
    m_firings.clear();
    p.recommendations = m_strategies.recommendations(p.experiments, now);
    for (Recommendation& r : m_tuner.recommend(&prices))
        p.recommendations.push_back(std::move(r));
    return p;
}

} // namespace llmopt
