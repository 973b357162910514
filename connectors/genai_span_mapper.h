#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace llmopt {

struct EvaluationRecord;
struct KeyValueView;
struct LlmEvent;
struct SpanView;

// Maps an OTLP span to an LlmEvent, reading every naming scheme seen in the
// wild: the current OpenTelemetry GenAI conventions, their deprecated names,
// OpenLLMetry, OpenLIT and OpenInference (docs/telemetry.md lists them all).
// Pure: no state, no I/O.
class GenAiSpanMapper {
public:
    enum class Result { Mapped, NotLlmCall };

    // Throws std::invalid_argument naming the attribute when the span is an
    // LLM call but cannot be read (missing start time, a token count that is
    // not a number, …).
    static Result map(const SpanView& span, LlmEvent& event);

    // Reads an OTLP log record: true when it is a `gen_ai.evaluation.result`
    // event (by event name, or the older `event.name` attribute); `record`
    // gets its name and score. `record.traceId/spanId` are the caller's to set.
    // Throws std::invalid_argument when it is one but has no usable score.
    static bool mapEvaluationLog(std::string_view eventName,
                                 const std::vector<KeyValueView>& attributes,
                                 EvaluationRecord& record);

    // Attribute names of this project where no convention exists yet.
    static constexpr const char* kPromptVersion = "llmopt.prompt.version";
    static constexpr const char* kTaskType = "llmopt.task.type";
    static constexpr const char* kUserFeedbackEvaluation = "user_feedback";
};

} // namespace llmopt
