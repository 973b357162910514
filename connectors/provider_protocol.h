#pragma once

#include "chat_request.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llmopt {

enum class ProviderKind {
    OpenAi, // api.openai.com, Chat Completions
    Anthropic, // api.anthropic.com, Messages
    OpenAiCompatible, // Chat Completions elsewhere: Ollama, vLLM, LM Studio, gateways
};

// What one answer from a provider amounts to, whether it succeeded or not.
struct ProviderReply {
    bool ok = false;
    std::string text;
    std::string responseModel;
    int64_t inputTokens = -1; // cache reads and writes included, as in LlmEvent
    int64_t outputTokens = -1;
    int64_t cacheReadTokens = 0;
    int64_t cacheWriteTokens = 0;
    std::string finishReason; // "stop", "length", "content_filter", "tool_calls", …
    // When !ok: a short, low-cardinality kind (the HTTP status, "timeout",
    // "invalid_response", "insufficient_quota", …), a message that says what to do,
    // and whether asking again may help.
    std::string errorType;
    std::string error;
    bool retryable = false;
};

// The wire format of one provider: request paths, headers and bodies, and
// what its answers and errors mean. Pure functions of their arguments.
class ProviderProtocol {
public:
    ProviderProtocol(ProviderKind kind, std::string providerName);

    ProviderKind kind() const { return m_kind; }
    const std::string& providerName() const { return m_provider; }
    // "openai", "anthropic" or "openai_compatible".
    static std::string defaultName(ProviderKind kind);
    // The provider's own base URL; empty for OpenAI-compatible servers.
    static std::string defaultBaseUrl(ProviderKind kind);

    // The endpoint under `baseUrl` ("http://localhost:11434" and
    // "http://localhost:11434/v1" both give …/v1/chat/completions).
    std::string endpoint(std::string_view baseUrl) const;
    // Header lines ("Name: value") to send; the key goes in the one header the
    // provider reads it from, and is left out when there is none.
    std::vector<std::string> headers(const std::optional<std::string>& apiKey) const;
    // The JSON body for `request`. Anthropic requires max_tokens: without one
    // in params, kDefaultAnthropicMaxTokens is sent.
    std::string body(const ChatRequest& request) const;
    static constexpr int kDefaultAnthropicMaxTokens = 4096;

    // A 2xx answer to a request without streaming.
    ProviderReply decodeResponse(std::string_view body) const;
    // Any other answer. `model` is named when it is unknown; `keyHint` says how
    // to set the key when the provider refuses it. The provider's words are
    // quoted except on 401, where some providers echo part of the key.
    ProviderReply decodeError(long status, std::string_view body, const std::string& model,
                              const std::string& keyHint) const;
    // An error reported inside an answer with status 200: a streamed error
    // event, or a body with an "error" member.
    std::optional<ProviderReply> inBandError(const nlohmann::json& answer) const;
    // The reply for an answer that is not the JSON it should be.
    ProviderReply malformed(std::string_view text) const;
    // The provider's finish or stop reason in the event's vocabulary (OpenAI's):
    // end_turn and stop_sequence → stop, max_tokens → length, tool_use →
    // tool_calls, refusal → content_filter; anything else unchanged.
    static std::string finishReason(std::string_view providerReason);

private:
    ProviderKind m_kind;
    std::string m_provider;
};

} // namespace llmopt
