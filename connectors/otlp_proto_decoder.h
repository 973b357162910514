#pragma once

#include "otlp_json_codec.h"

#include <string_view>
#include <vector>

namespace llmopt {

struct EvaluationRecord;
struct LlmEvent;

// OTLP protobuf (application/x-protobuf, the Kafka exporter's otlp_proto)
// → events. Pure: bytes in, events out; easy to fuzz.
class OtlpProtoDecoder {
public:
    // Decodes an ExportTraceServiceRequest. Returns false when the bytes are
    // not one (the whole request is then rejected). Malformed spans are
    // reported in `problems` and the others decoded; `skipped` counts spans
    // that are not LLM calls.
    static bool decodeTraces(std::string_view bytes, std::vector<LlmEvent>& events,
                             std::vector<SpanProblem>& problems, size_t& skipped);
    // Decodes an ExportLogsServiceRequest: the gen_ai.evaluation.result
    // records become `evaluations`; other records are counted in `skipped`.
    static bool decodeLogs(std::string_view bytes, std::vector<EvaluationRecord>& evaluations,
                           std::vector<SpanProblem>& problems, size_t& skipped);
};

} // namespace llmopt
