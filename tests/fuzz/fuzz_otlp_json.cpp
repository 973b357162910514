// libFuzzer target: one line of an event file (OTLP JSON or a flat event) →
// the same path `analyze` and the receivers take, including validation.
#include "collector.h"
#include "event_json.h"
#include "json_text.h"
#include "llm_event.h"
#include "otlp_json_codec.h"

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<llmopt::LlmEvent> events;
    std::vector<llmopt::EvaluationRecord> evaluations;
    std::vector<llmopt::SpanProblem> problems;
    size_t skipped = 0;
    llmopt::OtlpJsonCodec::decodeTraces(text, events, problems, skipped);
    if (!llmopt::jsonDepthWithin(text))
        return 0;
    const auto doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded())
        return 0;
    llmopt::OtlpJsonCodec::decodeLogs(doc, evaluations, problems);
    try {
        events.push_back(llmopt::fromFlatJson(doc));
    } catch (const std::invalid_argument&) {
    }
    for (const llmopt::LlmEvent& e : events)
        if (!llmopt::Collector::validate(e))
            (void)llmopt::toFlatJson(e).dump(-1, ' ', false,
                                             nlohmann::json::error_handler_t::replace);
    return 0;
}
