#pragma once

#include "price_table.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llmopt {

class EventStore;
struct LlmEvent;

struct IngestCounters {
    uint64_t received = 0;
    uint64_t stored = 0;
    uint64_t duplicates = 0;
    uint64_t rejected = 0; // kept in the dead-letter table with the reason
    uint64_t unknownCost = 0; // stored, but no price is known for the model

    IngestCounters& operator+=(const IngestCounters& o);
};

// First stop of every event (DESIGN.md "Collector"): validates, prices,
// de-duplicates through the store and dead-letters what it cannot accept.
class Collector {
public:
    Collector(EventStore& store, PriceTable prices);

    // Stores `batch` in one transaction, with a dead letter for each invalid
    // event, and reorders it: the events stored for the first time come first
    // (in their order; `stored` in the result says how many), then duplicates
    // and rejected events — nothing is removed. Throws StoreError with nothing
    // written, so that the caller can offer the same batch again.
    IngestCounters ingest(std::vector<LlmEvent>& batch, std::string_view source,
                          int64_t nowUnixNano);
    // Input that could not even be decoded into an event.
    void reject(std::string_view source, std::string_view reason, std::string_view payload,
                int64_t nowUnixNano);

    // Why the event cannot be accepted, or nullopt when it is valid.
    static std::optional<std::string> validate(const LlmEvent& event);

    // Bounds beyond which a value is a broken instrumentation, not a call.
    static constexpr double kMaxLatencyMs = 7 * 24 * 3600e3;
    static constexpr int64_t kMaxTokens = 1'000'000'000'000;
    static constexpr double kMaxScore = 1e9;

    PriceTable& prices() { return m_prices; }
    const IngestCounters& totals() const { return m_totals; }

private:
    EventStore& m_store;
    PriceTable m_prices;
    IngestCounters m_totals;
    std::vector<char> m_isNew;
};

} // namespace llmopt
