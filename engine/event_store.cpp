#include "event_store.h"

#include "actuator.h"
#include "decision_service.h"
#include "experiment_definition.h"
#include "finding.h"
#include "json_text.h"
#include "llm_event.h"
#include "model_timeline.h"
#include "price_table.h"
#include "sqlite_support.h"
#include "stream_processor.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace llmopt {

using sqlite::bindText;
using sqlite::columnText;
using sqlite::Statement;

namespace {

// Migration i brings the schema from version i to i + 1. Never edit a
// released step; append a new one.
constexpr const char* kMigrations[] = {
    R"sql(
CREATE TABLE variants(
    id TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    temperature REAL,
    top_p REAL,
    max_tokens INTEGER
) WITHOUT ROWID;
CREATE TABLE events(
    seq INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    time_ns INTEGER NOT NULL,
    service TEXT NOT NULL,
    variant_id TEXT NOT NULL REFERENCES variants(id),
    variant_name TEXT NOT NULL,
    provider TEXT NOT NULL,
    operation TEXT NOT NULL,
    request_model TEXT NOT NULL,
    response_model TEXT NOT NULL,
    task_type TEXT NOT NULL,
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    cache_read_tokens INTEGER NOT NULL,
    cache_write_tokens INTEGER NOT NULL,
    latency_ms REAL NOT NULL,
    ttft_ms REAL,
    status INTEGER NOT NULL,
    error_type TEXT NOT NULL,
    finish_reason TEXT NOT NULL,
    cost_usd REAL,
    user_feedback INTEGER,
    evaluations TEXT NOT NULL,
    attributes TEXT NOT NULL
);
-- A re-sent span has the same start time, so (time, id) identifies an event
-- like the id alone; keyed by time first, the index grows at its end instead
-- of at random places, which keeps batched ingest fast, and serves time ranges.
CREATE UNIQUE INDEX events_by_time ON events(time_ns, event_id);
CREATE TABLE dead_letters(
    id INTEGER PRIMARY KEY,
    received_ns INTEGER NOT NULL,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    payload TEXT NOT NULL
);
)sql",
    // 2: quality judgements that arrive apart from their call (OTLP log records).
    R"sql(
CREATE TABLE evaluations(
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    time_ns INTEGER NOT NULL,
    name TEXT NOT NULL,
    score REAL NOT NULL
);
CREATE INDEX evaluations_by_event ON evaluations(event_id);
)sql",
    // 3: closed event-time windows (history charts, reports) and findings.
    R"sql(
CREATE TABLE windows(
    grouping TEXT NOT NULL,
    key TEXT NOT NULL,
    start_ns INTEGER NOT NULL,
    end_ns INTEGER NOT NULL,
    requests INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    cost_usd REAL NOT NULL,
    cost_unknown INTEGER NOT NULL,
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    latency_p50_ms REAL,
    latency_p95_ms REAL,
    latency_p99_ms REAL,
    ttft_p95_ms REAL,
    quality_mean REAL,
    quality_n INTEGER NOT NULL,
    late_events INTEGER NOT NULL,
    PRIMARY KEY(grouping, key, start_ns, end_ns)
) WITHOUT ROWID;
CREATE INDEX windows_by_end ON windows(end_ns);
CREATE TABLE findings(
    id INTEGER PRIMARY KEY,
    analyzer TEXT NOT NULL,
    grouping TEXT NOT NULL,
    key TEXT NOT NULL,
    metric TEXT NOT NULL,
    method TEXT NOT NULL,
    statistic REAL NOT NULL,
    p_value REAL,
    threshold REAL,
    severity TEXT NOT NULL,
    window_start_ns INTEGER NOT NULL,
    window_end_ns INTEGER NOT NULL,
    detected_at_ns INTEGER NOT NULL,
    summary TEXT NOT NULL,
    evidence TEXT NOT NULL
);
)sql",
    // 4: per-request decisions with their propensity and outcome (off-policy
    // evaluation), and the strategies' recommendations.
    R"sql(
CREATE TABLE decisions(
    seq INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL,
    time_ns INTEGER NOT NULL,
    service TEXT NOT NULL,
    variant TEXT NOT NULL,
    propensity REAL NOT NULL,
    task_type TEXT NOT NULL,
    input_tokens INTEGER NOT NULL,
    hour REAL,
    feedback_ns INTEGER,
    quality REAL,
    cost_usd REAL,
    latency_ms REAL,
    reward REAL
);
CREATE INDEX decisions_by_id ON decisions(decision_id);
CREATE TABLE recommendations(
    id INTEGER PRIMARY KEY,
    created_ns INTEGER NOT NULL,
    strategy TEXT NOT NULL,
    topic TEXT NOT NULL,
    service TEXT NOT NULL,
    from_variant TEXT NOT NULL,
    to_variant TEXT NOT NULL,
    action TEXT NOT NULL,
    summary TEXT NOT NULL,
    impact TEXT NOT NULL,
    evidence TEXT NOT NULL,
    status TEXT NOT NULL,
    decided_ns INTEGER NOT NULL,
    decided_by TEXT NOT NULL
);
CREATE INDEX recommendations_by_topic ON recommendations(service, strategy, topic, status);
)sql",
    // 5: the operators' audit log, append-only and hash-chained (AuditLog).
    R"sql(
CREATE TABLE audit_log(
    seq INTEGER PRIMARY KEY,
    time_ns INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    evidence TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
)sql",
    // 6: the actuator's rollouts (their whole state, rewritten at each
    // transition) and every policy document it published.
    R"sql(
CREATE TABLE rollouts(
    id INTEGER PRIMARY KEY,
    service TEXT NOT NULL,
    phase TEXT NOT NULL,
    created_ns INTEGER NOT NULL,
    updated_ns INTEGER NOT NULL,
    state TEXT NOT NULL
);
CREATE INDEX rollouts_by_phase ON rollouts(phase);
CREATE TABLE policies(
    version INTEGER PRIMARY KEY,
    created_ns INTEGER NOT NULL,
    document TEXT NOT NULL
);
)sql",
    // 7: offline prompt experiments: versioned definitions and one outcome
    // per (experiment, arm, item), so that a resumed run skips what is done.
    // Results keep their rowid: answers can be long, which WITHOUT ROWID
    // tables handle badly.
    R"sql(
CREATE TABLE experiment_definitions(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_ns INTEGER NOT NULL,
    definition TEXT NOT NULL,
    UNIQUE(name, version)
);
CREATE TABLE experiment_results(
    experiment_id INTEGER NOT NULL REFERENCES experiment_definitions(id),
    arm TEXT NOT NULL,
    item_id TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    status TEXT NOT NULL,
    answer TEXT NOT NULL,
    scores TEXT NOT NULL,
    event_id TEXT NOT NULL,
    created_ns INTEGER NOT NULL,
    PRIMARY KEY(experiment_id, arm, item_id)
);
)sql",
};
constexpr int kMigrationCount = static_cast<int>(std::size(kMigrations));
static_assert(kMigrationCount == EventStore::kSchemaVersion);

} // namespace

