#include "engine_loop.h"

#include "audit_log.h"
#include "event_store.h"
#include "ingest_queue.h"
#include "policy_sink.h"

#include <chrono>
#include <iterator>
#include <thread>

namespace llmopt {

namespace {

constexpr size_t kEventsPerRound
    = 20000; // events taken from the queue before a snapshot is published
constexpr int64_t kSecond = 1'000'000'000LL;

int64_t nowUnixNano()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

EngineLoop::EngineLoop(IngestQueue& queue, EventStore& store, PriceTable prices, Options options)
    : m_queue(queue)
    , m_store(store)
    , m_collector(store, std::move(prices))
    , m_analysis(std::move(options.analysis))
    , m_decisions(options.decisions)
    , m_strategies(
          {std::move(options.experiments), std::move(options.strategies), std::move(options.rules)})
{
    if (m_decisions) // the sidecar path: POST /api/v1/decide follows the published policy
        options.sinks.emplace_back(std::shared_ptr<PolicySink>(), m_decisions);
    if (store.path() != ":memory:" && !store.path().empty())
        m_audit = std::make_unique<AuditLog>(store.path());
    m_publisher = std::make_unique<PolicyPublisher>(std::move(options.sinks));
    m_actuator = std::make_unique<Actuator>(store, m_audit.get(), *m_publisher,
                                            std::move(options.actuator), nowUnixNano());
}

std::future<CommandResult> EngineLoop::command(ActuatorCommand command)
{
    std::promise<CommandResult> promise;
    std::future<CommandResult> result = promise.get_future();
    std::lock_guard lock(m_commandMutex);
    m_commands.emplace_back(std::move(command), std::move(promise));
    return result;
}

void EngineLoop::actuate(int64_t now)
{
    std::vector<std::pair<ActuatorCommand, std::promise<CommandResult>>> commands;
    {
        std::lock_guard lock(m_commandMutex);
        commands.swap(m_commands);
    }
    for (auto& [command, promise] : commands) {
        CommandResult result;
        try {
            result = m_actuator->execute(command, now);
        } catch (const std::exception& e) {
            result = {500, std::string("the command failed: ") + e.what(), 0, 0};
        }
        promise.set_value(std::move(result));
    }
    try {
        m_actuator->tick(now);
    } catch (const std::exception& e) { // reported; the round's events are processed all the same
        std::lock_guard lock(m_snapshotMutex);
        m_snapshot.lastError = std::string("actuator: ") + e.what();
    }
    if (!m_actuator->storeError().empty()) {
        std::lock_guard lock(m_snapshotMutex);
        m_snapshot.lastError = "actuator: " + m_actuator->storeError();
    }
}

void EngineLoop::storeDecisions()
{
    if (!m_decisions)
        return;
    m_decisions->takeLog(m_decisionLog);
    try {
        m_store.addDecisions(m_decisionLog);
    } catch (const StoreError& e) { // the routers have learnt from them; only the log is lost
        std::lock_guard lock(m_snapshotMutex);
        m_snapshot.lastError = e.what();
    }
}

void EngineLoop::decide(int64_t now)
{
    ++m_decisionRound;
    m_decidedAtUnixNano = now;
    m_decisionsStale = false;
    std::map<std::string, std::string> labels;
    for (const VariantSummary& v : m_variants.rows())
        if (!v.variantName.empty())
            labels.emplace(v.variantId, v.variantName);
    DecisionPipeline::Proposals p = m_strategies.propose(now, m_collector.prices(), labels);
    m_experimentResults = std::move(p.experiments);
    m_pareto = std::move(p.pareto);
    try {
        for (const Recommendation& r : p.firings) // each firing is news: stored as it is
            m_store.addRecommendation(r);
        for (const Recommendation& r : p.recommendations) {
            std::string& last = m_lastProposal[r.strategy + '\x1f' + r.service + '\x1f' + r.topic];
            const std::string proposal = r.fromVariant + '\x1f' + r.toVariant + '\x1f' + r.action;
            if (last == proposal)
                continue; // proposed already; an operator may have answered it
            m_store.addRecommendation(r);
            last = proposal;
        }
        m_recommendations = m_store.recommendations(kRecentRecommendations);
    } catch (const StoreError& e) {
        std::lock_guard lock(m_snapshotMutex);
        m_snapshot.lastError = e.what();
    }
}

void EngineLoop::concludeWindows(bool all)
{
    const std::vector<WindowResult> closed
        = all ? m_analysis.flush(m_newFindings) : m_analysis.takeClosed(m_newFindings);
    m_strategies.addClosed(closed, m_analysis.groupingName(), m_newFindings);
    if (m_strategies.hasFirings())
        m_decisionsStale = true; // decide() soon stores them
    m_windowsClosed += closed.size();
    try {
        m_store.addWindows(m_analysis.groupingName(), closed);
        m_store.addFindings(m_newFindings);
    } catch (const StoreError& e) { // derived data: the events themselves are stored
        std::lock_guard lock(m_snapshotMutex);
        m_snapshot.lastError = e.what();
    }
    m_findingsRaised += m_newFindings.size();
    for (Finding& f : m_newFindings) {
        m_findings.push_back(std::move(f));
        if (m_findings.size() > kRecentFindings)
            m_findings.pop_front();
    }
    m_newFindings.clear();
}

EngineLoop::~EngineLoop()
{
    if (m_thread.joinable()) {
        m_queue.close();
        m_thread.join();
    }
}

void EngineLoop::start()
{
    m_thread = std::thread([this] { run(); });
}

void EngineLoop::stopAfterDrain()
{
    m_queue.close();
    if (m_thread.joinable())
        m_thread.join();
}

void EngineLoop::setViewedService(std::string service)
{
    std::lock_guard lock(m_snapshotMutex);
    m_viewedService = std::move(service);
}

EngineSnapshot EngineLoop::snapshot() const
{
    std::lock_guard lock(m_snapshotMutex);
    return m_snapshot;
}

void EngineLoop::changePrices(std::function<void(PriceTable&)> change)
{
    std::lock_guard lock(m_priceMutex);
    m_priceChanges.push_back(std::move(change));
}

void EngineLoop::run()
{
    std::vector<IngestBatch> batches;
    int failedRounds = 0;
    for (;;) {
        try {
            batches.clear();
            if (!m_retry.empty()) {
                // The store refused the last round (locked, disk full): try the same
                // batches again, in order, before anything newer.
                // Shutting down: unacknowledged Kafka records are read again after a restart.
                if (m_queue.closed() && failedRounds >= kRetriesAfterClose)
                    break;
                std::this_thread::sleep_for(std::chrono::milliseconds(500));
                batches = std::move(m_retry);
                m_retry.clear();
            } else if (!m_queue.popSome(batches, kEventsPerRound, std::chrono::milliseconds(200))) {
                break;
            }
            {
                std::lock_guard lock(m_priceMutex);
                for (auto& change : m_priceChanges)
                    change(m_collector.prices());
                m_priceChanges.clear();
            }
            const int64_t now = nowUnixNano();
            if (now - m_lastRetentionUnixNano > 60 * kSecond) {
                m_lastRetentionUnixNano = now;
                try {
                    m_store.applyRetention(now);
                } catch (const StoreError& e) {
                    std::lock_guard lock(m_snapshotMutex);
                    m_snapshot.lastError = e.what();
                }
            }
            actuate(now);
            if (batches.empty()) {
                storeDecisions();
                if (now - m_lastPublishedUnixNano >= kSecond
                    || m_actuator->changedSince(m_rolloutRound))
                    publish(now); // rates over the last minute go down while nothing arrives
                continue;
            }
            process(batches);
            failedRounds = m_retry.empty() ? 0 : failedRounds + 1;
        } catch (const std::exception& e) {
            // A bug or an input no check foresaw must not end the engine thread:
            // the round's events are stored; what failed is reported.
            std::lock_guard lock(m_snapshotMutex);
            m_snapshot.lastError = std::string("engine: ") + e.what();
        }
    }
    // The input ends here: the open windows are what the history has of the last minutes.
    concludeWindows(true);
    actuate(nowUnixNano()); // commands still queued get their answer
    storeDecisions();
    publish(nowUnixNano());
}

void EngineLoop::process(std::vector<IngestBatch>& batches)
{
    const int64_t now = nowUnixNano();
    std::vector<size_t> stored; // per batch of the group: its first `stored` events are new
    // One transaction per source and round: requests of a few hundred spans
    // are merged so that commits stay few (docs/benchmarks.md).
    for (size_t first = 0; first < batches.size();) {
        const std::string source = batches[first].source;
        size_t end = first;
        while (end < batches.size() && batches[end].source == source)
            ++end;
        SourceCounters counted;
        stored.clear();
        try {
            EventStore::Transaction transaction(m_store);
            for (size_t b = first; b < end; ++b) {
                IngestBatch& batch = batches[b];
                ++counted.batches;
                m_store.addEvaluations(batch.evaluations);
                counted.evaluations += batch.evaluations.size();
                for (const DeadLetter& letter : batch.deadLetters)
                    m_collector.reject(letter.source, letter.reason, letter.payload, now);
                counted.deadLettered += batch.deadLetters.size();
                const IngestCounters c = m_collector.ingest(batch.events, source, now);
                stored.push_back(c.stored);
                counted.ingest += c;
            }
            transaction.commit();
        } catch (const StoreError& e) {
            // Nothing of this group was written or acknowledged; it and
            // everything after it are retried in order (the collector keeps
            // every event), so no later Kafka offset skips over it.
            std::lock_guard lock(m_snapshotMutex);
            m_snapshot.lastError = e.what();
            std::move(batches.begin() + static_cast<long>(first), batches.end(),
                      std::back_inserter(m_retry));
            return;
        }
        for (size_t b = first; b < end; ++b) {
            const std::vector<LlmEvent>& events = batches[b].events;
            for (size_t i = 0; i < stored[b - first]; ++i) {
                m_recent.remember(events[i].traceId, events[i].spanId,
                                  static_cast<uint32_t>(m_variants.add(events[i])));
                m_timeline.add(events[i]);
            }
            for (size_t i = 0; i < stored[b - first]; ++i) {
                m_analysis.add(events[i], m_newFindings);
                m_strategies.add(events[i]);
                m_actuator->add(events[i]);
                if (m_decisions)
                    m_decisions->feedback(events[i]);
            }
            m_decisionsStale = m_decisionsStale || stored[b - first] > 0;
        }
        for (size_t b = first; b < end; ++b)
            for (const EvaluationRecord& r : batches[b].evaluations) {
                const auto row = m_recent.find(r.traceId, r.spanId);
                if (!row)
                    continue;
                m_variants.addEvaluation(*row, r.evaluation.score);
                ++counted.evaluationsMatched;
            }
        SourceCounters& counters = m_sources[source];
        counters.ingest += counted.ingest;
        counters.batches += counted.batches;
        counters.evaluations += counted.evaluations;
        counters.evaluationsMatched += counted.evaluationsMatched;
        counters.deadLettered += counted.deadLettered;
        for (; first < end; ++first)
            if (batches[first].onStored)
                batches[first].onStored();
    }
    ++m_commits;
    concludeWindows();
    storeDecisions();
    publish(now);
}

void EngineLoop::publish(int64_t now)
{
    // Built outside the lock, so that readers wait only for the swap.
    EngineSnapshot s;
    s.nowUnixNano = now;
    s.sources = m_sources;
    s.variants = m_variants.rows();
    std::string service;
    {
        std::lock_guard lock(m_snapshotMutex);
        service = m_viewedService;
    }
    s.timeline = m_timeline.series(service);
    s.kpis = m_timeline.kpis(now, kKpiSpanNanos, service);
    s.findings.assign(m_findings.begin(), m_findings.end());
    s.findingsRaised = m_findingsRaised;
    s.windowsClosed = m_windowsClosed;
    s.lateEvents = m_analysis.windows().lateEvents();
    s.commits = m_commits;
    if (m_decisionsStale && now - m_decidedAtUnixNano >= kDecideEveryNanos)
        decide(now);
    s.experiments = m_experimentResults;
    s.pareto = m_pareto;
    s.recommendations = m_recommendations;
    s.decisionRound = m_decisionRound;
    if (m_actuator->changedSince(m_rolloutRound) || m_snapshot.rolloutRound == 0) {
        m_rolloutRound = m_actuator->round();
        s.rollouts = m_actuator->rollouts();
    } else {
        std::lock_guard lock(m_snapshotMutex);
        s.rollouts = m_snapshot.rollouts;
    }
    s.rolloutRound = m_rolloutRound + 1; // 0 means "never published"
    const PolicyPublisher::Status policy = m_publisher->status();
    s.policyVersion = policy.latestVersion;
    s.policyAcknowledged = policy.acknowledgedVersion;
    s.sinks = policy.sinks;
    m_lastPublishedUnixNano = now;
    std::lock_guard lock(m_snapshotMutex);
    if (m_retry.empty())
        m_snapshot.lastError.clear();
    s.lastError = std::move(m_snapshot.lastError);
    m_snapshot = std::move(s);
}

} // namespace llmopt
