#pragma once

#include <nlohmann/json_fwd.hpp>
#include <span>
#include <string>
#include <vector>

namespace llmopt {

struct EvaluationRecord;
struct LlmEvent;

// A span that could not be turned into an event: why, and the span as received.
struct SpanProblem {
    std::string reason;
    std::string payload;
};

// OTLP/JSON (ExportTraceServiceRequest) ⇄ events, following the OpenTelemetry
// GenAI semantic conventions — current attribute names when writing, current
// and deprecated names when reading. Pure functions: bytes in, events out.
class OtlpJsonCodec {
public:
    // One ExportTraceServiceRequest holding `events`, grouped by service into
    // resourceSpans, serialised on a single line (the Collector file exporter's format).
    static std::string encodeTraces(std::span<const LlmEvent> events);

    // Decodes the GenAI spans of one ExportTraceServiceRequest. Spans that are
    // not GenAI calls are skipped; malformed ones are reported and the rest decoded.
    // Returns how many spans were skipped as not GenAI.
    static size_t decodeTraces(const nlohmann::json& request, std::vector<LlmEvent>& events,
                               std::vector<SpanProblem>& problems);
    // Decodes the gen_ai.evaluation.result records of an ExportLogsServiceRequest;
    // returns how many other records were skipped.
    static size_t decodeLogs(const nlohmann::json& request,
                             std::vector<EvaluationRecord>& evaluations,
                             std::vector<SpanProblem>& problems);
};

} // namespace llmopt
