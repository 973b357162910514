#include "provider_protocol.h"

#include "json_fields.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

namespace llmopt {

using nlohmann::json;

namespace {

constexpr size_t kQuotedBytes = 300;

// The provider's words (or the first bytes of its answer) on one line, shortened.
std::string quote(std::string_view text)
{
    size_t n = std::min(text.size(), kQuotedBytes);
    while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80)
        --n; // do not cut a UTF-8 sequence in two
    std::string out(text.substr(0, n));
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20)
            c = ' ';
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return n < text.size() ? out + "…" : out;
}

bool mentions(std::string_view text, std::string_view word)
{
    return std::search(
               text.begin(), text.end(), word.begin(), word.end(),
               [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; })
        != text.end();
}

bool retryableStatus(long status)
{
    return status == 408 || status == 409 || status == 429 || (status >= 500 && status <= 599);
}

ProviderReply failure(std::string errorType, std::string error, bool retryable)
{
    ProviderReply r;
    r.errorType = std::move(errorType);
    r.error = std::move(error);
    r.retryable = retryable;
    return r;
}

// The error object of an answer in any of the shapes seen in the wild:
// {"error": {"message", "type", "code"}} (OpenAI, Anthropic, vLLM),
// {"error": "text"} (Ollama's own API) or {"message": …, "type": …} (older vLLM).
struct ProviderError {
    std::string message;
    std::string type;
    std::string code;
};

std::optional<ProviderError> errorIn(const json& answer)
{
    const json& error = memberAt(answer, "error");
    if (error.is_object()) {
        ProviderError e{stringAt(error, "message"), stringAt(error, "type"),
                        stringAt(error, "code")};
        return e;
    }
    if (error.is_string())
        return ProviderError{error.get<std::string>(), {}, {}};
    if (stringAt(answer, "object") == "error")
        return ProviderError{stringAt(answer, "message"), stringAt(answer, "type"), {}};
    return std::nullopt;
}

} // namespace

ProviderProtocol::ProviderProtocol(ProviderKind kind, std::string providerName)
    : m_kind(kind)
    , m_provider(providerName.empty() ? defaultName(kind) : std::move(providerName))
{
}

std::string ProviderProtocol::defaultName(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::OpenAi:
        return "openai";
    case ProviderKind::Anthropic:
        return "anthropic";
    case ProviderKind::OpenAiCompatible:
        break;
    }
    return "openai_compatible";
}

std::string ProviderProtocol::defaultBaseUrl(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::OpenAi:
        return "https://api.openai.com";
    case ProviderKind::Anthropic:
        return "https://api.anthropic.com";
    case ProviderKind::OpenAiCompatible:
        break;
    }
    return {};
}

std::string ProviderProtocol::endpoint(std::string_view baseUrl) const
{
    while (baseUrl.ends_with('/'))
        baseUrl.remove_suffix(1);
    // OpenAI-compatible servers document their base URL with /v1 (Ollama's
    // "http://localhost:11434/v1"): accept it with or without.
    if (baseUrl.ends_with("/v1"))
        baseUrl.remove_suffix(3);
    return std::string(baseUrl)
        + (m_kind == ProviderKind::Anthropic ? "/v1/messages" : "/v1/chat/completions");
}

std::vector<std::string> ProviderProtocol::headers(const std::optional<std::string>& apiKey) const
{
    std::vector<std::string> out{"Content-Type: application/json"};
    if (m_kind == ProviderKind::Anthropic) {
        out.emplace_back("anthropic-version: 2023-06-01");
        if (apiKey)
            out.push_back("x-api-key: " + *apiKey);
    } else if (apiKey) {
        out.push_back("Authorization: Bearer " + *apiKey);
    }
    return out;
}