EventStore::EventStore(const std::string& path)
    : EventStore(path, Options{})
{
}

EventStore::EventStore(const std::string& path, Options options)
    : m_path(path)
    , m_options(options)
{
    // SQLite's allocation statistics take a global mutex on every allocation;
    // nothing here reads them. Only possible before SQLite initialises.
    static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)configured;
    const int rc = sqlite3_open_v2(path.c_str(), &m_db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open the event database " + path;
        if (rc == SQLITE_CANTOPEN)
            msg += ": the folder does not exist or is not writable; create it or choose another "
                   "file with --db";
        else
            msg += std::string(": ") + sqlite3_errstr(rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw StoreError(msg);
    }
    try {
        if (sqlite3_db_readonly(m_db, "main") == 1)
            throw StoreError(
                "the event database " + path
                + " is read-only; fix its permissions or choose another file with --db");
        sqlite3_busy_timeout(m_db, 2000);
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=NORMAL");
        exec("PRAGMA foreign_keys=ON");
        exec("PRAGMA cache_size=-65536"); // 64 MiB: keeps the event-id index hot while ingesting
        migrate();
        const std::string insertEvents
            = "INSERT OR IGNORE INTO events(event_id, time_ns, service, variant_id, variant_name, "
              "provider, operation, request_model, response_model, task_type, input_tokens, "
              "output_tokens, cache_read_tokens, cache_write_tokens, latency_ms, ttft_ms, status, "
              "error_type, finish_reason, cost_usd, user_feedback, evaluations, attributes) "
              "VALUES";
        const std::string row = "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        static_assert(kEventColumns == 23);
        m_insertEvent = prepare((insertEvents + row).c_str());
        std::string rows = insertEvents + row;
        for (int r = 1; r < kRowsPerInsert; ++r)
            rows += "," + row;
        m_insertEvents = prepare(rows.c_str());
        m_findEvent = prepare("SELECT seq FROM events WHERE event_id = ? AND time_ns = ?");
        m_rowText.resize(size_t(kRowsPerInsert) * kTextsPerRow);
        m_insertVariant = prepare("INSERT OR IGNORE INTO variants(id, model, prompt_version, "
                                  "temperature, top_p, max_tokens) VALUES(?,?,?,?,?,?)");
        m_insertDeadLetter = prepare(
            "INSERT INTO dead_letters(received_ns, source, reason, payload) VALUES(?,?,?,?)");
        m_insertEvaluation
            = prepare("INSERT INTO evaluations(event_id, time_ns, name, score) VALUES(?,?,?,?)");
    } catch (...) {
        for (sqlite3_stmt* s : {m_insertEvent, m_insertEvents, m_findEvent, m_insertVariant,
                                m_insertDeadLetter, m_insertEvaluation})
            sqlite3_finalize(s);
        sqlite3_close(m_db);
        throw;
    }
}

EventStore::~EventStore()
{
    for (sqlite3_stmt* s : {m_insertEvent, m_insertEvents, m_findEvent, m_insertVariant,
                            m_insertDeadLetter, m_insertEvaluation})
        sqlite3_finalize(s);
    sqlite3_close(m_db);
}

void EventStore::fail(std::string_view what, int code) const
{
    throw StoreError("event database " + m_path + ": " + std::string(what) + ": "
                     + sqlite::advice(code, m_db));
}

void EventStore::exec(const char* sql) const
{
    char* err = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &err);
    sqlite3_free(err);
    if (rc != SQLITE_OK)
        fail("cannot run a statement", rc);
}

sqlite3_stmt* EventStore::prepare(const char* sql) const
{
    sqlite3_stmt* s = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr);
    if (rc != SQLITE_OK)
        fail("cannot prepare a statement", rc);
    return s;
}

int EventStore::schemaVersion() const
{
    Statement st{prepare("PRAGMA user_version")};
    return sqlite3_step(st.s) == SQLITE_ROW ? sqlite3_column_int(st.s, 0) : 0;
}

