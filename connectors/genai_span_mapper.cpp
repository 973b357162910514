#include "genai_span_mapper.h"

#include "llm_event.h"
#include "span_view.h"

#include <array>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_map>

namespace llmopt {

namespace {

// What an attribute means, whatever it is called.
enum class Field : uint8_t {
    Operation,
    Provider,
    RequestModel,
    ResponseModel,
    ModelName,
    Temperature,
    TopP,
    MaxTokens,
    InputTokens,
    OutputTokens,
    TotalTokens,
    CacheReadTokens,
    CacheWriteTokens,
    ReasoningTokens,
    FinishReasons,
    TimeToFirstToken,
    ErrorType,
    PromptVersion,
    VariantName,
    FlagKey,
    TaskType,
    ReportedCost,
    OpenInferenceKind,
    InvocationParameters,
    Count
};

struct Meaning {
    Field field;
    uint8_t rank; // 0 = current convention; higher = older or other schemes, used as fallback
};

// Every attribute name read, by scheme (docs/telemetry.md is the table of record).
const std::unordered_map<std::string_view, Meaning>& knownAttributes()
{
    static const std::unordered_map<std::string_view, Meaning> table = {
        // OpenTelemetry GenAI semantic conventions (current)
        {"gen_ai.operation.name", {Field::Operation, 0}},
        {"gen_ai.provider.name", {Field::Provider, 0}},
        {"gen_ai.request.model", {Field::RequestModel, 0}},
        {"gen_ai.response.model", {Field::ResponseModel, 0}},
        {"gen_ai.request.temperature", {Field::Temperature, 0}},
        {"gen_ai.request.top_p", {Field::TopP, 0}},
        {"gen_ai.request.max_tokens", {Field::MaxTokens, 0}},
        {"gen_ai.usage.input_tokens", {Field::InputTokens, 0}},
        {"gen_ai.usage.output_tokens", {Field::OutputTokens, 0}},
        {"gen_ai.usage.cache_read.input_tokens", {Field::CacheReadTokens, 0}},
        {"gen_ai.usage.cache_creation.input_tokens", {Field::CacheWriteTokens, 0}},
        {"gen_ai.usage.reasoning.output_tokens", {Field::ReasoningTokens, 0}},
        {"gen_ai.response.finish_reasons", {Field::FinishReasons, 0}},
        {"gen_ai.response.time_to_first_chunk", {Field::TimeToFirstToken, 0}},
        {"error.type", {Field::ErrorType, 0}},
        // Deprecated GenAI names, still emitted by default by many instrumentations
        {"gen_ai.system", {Field::Provider, 1}},
        {"gen_ai.usage.prompt_tokens", {Field::InputTokens, 1}},
        {"gen_ai.usage.completion_tokens", {Field::OutputTokens, 1}},
        {"gen_ai.response.time_to_first_token", {Field::TimeToFirstToken, 1}},
        // OpenLLMetry (Traceloop)
        {"gen_ai.usage.cache_read_input_tokens", {Field::CacheReadTokens, 1}},
        {"gen_ai.usage.cache_creation_input_tokens", {Field::CacheWriteTokens, 1}},
        {"llm.usage.total_tokens", {Field::TotalTokens, 0}},
        {"llm.usage.prompt_tokens", {Field::InputTokens, 3}},
        {"llm.usage.completion_tokens", {Field::OutputTokens, 3}},
        // OpenLIT
        {"gen_ai.usage.cost", {Field::ReportedCost, 0}},
        {"gen_ai.server.time_to_first_token", {Field::TimeToFirstToken, 2}},
        // OpenInference (Arize Phoenix)
        {"openinference.span.kind", {Field::OpenInferenceKind, 0}},
        {"llm.model_name", {Field::ModelName, 0}},
        {"llm.provider", {Field::Provider, 2}},
        {"llm.system", {Field::Provider, 3}},
        {"llm.token_count.prompt", {Field::InputTokens, 2}},
        {"llm.token_count.completion", {Field::OutputTokens, 2}},
        {"llm.token_count.total", {Field::TotalTokens, 1}},
        {"llm.token_count.prompt_details.cache_read", {Field::CacheReadTokens, 2}},
        {"llm.token_count.prompt_details.cache_write", {Field::CacheWriteTokens, 2}},
        {"llm.token_count.completion_details.reasoning", {Field::ReasoningTokens, 1}},
        {"llm.invocation_parameters", {Field::InvocationParameters, 0}},
        {"llm.prompt_template.version", {Field::PromptVersion, 1}},
        // OpenTelemetry feature-flag conventions (experiment assignment)
        {"feature_flag.result.variant", {Field::VariantName, 0}},
        {"feature_flag.variant", {Field::VariantName, 1}},
        {"feature_flag.key", {Field::FlagKey, 0}},
        // This project's own, where no convention exists
        {GenAiSpanMapper::kPromptVersion, {Field::PromptVersion, 0}},
        {GenAiSpanMapper::kTaskType, {Field::TaskType, 0}},
    };
    return table;
}

struct Slot {
    const AttributeView* value = nullptr;
    std::string_view key;
    uint8_t rank = 255;
};

[[noreturn]] void notANumber(std::string_view key)
{
    throw std::invalid_argument(std::string(key) + " is not a number");
}

int64_t toInt(const Slot& s)
{
    const AttributeView& v = *s.value;
    switch (v.type) {
    case AttributeView::Type::Int:
        return v.integer;
    case AttributeView::Type::Double:
        if (std::isfinite(v.number) && std::abs(v.number) < 9e18
            && v.number == std::floor(v.number))
            return static_cast<int64_t>(v.number);
        break;
    case AttributeView::Type::String: {
        int64_t out = 0;
        const auto* end = v.text.data() + v.text.size();
        const auto r = std::from_chars(v.text.data(), end, out);
        if (r.ec == std::errc() && r.ptr == end)
            return out;
        break;
    }
    default:
        break;
    }
    notANumber(s.key);
}

double toDouble(const Slot& s)
{
    const AttributeView& v = *s.value;
    switch (v.type) {
    case AttributeView::Type::Int:
        return static_cast<double>(v.integer);
    case AttributeView::Type::Double:
        if (std::isfinite(v.number))
            return v.number;
        break;
    case AttributeView::Type::String: {
        double out = 0;
        const auto* end = v.text.data() + v.text.size();
        const auto r = std::from_chars(v.text.data(), end, out);
        if (r.ec == std::errc() && r.ptr == end && std::isfinite(out))
            return out;
        break;
    }
    default:
        break;
    }
    notANumber(s.key);
}

std::string text(const Slot& s)
{
    return s.value ? std::string(s.value->text) : std::string();
}

// An attribute kept as-is in LlmEvent::attributes.
std::string display(const AttributeView& v)
{
    switch (v.type) {
    case AttributeView::Type::Int:
        return std::to_string(v.integer);
    case AttributeView::Type::Double: {
        char buf[32];
        const auto r = std::to_chars(buf, buf + sizeof buf, v.number);
        return std::string(buf, r.ptr);
    }
    case AttributeView::Type::Bool:
        return v.boolean ? "true" : "false";
    default:
        return std::string(v.text);
    }
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i]))
            != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

