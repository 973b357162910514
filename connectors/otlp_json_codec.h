#pragma once

#include <nlohmann/json_fwd.hpp>
#include <span>
#include <string>
#include <string_view>
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

    enum class Decoded {
        Request, // an ExportTraceServiceRequest (its malformed spans are in `problems`)
        NotJson, // not JSON, or nested deeper than kMaxJsonDepth
        NotARequest, // JSON, but no "resourceSpans" list at the top
    };
    // Decodes the GenAI spans of one ExportTraceServiceRequest straight from
    // its text (a SAX reader: no document is built). Spans that are not GenAI
    // calls are skipped and added to `skipped`; malformed ones are reported
    // with their text as received, and the rest decoded.
    static Decoded decodeTraces(std::string_view text, std::vector<LlmEvent>& events,
                                std::vector<SpanProblem>& problems, size_t& skipped);
    // Decodes the gen_ai.evaluation.result records of an ExportLogsServiceRequest;
    // returns how many other records were skipped.
    static size_t decodeLogs(const nlohmann::json& request,
                             std::vector<EvaluationRecord>& evaluations,
                             std::vector<SpanProblem>& problems);
};

} // namespace llmopt
