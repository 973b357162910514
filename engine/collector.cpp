#include "collector.h"

#include "event_json.h"
#include "event_store.h"
#include "llm_event.h"

#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>

namespace llmopt {

IngestCounters& IngestCounters::operator+=(const IngestCounters& o)
{
    received += o.received;
    stored += o.stored;
    duplicates += o.duplicates;
    rejected += o.rejected;
    unknownCost += o.unknownCost;
    return *this;
}

Collector::Collector(EventStore& store, PriceTable prices)
    : m_store(store)
    , m_prices(std::move(prices))
{
}

std::optional<std::string> Collector::validate(const LlmEvent& e)
{
    if (e.timeUnixNano <= 0)
        return "the start time is missing";
    if (e.service.empty())
        return "the service name is missing (resource attribute service.name)";
    if (e.variant.model.empty())
        return "the model is missing (gen_ai.request.model)";
    if (!std::isfinite(e.latencyMs) || e.latencyMs < 0)
        return "the duration is negative or missing (end time before start time?)";
    if (e.ttftMs && (!std::isfinite(*e.ttftMs) || *e.ttftMs < 0))
        return "the time to first token is negative";
    if (e.latencyMs > kMaxLatencyMs || (e.ttftMs && *e.ttftMs > kMaxLatencyMs))
        return "the duration is longer than a week";
    if (e.inputTokens < -1 || e.outputTokens < -1 || e.cacheReadTokens < 0
        || e.cacheWriteTokens < 0)
        return "a token count is negative";
    for (int64_t n : {e.inputTokens, e.outputTokens, e.cacheReadTokens, e.cacheWriteTokens})
        if (n > kMaxTokens)
            return "a token count is above " + std::to_string(kMaxTokens);
    if (e.inputTokens >= 0 && e.cacheReadTokens + e.cacheWriteTokens > e.inputTokens)
        return "cache-read plus cache-write tokens exceed the input tokens (input tokens include "
               "them)";
    for (const Evaluation& ev : e.evaluations)
        if (!std::isfinite(ev.score) || std::abs(ev.score) > kMaxScore)
            return "evaluation \"" + ev.name + "\" has no usable score (a finite number is needed)";
    return std::nullopt;
}

IngestCounters Collector::ingest(std::vector<LlmEvent>& batch, std::string_view source, int64_t now)
{
    IngestCounters c;
    c.received = batch.size();
    EventStore::Transaction transaction(m_store);
    // Valid events move to the front, rejected ones to the back (moves happen
    // only when something is rejected).
    std::vector<LlmEvent> rejected;
    size_t kept = 0;
    for (size_t i = 0; i < batch.size(); ++i) {
        LlmEvent& e = batch[i];
        if (auto reason = validate(e)) {
            m_store.addDeadLetter(
                {now, std::string(source), *reason,
                 toFlatJson(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
            rejected.push_back(std::move(e));
            continue;
        }
        e.costUsd = m_prices.cost(e);
        if (!e.costUsd)
            e.costUsd = e.reportedCostUsd;
        if (i != kept)
            batch[kept] = std::move(e);
        ++kept;
    }
    c.rejected = rejected.size();
    if (!rejected.empty()) {
        batch.resize(kept);
        std::move(rejected.begin(), rejected.end(), std::back_inserter(batch));
    }
    c.stored = m_store.insert(std::span(batch.data(), kept), &m_isNew);
    transaction.commit();

    // The new events to the front, in their order; duplicates behind them.
    c.duplicates = kept - c.stored;
    for (size_t i = 0, front = 0; i < kept; ++i) {
        if (!m_isNew[i])
            continue;
        if (i != front)
            std::swap(batch[front], batch[i]);
        c.unknownCost += batch[front].costUsd ? 0 : 1;
        ++front;
    }
    m_totals += c;
    return c;
}

void Collector::reject(std::string_view source, std::string_view reason, std::string_view payload,
                       int64_t now)
{
    m_store.addDeadLetter({now, std::string(source), std::string(reason), std::string(payload)});
    ++m_totals.received;
    ++m_totals.rejected;
}

} // namespace llmopt
