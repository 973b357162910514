#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace llmopt {

struct ChatMessage {
    std::string role; // "user" or "assistant" ("system" goes into ChatRequest::system)
    std::string content;
};

// One chat call, provider-neutral: the protocol writes it in the provider's form.
struct ChatRequest {
    std::string model;
    std::vector<ChatMessage> messages;
    std::optional<std::string> system;
    // Sampling parameters copied into the request body as they are
    // (temperature, top_p, max_tokens, stop, seed, …); a JSON object or null.
    nlohmann::json params = nlohmann::json::object();
    bool stream = false;
};

} // namespace llmopt
