#pragma once

#include "recommendation.h"

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace llmopt {

struct DecisionRecord;
struct EvaluationRecord;
struct Finding;
struct PolicyDocument;
struct RolloutRecord;
struct LlmEvent;
struct TimelineSeries;
struct WindowResult;
struct Variant;
namespace offline {
struct ExperimentDefinition;
struct ExperimentDefinitionRecord;
} // namespace offline

// The store could not be opened or written; the message says why and what to do.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct DeadLetter {
    int64_t receivedUnixNano = 0;
    std::string source; // "otlp-json", "flat-jsonl", "collector", …
    std::string reason; // what was wrong, for the operator
    std::string payload; // the input as received, so nothing is lost
};

// Spend, calls and tokens of one service and model in one time bucket (the
// Costs screen); calls without a price count in `costUnknown`, not in `costUsd`.
struct CostCell {
    int64_t bucketStartUnixNano = 0;
    std::string service;
    std::string model;
    uint64_t requests = 0;
    double costUsd = 0;
    uint64_t costUnknown = 0;
    uint64_t inputTokens = 0;
    uint64_t outputTokens = 0;
};

// One item's outcome in one arm of an offline experiment.
struct ExperimentItemResult {
    int64_t experimentId = 0; // the stored definition's id
    std::string arm;
    std::string itemId;
    int attempt = 1; // the call that produced this outcome (1: no retry)
    std::string status; // "ok", or what went wrong ("error: rate limited")
    std::string answer;
    nlohmann::json scores = nlohmann::json::object(); // {metric name: score or null}
    std::string eventId; // the call's LlmEvent::eventId(), empty when there was no call
    int64_t createdUnixNano = 0;
};

// Append-only event storage on SQLite (WAL, versioned migrations through
// PRAGMA user_version, batched transactions). Inserting the same event twice
// (same start time and trace id + span id, or same content digest) keeps one row.
class EventStore {
public:
    static constexpr int kSchemaVersion = 7;

    struct Options {
        int64_t retentionSeconds = 30LL * 24 * 3600;
    };

    // Opens or creates `path` (":memory:" for a private in-memory store).
    explicit EventStore(const std::string& path);
    EventStore(const std::string& path, Options options);
    ~EventStore();
    EventStore(const EventStore&) = delete;
    EventStore& operator=(const EventStore&) = delete;

    // Groups the writes made while it lives into one transaction, committed
    // by commit(); destroyed without commit() (an exception), it rolls all of
    // them back. Each write outside a Transaction is a transaction of its own.
    class Transaction {
    public:
        explicit Transaction(EventStore& store);
        ~Transaction();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        void commit();

    private:
        EventStore& m_store;
        bool m_done = false;
    };

    // Stores a batch in one transaction. Returns how many were new; when
    // `isNew` is given it says, per event, whether it was stored (false: duplicate).
    size_t insert(std::span<const LlmEvent> events, std::vector<char>* isNew = nullptr);
    void addDeadLetter(const DeadLetter& letter);
    // Stores evaluations that arrived apart from their calls, in one transaction.
    void addEvaluations(std::span<const EvaluationRecord> records);
    size_t evaluationCount() const;

    // Closed windows of one grouping (a window stored again replaces the old row).
    void addWindows(std::string_view grouping, std::span<const WindowResult> windows);
    size_t windowCount() const;
    // Spend rate and p50, p95 and p99 latency per model and bucket over the
    // stored windows of `grouping` (whose keys end in a variant id) that start
    // in [from, to): the Overview's history. A bucket's quantile is the mean of
    // its windows' quantile, weighted by their successful calls (windows keep
    // quantiles, not sketches).
    // With `service`, of that service's windows only.
    std::vector<TimelineSeries> modelTimeline(std::string_view grouping, int64_t fromUnixNano,
                                              int64_t toUnixNano, int64_t bucketNanos,
                                              std::string_view service = {}) const;
    // Spend per bucket, service and model over the stored windows of
    // `grouping` (keys "service/variant id") that start in [from, to), in
    // bucket order; buckets without calls are left out. With `service`, of
    // that service's windows only.
    std::vector<CostCell> costCells(std::string_view grouping, int64_t fromUnixNano,
                                    int64_t toUnixNano, int64_t bucketNanos,
                                    std::string_view service = {}) const;
    // Calls counted in the stored windows of `grouping`.
    uint64_t windowedRequests(std::string_view grouping) const;
    void addFindings(std::span<const Finding> findings);
    // The newest findings first, at most `limit`; with a period, those
    // detected in [from, to).
    std::vector<Finding> findings(size_t limit, int64_t fromUnixNano = INT64_MIN,
                                  int64_t toUnixNano = INT64_MAX) const;
    // The newest findings about one key's metric first, at most `limit`.
    std::vector<Finding> findingsAbout(std::string_view key, std::string_view metric,
                                       size_t limit) const;

