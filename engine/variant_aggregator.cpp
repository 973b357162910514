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

void VariantAggregator::addEvaluation(size_t row, double score)
{
    m_rows.at(row).qualitySum += score;
    ++m_rows[row].qualityCount;
}

size_t VariantAggregator::add(const LlmEvent& e)
{
    const std::string variantId = e.variant.id();
    m_key.assign(e.service).append(1, '\x1f').append(variantId);
    auto it = m_index.find(m_key);
    if (it == m_index.end()) {
        it = m_index.emplace(m_key, m_rows.size()).first;
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
    const size_t index = it->second;
    VariantSummary& row = m_rows[index];
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
    return index;
}

} // namespace llmopt
