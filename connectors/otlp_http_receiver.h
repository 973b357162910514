#pragma once

#include "http_server.h"

#include <atomic>
#include <cstdint>
#include <string>

namespace llmopt {

class IngestQueue;

// OTLP/HTTP receiver: POST /v1/traces (GenAI spans) and /v1/logs
// (gen_ai.evaluation.result records) with application/x-protobuf or
// application/json bodies (gzip accepted), answered as the OTLP specification
// says — partial success for malformed spans (which go to the dead-letter
// table), 400 for an undecodable body, 413 above the size limit after
// decompression, 415 for other content types, 401 without the bearer token,
// 503 with Retry-After when the engine's queue is full.
class OtlpHttpReceiver {
public:
    struct Options {
        std::string address = "127.0.0.1";
        uint16_t port = 4318;
        size_t maxBodyBytes = 16 * 1024 * 1024; // after decompression
        std::string bearerToken; // empty: no authentication
        int threads = 1;
        int retryAfterSeconds = 1;
        std::string tlsCertificateFile; // PEM; with the key: HTTPS
        std::string tlsPrivateKeyFile;
        std::string sourceName = "otlp-http"; // names its batches and dead letters
    };

    struct Counters {
        std::atomic<uint64_t> requests{0};
        std::atomic<uint64_t> spansAccepted{0}; // decoded and handed to the engine
        std::atomic<uint64_t> evaluationsAccepted{0}; // gen_ai.evaluation.result log records
        std::atomic<uint64_t> spansRejected{0}; // malformed spans or log records, dead-lettered
        std::atomic<uint64_t> spansSkipped{0}; // not LLM calls
        std::atomic<uint64_t> requestsRefused{0}; // 4xx: undecodable, too large, wrong type, auth
        std::atomic<uint64_t> pushedBack{0}; // 503: the engine's queue was full
    };

    OtlpHttpReceiver(Options options, IngestQueue& queue);

    void start(); // throws std::runtime_error with the setting to change
    void stop();
    bool isRunning() const { return m_server.isRunning(); }
    uint16_t port() const { return m_server.port(); }
    const Counters& counters() const { return m_counters; }

    // The request handling without the network, for tests and fuzzing.
    HttpResponse handle(HttpRequest& request);

private:
    Options m_options;
    IngestQueue& m_queue;
    Counters m_counters;
    HttpServer m_server;
};

} // namespace llmopt
