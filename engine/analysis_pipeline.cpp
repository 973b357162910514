#include "analysis_pipeline.h"

#include "llm_event.h"

namespace llmopt {

namespace {

void append(std::vector<Finding>&& findings, std::vector<Finding>& out)
{
    for (Finding& f : findings)
        out.push_back(std::move(f));
}

} // namespace

AnalysisPipeline::AnalysisPipeline()
    : AnalysisPipeline(Options{})
{
}

AnalysisPipeline::AnalysisPipeline(Options options)
    : m_windows(options.windows, options.grouping)
    , m_groupingName(llmopt::groupingName(options.grouping))
    , m_performance(m_groupingName, options.performance)
    , m_cost(m_groupingName, std::move(options.cost))
    , m_quality(m_groupingName, options.quality)
    , m_drift(m_groupingName, options.drift)
    , m_anomalies(m_groupingName, options.anomaly)
{
}

void AnalysisPipeline::add(const LlmEvent& e, std::vector<Finding>& out)
{
    m_windows.add(e);
    if (const auto quality = e.quality(); quality && groupingKey(m_windows.grouping(), e, m_key))
        append(m_drift.observeQuality(m_key, *quality, e.timeUnixNano), out);
}

std::vector<WindowResult> AnalysisPipeline::analyse(std::vector<WindowResult> closed,
                                                    std::vector<Finding>& out)
{
    for (const WindowResult& w : closed) {
        append(m_performance.add(w), out);
        append(m_cost.add(w), out);
        append(m_quality.add(w), out);
        append(m_drift.add(w), out);
        append(m_anomalies.add(w), out);
    }
    return closed;
}

std::vector<WindowResult> AnalysisPipeline::takeClosed(std::vector<Finding>& out)
{
    return analyse(m_windows.takeClosed(), out);
}

std::vector<WindowResult> AnalysisPipeline::flush(std::vector<Finding>& out)
{
    return analyse(m_windows.flush(), out);
}

} // namespace llmopt