    // Per-request decisions and, as feedback records, their outcomes.
    void addDecisions(std::span<const DecisionRecord> records);
    // The newest decisions of a service first, at most `limit`; isFeedback
    // says whether the outcome is known.
    std::vector<DecisionRecord> decisions(std::string_view service, size_t limit) const;

    // Stores a recommendation (superseding proposed ones of the same strategy
    // and service) and returns its id.
    int64_t addRecommendation(const Recommendation& recommendation);
    // Approves or rejects a proposed recommendation; false when it is not proposed (any more).
    bool decideRecommendation(int64_t id, Recommendation::Status status, std::string_view who,
                              int64_t nowUnixNano);
    // The newest first, at most `limit`.
    std::vector<Recommendation> recommendations(size_t limit) const;
    std::optional<Recommendation> recommendation(int64_t id) const;

    // Inserts (id 0) or rewrites a rollout's whole state; returns its id.
    int64_t saveRollout(const RolloutRecord& rollout);
    // Every active rollout, then the newest `finishedLimit` finished ones.
    std::vector<RolloutRecord> rollouts(size_t finishedLimit) const;
    void addPolicy(const PolicyDocument& policy);
    std::optional<PolicyDocument> latestPolicy() const;

    // Offline experiments. A definition is stored under its name with the
    // next version, unless it equals the newest version of that name, whose
    // id is returned then (a resumed run finds its results again).
    int64_t saveExperimentDefinition(const offline::ExperimentDefinition& definition,
                                     int64_t nowUnixNano);
    // Every stored definition, the newest first.
    std::vector<offline::ExperimentDefinitionRecord> experimentDefinitions() const;
    // By id ("12"), or by name for its newest version.
    std::optional<offline::ExperimentDefinitionRecord>
    experimentDefinition(std::string_view idOrName) const;
    // Stores an item's outcome once: false when that experiment, arm and
    // item already has one (the resume guarantee — no item is paid for twice).
    bool addExperimentResult(const ExperimentItemResult& result);
    // An experiment's outcomes by arm, then in the order stored.
    std::vector<ExperimentItemResult> experimentResults(int64_t experimentId) const;
    // The item ids of an arm that have an outcome (whatever its status).
    std::vector<std::string> completedItems(int64_t experimentId, std::string_view arm) const;

    // Deletes events older than the retention period before `nowUnixNano`; returns how many.
    size_t applyRetention(int64_t nowUnixNano);

    size_t eventCount() const;
    size_t deadLetterCount() const;
    std::vector<DeadLetter> deadLetters(size_t limit) const;
    // Events with from ≤ time < to in time order, at most `limit`.
    std::vector<LlmEvent> events(int64_t fromUnixNano, int64_t toUnixNano, size_t limit) const;

    int schemaVersion() const;
    const std::string& path() const { return m_path; }

private:
    void migrate();
    void exec(const char* sql) const;
    sqlite3_stmt* prepare(const char* sql) const;
    [[noreturn]] void fail(std::string_view what, int code) const;
    void storeVariant(const Variant& variant, const std::string& variantId);
    void bindEvent(sqlite3_stmt* statement, int row, const LlmEvent& event);
    // Nesting transaction scopes: only the outermost begins, commits or rolls back.
    void begin();
    void commit();
    void rollback();

    std::string m_path;
    Options m_options;
    sqlite3* m_db = nullptr;
    static constexpr int kEventColumns = 23;
    static constexpr int kRowsPerInsert = 16;
    static constexpr size_t kTextsPerRow = 4; // event id, variant id, evaluations, attributes
    sqlite3_stmt* m_insertEvent = nullptr; // one row
    sqlite3_stmt* m_insertEvents = nullptr; // kRowsPerInsert rows
    sqlite3_stmt* m_findEvent = nullptr;
    std::vector<std::string> m_rowText; // texts bound to the insert statements
    sqlite3_stmt* m_insertVariant = nullptr;
    sqlite3_stmt* m_insertDeadLetter = nullptr;
    sqlite3_stmt* m_insertEvaluation = nullptr;
    int m_transactionDepth = 0;
    std::unordered_set<std::string> m_knownVariants;
};

} // namespace llmopt
