#pragma once

#include "actuator.h"
#include "analysis_pipeline.h"
#include "collector.h"
#include "decision_pipeline.h"
#include "decision_service.h"
#include "ingest_queue.h"
#include "model_timeline.h"
#include "parameter_tuner.h"
#include "policy_publisher.h"
#include "recent_calls.h"
#include "threshold_rules.h"
#include "variant_aggregator.h"

#include <deque>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace llmopt {

class AuditLog;
class EventStore;
class PolicyPublisher;
class PolicySink;

// Counters of one source as the engine saw them.
struct SourceCounters {
    IngestCounters ingest;
    uint64_t deadLettered = 0; // inputs the receiver could not decode
    uint64_t batches = 0;
    uint64_t evaluations = 0; // log-record evaluations stored
    uint64_t evaluationsMatched = 0; // … of which the call was recent enough to count live
};

// What the daemon's API and the GUI read: a copy made under a short lock
// after each committed round (and once a second while idle), never the live state.
struct EngineSnapshot {
    int64_t nowUnixNano = 0; // when it was made
    std::map<std::string, SourceCounters> sources;
    std::vector<VariantSummary> variants;
    // Per model, 10 s buckets, the last 15 minutes; of the viewed service only
    // when one is set (setViewedService), as are the KPIs.
    std::vector<TimelineSeries> timeline;
    LiveKpis kpis; // over the last minute
    std::vector<Finding> findings; // the newest last, at most kRecentFindings
    uint64_t findingsRaised
        = 0; // since the engine started: tells a reader whether `findings` changed
    uint64_t windowsClosed = 0;
    uint64_t lateEvents = 0; // too late for their window: stored, in no window
    uint64_t commits = 0;
    // Recomputed at most every kDecideEveryNanos (the rank tests cost milliseconds).
    std::vector<ExperimentResult> experiments;
    // The cost–performance view per service and the newest recommendations
    // (any status), recomputed with the experiments.
    std::vector<DecisionEngine::ServiceView> pareto;
    std::vector<Recommendation> recommendations;
    uint64_t decisionRound = 0; // tells a reader whether the three above changed
    // The actuator: active rollouts first, then the newest finished ones; the
    // newest policy and how each sink took it.
    std::vector<RolloutRecord> rollouts;
    uint64_t policyVersion = 0;
    uint64_t policyAcknowledged = 0; // by every sink
    std::vector<PolicySinkStatus> sinks;
    uint64_t rolloutRound = 0; // tells a reader whether the rollouts changed
    std::string lastError;
};

// The engine thread (DESIGN.md, Threads) of the daemon and of the GUI: takes
// batches from the ingest queue, stores each round through the collector in
// one transaction, updates the live aggregates, applies the retention period
// and publishes snapshots.
class EngineLoop {
public:
    static constexpr int64_t kTimelineBucketNanos = 10'000'000'000LL;
    static constexpr size_t kTimelineBuckets = 90;
    static constexpr int64_t kKpiSpanNanos = 60'000'000'000LL;
    static constexpr size_t kRecentFindings = 500;
    static constexpr int64_t kDecideEveryNanos = 5'000'000'000LL;
    static constexpr size_t kRecentRecommendations = 200;

    struct Options {
        AnalysisPipeline::Options analysis;
        std::vector<ExperimentDefinition> experiments;
        // Per-request routing, when configured: stored calls carrying a decision
        // id are its feedback, and its decision log is stored by this thread.
        DecisionService* decisions; // none when value-initialised ({})
        DecisionEngine::Options strategies;
        std::vector<ThresholdRule> rules;
        Actuator::Options actuator;
        // Where the actuator publishes its policies (besides the decision
        // service, which follows them when configured).
        std::vector<std::shared_ptr<PolicySink>> sinks;
    };

    EngineLoop(IngestQueue& queue, EventStore& store, PriceTable prices, Options options = {});
    ~EngineLoop();

    void start();
    // Drains the queue (after the producers stopped and it was closed), commits, joins.
    void stopAfterDrain();

    EngineSnapshot snapshot() const;
    // The service whose calls the snapshots' timeline and KPIs count ("" for
    // all): the GUI's service filter (any thread may call this).
    void setViewedService(std::string service);
    // Runs `change` on the engine thread before its next round (any thread may call this).
    void changePrices(std::function<void(PriceTable&)> change);
    // Carries out an operator's command on the engine thread, within a round
    // (any thread may call this; the result arrives within ~0.2 s).
    std::future<CommandResult> command(ActuatorCommand command);

private:
    void run();
    void process(std::vector<IngestBatch>& batches);
    void publish(int64_t now);
    // Stores the windows the round closed (`all`: every open window, at
    // shutdown) and the findings of the round.
    void concludeWindows(bool all = false);
    // Stores the decisions and feedback the decision service logged since the last call.
    void storeDecisions();
    // Recomputes experiments, the Pareto views and recommendations; stores new proposals.
    void decide(int64_t now);
    // Runs the queued commands and advances the rollouts.
    void actuate(int64_t now);

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
    ModelTimeline m_timeline{kTimelineBucketNanos, kTimelineBuckets};
    // One-minute windows per service and variant, and what the analyzers make of them.
    AnalysisPipeline m_analysis;
    DecisionService* m_decisions;
    // Experiments, Pareto, threshold rules and tuning over what this thread stores.
    DecisionPipeline m_strategies;
    // What each (strategy, service) last proposed: the same proposal is stored once.
    std::map<std::string, std::string> m_lastProposal;
    std::vector<DecisionEngine::ServiceView> m_pareto;
    std::vector<Recommendation> m_recommendations;
    uint64_t m_decisionRound = 0;
    std::vector<DecisionRecord> m_decisionLog; // reused
    std::vector<ExperimentResult> m_experimentResults;
    int64_t m_decidedAtUnixNano = 0;
    bool m_decisionsStale = false; // calls stored or rules fired since decide()
    std::vector<Finding> m_newFindings;
    std::deque<Finding> m_findings;
    uint64_t m_windowsClosed = 0;
    uint64_t m_findingsRaised = 0;
    int64_t m_lastRetentionUnixNano = 0;
    int64_t m_lastPublishedUnixNano = 0;
    // The audit log's own connection to the database (none for ":memory:"),
    // the thread that talks to the sinks, and the actuator.
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<PolicyPublisher> m_publisher;
    std::unique_ptr<Actuator> m_actuator;
    uint64_t m_rolloutRound = 0;
    std::mutex m_commandMutex;
    std::vector<std::pair<ActuatorCommand, std::promise<CommandResult>>> m_commands;
    std::mutex m_priceMutex;
    std::vector<std::function<void(PriceTable&)>> m_priceChanges;
    std::map<std::string, SourceCounters> m_sources;
    uint64_t m_commits = 0;
    std::thread m_thread;

    mutable std::mutex m_snapshotMutex;
    EngineSnapshot m_snapshot;
    std::string m_viewedService; // under m_snapshotMutex
};

} // namespace llmopt
