#pragma once

#include "chat_request.h"
#include "credential_source.h"
#include "llm_event.h"
#include "provider_protocol.h"

#include <functional>
#include <memory>
#include <string>

namespace llmopt {

// What one call came to. The event's service and variant are the caller's to
// fill; its evaluations are empty.
struct ChatResult {
    LlmEvent event; // latency and TTFT of the last attempt; its start time
    std::string text; // the answer's text
    std::string error; // empty when the call succeeded; otherwise what to do about it
    int attempts = 0; // HTTP requests sent (0 when the call never got that far)
    double totalMs = 0.0; // from submit() to the answer: queueing, rate limit and backoff too
    bool ok() const { return error.empty(); }
};

// Calls one LLM provider — OpenAI Chat Completions, Anthropic Messages, or an
// OpenAI-compatible server (Ollama, vLLM, LM Studio) — for offline experiment
// runs, and turns each call into an LlmEvent.
//
// One worker thread drives libcurl's multi interface: many calls in flight on
// kept-alive connections, at most maxConcurrency at once, started no faster
// than requestsPerSecond. Calls that failed with 408, 409, 429, 5xx, 529, a
// connection error, a timeout or a broken stream are tried again after an
// exponential backoff with full jitter (a random wait between 0 and
// initialBackoffMs × 2^(attempt−1), capped at maxBackoffMs), and never sooner
// than the provider's retry-after-ms or Retry-After asks (up to 60 s; a longer
// wait ends the call). Any other 4xx is final, and so is a 429 whose code is
// insufficient_quota. timeoutMs bounds each attempt.
//
// The API key comes from the CredentialSource once, when the client is made;
// it is sent in the provider's header and appears in no message or event.
class ProviderClient {
public:
    struct Options {
        ProviderKind kind = ProviderKind::OpenAi;
        // The provider's name in events and for its key ("ollama", "vllm");
        // empty: ProviderProtocol::defaultName(kind).
        std::string name;
        // Empty: the provider's own (OpenAI, Anthropic). Required for
        // OpenAI-compatible servers, e.g. "http://localhost:11434" (Ollama).
        std::string baseUrl;
        int maxConcurrency = 8;
        double requestsPerSecond = 0; // 0: no limit
        int maxAttempts = 5; // the first one included
        int initialBackoffMs = 500;
        int maxBackoffMs = 20000;
        int timeoutMs = 60000; // per attempt, connecting included
    };
    using Done = std::function<void(ChatResult)>;

    // Throws std::runtime_error when libcurl cannot be initialised.
    ProviderClient(Options options, std::shared_ptr<const CredentialSource> credentials);
    // Ends every call still queued or in flight (as cancelled) and stops the worker.
    ~ProviderClient();
    ProviderClient(const ProviderClient&) = delete;
    ProviderClient& operator=(const ProviderClient&) = delete;

    // Queues a call. `done` runs exactly once, on the client's worker thread:
    // keep it short, and do not call waitIdle() or destroy the client from it
    // (submit() is fine).
    void submit(ChatRequest request, Done done);
    // Blocks until every call submitted so far has run its `done`.
    void waitIdle();
    // Ends every call submitted so far: queued ones at once, those in flight
    // by closing their transfer; their `done` sees the error type
    // "cancelled". Calls submitted afterwards run normally.
    void cancelAll();

    const std::string& provider() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace llmopt
