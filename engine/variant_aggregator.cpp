#include "variant_aggregator.h"

#include "llm_event.h"

namespace llmopt {

std::optional<double> VariantSummary::meanQuality() const
{
    if (qualityCount == 0)
        return std::nullopt;
    return qualitySum / double(qualityCount);
}

std::optional<double> VariantSummary::costPerRequest() const
{
    const uint64_t priced = requests - costUnknown;
    if (priced == 0)
        return std::nullopt;
    return costUsd / double(priced);
}

bool VariantAggregator::addEvaluation(const std::string& service, const std::string& variantId,
                                      double score)
{
    const auto it = m_index.find(service + '\x1f' + variantId);
    if (it == m_index.end())
        return false;
    m_rows[it->second].qualitySum += score;
    ++m_rows[it->second].qualityCount;
    return true;
}

void VariantAggregator::add(const LlmEvent& e)
{
    const std::string variantId = e.variant.id();
    std::string key = e.service;
    key += '\x1f';
    key += variantId;
    auto [it, isNew] = m_index.try_emplace(std::move(key), m_rows.size());
    if (isNew) {
        VariantSummary row;
        row.service = e.service;
        row.variantId = variantId;
        row.variantName = e.variantName;
        row.variantLabel = e.variant.label();
        row.model = e.variant.model;
        row.provider = e.provider;
        row.firstUnixNano = e.timeUnixNano;
        row.lastUnixNano = e.timeUnixNano;
        m_rows.push_back(std::move(row));
    }
    VariantSummary& row = m_rows[it->second];
    ++row.requests;
    row.errors += e.isError() ? 1 : 0;
    row.inputTokens += std::max<int64_t>(0, e.inputTokens);
    row.outputTokens += std::max<int64_t>(0, e.outputTokens);
    row.cacheReadTokens += e.cacheReadTokens;
    if (e.costUsd)
        row.costUsd += *e.costUsd;
    else
        ++row.costUnknown;
    if (auto q = e.quality()) {
        row.qualitySum += *q;
        ++row.qualityCount;
    }
    if (e.userFeedback)
        ++(*e.userFeedback ? row.feedbackUp : row.feedbackDown);
    row.firstUnixNano = std::min(row.firstUnixNano, e.timeUnixNano);
    row.lastUnixNano = std::max(row.lastUnixNano, e.timeUnixNano);
    if (!e.isError()) {
        row.latencyMs.add(e.latencyMs);
        if (e.ttftMs)
            row.ttftMs.add(*e.ttftMs);
    }
}

} // namespace llmopt