void EventStore::migrate()
{
    exec("BEGIN IMMEDIATE");
    try {
        const int version = schemaVersion();
        if (version > kSchemaVersion)
            throw StoreError("the event database " + m_path + " has schema version "
                             + std::to_string(version) + ", newer than this build understands ("
                             + std::to_string(kSchemaVersion)
                             + "); update llm-optimizer or choose another file with --db");
        for (int v = version; v < kMigrationCount; ++v) {
            exec(kMigrations[v]);
            exec(("PRAGMA user_version=" + std::to_string(v + 1)).c_str());
        }
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void EventStore::begin()
{
    if (m_transactionDepth == 0)
        exec("BEGIN IMMEDIATE");
    ++m_transactionDepth;
}

void EventStore::commit()
{
    if (m_transactionDepth == 1)
        exec("COMMIT"); // on failure the scope is still open and rolls back
    --m_transactionDepth;
}

void EventStore::rollback()
{
    if (--m_transactionDepth > 0)
        return; // the outermost scope rolls back
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    // The variants of a rolled-back transaction are not stored either.
    m_knownVariants.clear();
}

EventStore::Transaction::Transaction(EventStore& store)
    : m_store(store)
{
    m_store.begin();
}

EventStore::Transaction::~Transaction()
{
    if (!m_done)
        m_store.rollback();
}

void EventStore::Transaction::commit()
{
    m_store.commit();
    m_done = true;
}

void EventStore::storeVariant(const Variant& variant, const std::string& variantId)
{
    if (m_knownVariants.contains(variantId))
        return;
    sqlite3_stmt* v = m_insertVariant;
    bindText(v, 1, variantId);
    bindText(v, 2, variant.model);
    bindText(v, 3, variant.promptVersion);
    variant.temperature ? sqlite3_bind_double(v, 4, *variant.temperature) : sqlite3_bind_null(v, 4);
    variant.topP ? sqlite3_bind_double(v, 5, *variant.topP) : sqlite3_bind_null(v, 5);
    variant.maxTokens ? sqlite3_bind_int64(v, 6, *variant.maxTokens) : sqlite3_bind_null(v, 6);
    const int rc = sqlite3_step(v);
    sqlite3_reset(v);
    if (rc != SQLITE_DONE)
        fail("cannot store a variant", rc);
    m_knownVariants.insert(variantId);
}

void EventStore::bindEvent(sqlite3_stmt* s, int row, const LlmEvent& e)
{
    // The texts made here live in m_rowText until the statement is stepped.
    std::string* text = &m_rowText[static_cast<size_t>(row) * kTextsPerRow];
    std::string& eventId = text[0];
    std::string& variantId = text[1];
    std::string& evaluationsJson = text[2];
    std::string& attributesJson = text[3];
    variantId = e.variant.id();
    storeVariant(e.variant, variantId);
    e.eventIdInto(eventId);
    evaluationsJson.assign("[");
    for (const Evaluation& ev : e.evaluations) {
        if (evaluationsJson.size() > 1)
            evaluationsJson += ',';
        evaluationsJson += "{\"name\":";
        appendJsonString(evaluationsJson, ev.name);
        evaluationsJson += ",\"score\":";
        appendJsonNumber(evaluationsJson, ev.score);
        evaluationsJson += '}';
    }
    evaluationsJson += ']';
    attributesJson.assign("{");
    for (const auto& [key, value] : e.attributes) {
        if (attributesJson.size() > 1)
            attributesJson += ',';
        appendJsonString(attributesJson, key);
        attributesJson += ':';
        appendJsonString(attributesJson, value);
    }
    attributesJson += '}';

    const int c = row * kEventColumns; // parameters of this row: c + 1 … c + 23
    bindText(s, c + 1, eventId);
    sqlite3_bind_int64(s, c + 2, e.timeUnixNano);
    bindText(s, c + 3, e.service);
    bindText(s, c + 4, variantId);
    bindText(s, c + 5, e.variantName);
    bindText(s, c + 6, e.provider);
    bindText(s, c + 7, e.operation);
    bindText(s, c + 8, e.requestModel);
    bindText(s, c + 9, e.responseModel);
    bindText(s, c + 10, e.taskType);
    sqlite3_bind_int64(s, c + 11, e.inputTokens);
    sqlite3_bind_int64(s, c + 12, e.outputTokens);
    sqlite3_bind_int64(s, c + 13, e.cacheReadTokens);
    sqlite3_bind_int64(s, c + 14, e.cacheWriteTokens);
    sqlite3_bind_double(s, c + 15, e.latencyMs);
    e.ttftMs ? sqlite3_bind_double(s, c + 16, *e.ttftMs) : sqlite3_bind_null(s, c + 16);
    sqlite3_bind_int(s, c + 17, static_cast<int>(e.status));
    bindText(s, c + 18, e.errorType);
    bindText(s, c + 19, e.finishReason);
    e.costUsd ? sqlite3_bind_double(s, c + 20, *e.costUsd) : sqlite3_bind_null(s, c + 20);
    e.userFeedback ? sqlite3_bind_int(s, c + 21, *e.userFeedback ? 1 : 0)
                   : sqlite3_bind_null(s, c + 21);
    bindText(s, c + 22, evaluationsJson);
    bindText(s, c + 23, attributesJson);
}

size_t EventStore::insert(std::span<const LlmEvent> events, std::vector<char>* isNew)
{
    if (isNew)
        isNew->assign(events.size(), 0);
    if (events.empty())
        return 0;
    Transaction transaction(*this);
    size_t inserted = 0;
    // Full groups of rows through one multi-row INSERT (a fifth faster than one
    // statement per row), the rest one by one.
    for (size_t first = 0; first < events.size();) {
        const size_t rows = events.size() - first >= size_t(kRowsPerInsert) ? kRowsPerInsert : 1;
        sqlite3_stmt* s = rows == 1 ? m_insertEvent : m_insertEvents;
        for (size_t r = 0; r < rows; ++r)
            bindEvent(s, static_cast<int>(r), events[first + r]);
        const int rc = sqlite3_step(s);
        sqlite3_reset(s);
        if (rc != SQLITE_DONE)
            fail("cannot store an event", rc);
        const auto changes = static_cast<size_t>(sqlite3_changes(m_db));
        inserted += changes;
        if (isNew && changes == rows) {
            std::fill_n(isNew->begin() + static_cast<long>(first), rows, 1);
        } else if (isNew && changes > 0) {
            // Some were duplicates. New rows get consecutive rowids after the
            // largest one, so a row is new if its seq is among the last
            // `changes` (and only its first copy in the group counts).
            const int64_t firstNew = sqlite3_last_insert_rowid(m_db) - int64_t(changes) + 1;
            std::vector<int64_t> seen;
            for (size_t r = 0; r < rows; ++r) {
                const LlmEvent& e = events[first + r];
                const std::string& eventId = m_rowText[r * kTextsPerRow];
                bindText(m_findEvent, 1, eventId);
                sqlite3_bind_int64(m_findEvent, 2, e.timeUnixNano);
                const int64_t seq = sqlite3_step(m_findEvent) == SQLITE_ROW
                    ? sqlite3_column_int64(m_findEvent, 0)
                    : 0;
                sqlite3_reset(m_findEvent);
                if (seq >= firstNew && std::find(seen.begin(), seen.end(), seq) == seen.end()) {
                    (*isNew)[first + r] = 1;
                    seen.push_back(seq);
                }
            }
        }
        first += rows;
    }
    transaction.commit();
    return inserted;
}

void EventStore::addDeadLetter(const DeadLetter& letter)
{
    sqlite3_stmt* s = m_insertDeadLetter;
    sqlite3_bind_int64(s, 1, letter.receivedUnixNano);
    bindText(s, 2, letter.source);
    bindText(s, 3, letter.reason);
    bindText(s, 4, letter.payload);
    const int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE)
        fail("cannot store a dead letter", rc);
}

void EventStore::addEvaluations(std::span<const EvaluationRecord> records)
{
    if (records.empty())
        return;
    Transaction transaction(*this);
    sqlite3_stmt* s = m_insertEvaluation;
    std::string eventId;
    for (const EvaluationRecord& r : records) {
        eventId.assign(r.traceId).append(r.spanId);
        bindText(s, 1, eventId);
        sqlite3_bind_int64(s, 2, r.timeUnixNano);
        bindText(s, 3, r.evaluation.name);
        sqlite3_bind_double(s, 4, r.evaluation.score);
        const int rc = sqlite3_step(s);
        sqlite3_reset(s);
        if (rc != SQLITE_DONE)
            fail("cannot store an evaluation", rc);
    }
    transaction.commit();
}

void EventStore::addWindows(std::string_view grouping, std::span<const WindowResult> windows)
{
    if (windows.empty())
        return;
    Statement st{prepare(
        "INSERT OR REPLACE INTO windows(grouping, key, start_ns, end_ns, requests, errors, "
        "cost_usd, cost_unknown, input_tokens, output_tokens, latency_p50_ms, latency_p95_ms, "
        "latency_p99_ms, ttft_p95_ms, quality_mean, quality_n, late_events) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")};
    Transaction transaction(*this);
    for (const WindowResult& w : windows) {
        const WindowStats& s = w.stats;
        sqlite3_stmt* q = st.s;
        bindText(q, 1, grouping);
        bindText(q, 2, w.key);
        sqlite3_bind_int64(q, 3, w.startUnixNano);
        sqlite3_bind_int64(q, 4, w.endUnixNano);
        sqlite3_bind_int64(q, 5, int64_t(s.requests));
        sqlite3_bind_int64(q, 6, int64_t(s.errors));
        sqlite3_bind_double(q, 7, s.costUsd.sum());
        sqlite3_bind_int64(q, 8, int64_t(s.costUnknown));
        sqlite3_bind_int64(q, 9, int64_t(std::llround(s.inputTokens.sum())));
        sqlite3_bind_int64(q, 10, int64_t(std::llround(s.outputTokens.sum())));
        auto quantile = [&](int i, const QuantileSketch& sketch, double p) {
            sketch.count() ? sqlite3_bind_double(q, i, sketch.quantile(p))
                           : sqlite3_bind_null(q, i);
        };
        quantile(11, s.latencySketch, 0.5);
        quantile(12, s.latencySketch, 0.95);
        quantile(13, s.latencySketch, 0.99);
        quantile(14, s.ttftSketch, 0.95);
        s.quality.count() ? sqlite3_bind_double(q, 15, s.quality.mean()) : sqlite3_bind_null(q, 15);
        sqlite3_bind_int64(q, 16, int64_t(s.quality.count()));
        sqlite3_bind_int64(q, 17, int64_t(w.lateEvents));
        const int rc = sqlite3_step(q);
        sqlite3_reset(q);
        if (rc != SQLITE_DONE)
            fail("cannot store a window", rc);
    }
    transaction.commit();
}

size_t EventStore::windowCount() const
{
    Statement st{prepare("SELECT count(*) FROM windows")};
    return sqlite3_step(st.s) == SQLITE_ROW ? static_cast<size_t>(sqlite3_column_int64(st.s, 0))
                                            : 0;
}

std::vector<TimelineSeries> EventStore::modelTimeline(std::string_view grouping,
                                                      int64_t fromUnixNano, int64_t toUnixNano,
                                                      int64_t bucketNanos,
                                                      std::string_view service) const
{
    // Window keys end in the variant id ("service/v-…" or "v-…"), which has a fixed length.
    Statement st{prepare(
        "SELECT (w.start_ns - ?1) / ?2 AS bucket, v.model, sum(w.requests), sum(w.cost_usd), "
        "sum(w.latency_p95_ms * (w.requests - w.errors)) "
        "/ sum(CASE WHEN w.latency_p95_ms IS NOT NULL THEN w.requests - w.errors END), "
        "sum(w.latency_p50_ms * (w.requests - w.errors)) "
        "/ sum(CASE WHEN w.latency_p50_ms IS NOT NULL THEN w.requests - w.errors END), "
        "sum(w.latency_p99_ms * (w.requests - w.errors)) "
        "/ sum(CASE WHEN w.latency_p99_ms IS NOT NULL THEN w.requests - w.errors END) "
        "FROM windows w JOIN variants v ON v.id = substr(w.key, -?5) "
        "WHERE w.grouping = ?3 AND w.end_ns > ?1 AND w.start_ns >= ?1 AND w.start_ns < ?4 "
        "AND (coalesce(?6, '') = '' OR substr(w.key, 1, length(w.key) - ?5 - 1) = ?6) "
        "GROUP BY v.model, bucket ORDER BY v.model, bucket")};
    sqlite3_bind_int64(st.s, 1, fromUnixNano);
    sqlite3_bind_int64(st.s, 2, bucketNanos);
    bindText(st.s, 3, grouping);
    sqlite3_bind_int64(st.s, 4, toUnixNano);
    sqlite3_bind_int64(st.s, 5, int64_t(Variant::kIdLength));
    bindText(st.s, 6, service);
    std::vector<TimelineSeries> out;
    const double hoursPerBucket = double(bucketNanos) / 3600e9;
    int rc;
    while ((rc = sqlite3_step(st.s)) == SQLITE_ROW) {
        const std::string model = columnText(st.s, 1);
        if (out.empty() || out.back().model != model)
            out.push_back({model, {}});
        TimelinePoint p;
        p.bucketStartUnixNano = fromUnixNano + sqlite3_column_int64(st.s, 0) * bucketNanos;
        p.requests = uint64_t(sqlite3_column_int64(st.s, 2));
        p.spendPerHourUsd = sqlite3_column_double(st.s, 3) / hoursPerBucket;
        p.p95LatencyMs = sqlite3_column_double(st.s, 4); // 0 when no call succeeded
        p.p50LatencyMs = sqlite3_column_double(st.s, 5);
        p.p99LatencyMs = sqlite3_column_double(st.s, 6);
        out.back().points.push_back(p);
    }
    if (rc != SQLITE_DONE)
        fail("cannot read the window history", rc);
    return out;
}

std::vector<CostCell> EventStore::costCells(std::string_view grouping, int64_t fromUnixNano,
                                            int64_t toUnixNano, int64_t bucketNanos,
                                            std::string_view service) const
{
    // The service is the key without "/" and the variant id, which has a fixed length.
    Statement st{prepare(
        "SELECT (w.start_ns - ?1) / ?2 AS bucket, substr(w.key, 1, length(w.key) - ?5 - 1) AS "
        "service, v.model, sum(w.requests), total(w.cost_usd), sum(w.cost_unknown), "
        "sum(w.input_tokens), sum(w.output_tokens) "
        "FROM windows w JOIN variants v ON v.id = substr(w.key, -?5) "
        "WHERE w.grouping = ?3 AND w.end_ns > ?1 AND w.start_ns >= ?1 AND w.start_ns < ?4 "
        "AND (coalesce(?6, '') = '' OR substr(w.key, 1, length(w.key) - ?5 - 1) = ?6) "
        "GROUP BY bucket, service, v.model ORDER BY bucket, service, v.model")};
    sqlite3_bind_int64(st.s, 1, fromUnixNano);
    sqlite3_bind_int64(st.s, 2, bucketNanos);
    bindText(st.s, 3, grouping);
    sqlite3_bind_int64(st.s, 4, toUnixNano);
    sqlite3_bind_int64(st.s, 5, int64_t(Variant::kIdLength));
    bindText(st.s, 6, service);
    std::vector<CostCell> out;
    int rc;
    while ((rc = sqlite3_step(st.s)) == SQLITE_ROW) {
        CostCell c;
        c.bucketStartUnixNano = fromUnixNano + sqlite3_column_int64(st.s, 0) * bucketNanos;
        c.service = columnText(st.s, 1);
        c.model = columnText(st.s, 2);
        c.requests = uint64_t(sqlite3_column_int64(st.s, 3));
        c.costUsd = sqlite3_column_double(st.s, 4);
        c.costUnknown = uint64_t(sqlite3_column_int64(st.s, 5));
        c.inputTokens = uint64_t(sqlite3_column_int64(st.s, 6));
        c.outputTokens = uint64_t(sqlite3_column_int64(st.s, 7));
        out.push_back(std::move(c));
    }
    if (rc != SQLITE_DONE)
        fail("cannot read the window history", rc);
    return out;
}

uint64_t EventStore::windowedRequests(std::string_view grouping) const
{
    Statement st{prepare("SELECT total(requests) FROM windows WHERE grouping = ?")};
    bindText(st.s, 1, grouping);
    return sqlite3_step(st.s) == SQLITE_ROW ? uint64_t(sqlite3_column_double(st.s, 0)) : 0;
}

void EventStore::addDecisions(std::span<const DecisionRecord> records)
{
    if (records.empty())
        return;
    Statement insert{prepare(
        "INSERT INTO decisions(decision_id, time_ns, service, variant, propensity, task_type, "
        "input_tokens, hour) VALUES(?,?,?,?,?,?,?,?)")};
    // Decision ids start again after a restart: the outcome belongs to the latest.
    Statement outcome{prepare(
        "UPDATE decisions SET feedback_ns = ?2, quality = ?3, cost_usd = ?4, latency_ms = ?5, "
        "reward = ?6 WHERE seq = (SELECT max(seq) FROM decisions WHERE decision_id = ?1 "
        "AND feedback_ns IS NULL)")};
    Transaction transaction(*this);
    for (const DecisionRecord& r : records) {
        sqlite3_stmt* q = r.isFeedback ? outcome.s : insert.s;
        sqlite3_bind_int64(q, 1, int64_t(r.id));
        sqlite3_bind_int64(q, 2, r.timeUnixNano);
        if (r.isFeedback) {
            sqlite3_bind_double(q, 3, r.quality);
            sqlite3_bind_double(q, 4, r.costUsd);
            sqlite3_bind_double(q, 5, r.latencyMs);
            sqlite3_bind_double(q, 6, r.reward);
        } else {
            bindText(q, 3, r.service);
            bindText(q, 4, r.variant);
            sqlite3_bind_double(q, 5, r.propensity);
            bindText(q, 6, r.context.taskType);
            sqlite3_bind_int64(q, 7, r.context.inputTokens);
            std::isfinite(r.context.hourUtc) ? sqlite3_bind_double(q, 8, r.context.hourUtc)
                                             : sqlite3_bind_null(q, 8);
        }
        const int rc = sqlite3_step(q);
        sqlite3_reset(q);
        if (rc != SQLITE_DONE)
            fail("cannot store a decision", rc);
    }
    transaction.commit();
}

std::vector<DecisionRecord> EventStore::decisions(std::string_view service, size_t limit) const
{
    Statement st{
        prepare("SELECT decision_id, time_ns, variant, propensity, task_type, input_tokens, hour, "
                "quality, cost_usd, latency_ms, reward FROM decisions WHERE service = ? "
                "ORDER BY seq DESC LIMIT ?")};
    bindText(st.s, 1, service);
    sqlite3_bind_int64(st.s, 2, static_cast<int64_t>(limit));
    std::vector<DecisionRecord> out;
    while (sqlite3_step(st.s) == SQLITE_ROW) {
        DecisionRecord r;
        r.id = uint64_t(sqlite3_column_int64(st.s, 0));
        r.timeUnixNano = sqlite3_column_int64(st.s, 1);
        r.service = std::string(service);
        r.variant = columnText(st.s, 2);
        r.propensity = sqlite3_column_double(st.s, 3);
        r.context.taskType = columnText(st.s, 4);
        r.context.inputTokens = sqlite3_column_int64(st.s, 5);
        if (sqlite3_column_type(st.s, 6) != SQLITE_NULL)
            r.context.hourUtc = sqlite3_column_double(st.s, 6);
        r.isFeedback = sqlite3_column_type(st.s, 10) != SQLITE_NULL; // the outcome is known
        r.quality = sqlite3_column_double(st.s, 7);
        r.costUsd = sqlite3_column_double(st.s, 8);
        r.latencyMs = sqlite3_column_double(st.s, 9);
        r.reward = sqlite3_column_double(st.s, 10);
        out.push_back(std::move(r));
    }
    return out;
}

int64_t EventStore::addRecommendation(const Recommendation& r)
{
    Statement supersede{
        prepare("UPDATE recommendations SET status = 'superseded' "
                "WHERE service = ? AND strategy = ? AND topic = ? AND status = 'proposed'")};
    Statement insert{
        prepare("INSERT INTO recommendations(created_ns, strategy, topic, service, from_variant, "
                "to_variant, action, summary, impact, evidence, status, decided_ns, decided_by) "
                "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)")};
    const auto text = [](const nlohmann::json& j) {
        return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    const std::string impact = text(r.impact), evidence = text(r.evidence);
    Transaction transaction(*this);
    bindText(supersede.s, 1, r.service);
    bindText(supersede.s, 2, r.strategy);
    bindText(supersede.s, 3, r.topic);
    if (sqlite3_step(supersede.s) != SQLITE_DONE)
        fail("cannot supersede older recommendations", sqlite3_errcode(m_db));
    sqlite3_stmt* q = insert.s;
    sqlite3_bind_int64(q, 1, r.createdUnixNano);
    bindText(q, 2, r.strategy);
    bindText(q, 3, r.topic);
    bindText(q, 4, r.service);
    bindText(q, 5, r.fromVariant);
    bindText(q, 6, r.toVariant);
    bindText(q, 7, r.action);
    bindText(q, 8, r.summary);
    bindText(q, 9, impact);
    bindText(q, 10, evidence);
    bindText(q, 11, Recommendation::statusName(r.status));
    sqlite3_bind_int64(q, 12, r.decidedUnixNano);
    bindText(q, 13, r.decidedBy);
    const int rc = sqlite3_step(q);
    if (rc != SQLITE_DONE)
        fail("cannot store a recommendation", rc);
    transaction.commit();
    return sqlite3_last_insert_rowid(m_db);
}

bool EventStore::decideRecommendation(int64_t id, Recommendation::Status status,
                                      std::string_view who, int64_t nowUnixNano)
{
    Statement st{prepare("UPDATE recommendations SET status = ?, decided_ns = ?, decided_by = ? "
                         "WHERE id = ? AND status = 'proposed'")};
    bindText(st.s, 1, Recommendation::statusName(status));
    sqlite3_bind_int64(st.s, 2, nowUnixNano);
    bindText(st.s, 3, who);
    sqlite3_bind_int64(st.s, 4, id);
    if (sqlite3_step(st.s) != SQLITE_DONE)
        fail("cannot record the decision on a recommendation", sqlite3_errcode(m_db));
    return sqlite3_changes(m_db) == 1;
}

namespace {

constexpr const char* kRecommendationColumns
    = "SELECT id, created_ns, strategy, service, from_variant, to_variant, action, summary, "
      "impact, evidence, status, decided_ns, decided_by, topic FROM recommendations ";

Recommendation recommendationAt(sqlite3_stmt* s)
{
    Recommendation r;
    r.id = sqlite3_column_int64(s, 0);
    r.createdUnixNano = sqlite3_column_int64(s, 1);
    r.strategy = columnText(s, 2);
    r.service = columnText(s, 3);
    r.fromVariant = columnText(s, 4);
    r.toVariant = columnText(s, 5);
    r.action = columnText(s, 6);
    r.summary = columnText(s, 7);
    r.impact = nlohmann::json::parse(columnText(s, 8), nullptr, false);
    r.evidence = nlohmann::json::parse(columnText(s, 9), nullptr, false);
    r.status = Recommendation::statusFromName(columnText(s, 10))
                   .value_or(Recommendation::Status::Proposed);
    r.decidedUnixNano = sqlite3_column_int64(s, 11);
    r.decidedBy = columnText(s, 12);
    r.topic = columnText(s, 13);
    return r;
}

} // namespace

std::vector<Recommendation> EventStore::recommendations(size_t limit) const
{
    Statement st{
        prepare((std::string(kRecommendationColumns) + "ORDER BY id DESC LIMIT ?").c_str())};
    sqlite3_bind_int64(st.s, 1, static_cast<int64_t>(limit));
    std::vector<Recommendation> out;
    while (sqlite3_step(st.s) == SQLITE_ROW)
        out.push_back(recommendationAt(st.s));
    return out;
}

std::optional<Recommendation> EventStore::recommendation(int64_t id) const
{
    Statement st{prepare((std::string(kRecommendationColumns) + "WHERE id = ?").c_str())};
    sqlite3_bind_int64(st.s, 1, id);
    if (sqlite3_step(st.s) != SQLITE_ROW)
        return std::nullopt;
    return recommendationAt(st.s);
}

int64_t EventStore::saveRollout(const RolloutRecord& r)
{
    const std::string state
        = r.toJson().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    Statement st{prepare(
        r.id == 0 ? "INSERT INTO rollouts(service, phase, created_ns, updated_ns, state) "
                    "VALUES(?,?,?,?,?)"
                  : "UPDATE rollouts SET service = ?, phase = ?, created_ns = ?, updated_ns = ?, "
                    "state = ? WHERE id = ?")};
    bindText(st.s, 1, r.rollout.service());
    bindText(st.s, 2, Rollout::phaseName(r.rollout.phase()));
    sqlite3_bind_int64(st.s, 3, r.createdUnixNano);
    sqlite3_bind_int64(st.s, 4, r.updatedUnixNano);
    bindText(st.s, 5, state);
    if (r.id != 0)
        sqlite3_bind_int64(st.s, 6, r.id);
    if (sqlite3_step(st.s) != SQLITE_DONE)
        fail("cannot store the rollout", sqlite3_errcode(m_db));
    if (r.id != 0 && sqlite3_changes(m_db) != 1)
        throw StoreError("rollout " + std::to_string(r.id) + " is no longer in " + m_path
                         + " (deleted by hand?); restore the database from a backup");
    return r.id != 0 ? r.id : sqlite3_last_insert_rowid(m_db);
}

std::vector<RolloutRecord> EventStore::rollouts(size_t finishedLimit) const
{
    // Every active rollout, then the newest finished ones.
    Statement st{prepare("SELECT id, state FROM rollouts WHERE phase IN ('progressing', 'paused') "
                         "UNION ALL SELECT * FROM (SELECT id, state FROM rollouts "
                         "WHERE phase NOT IN ('progressing', 'paused') ORDER BY id DESC LIMIT ?)")};
    sqlite3_bind_int64(st.s, 1, static_cast<int64_t>(finishedLimit));
    std::vector<RolloutRecord> out;
    while (sqlite3_step(st.s) == SQLITE_ROW) {
        const int64_t id = sqlite3_column_int64(st.s, 0);
        const nlohmann::json state = nlohmann::json::parse(columnText(st.s, 1), nullptr, false);
        try {
            RolloutRecord r = RolloutRecord::fromJson(state);
            r.id = id;
            out.push_back(std::move(r));
        } catch (const std::invalid_argument& e) {
            throw StoreError("rollout " + std::to_string(id) + " in " + m_path + " cannot be read ("
                             + e.what()
                             + "); restore the database from a backup or delete that row");
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const RolloutRecord& a, const RolloutRecord& b) {
        return a.active() != b.active() ? a.active() : a.id > b.id;
    });
    return out;
}

void EventStore::addPolicy(const PolicyDocument& policy)
{
    Statement st{
        prepare("INSERT OR REPLACE INTO policies(version, created_ns, document) VALUES(?,?,?)")};
    sqlite3_bind_int64(st.s, 1, static_cast<int64_t>(policy.version));
    sqlite3_bind_int64(st.s, 2, policy.createdUnixNano);
    const std::string document
        = policy.toJson().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    bindText(st.s, 3, document); // bound without a copy: it must outlive the step
    if (sqlite3_step(st.s) != SQLITE_DONE)
        fail("cannot store the policy", sqlite3_errcode(m_db));
}

std::optional<PolicyDocument> EventStore::latestPolicy() const
{
    Statement st{prepare("SELECT document FROM policies ORDER BY version DESC LIMIT 1")};
    if (sqlite3_step(st.s) != SQLITE_ROW)
        return std::nullopt;
    try {
        return PolicyDocument::fromJson(nlohmann::json::parse(columnText(st.s, 0)));
    } catch (const std::exception& e) {
        throw StoreError(std::string("the newest policy in ") + m_path + " cannot be read ("
                         + e.what() + "); restore the database from a backup");
    }
}

void EventStore::addFindings(std::span<const Finding> findings)
{
    if (findings.empty())
        return;
    Statement st{prepare(
        "INSERT INTO findings(analyzer, grouping, key, metric, method, statistic, p_value, "
        "threshold, severity, window_start_ns, window_end_ns, detected_at_ns, summary, evidence) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)")};
    Transaction transaction(*this);
    for (const Finding& f : findings) {
        sqlite3_stmt* q = st.s;
        const std::string evidence
            = f.evidence.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        bindText(q, 1, f.analyzer);
        bindText(q, 2, f.grouping);
        bindText(q, 3, f.key);
        bindText(q, 4, f.metric);
        bindText(q, 5, f.method);
        sqlite3_bind_double(q, 6, f.statistic);
        f.pValue ? sqlite3_bind_double(q, 7, *f.pValue) : sqlite3_bind_null(q, 7);
        f.threshold ? sqlite3_bind_double(q, 8, *f.threshold) : sqlite3_bind_null(q, 8);
        bindText(q, 9, Finding::severityName(f.severity));
        sqlite3_bind_int64(q, 10, f.windowStartUnixNano);
        sqlite3_bind_int64(q, 11, f.windowEndUnixNano);
        sqlite3_bind_int64(q, 12, f.detectedAtUnixNano);
        bindText(q, 13, f.summary);
        bindText(q, 14, evidence);
        const int rc = sqlite3_step(q);
        sqlite3_reset(q);
        if (rc != SQLITE_DONE)
            fail("cannot store a finding", rc);
    }
    transaction.commit();
}

namespace {

constexpr const char* kFindingColumns
    = "SELECT analyzer, grouping, key, metric, method, statistic, p_value, threshold, severity, "
      "window_start_ns, window_end_ns, detected_at_ns, summary, evidence FROM findings ";

// A row selected by kFindingColumns.
Finding findingAt(sqlite3_stmt* row)
{
    Finding f;
    f.analyzer = columnText(row, 0);
    f.grouping = columnText(row, 1);
    f.key = columnText(row, 2);
    f.metric = columnText(row, 3);
    f.method = columnText(row, 4);
    f.statistic = sqlite3_column_double(row, 5);
    if (sqlite3_column_type(row, 6) != SQLITE_NULL)
        f.pValue = sqlite3_column_double(row, 6);
    if (sqlite3_column_type(row, 7) != SQLITE_NULL)
        f.threshold = sqlite3_column_double(row, 7);
    const std::string severity = columnText(row, 8);
    f.severity = severity == "critical" ? Finding::Severity::Critical
        : severity == "info"            ? Finding::Severity::Info
                                        : Finding::Severity::Warning;
    f.windowStartUnixNano = sqlite3_column_int64(row, 9);
    f.windowEndUnixNano = sqlite3_column_int64(row, 10);
    f.detectedAtUnixNano = sqlite3_column_int64(row, 11);
    f.summary = columnText(row, 12);
    f.evidence = nlohmann::json::parse(columnText(row, 13), nullptr, false);
    return f;
}

} // namespace

std::vector<Finding> EventStore::findings(size_t limit, int64_t fromUnixNano,
                                          int64_t toUnixNano) const
{
    Statement st{prepare((std::string(kFindingColumns)
                          + "WHERE detected_at_ns >= ?2 AND detected_at_ns < ?3 "
                            "ORDER BY id DESC LIMIT ?1")
                             .c_str())};
    sqlite3_bind_int64(st.s, 1, static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX)));
    sqlite3_bind_int64(st.s, 2, fromUnixNano);
    sqlite3_bind_int64(st.s, 3, toUnixNano);
    std::vector<Finding> out;
    while (sqlite3_step(st.s) == SQLITE_ROW)
        out.push_back(findingAt(st.s));
    return out;
}

