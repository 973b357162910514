// libFuzzer target: bytes → OTLP protobuf decoders (traces and logs).
#include "llm_event.h"
#include "otlp_proto_decoder.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::vector<llmopt::LlmEvent> events;
    std::vector<llmopt::EvaluationRecord> evaluations;
    std::vector<llmopt::SpanProblem> problems;
    size_t skipped = 0;
    llmopt::OtlpProtoDecoder::decodeTraces(bytes, events, problems, skipped);
    llmopt::OtlpProtoDecoder::decodeLogs(bytes, evaluations, problems, skipped);
    return 0;
}