std::string ProviderProtocol::body(const ChatRequest& request) const
{
    json body = request.params.is_object() ? request.params : json::object();
    json messages = json::array();
    if (m_kind == ProviderKind::Anthropic) {
        if (request.system)
            body["system"] = *request.system;
        if (!body.contains("max_tokens"))
            body["max_tokens"] = kDefaultAnthropicMaxTokens;
    } else if (request.system) {
        messages.push_back({{"role", "system"}, {"content", *request.system}});
    }
    for (const ChatMessage& m : request.messages)
        messages.push_back({{"role", m.role}, {"content", m.content}});
    body["model"] = request.model;
    body["messages"] = std::move(messages);
    body["stream"] = request.stream;
    if (request.stream && m_kind != ProviderKind::Anthropic)
        body["stream_options"] = {{"include_usage", true}}; // usage in the last chunk
    else
        body.erase("stream_options");
    // Invalid UTF-8 in a prompt is replaced rather than thrown on.
    return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

ProviderReply ProviderProtocol::decodeResponse(std::string_view body) const
{
    const json answer = json::parse(body, nullptr, false);
    if (answer.is_discarded() || !answer.is_object())
        return malformed(body);
    if (auto error = inBandError(answer))
        return *error;
    ProviderReply r;
    r.responseModel = stringAt(answer, "model");
    const json& usage = memberAt(answer, "usage");
    if (m_kind == ProviderKind::Anthropic) {
        const json& content = memberAt(answer, "content");
        if (!content.is_array())
            return failure("invalid_response",
                           m_provider + " answered without content: \"" + quote(body) + "\"",
                           false);
        for (const json& block : content)
            if (stringAt(block, "type") == "text")
                r.text += stringAt(block, "text");
        r.finishReason = finishReason(stringAt(answer, "stop_reason"));
        const int64_t input = countAt(usage, "input_tokens");
        r.cacheReadTokens = std::max<int64_t>(0, countAt(usage, "cache_read_input_tokens"));
        r.cacheWriteTokens = std::max<int64_t>(0, countAt(usage, "cache_creation_input_tokens"));
        if (input >= 0) // Anthropic counts cached tokens apart; the event includes them
            r.inputTokens = input + r.cacheReadTokens + r.cacheWriteTokens;
        r.outputTokens = countAt(usage, "output_tokens");
    } else {
        const json& choices = memberAt(answer, "choices");
        if (!choices.is_array() || choices.empty())
            return failure("invalid_response",
                           m_provider + " answered without choices: \"" + quote(body) + "\"",
                           false);
        const json& first = choices.front();
        r.text = stringAt(memberAt(first, "message"), "content");
        r.finishReason = finishReason(stringAt(first, "finish_reason"));
        r.inputTokens = countAt(usage, "prompt_tokens");
        r.outputTokens = countAt(usage, "completion_tokens");
        r.cacheReadTokens = std::max<int64_t>(
            0, countAt(memberAt(usage, "prompt_tokens_details"), "cached_tokens"));
    }
    r.ok = true;
    return r;
}

ProviderReply ProviderProtocol::decodeError(long status, std::string_view body,
                                            const std::string& model,
                                            const std::string& keyHint) const
{
    const json answer = json::parse(body, nullptr, false);
    const ProviderError e = errorIn(answer).value_or(ProviderError{});
    const std::string code = "HTTP " + std::to_string(status);
    const std::string words = e.message.empty() ? quote(body) : quote(e.message);
    const std::string said = words.empty() ? code : code + ": " + words;
    const std::string type = std::to_string(status);

    if (status == 401)
        return failure(type,
                       "the API key for " + m_provider + " was refused (" + code + "); " + keyHint,
                       false);
    if (status == 403)
        return failure(type,
                       "the API key for " + m_provider + " was refused (" + said + "); " + keyHint
                           + ", with a key that may use the model \"" + model + "\"",
                       false);
    if (e.code == "insufficient_quota")
        return failure("insufficient_quota",
                       m_provider + " says the account's quota is used up (" + said
                           + "); add credit or raise the limit in the provider's billing "
                             "settings — asking again does not help",
                       false);
    if (e.code == "model_not_found" || (status == 404 && mentions(words, "model"))) {
        std::string fix = "check the model name";
        if (m_kind == ProviderKind::OpenAiCompatible)
            fix += " (Ollama: `ollama pull " + model + "`; vLLM: the --served-model-name)";
        return failure(
            type, m_provider + " does not know the model \"" + model + "\" (" + said + "); " + fix,
            false);
    }
    if (status == 404)
        return failure(
            type,
            m_provider + " has no such endpoint (" + said
                + "); check the base URL: the client appends "
                + (m_kind == ProviderKind::Anthropic ? "/v1/messages" : "/v1/chat/completions"),
            false);
    if (status == 429)
        return failure(type, m_provider + " is rate limiting (" + said + ")", true);
    if (status == 529 || e.type == "overloaded_error")
        return failure(type, m_provider + " is overloaded (" + said + ")", true);
    if (retryableStatus(status))
        return failure(type, m_provider + " failed to answer (" + said + ")", true);
    return failure(type, m_provider + " refused the request (" + said + ")", false);
}

std::optional<ProviderReply> ProviderProtocol::inBandError(const nlohmann::json& answer) const
{
    const auto e = errorIn(answer);
    if (!e)
        return std::nullopt;
    // Overloaded or failing servers are worth asking again; a refused request is not.
    const bool retryable = e->type == "server_error" || e->type == "api_error"
        || e->type == "overloaded_error" || e->type == "rate_limit_error";
    return failure(e->type.empty() ? "_OTHER" : e->type,
                   m_provider + " reported an error"
                       + (e->type.empty() ? std::string() : " (" + e->type + ")") + ": "
                       + quote(e->message),
                   retryable);
}

ProviderReply ProviderProtocol::malformed(std::string_view text) const
{
    return failure("invalid_response",
                   m_provider + " answered with malformed JSON: \"" + quote(text) + "\"", false);
}

std::string ProviderProtocol::finishReason(std::string_view providerReason)
{
    if (providerReason == "end_turn" || providerReason == "stop_sequence")
        return "stop";
    if (providerReason == "max_tokens")
        return "length";
    if (providerReason == "tool_use" || providerReason == "function_call")
        return "tool_calls";
    if (providerReason == "refusal")
        return "content_filter";
    return std::string(providerReason);
}

} // namespace llmopt
