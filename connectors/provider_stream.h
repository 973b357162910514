#pragma once

#include "provider_protocol.h"
#include "sse_parser.h"

#include <string_view>
#include <vector>

namespace llmopt {

// Decodes one streamed answer (server-sent events) as its bytes arrive:
// OpenAI's "data: {chunk}" lines up to "data: [DONE]", the last chunk carrying
// usage (stream_options.include_usage); or Anthropic's message_start,
// content_block_delta, message_delta, message_stop and error events.
class ProviderStream {
public:
    explicit ProviderStream(const ProviderProtocol& protocol);

    void feed(std::string_view bytes);
    // Whether the first piece of the answer (text, a tool call, thinking) has
    // arrived: the moment that ends the time to first token.
    bool hasContent() const { return m_hasContent; }
    // After the last byte: the answer, or why there is none — an error event,
    // malformed JSON, or a stream that ended before its end marker.
    ProviderReply finish();

private:
    void onEvent(const SseEvent& event);
    void onOpenAiChunk(const nlohmann::json& chunk);
    void onAnthropicEvent(const std::string& type, const nlohmann::json& event);
    void takeAnthropicUsage(const nlohmann::json& usage);

    const ProviderProtocol& m_protocol;
    SseParser m_parser;
    std::vector<SseEvent> m_events; // reused between feeds
    ProviderReply m_reply;
    std::optional<ProviderReply> m_failure; // the first error; later bytes are ignored
    int64_t m_anthropicInput = -1; // Anthropic's input_tokens, without cached tokens
    bool m_hasContent = false;
    bool m_ended = false; // [DONE] or message_stop seen
};

} // namespace llmopt
