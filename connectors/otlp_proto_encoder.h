#pragma once

#include <span>
#include <string>

namespace llmopt {

struct LlmEvent;

// Events → a serialized OTLP ExportTraceServiceRequest with the same GenAI
// attributes as OtlpJsonCodec::encodeTraces; for the simulator's exports,
// the benchmarks and tests.
class OtlpProtoEncoder {
public:
    static std::string encodeTraces(std::span<const LlmEvent> events);
};

} // namespace llmopt
