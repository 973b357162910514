#pragma once

#include "http_server.h"

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace llmopt {

class DecisionService;
class EngineLoop;
class AuditLog;
class EventStore;
class IngestQueue;
class KafkaConsumer;
class OtlpHttpReceiver;

// The headless daemon's HTTP API (docs/api.md): health, ingest statistics,
// per-variant aggregates and the dead-letter table, as JSON.
class DaemonApi {
public:
    struct Options {
        std::string address = "127.0.0.1";
        uint16_t port = 8080;
        std::string bearerToken;
        std::string databasePath; // read through a connection of the API's own
    };
    struct Sources {
        const OtlpHttpReceiver* otlpHttp = nullptr;
        const KafkaConsumer* kafka = nullptr;
        DecisionService* decisions = nullptr; // POST /decide and /feedback, when routing is set
    };

    DaemonApi(Options options, EngineLoop& engine, const IngestQueue& queue, Sources sources);
    ~DaemonApi();

    void start(); // throws std::runtime_error with the setting to change
    void stop();
    uint16_t port() const { return m_server.port(); }

    HttpResponse handle(HttpRequest& request);

private:
    HttpResponse decide(const HttpRequest& request);
    HttpResponse feedback(const HttpRequest& request);
    // POST /api/v1/rollouts[/{id}/{confirm|abort|rollback}] and
    // /api/v1/recommendations/{id}/{approve|reject}: operators' commands.
    HttpResponse command(const HttpRequest& request, const std::string& path);
    HttpResponse audit(const HttpRequest& request);

    Options m_options;
    EngineLoop& m_engine;
    const IngestQueue& m_queue;
    Sources m_sources;
    std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
    std::mutex m_storeMutex;
    std::unique_ptr<EventStore> m_store;
    std::unique_ptr<AuditLog> m_audit; // guarded by m_storeMutex
    HttpServer m_server;
};

} // namespace llmopt
