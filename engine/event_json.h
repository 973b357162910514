#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>

namespace llmopt {

struct LlmEvent;

// The flat JSON form of an event (one object per line in JSONL files; see
// docs/cli.md). Parsing throws std::invalid_argument naming the bad field.
nlohmann::json toFlatJson(const LlmEvent& event);
LlmEvent fromFlatJson(const nlohmann::json& object);

// An int64 written as a JSON number or a decimal string (as OTLP JSON does);
// throws std::invalid_argument naming `what` otherwise.
int64_t jsonInt64(const nlohmann::json& value, const char* what);

} // namespace llmopt