// OpenInference puts the request parameters in one JSON string.
void readInvocationParameters(std::string_view json, Variant& variant)
{
    const auto doc = nlohmann::json::parse(json, nullptr, false);
    if (!doc.is_object())
        throw std::invalid_argument("llm.invocation_parameters is not a JSON object");
    auto number = [&](const char* key) -> std::optional<double> {
        auto it = doc.find(key);
        return it != doc.end() && it->is_number() ? std::optional<double>(it->get<double>())
                                                  : std::nullopt;
    };
    if (!variant.temperature)
        variant.temperature = number("temperature");
    if (!variant.topP)
        variant.topP = number("top_p");
    if (!variant.maxTokens) {
        auto m = number("max_tokens");
        if (!m)
            m = number("max_completion_tokens");
        if (m && *m >= 0 && *m < 9e18)
            variant.maxTokens = static_cast<int64_t>(*m);
    }
}

constexpr std::string_view kEvaluationEvent = "gen_ai.evaluation.result";

// The name and score of a gen_ai.evaluation.result event (span event or log record).
Evaluation readEvaluation(const std::vector<KeyValueView>& attributes)
{
    std::string_view name;
    const AttributeView* score = nullptr;
    for (const KeyValueView& kv : attributes) {
        if (kv.key == "gen_ai.evaluation.name")
            name = kv.value.text;
        else if (kv.key == "gen_ai.evaluation.score.value")
            score = &kv.value;
    }
    if (!score)
        throw std::invalid_argument("evaluation \"" + std::string(name) + "\" has no score value");
    return {std::string(name), toDouble({score, "gen_ai.evaluation.score.value", 0})};
}

} // namespace