std::vector<Finding> EventStore::findingsAbout(std::string_view key, std::string_view metric,
                                               size_t limit) const
{
    Statement st{prepare(
        (std::string(kFindingColumns) + "WHERE key = ?2 AND metric = ?3 ORDER BY id DESC LIMIT ?1")
            .c_str())};
    sqlite3_bind_int64(st.s, 1, static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX)));
    bindText(st.s, 2, key);
    bindText(st.s, 3, metric);
    std::vector<Finding> out;
    while (sqlite3_step(st.s) == SQLITE_ROW)
        out.push_back(findingAt(st.s));
    return out;
}

size_t EventStore::evaluationCount() const
{
    Statement st{prepare("SELECT count(*) FROM evaluations")};
    return sqlite3_step(st.s) == SQLITE_ROW ? static_cast<size_t>(sqlite3_column_int64(st.s, 0))
                                            : 0;
}

int64_t EventStore::saveExperimentDefinition(const offline::ExperimentDefinition& definition,
                                             int64_t nowUnixNano)
{
    const std::string text
        = definition.toJson().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    Transaction transaction(*this);
    int64_t version = 0;
    {
        Statement newest{prepare("SELECT id, version, definition FROM experiment_definitions "
                                 "WHERE name = ? ORDER BY version DESC LIMIT 1")};
        bindText(newest.s, 1, definition.name);
        if (sqlite3_step(newest.s) == SQLITE_ROW) {
            version = sqlite3_column_int64(newest.s, 1);
            if (columnText(newest.s, 2) == text) { // unchanged: the same experiment
                const int64_t id = sqlite3_column_int64(newest.s, 0);
                sqlite3_reset(newest.s);
                transaction.commit();
                return id;
            }
        }
    }
    Statement insert{prepare("INSERT INTO experiment_definitions(name, version, created_ns, "
                             "definition) VALUES(?,?,?,?)")};
    bindText(insert.s, 1, definition.name);
    sqlite3_bind_int64(insert.s, 2, version + 1);
    sqlite3_bind_int64(insert.s, 3, nowUnixNano);
    bindText(insert.s, 4, text); // bound without a copy: it must outlive the step
    if (sqlite3_step(insert.s) != SQLITE_DONE)
        fail("cannot store the experiment definition", sqlite3_errcode(m_db));
    transaction.commit();
    return sqlite3_last_insert_rowid(m_db);
}

