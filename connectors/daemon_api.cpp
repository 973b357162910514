#include "daemon_api.h"

#include "audit_log.h"

#include "finding.h"

#include "analysis_report.h"
#include "engine_loop.h"
#include "event_store.h"
#include "ingest_queue.h"
#include "kafka_consumer.h"
#include "otlp_http_receiver.h"

#include "decision_service.h"
#include "recommendation.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>
#include <variant>

namespace llmopt {

using nlohmann::json;

namespace {

HttpResponse jsonResponse(int status, const json& body)
{
    return {status,
            "application/json",
            body.dump(2, ' ', false, json::error_handler_t::replace) + "\n",
            {}};
}

json ingestJson(const IngestCounters& c)
{
    return {{"received", c.received},
            {"stored", c.stored},
            {"duplicates", c.duplicates},
            {"rejected", c.rejected},
            {"unknown_cost", c.unknownCost}};
}

// The value of `name` in the target's query string, percent-decoded ("" when absent).
std::string queryValue(const std::string& target, const std::string& name)
{
    const size_t query = target.find('?');
    if (query == std::string::npos)
        return {};
    size_t at = query + 1;
    while (at < target.size()) {
        const size_t end = std::min(target.find('&', at), target.size());
        const size_t equals = target.find('=', at);
        if (equals < end && target.compare(at, equals - at, name) == 0) {
            std::string value;
            for (size_t i = equals + 1; i < end; ++i) {
                if (target[i] == '%' && i + 2 < end) {
                    int byte = 0;
                    const auto [ptr, ec]
                        = std::from_chars(target.data() + i + 1, target.data() + i + 3, byte, 16);
                    if (ec == std::errc() && ptr == target.data() + i + 3) {
                        value += char(byte);
                        i += 2;
                        continue;
                    }
                }
                value += target[i] == '+' ? ' ' : target[i];
            }
            return value;
        }
        at = end + 1;
    }
    return {};
}

size_t queryLimit(const std::string& target, size_t fallback, size_t max)
{
    const auto at = target.find("limit=");
    if (at == std::string::npos)
        return fallback;
    size_t value = fallback;
    const char* begin = target.data() + at + 6;
    std::from_chars(begin, target.data() + target.size(), value);
    return std::min(value, max);
}

} // namespace

DaemonApi::DaemonApi(Options options, EngineLoop& engine, const IngestQueue& queue, Sources sources)
    : m_options(std::move(options))
    , m_engine(engine)
    , m_queue(queue)
    , m_sources(sources)
    , m_server({m_options.address, m_options.port, 64 * 1024, 1, "api", {}, {}},
               [this](HttpRequest& r) { return handle(r); })
{
}

DaemonApi::~DaemonApi() = default;

void DaemonApi::start()
{
    if (!m_options.databasePath.empty() && m_options.databasePath != ":memory:") {
        m_store = std::make_unique<EventStore>(m_options.databasePath);
        m_audit = std::make_unique<AuditLog>(m_options.databasePath);
    }
    m_server.start();
}

void DaemonApi::stop()
{
    m_server.stop();
}

HttpResponse DaemonApi::handle(HttpRequest& request)
{
    if (!m_options.bearerToken.empty()
        && request.authorization != "Bearer " + m_options.bearerToken) {
        auto r = jsonResponse(401, {{"error", "missing or wrong bearer token (api.bearer_token)"}});
        r.headers.emplace_back("WWW-Authenticate", "Bearer");
        return r;
    }
    const std::string path = request.target.substr(0, request.target.find('?'));
    if (path == "/api/v1/decide" || path == "/api/v1/feedback") {
        if (request.method != "POST")
            return jsonResponse(405, {{"error", "use POST with a JSON body (docs/api.md)"}});
        if (!m_sources.decisions)
            return jsonResponse(404,
                                {{"error",
                                  "no per-request routing configured; add services "
                                  "under routing: in the configuration"}});
        return path == "/api/v1/decide" ? decide(request) : feedback(request);
    }
    if (request.method == "POST"
        && (path.starts_with("/api/v1/rollouts") || path.starts_with("/api/v1/recommendations/")))
        return command(request, path);
    if (request.method != "GET")
        return jsonResponse(405,
                            {{"error",
                              "only decide, feedback and operators' commands take "
                              "POST (docs/api.md); use GET"}});
    const EngineSnapshot engine = m_engine.snapshot();

    if (path == "/api/v1/health") {
        json sources = json::object();
        bool healthy = engine.lastError.empty();
        if (m_sources.otlpHttp) {
            sources["otlp-http"] = {{"running", m_sources.otlpHttp->isRunning()}};
            healthy = healthy && m_sources.otlpHttp->isRunning();
        }
        if (m_sources.kafka) {
            const KafkaConsumer::Health h = m_sources.kafka->health();
            sources["kafka"]
                = {{"running", h.running}, {"connected", h.connected}, {"last_error", h.lastError}};
            healthy = healthy && h.running;
        }
        const auto uptime = std::chrono::duration_cast<std::chrono::seconds>(
                                std::chrono::steady_clock::now() - m_started)
                                .count();
        return jsonResponse(healthy ? 200 : 503,
                            {{"status", healthy ? "ok" : "degraded"},
                             {"uptime_seconds", uptime},
                             {"last_store_error", engine.lastError},
                             {"sources", sources}});
    }
    if (path == "/api/v1/stats") {
        json sources = json::object();
        for (const auto& [name, c] : engine.sources)
            sources[name] = {{"ingest", ingestJson(c.ingest)},
                             {"dead_lettered", c.deadLettered},
                             {"batches", c.batches},
                             {"evaluations", c.evaluations},
                             {"evaluations_matched", c.evaluationsMatched}};
        json receivers = json::object();
        if (const OtlpHttpReceiver* r = m_sources.otlpHttp) {
            const auto& c = r->counters();
            receivers["otlp-http"] = {{"requests", c.requests.load()},
                                      {"spans_accepted", c.spansAccepted.load()},
                                      {"evaluations_accepted", c.evaluationsAccepted.load()},
                                      {"spans_rejected", c.spansRejected.load()},
                                      {"spans_skipped_not_llm", c.spansSkipped.load()},
                                      {"requests_refused", c.requestsRefused.load()},
                                      {"pushed_back", c.pushedBack.load()}};
        }
        if (const KafkaConsumer* k = m_sources.kafka) {
            const KafkaConsumer::Stats s = k->stats();
            receivers["kafka"] = {{"records", s.records},
                                  {"events", s.events},
                                  {"undecodable", s.undecodable},
                                  {"paused", s.pauses},
                                  {"lag", s.lag}};
        }
        return jsonResponse(200,
                            {{"queue",
                              {{"depth_events", m_queue.depthEvents()},
                               {"capacity_events", m_queue.capacityEvents()}}},
                             {"receivers", receivers},
                             {"engine", sources},
                             {"commits", engine.commits}});
    }
    if (path == "/api/v1/variants")
        return jsonResponse(200, {{"variants", AnalysisReport::variantsJson(engine.variants)}});
    if (path == "/api/v1/policy-value") {
        if (!m_store || !m_sources.decisions)
            return jsonResponse(404,
                                {{"error",
                                  "needs a database file (storage.path) and routing: "
                                  "in the configuration"}});
        const std::string service = queryValue(request.target, "service");
        const std::string variant = queryValue(request.target, "variant");
        std::vector<DecisionRecord> log;
        {
            std::lock_guard lock(m_storeMutex);
            log = m_store->decisions(service, queryLimit(request.target, 100000, 1000000));
        }
        const auto value = m_sources.decisions->evaluateFixedVariant(service, variant, log);
        if (!value)
            return jsonResponse(404,
                                {{"error",
                                  "no routed service \"" + service + "\" with a variant \""
                                      + variant + "\"; pass ?service=…&variant=…"}});
        return jsonResponse(value->contains("error") ? 409 : 200, *value);
    }
    if (path == "/api/v1/recommendations") {
        if (!m_store)
            return jsonResponse(404, {{"error", "no database file configured (storage.path)"}});
        std::vector<Recommendation> list;
        {
            std::lock_guard lock(m_storeMutex);
            list = m_store->recommendations(queryLimit(request.target, 100, 10000));
        }
        json out = json::array();
        for (const Recommendation& r : list)
            out.push_back(r.toJson());
        return jsonResponse(200, {{"recommendations", out}});
    }
    if (path == "/api/v1/experiments") {
        json out = json::array();
        for (const ExperimentResult& x : engine.experiments)
            out.push_back(x.toJson());
        return jsonResponse(200, {{"experiments", out}});
    }
    if (path == "/api/v1/dlq") {
        if (!m_store)
            return jsonResponse(404, {{"error", "no database file configured (storage.path)"}});
        std::vector<DeadLetter> letters;
        {
            std::lock_guard lock(m_storeMutex);
            letters = m_store->deadLetters(queryLimit(request.target, 100, 10000));
        }
        json out = json::array();
        for (const DeadLetter& d : letters)
            out.push_back({{"received_unix_nano", d.receivedUnixNano},
                           {"source", d.source},
                           {"reason", d.reason},
                           {"payload", d.payload}});
        return jsonResponse(200, {{"dead_letters", out}});
    }
    if (path == "/api/v1/findings") {
        if (!m_store)
            return jsonResponse(404, {{"error", "no database file configured (storage.path)"}});
        std::vector<Finding> findings;
        {
            std::lock_guard lock(m_storeMutex);
            findings = m_store->findings(queryLimit(request.target, 100, 10000));
        }
        json out = json::array();
        for (const Finding& f : findings)
            out.push_back(f.toJson());
        return jsonResponse(200,
                            {{"findings", out},
                             {"windows_closed", engine.windowsClosed},
                             {"late_events", engine.lateEvents}});
    }
    if (path == "/api/v1/rollouts" || path.starts_with("/api/v1/rollouts/")) {
        json out = json::array();
        for (const RolloutRecord& r : engine.rollouts)
            if (path == "/api/v1/rollouts" || path == "/api/v1/rollouts/" + std::to_string(r.id))
                out.push_back(r.toJson());
        if (path != "/api/v1/rollouts")
            return out.empty() ? jsonResponse(404, {{"error", "no rollout at " + path}})
                               : jsonResponse(200, out.front());
        json sinks = json::array();
        for (const PolicySinkStatus& s : engine.sinks)
            sinks.push_back({{"name", s.name},
                             {"acknowledged_version", s.acknowledgedVersion},
                             {"failures", s.failures},
                             {"message", s.message}});
        return jsonResponse(200,
                            {{"rollouts", out},
                             {"policy",
                              {{"version", engine.policyVersion},
                               {"acknowledged_version", engine.policyAcknowledged},
                               {"sinks", sinks}}}});
    }
    if (path == "/api/v1/audit")
        return audit(request);
    return jsonResponse(404, {{"error", "unknown path " + path + "; see docs/api.md"}});
}

HttpResponse DaemonApi::audit(const HttpRequest& request)
{
    if (!m_audit)
        return jsonResponse(404, {{"error", "no database file configured (storage.path)"}});
    std::vector<AuditRecord> records;
    AuditLog::VerifyResult verified;
    {
        std::lock_guard lock(m_storeMutex);
        records = m_audit->records(queryLimit(request.target, 100, 10000));
        verified = m_audit->verify();
    }
    json out = json::array();
    for (const AuditRecord& r : records)
        out.push_back({{"seq", r.seq},
                       {"time_unix_nano", r.timeUnixNano},
                       {"actor", r.actor},
                       {"action", r.action},
                       {"subject", r.subject},
                       {"evidence", r.evidence},
                       {"hash", r.hash}});
    return jsonResponse(200,
                        {{"records", out},
                         {"verify",
                          {{"ok", verified.ok},
                           {"checked", verified.checked},
                           {"broken_seq", verified.brokenSeq},
                           {"problem", verified.problem},
                           {"head_seq", verified.headSeq},
                           {"head_hash", verified.headHash}}}});
}

namespace {

int64_t nowUnixNano()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// A JSON object body, or the 400 response that says what is wrong with it.
std::variant<json, HttpResponse> objectBody(const HttpRequest& request, const char* example)
{
    json body = json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return jsonResponse(
            400, {{"error", std::string("the body is not a JSON object; send ") + example}});
    return body;
}

} // namespace

HttpResponse DaemonApi::command(const HttpRequest& request, const std::string& path)
{
    if (m_options.bearerToken.empty())
        return jsonResponse(403,
                            {{"error",
                              "commands over HTTP move production traffic and need "
                              "a bearer token: set api.bearer_token (or "
                              "LLMOPT_API_BEARER_TOKEN) and send it as "
                              "Authorization: Bearer …"}});
    auto parsed = objectBody(request, R"({"operator": "alice@workstation", "reason": "…"})");
    if (auto* error = std::get_if<HttpResponse>(&parsed))
        return std::move(*error);
    const json& body = std::get<json>(parsed);
    ActuatorCommand c;
    try {
        c.actor = body.value("operator", std::string());
        c.reason = body.value("reason", std::string());
        c.evidence = {{"via", "api"}};
        if (path == "/api/v1/rollouts") {
            c.kind = ActuatorCommand::Kind::Start;
            c.service = body.value("service", std::string());
            c.stable = body.value("stable", std::string());
            c.candidate = body.value("candidate", std::string());
            if (const auto plan = body.find("plan"); plan != body.end()) {
                const std::vector<int> weights
                    = plan->value("weights", std::vector<int>{1, 5, 25, 50});
                c.plan = RolloutPlan::fromWeights(weights,
                                                  plan->value("confirm_before_promotion", true));
                c.plan->minSamplesPerAnalysis
                    = plan->value("min_samples_per_analysis", uint64_t(200));
                c.plan->failureLimit = plan->value("failure_limit", 0);
                c.plan->inconclusiveLimit = plan->value("inconclusive_limit", 1);
            }
        } else {
            // /api/v1/{rollouts|recommendations}/{id}/{verb}
            const size_t idStart = path.find('/', std::string("/api/v1/").size()) + 1;
            const size_t idEnd = path.find('/', idStart);
            const std::string verb = idEnd == std::string::npos ? "" : path.substr(idEnd + 1);
            int64_t id = 0;
            const char* idLast = path.data() + (idEnd == std::string::npos ? path.size() : idEnd);
            const auto [end, ec] = std::from_chars(path.data() + idStart, idLast, id);
            const auto kind = ActuatorCommand::kindFromName(verb);
            const bool rollout = path.starts_with("/api/v1/rollouts/");
            const bool fits = rollout
                ? (kind == ActuatorCommand::Kind::Confirm || kind == ActuatorCommand::Kind::Abort
                   || kind == ActuatorCommand::Kind::Rollback)
                : (kind == ActuatorCommand::Kind::Approve || kind == ActuatorCommand::Kind::Reject);
            if (idEnd == std::string::npos || ec != std::errc() || end != idLast || !fits)
                return jsonResponse(404,
                                    {{"error",
                                      "unknown command " + path
                                          + "; see docs/api.md (rollouts/{id}/"
                                            "confirm|abort|rollback, "
                                            "recommendations/{id}/approve|reject)"}});
            c.kind = *kind;
            (rollout ? c.rolloutId : c.recommendationId) = id;
        }
    } catch (const json::exception& e) {
        return jsonResponse(400,
                            {{"error", std::string("a field has the wrong type: ") + e.what()}});
    }
    std::future<CommandResult> pending = m_engine.command(std::move(c));
    if (pending.wait_for(std::chrono::seconds(30)) != std::future_status::ready)
        return jsonResponse(503,
                            {{"error",
                              "the engine did not answer within 30 s; the command "
                              "may still be carried out — check GET "
                              "/api/v1/audit"}});
    const CommandResult r = pending.get();
    json out{{"message", r.message}};
    if (r.rolloutId)
        out["rollout_id"] = r.rolloutId;
    if (r.auditSeq)
        out["audit_seq"] = r.auditSeq;
    if (!r.ok())
        out["error"] = r.message;
    return jsonResponse(r.status, out);
}

HttpResponse DaemonApi::decide(const HttpRequest& request)
{
    auto parsed = objectBody(request,
                             R"({"service": "…", "context": {"task_type": "…", )"
                             R"("input_tokens": 1200}})");
    if (auto* error = std::get_if<HttpResponse>(&parsed))
        return std::move(*error);
    const json& body = std::get<json>(parsed);
    const auto service = body.find("service");
    if (service == body.end() || !service->is_string())
        return jsonResponse(400,
                            {{"error", "\"service\" (a string, the service.name) is missing"}});
    RequestContext context;
    const int64_t now = nowUnixNano();
    context.hourUtc = double(now / 1'000'000'000 % 86400) / 3600.0;
    if (const auto c = body.find("context"); c != body.end() && c->is_object()) {
        if (const auto t = c->find("task_type"); t != c->end() && t->is_string())
            context.taskType = t->get<std::string>();
        if (const auto n = c->find("input_tokens"); n != c->end()) {
            if (!n->is_number_unsigned() || n->get<uint64_t>() > 100'000'000)
                return jsonResponse(400,
                                    {{"error",
                                      "context.input_tokens must be a whole number "
                                      "from 0 to 100000000"}});
            context.inputTokens = n->get<int64_t>();
        }
        if (const auto h = c->find("hour"); h != c->end()) {
            if (!h->is_number() || !(h->get<double>() >= 0 && h->get<double>() < 24))
                return jsonResponse(400,
                                    {{"error",
                                      "context.hour must be a number from 0 to "
                                      "below 24 (UTC)"}});
            context.hourUtc = h->get<double>();
        }
    }
    const auto d = m_sources.decisions->decide(service->get<std::string>(), context, now);
    if (!d)
        return jsonResponse(404,
                            {{"error",
                              "no routing for service \"" + service->get<std::string>()
                                  + "\"; add it under routing: in the configuration"}});
    return jsonResponse(200,
                        {{"decision_id", d->id},
                         {"variant", d->variant->name},
                         {"model", d->variant->model},
                         {"prompt_version", d->variant->promptVersion},
                         {"params", d->variant->params},
                         {"propensity", d->propensity}});
}

HttpResponse DaemonApi::feedback(const HttpRequest& request)
{
    auto parsed = objectBody(
        request, R"({"decision_id": 42, "quality": 0.9, "cost_usd": 0.001, "latency_ms": 800})");
    if (auto* error = std::get_if<HttpResponse>(&parsed))
        return std::move(*error);
    const json& body = std::get<json>(parsed);
    auto number = [&](const char* name) -> std::optional<double> {
        const auto it = body.find(name);
        return it != body.end() && it->is_number() ? std::optional(it->get<double>())
                                                   : std::nullopt;
    };
    const auto id = body.find("decision_id");
    const auto quality = number("quality");
    const auto cost = number("cost_usd"), latency = number("latency_ms");
    if (id == body.end() || !id->is_number_unsigned() || !quality
        || !(*quality >= 0 && *quality <= 1))
        return jsonResponse(400,
                            {{"error",
                              "decision_id (from /decide) and quality (0–1) are "
                              "required; cost_usd and latency_ms when the reward "
                              "weighs them"}});
    if ((cost && !(*cost >= 0 && *cost <= 1e6)) || (latency && !(*latency >= 0 && *latency <= 1e9)))
        return jsonResponse(400, {{"error", "cost_usd must be 0–1000000 and latency_ms 0–1e9"}});
    // A missing cost or latency is NaN: refused when the reward weighs it.
    if (!m_sources.decisions->feedback(id->get<uint64_t>(), *quality, cost.value_or(std::nan("")),
                                       latency.value_or(std::nan("")), nowUnixNano()))
        return jsonResponse(409,
                            {{"error",
                              "unknown, expired or already answered decision_id, "
                              "or a cost or latency the reward weighs is missing"}});
    return jsonResponse(200, {{"accepted", true}});
}

} // namespace llmopt
