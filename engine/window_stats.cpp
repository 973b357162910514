#include "window_stats.h"

#include "llm_event.h"

#include <algorithm>

namespace llmopt {

void CategoryCounts::add(std::string_view value, uint64_t n)
{
    m_total += n;
    for (auto& [name, count] : m_counts)
        if (name == value) {
            count += n;
            return;
        }
    m_counts.emplace_back(value, n);
}

void CategoryCounts::merge(const CategoryCounts& other)
{
    for (const auto& [name, count] : other.m_counts)
        add(name, count);
}

uint64_t CategoryCounts::count(std::string_view value) const
{
    for (const auto& [name, count] : m_counts)
        if (name == value)
            return count;
    return 0;
}

void WindowStats::add(const LlmEvent& e)
{
    if (requests == 0 || e.timeUnixNano < firstEventUnixNano)
        firstEventUnixNano = e.timeUnixNano;
    lastEventUnixNano = std::max(lastEventUnixNano, e.timeUnixNano);
    ++requests;
    if (e.isError()) {
        ++errors;
        errorTypes.add(e.errorType);
    } else {
        latencyMs.add(e.latencyMs);
        latencySketch.add(e.latencyMs);
        if (e.ttftMs) {
            ttftMs.add(*e.ttftMs);
            ttftSketch.add(*e.ttftMs);
        }
    }
    if (e.inputTokens >= 0) {
        inputTokens.add(double(e.inputTokens));
        inputTokenSketch.add(double(e.inputTokens));
    }
    if (e.outputTokens >= 0) {
        outputTokens.add(double(e.outputTokens));
        outputTokenSketch.add(double(e.outputTokens));
    }
    if (e.costUsd)
        costUsd.add(*e.costUsd);
    else
        ++costUnknown;
    if (auto q = e.quality()) {
        quality.add(*q);
        qualityGood += *q >= kGoodScore ? 1 : 0;
    }
    taskTypes.add(e.taskType);
    if (!e.finishReason.empty())
        finishReasons.add(e.finishReason);
}

void WindowStats::merge(const WindowStats& o)
{
    if (o.requests == 0)
        return;
    firstEventUnixNano
        = requests ? std::min(firstEventUnixNano, o.firstEventUnixNano) : o.firstEventUnixNano;
    lastEventUnixNano = std::max(lastEventUnixNano, o.lastEventUnixNano);
    requests += o.requests;
    errors += o.errors;
    costUnknown += o.costUnknown;
    latencyMs.merge(o.latencyMs);
    ttftMs.merge(o.ttftMs);
    inputTokens.merge(o.inputTokens);
    outputTokens.merge(o.outputTokens);
    costUsd.merge(o.costUsd);
    quality.merge(o.quality);
    qualityGood += o.qualityGood;
    latencySketch.merge(o.latencySketch);
    ttftSketch.merge(o.ttftSketch);
    inputTokenSketch.merge(o.inputTokenSketch);
    outputTokenSketch.merge(o.outputTokenSketch);
    taskTypes.merge(o.taskTypes);
    finishReasons.merge(o.finishReasons);
    errorTypes.merge(o.errorTypes);
}

} // namespace llmopt
