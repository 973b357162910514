#pragma once

#include "http_server.h"
#include "price_table.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

// The fake providers' two models, "model-a" and "model-b" of `provider`:
// output $1000 per million tokens ($0.001 a token), input free.
inline llmopt::PriceTable fakeModelPrices(const std::string& provider)
{
    llmopt::PriceTable table;
    for (const char* model : {"model-a", "model-b"}) {
        llmopt::ModelPrice p;
        p.model = model;
        p.provider = provider;
        p.inputPerMTok = 0.0;
        p.outputPerMTok = 1000.0;
        table.setPrice(p);
    }
    return table;
}

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
