#pragma once

#include "genai_span_mapper.h"
#include "llm_event.h"

namespace llmopt {

// The GenAI attributes of an event, in one order for every OTLP encoding:
// calls w.string(key, text), w.integer(key, n), w.number(key, x) and
// w.stringArray(key, text) — the inverse of GenAiSpanMapper.
template <typename Writer> void writeGenAiAttributes(const LlmEvent& e, Writer& w)
{
    w.string("gen_ai.operation.name", e.operation);
    w.string("gen_ai.provider.name", e.provider);
    w.string("gen_ai.request.model", e.requestModel);
    if (!e.responseModel.empty())
        w.string("gen_ai.response.model", e.responseModel);
    if (e.variant.temperature)
        w.number("gen_ai.request.temperature", *e.variant.temperature);
    if (e.variant.topP)
        w.number("gen_ai.request.top_p", *e.variant.topP);
    if (e.variant.maxTokens)
        w.integer("gen_ai.request.max_tokens", *e.variant.maxTokens);
    if (e.inputTokens >= 0)
        w.integer("gen_ai.usage.input_tokens", e.inputTokens);
    if (e.outputTokens >= 0)
        w.integer("gen_ai.usage.output_tokens", e.outputTokens);
    if (e.cacheReadTokens > 0)
        w.integer("gen_ai.usage.cache_read.input_tokens", e.cacheReadTokens);
    if (e.cacheWriteTokens > 0)
        w.integer("gen_ai.usage.cache_creation.input_tokens", e.cacheWriteTokens);
    if (!e.finishReason.empty())
        w.stringArray("gen_ai.response.finish_reasons", e.finishReason);
    if (e.ttftMs)
        w.number("gen_ai.response.time_to_first_chunk", *e.ttftMs / 1000.0);
    if (!e.errorType.empty())
        w.string("error.type", e.errorType);
    if (!e.variant.promptVersion.empty())
        w.string(GenAiSpanMapper::kPromptVersion, e.variant.promptVersion);
    if (!e.variantName.empty())
        w.string("feature_flag.result.variant", e.variantName);
    if (!e.taskType.empty())
        w.string(GenAiSpanMapper::kTaskType, e.taskType);
    for (const auto& [key, value] : e.attributes)
        w.string(key.c_str(), value);
}

// Calls f(name, score) for each gen_ai.evaluation.result span event of an
// event, user feedback included (score 1 or 0).
template <typename F> void forEachEvaluation(const LlmEvent& e, F&& f)
{
    for (const Evaluation& ev : e.evaluations)
        f(std::string_view(ev.name), ev.score);
    if (e.userFeedback)
        f(std::string_view(GenAiSpanMapper::kUserFeedbackEvaluation), *e.userFeedback ? 1.0 : 0.0);
}

} // namespace llmopt
