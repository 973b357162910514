#pragma once

#include <string>
#include <string_view>

namespace llmopt {

// Appends `text` as a quoted JSON string (RFC 8259 escaping). Hand-written
// JSON on hot paths (storage, OTLP export) avoids building a DOM per event.
void appendJsonString(std::string& out, std::string_view text);
// Appends a finite double in shortest round-trip form, or null.
void appendJsonNumber(std::string& out, double value);

// Input nested deeper than this is refused before parsing: parsing is
// iterative, but printing a document back (dead letters) recurses.
constexpr int kMaxJsonDepth = 64;
// Whether `text` nests arrays and objects at most `maxDepth` deep (strings skipped).
bool jsonDepthWithin(std::string_view text, int maxDepth = kMaxJsonDepth);

} // namespace llmopt
