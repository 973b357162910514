#pragma once

#include "event_store.h"
#include "llm_event.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace llmopt {

// What a receiver or consumer hands to the engine: decoded events, the input
// it could not decode, and what to do once they are durably stored.
struct IngestBatch {
    std::string source; // "otlp-http", "kafka", …
    std::vector<LlmEvent> events;
    std::vector<DeadLetter> deadLetters;
    std::vector<EvaluationRecord> evaluations;
    // Called on the engine thread after the batch is committed (Kafka stores its offsets here).
    std::function<void()> onStored;
};

// Bounded hand-over from receiver threads to the engine thread. Bounded by
// events, not batches: when full, producers are told so and push back on
// their clients (HTTP 503 + Retry-After, Kafka pause) — nothing is dropped.
class IngestQueue {
public:
    explicit IngestQueue(size_t capacityEvents);

    // False when the batch does not fit; the caller keeps it and pushes back.
    // A batch larger than the whole capacity is accepted into an empty queue.
    bool tryPush(IngestBatch&& batch);
    // Moves up to `maxEvents` worth of queued batches into `out` (at least one
    // batch if any arrives within `wait`). Returns false once closed and empty.
    bool popSome(std::vector<IngestBatch>& out, size_t maxEvents, std::chrono::milliseconds wait);
    // No more pushes; popSome drains what is left, then returns false.
    void close();

    bool closed() const;
    size_t depthEvents() const;
    size_t capacityEvents() const { return m_capacity; }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<IngestBatch> m_batches;
    size_t m_events = 0;
    size_t m_capacity;
    bool m_closed = false;
};

} // namespace llmopt