std::optional<offline::ExperimentDefinitionRecord>
EventStore::experimentDefinition(std::string_view idOrName) const
{
    int64_t id = 0;
    const auto [end, ec] = std::from_chars(idOrName.data(), idOrName.data() + idOrName.size(), id);
    const bool isNumber = ec == std::errc() && end == idOrName.data() + idOrName.size();
    for (auto& r : experimentDefinitions()) // newest first
        if ((isNumber && r.id == id) || r.name == idOrName)
            return std::move(r);
    return std::nullopt;
}

std::vector<offline::ExperimentDefinitionRecord> EventStore::experimentDefinitions() const
{
    Statement st{prepare("SELECT id, name, version, created_ns, definition "
                         "FROM experiment_definitions ORDER BY id DESC")};
    std::vector<offline::ExperimentDefinitionRecord> out;
    while (sqlite3_step(st.s) == SQLITE_ROW) {
        offline::ExperimentDefinitionRecord r;
        r.id = sqlite3_column_int64(st.s, 0);
        r.name = columnText(st.s, 1);
        r.version = sqlite3_column_int(st.s, 2);
        r.createdUnixNano = sqlite3_column_int64(st.s, 3);
        try {
            r.definition = offline::ExperimentDefinition::parse(columnText(st.s, 4), "stored");
        } catch (const ConfigError& e) {
            throw StoreError("experiment definition " + std::to_string(r.id) + " in " + m_path
                             + " cannot be read (" + e.what()
                             + "); restore the database from a backup or delete that row");
        }
        out.push_back(std::move(r));
    }
    return out;
}

