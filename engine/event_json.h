#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace llmopt {

struct LlmEvent;

// The flat JSON form of an event (one object per line in JSONL files; see
// docs/cli.md). Parsing throws std::invalid_argument naming the bad field.
nlohmann::json toFlatJson(const LlmEvent& event);
LlmEvent fromFlatJson(const nlohmann::json& object);

} // namespace llmopt
