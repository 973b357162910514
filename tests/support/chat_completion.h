#pragma once

#include "http_server.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

// An OpenAI Chat Completions answer (non-streaming) saying `text`, as the
// fake providers of the tests send it.
inline llmopt::HttpResponse chatCompletion(const std::string& model, const std::string& text,
                                           int64_t promptTokens, int64_t completionTokens)
{
    using nlohmann::json;
    const json answer
        = {{"id", "chatcmpl-1"},
           {"object", "chat.completion"},
           {"model", model},
           {"choices",
            json::array({{{"index", 0},
                          {"message", {{"role", "assistant"}, {"content", text}}},
                          {"finish_reason", "stop"}}})},
           {"usage", {{"prompt_tokens", promptTokens}, {"completion_tokens", completionTokens}}}};
    return {200, "application/json", answer.dump(), {}};
}