bool EventStore::addExperimentResult(const ExperimentItemResult& r)
{
    Statement st{prepare("INSERT OR IGNORE INTO experiment_results(experiment_id, arm, item_id, "
                         "attempt, status, answer, scores, event_id, created_ns) "
                         "VALUES(?,?,?,?,?,?,?,?,?)")};
    const std::string scores
        = r.scores.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    sqlite3_bind_int64(st.s, 1, r.experimentId);
    bindText(st.s, 2, r.arm);
    bindText(st.s, 3, r.itemId);
    sqlite3_bind_int(st.s, 4, r.attempt);
    bindText(st.s, 5, r.status);
    bindText(st.s, 6, r.answer);
    bindText(st.s, 7, scores); // bound without a copy: it must outlive the step
    bindText(st.s, 8, r.eventId);
    sqlite3_bind_int64(st.s, 9, r.createdUnixNano);
    const int rc = sqlite3_step(st.s);
    if (rc == SQLITE_CONSTRAINT)
        throw StoreError("event database " + m_path + ": experiment "
                         + std::to_string(r.experimentId)
                         + " is not stored; save its definition before its results");
    if (rc != SQLITE_DONE)
        fail("cannot store an experiment result", rc);
    return sqlite3_changes(m_db) == 1;
}

std::vector<ExperimentItemResult> EventStore::experimentResults(int64_t experimentId) const
{
    Statement st{prepare("SELECT arm, item_id, attempt, status, answer, scores, event_id, "
                         "created_ns FROM experiment_results WHERE experiment_id = ? "
                         "ORDER BY arm, rowid")};
    sqlite3_bind_int64(st.s, 1, experimentId);
    std::vector<ExperimentItemResult> out;
    while (sqlite3_step(st.s) == SQLITE_ROW) {
        ExperimentItemResult r;
        r.experimentId = experimentId;
        r.arm = columnText(st.s, 0);
        r.itemId = columnText(st.s, 1);
        r.attempt = sqlite3_column_int(st.s, 2);
        r.status = columnText(st.s, 3);
        r.answer = columnText(st.s, 4);
        r.scores = nlohmann::json::parse(columnText(st.s, 5), nullptr, false);
        r.eventId = columnText(st.s, 6);
        r.createdUnixNano = sqlite3_column_int64(st.s, 7);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<std::string> EventStore::completedItems(int64_t experimentId,
                                                    std::string_view arm) const
{
    Statement st{prepare("SELECT item_id FROM experiment_results WHERE experiment_id = ? AND "
                         "arm = ? ORDER BY rowid")};
    sqlite3_bind_int64(st.s, 1, experimentId);
    bindText(st.s, 2, arm);
    std::vector<std::string> out;
    while (sqlite3_step(st.s) == SQLITE_ROW)
        out.push_back(columnText(st.s, 0));
    return out;
}

size_t EventStore::applyRetention(int64_t nowUnixNano)
{
    Statement st{prepare("DELETE FROM events WHERE time_ns < ?")};
    sqlite3_bind_int64(st.s, 1, nowUnixNano - m_options.retentionSeconds * 1'000'000'000LL);
    const int rc = sqlite3_step(st.s);
    if (rc != SQLITE_DONE)
        fail("cannot apply the retention period", rc);
    return static_cast<size_t>(sqlite3_changes(m_db));
}

size_t EventStore::eventCount() const
{
    Statement st{prepare("SELECT count(*) FROM events")};
    return sqlite3_step(st.s) == SQLITE_ROW ? static_cast<size_t>(sqlite3_column_int64(st.s, 0))
                                            : 0;
}

size_t EventStore::deadLetterCount() const
{
    Statement st{prepare("SELECT count(*) FROM dead_letters")};
    return sqlite3_step(st.s) == SQLITE_ROW ? static_cast<size_t>(sqlite3_column_int64(st.s, 0))
                                            : 0;
}

std::vector<DeadLetter> EventStore::deadLetters(size_t limit) const
{
    Statement st{prepare("SELECT received_ns, source, reason, payload FROM dead_letters "
                         "ORDER BY id LIMIT ?")};
    sqlite3_bind_int64(st.s, 1, static_cast<int64_t>(limit));
    std::vector<DeadLetter> out;
    while (sqlite3_step(st.s) == SQLITE_ROW)
        out.push_back({sqlite3_column_int64(st.s, 0), columnText(st.s, 1), columnText(st.s, 2),
                       columnText(st.s, 3)});
    return out;
}

std::vector<LlmEvent> EventStore::events(int64_t from, int64_t to, size_t limit) const
{
    Statement st{prepare(
        "SELECT e.event_id, e.time_ns, e.service, v.model, v.prompt_version, v.temperature, "
        "v.top_p, v.max_tokens, e.variant_name, e.provider, e.operation, e.request_model, "
        "e.response_model, e.task_type, e.input_tokens, e.output_tokens, e.cache_read_tokens, "
        "e.cache_write_tokens, e.latency_ms, e.ttft_ms, e.status, e.error_type, e.finish_reason, "
        "e.cost_usd, e.user_feedback, e.evaluations, e.attributes "
        "FROM events e JOIN variants v ON v.id = e.variant_id "
        "WHERE e.time_ns >= ? AND e.time_ns < ? ORDER BY e.time_ns, e.seq LIMIT ?")};
    sqlite3_bind_int64(st.s, 1, from);
    sqlite3_bind_int64(st.s, 2, to);
    sqlite3_bind_int64(st.s, 3, static_cast<int64_t>(limit));
    auto optionalDouble = [&](int i) -> std::optional<double> {
        if (sqlite3_column_type(st.s, i) == SQLITE_NULL)
            return std::nullopt;
        return sqlite3_column_double(st.s, i);
    };
    std::vector<LlmEvent> out;
    while (sqlite3_step(st.s) == SQLITE_ROW) {
        LlmEvent e;
        const std::string id = columnText(st.s, 0);
        if (id.size() == 48 && id[0] != 'h') { // trace id (32) + span id (16)
            e.traceId = id.substr(0, 32);
            e.spanId = id.substr(32);
        }
        e.timeUnixNano = sqlite3_column_int64(st.s, 1);
        e.service = columnText(st.s, 2);
        e.variant.model = columnText(st.s, 3);
        e.variant.promptVersion = columnText(st.s, 4);
        e.variant.temperature = optionalDouble(5);
        e.variant.topP = optionalDouble(6);
        if (sqlite3_column_type(st.s, 7) != SQLITE_NULL)
            e.variant.maxTokens = sqlite3_column_int64(st.s, 7);
        e.variantName = columnText(st.s, 8);
        e.provider = columnText(st.s, 9);
        e.operation = columnText(st.s, 10);
        e.requestModel = columnText(st.s, 11);
        e.responseModel = columnText(st.s, 12);
        e.taskType = columnText(st.s, 13);
        e.inputTokens = sqlite3_column_int64(st.s, 14);
        e.outputTokens = sqlite3_column_int64(st.s, 15);
        e.cacheReadTokens = sqlite3_column_int64(st.s, 16);
        e.cacheWriteTokens = sqlite3_column_int64(st.s, 17);
        e.latencyMs = sqlite3_column_double(st.s, 18);
        e.ttftMs = optionalDouble(19);
        e.status = static_cast<CallStatus>(sqlite3_column_int(st.s, 20));
        e.errorType = columnText(st.s, 21);
        e.finishReason = columnText(st.s, 22);
        e.costUsd = optionalDouble(23);
        if (sqlite3_column_type(st.s, 24) != SQLITE_NULL)
            e.userFeedback = sqlite3_column_int(st.s, 24) != 0;
        for (const auto& ev : nlohmann::json::parse(columnText(st.s, 25)))
            e.evaluations.push_back(
                {ev.at("name").get<std::string>(), ev.at("score").get<double>()});
        const auto attributes = nlohmann::json::parse(columnText(st.s, 26)); // outlives items()
        for (const auto& [key, value] : attributes.items())
            e.attributes.emplace_back(key, value.get<std::string>());
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace llmopt
