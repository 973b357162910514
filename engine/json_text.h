#pragma once

#include <string>
#include <string_view>

namespace llmopt {

// Appends `text` as a quoted JSON string (RFC 8259 escaping). Hand-written
// JSON on hot paths (storage, OTLP export) avoids building a DOM per event.
void appendJsonString(std::string& out, std::string_view text);
// Appends a finite double in shortest round-trip form, or null.
void appendJsonNumber(std::string& out, double value);

} // namespace llmopt