GenAiSpanMapper::Result GenAiSpanMapper::map(const SpanView& span, LlmEvent& e)
{
    std::array<Slot, static_cast<size_t>(Field::Count)> slots;
    const auto& known = knownAttributes();
    std::vector<const KeyValueView*> unknown;
    for (const KeyValueView& kv : span.attributes) {
        const auto it = known.find(kv.key);
        if (it == known.end()) {
            unknown.push_back(&kv);
            continue;
        }
        Slot& slot = slots[static_cast<size_t>(it->second.field)];
        if (it->second.rank < slot.rank)
            slot = {&kv.value, kv.key, it->second.rank};
    }
    auto at = [&](Field f) -> const Slot& { return slots[static_cast<size_t>(f)]; };
    auto has = [&](Field f) { return at(f).value != nullptr; };

    // Which spans are LLM calls: OpenInference says so explicitly; GenAI agent and
    // tool spans wrap model calls that have spans of their own (counting them would double-count).
    if (has(Field::OpenInferenceKind)) {
        if (!equalsIgnoringCase(at(Field::OpenInferenceKind).value->text, "LLM"))
            return Result::NotLlmCall;
    } else if (has(Field::Operation)) {
        const std::string_view op = at(Field::Operation).value->text;
        if (op == "execute_tool" || op == "invoke_agent" || op == "create_agent")
            return Result::NotLlmCall;
    } else if (!has(Field::RequestModel) && !has(Field::ModelName) && !has(Field::Provider)) {
        return Result::NotLlmCall;
    }

    if (!span.hasStart)
        throw std::invalid_argument("startTimeUnixNano is missing");
    if (span.startUnixNano <= 0)
        throw std::invalid_argument("startTimeUnixNano is not a positive time");
    const int64_t end = span.endUnixNano == 0 ? span.startUnixNano : span.endUnixNano;
    if (end < span.startUnixNano)
        throw std::invalid_argument("endTimeUnixNano is before startTimeUnixNano");

    e = LlmEvent{};
    e.service = std::string(span.serviceName);
    e.traceId = span.traceId;
    e.spanId = span.spanId;
    e.timeUnixNano = span.startUnixNano;
    e.latencyMs = static_cast<double>(end - span.startUnixNano) / 1e6;
    e.operation = has(Field::Operation) ? text(at(Field::Operation)) : std::string("chat");
    e.provider = text(at(Field::Provider));
    e.requestModel
        = has(Field::RequestModel) ? text(at(Field::RequestModel)) : text(at(Field::ModelName));
    e.responseModel
        = has(Field::ResponseModel) ? text(at(Field::ResponseModel)) : text(at(Field::ModelName));
    e.variant.model = e.requestModel.empty() ? e.responseModel : e.requestModel;
    e.variant.promptVersion = text(at(Field::PromptVersion));
    if (has(Field::Temperature))
        e.variant.temperature = toDouble(at(Field::Temperature));
    if (has(Field::TopP))
        e.variant.topP = toDouble(at(Field::TopP));
    if (has(Field::MaxTokens))
        e.variant.maxTokens = toInt(at(Field::MaxTokens));
    if (has(Field::InvocationParameters))
        readInvocationParameters(at(Field::InvocationParameters).value->text, e.variant);
    e.variantName = text(at(Field::VariantName));
    e.taskType = text(at(Field::TaskType));

    e.inputTokens = has(Field::InputTokens) ? toInt(at(Field::InputTokens)) : -1;
    e.outputTokens = has(Field::OutputTokens) ? toInt(at(Field::OutputTokens)) : -1;
    if (has(Field::TotalTokens)) { // OpenLLMetry may report a total and one part only
        const int64_t total = toInt(at(Field::TotalTokens));
        if (e.inputTokens < 0 && e.outputTokens >= 0)
            e.inputTokens = std::max<int64_t>(0, total - e.outputTokens);
        else if (e.outputTokens < 0 && e.inputTokens >= 0)
            e.outputTokens = std::max<int64_t>(0, total - e.inputTokens);
    }
    if (has(Field::CacheReadTokens))
        e.cacheReadTokens = toInt(at(Field::CacheReadTokens));
    if (has(Field::CacheWriteTokens))
        e.cacheWriteTokens = toInt(at(Field::CacheWriteTokens));
    if (has(Field::ReasoningTokens)) // part of the output tokens; kept for reports
        e.attributes.emplace_back("gen_ai.usage.reasoning.output_tokens",
                                  std::to_string(toInt(at(Field::ReasoningTokens))));
    if (has(Field::ReportedCost))
        e.reportedCostUsd = toDouble(at(Field::ReportedCost));
    e.finishReason = text(at(Field::FinishReasons));
    if (has(Field::TimeToFirstToken))
        e.ttftMs = toDouble(at(Field::TimeToFirstToken)) * 1000.0;
    if (has(Field::FlagKey))
        e.attributes.emplace_back("feature_flag.key", text(at(Field::FlagKey)));

    e.errorType = text(at(Field::ErrorType));
    e.status = span.statusCode == 2 || !e.errorType.empty() ? CallStatus::Error : CallStatus::Ok;
    if (e.isError() && e.errorType.empty())
        e.errorType = "_OTHER"; // the conventions' fallback value

    for (const KeyValueView* kv : unknown)
        e.attributes.emplace_back(std::string(kv->key), display(kv->value));

    for (const SpanEventView& ev : span.events) {
        if (ev.name != kEvaluationEvent)
            continue;
        const Evaluation evaluation = readEvaluation(ev.attributes);
        if (evaluation.name == kUserFeedbackEvaluation)
            e.userFeedback = evaluation.score >= 0.5;
        else
            e.evaluations.push_back(evaluation);
    }
    return Result::Mapped;
}

bool GenAiSpanMapper::mapEvaluationLog(std::string_view eventName,
                                       const std::vector<KeyValueView>& attributes,
                                       EvaluationRecord& record)
{
    bool isEvaluation = eventName == kEvaluationEvent;
    for (const KeyValueView& kv : attributes)
        if (kv.key == "event.name" && kv.value.text == kEvaluationEvent)
            isEvaluation = true;
    if (!isEvaluation)
        return false;
    record.evaluation = readEvaluation(attributes);
    return true;
}

} // namespace llmopt
