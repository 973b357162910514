#pragma once

#include "collector.h"
#include "ingest_queue.h"
#include "recent_calls.h"
#include "variant_aggregator.h"

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace llmopt {

class EventStore;

// Counters of one source as the engine saw them.
struct SourceCounters {
    IngestCounters ingest;
    uint64_t deadLettered = 0; // inputs the receiver could not decode
    uint64_t batches = 0;
    uint64_t evaluations = 0; // log-record evaluations stored
    uint64_t evaluationsMatched = 0; // … of which the call was recent enough to count live
};

// What the daemon's API and the GUI read: a copy made under a short lock
// after each committed batch, never the live state.
struct EngineSnapshot {
    std::map<std::string, SourceCounters> sources;
    std::vector<VariantSummary> variants;
    uint64_t commits = 0;
    std::string lastError;
};

// The engine thread of the headless daemon (DESIGN.md, Threads): takes
// batches from the ingest queue, stores each through the collector (one
// transaction per batch), updates the aggregates and publishes a snapshot per round.
class EngineLoop {
public:
    EngineLoop(IngestQueue& queue, EventStore& store, PriceTable prices);
    ~EngineLoop();

    void start();
    // Drains the queue (after the producers stopped and it was closed), commits, joins.
    void stopAfterDrain();

    EngineSnapshot snapshot() const;

private:
    void run();
    void process(std::vector<IngestBatch>& batches);

    // The aggregate row of recent calls, so that evaluations arriving later
    // (log records) count in the live aggregates.
    RecentCalls m_recent{200000};
    // Batches the store refused, retried before newer ones (at most this many
    // times once the queue is closed for shutdown).
    std::vector<IngestBatch> m_retry;
    static constexpr int kRetriesAfterClose = 5;

    IngestQueue& m_queue;
    EventStore& m_store;
    Collector m_collector;
    VariantAggregator m_variants;
    std::map<std::string, SourceCounters> m_sources;
    uint64_t m_commits = 0;
    std::thread m_thread;

    mutable std::mutex m_snapshotMutex;
    EngineSnapshot m_snapshot;
};

} // namespace llmopt
