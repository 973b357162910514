#include "provider_stream.h"

#include "json_fields.h"

namespace llmopt {

using nlohmann::json;

namespace {

// Sets `target` when the answer has this count; leaves it otherwise.
void takeCount(const json& object, const char* key, int64_t& target)
{
    const json& value = memberAt(object, key);
    if (value.is_number_integer())
        target = value.get<int64_t>();
}

} // namespace

ProviderStream::ProviderStream(const ProviderProtocol& protocol)
    : m_protocol(protocol)
{
}

void ProviderStream::feed(std::string_view bytes)
{
    if (m_failure)
        return;
    m_events.clear();
    m_parser.feed(bytes, m_events);
    for (const SseEvent& event : m_events) {
        if (m_failure)
            return;
        onEvent(event);
    }
}

void ProviderStream::onEvent(const SseEvent& event)
{
    if (m_protocol.kind() != ProviderKind::Anthropic && event.data == "[DONE]") {
        m_ended = true;
        return;
    }
    const json data = json::parse(event.data, nullptr, false);
    if (data.is_discarded() || !data.is_object()) {
        m_failure = m_protocol.malformed(event.data);
        return;
    }
    if (auto error = m_protocol.inBandError(data)) {
        m_failure = std::move(error);
        m_failure->error += " (in the middle of the stream)";
        return;
    }
    if (m_protocol.kind() == ProviderKind::Anthropic) {
        // The data names its own type; the event line says the same.
        const std::string type = stringAt(data, "type");
        onAnthropicEvent(type.empty() ? event.event : type, data);
    } else {
        onOpenAiChunk(data);
    }
}

void ProviderStream::onOpenAiChunk(const json& chunk)
{
    if (m_reply.responseModel.empty())
        m_reply.responseModel = stringAt(chunk, "model");
    const json& choices = memberAt(chunk, "choices");
    if (choices.is_array() && !choices.empty()) {
        const json& choice = choices.front();
        const json& delta = memberAt(choice, "delta");
        const std::string text = stringAt(delta, "content");
        m_reply.text += text;
        if (!text.empty() || memberAt(delta, "tool_calls").is_array()
            || !stringAt(delta, "refusal").empty())
            m_hasContent = true;
        const std::string reason = stringAt(choice, "finish_reason");
        if (!reason.empty())
            m_reply.finishReason = ProviderProtocol::finishReason(reason);
    }
    const json& usage = memberAt(chunk, "usage");
    if (usage.is_object()) {
        takeCount(usage, "prompt_tokens", m_reply.inputTokens);
        takeCount(usage, "completion_tokens", m_reply.outputTokens);
        takeCount(memberAt(usage, "prompt_tokens_details"), "cached_tokens",
                  m_reply.cacheReadTokens);
    }
}

void ProviderStream::onAnthropicEvent(const std::string& type, const json& event)
{
    if (type == "message_start") {
        const json& message = memberAt(event, "message");
        m_reply.responseModel = stringAt(message, "model");
        takeAnthropicUsage(memberAt(message, "usage"));
    } else if (type == "content_block_delta") {
        const json& delta = memberAt(event, "delta");
        if (stringAt(delta, "type") == "text_delta")
            m_reply.text += stringAt(delta, "text");
        m_hasContent = true; // text, a tool call's JSON or thinking: the model is answering
    } else if (type == "message_delta") {
        const std::string reason = stringAt(memberAt(event, "delta"), "stop_reason");
        if (!reason.empty())
            m_reply.finishReason = ProviderProtocol::finishReason(reason);
        takeAnthropicUsage(memberAt(event, "usage")); // cumulative counts
    } else if (type == "message_stop") {
        m_ended = true;
    }
    // ping, content_block_start and content_block_stop carry nothing the event needs.
}

void ProviderStream::takeAnthropicUsage(const json& usage)
{
    takeCount(usage, "input_tokens", m_anthropicInput);
    takeCount(usage, "output_tokens", m_reply.outputTokens);
    takeCount(usage, "cache_read_input_tokens", m_reply.cacheReadTokens);
    takeCount(usage, "cache_creation_input_tokens", m_reply.cacheWriteTokens);
}

ProviderReply ProviderStream::finish()
{
    if (m_failure)
        return *m_failure;
    ProviderReply r = m_reply;
    if (m_protocol.kind() == ProviderKind::Anthropic && m_anthropicInput >= 0)
        r.inputTokens = m_anthropicInput + r.cacheReadTokens + r.cacheWriteTokens;
    // Some OpenAI-compatible servers close without "[DONE]"; an answer with
    // its finish reason is complete all the same.
    if (!m_ended && r.finishReason.empty()) {
        const bool anthropic = m_protocol.kind() == ProviderKind::Anthropic;
        r.errorType = "stream_incomplete";
        r.error = "the stream from " + m_protocol.providerName()
            + " ended before the answer was complete (no "
            + (anthropic ? "message_stop event" : "[DONE]")
            + (m_parser.hasIncompleteEvent() ? ", and its last event was cut off" : "") + ")";
        r.retryable = true;
        return r;
    }
    r.ok = true;
    return r;
}

} // namespace llmopt
