#include "otlp_json_codec.h"

#include "event_json.h"
#include "json_text.h"
#include "llm_event.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace llmopt {

using nlohmann::json;

namespace {

constexpr int kSpanKindClient = 3;
constexpr int kStatusCodeError = 2;

// --- writing ---------------------------------------------------------------

void key(std::string& out, const char* k)
{
    out += "{\"key\":\"";
    out += k;
    out += "\",\"value\":{";
}

void stringAttribute(std::string& out, const char* k, std::string_view v)
{
    key(out, k);
    out += "\"stringValue\":";
    appendJsonString(out, v);
    out += "}},";
}

void intAttribute(std::string& out, const char* k, int64_t v)
{
    key(out, k);
    out += "\"intValue\":\""; // OTLP JSON writes int64 as a decimal string
    out += std::to_string(v);
    out += "\"}},";
}

void doubleAttribute(std::string& out, const char* k, double v)
{
    key(out, k);
    out += "\"doubleValue\":";
    appendJsonNumber(out, v);
    out += "}},";
}

void closeList(std::string& out, char closer)
{
    if (out.back() == ',')
        out.back() = closer;
    else
        out += closer;
}

void encodeSpan(std::string& out, const LlmEvent& e)
{
    const auto end = e.timeUnixNano + static_cast<int64_t>(std::llround(e.latencyMs * 1e6));
    out += "{\"traceId\":\"";
    out += e.traceId;
    out += "\",\"spanId\":\"";
    out += e.spanId;
    out += "\",\"name\":";
    appendJsonString(out, e.operation + " " + e.requestModel);
    out += ",\"kind\":" + std::to_string(kSpanKindClient);
    out += ",\"startTimeUnixNano\":\"" + std::to_string(e.timeUnixNano);
    out += "\",\"endTimeUnixNano\":\"" + std::to_string(end) + "\",\"attributes\":[";
    stringAttribute(out, "gen_ai.operation.name", e.operation);
    stringAttribute(out, "gen_ai.provider.name", e.provider);
    stringAttribute(out, "gen_ai.request.model", e.requestModel);
    if (!e.responseModel.empty())
        stringAttribute(out, "gen_ai.response.model", e.responseModel);
    if (e.variant.temperature)
        doubleAttribute(out, "gen_ai.request.temperature", *e.variant.temperature);
    if (e.variant.topP)
        doubleAttribute(out, "gen_ai.request.top_p", *e.variant.topP);
    if (e.variant.maxTokens)
        intAttribute(out, "gen_ai.request.max_tokens", *e.variant.maxTokens);
    if (e.inputTokens >= 0)
        intAttribute(out, "gen_ai.usage.input_tokens", e.inputTokens);
    if (e.outputTokens >= 0)
        intAttribute(out, "gen_ai.usage.output_tokens", e.outputTokens);
    if (e.cacheReadTokens > 0)
        intAttribute(out, "gen_ai.usage.cache_read.input_tokens", e.cacheReadTokens);
    if (e.cacheWriteTokens > 0)
        intAttribute(out, "gen_ai.usage.cache_creation.input_tokens", e.cacheWriteTokens);
    if (!e.finishReason.empty()) {
        key(out, "gen_ai.response.finish_reasons");
        out += "\"arrayValue\":{\"values\":[{\"stringValue\":";
        appendJsonString(out, e.finishReason);
        out += "}]}}},";
    }
    if (e.ttftMs)
        doubleAttribute(out, "gen_ai.response.time_to_first_chunk", *e.ttftMs / 1000.0);
    if (!e.errorType.empty())
        stringAttribute(out, "error.type", e.errorType);
    if (!e.variant.promptVersion.empty())
        stringAttribute(out, OtlpJsonCodec::kPromptVersionAttribute, e.variant.promptVersion);
    if (!e.variantName.empty()) {
        stringAttribute(out, "feature_flag.key", e.service + ".variant");
        stringAttribute(out, "feature_flag.result.variant", e.variantName);
    }
    if (!e.taskType.empty())
        stringAttribute(out, OtlpJsonCodec::kTaskTypeAttribute, e.taskType);
    for (const auto& [k, v] : e.attributes)
        stringAttribute(out, k.c_str(), v);
    closeList(out, ']');

    auto evaluation = [&](std::string_view name, double score) {
        out += "{\"timeUnixNano\":\"" + std::to_string(end);
        out += "\",\"name\":\"gen_ai.evaluation.result\",\"attributes\":[";
        stringAttribute(out, "gen_ai.evaluation.name", name);
        doubleAttribute(out, "gen_ai.evaluation.score.value", score);
        closeList(out, ']');
        out += "},";
    };
    out += ",\"events\":[";
    for (const Evaluation& ev : e.evaluations)
        evaluation(ev.name, ev.score);
    if (e.userFeedback)
        evaluation(OtlpJsonCodec::kUserFeedbackEvaluation, *e.userFeedback ? 1.0 : 0.0);
    closeList(out, ']');
    out += ",\"status\":{";
    if (e.isError()) {
        out += "\"code\":" + std::to_string(kStatusCodeError) + ",\"message\":";
        appendJsonString(out, e.errorType);
    }
    out += "}}";
}

// --- reading ---------------------------------------------------------------

// The attributes of a span or resource as name → AnyValue.
using Attributes = std::map<std::string, const json*, std::less<>>;

Attributes attributesOf(const json& owner)
{
    Attributes out;
    auto it = owner.find("attributes");
    if (it == owner.end())
        return out;
    if (!it->is_array())
        throw std::invalid_argument("\"attributes\" is not a list");
    for (const json& kv : *it) {
        if (!kv.is_object() || !kv.contains("key") || !kv["key"].is_string())
            throw std::invalid_argument("an attribute has no string \"key\"");
        auto value = kv.find("value");
        if (value != kv.end() && value->is_object())
            out[kv["key"].get<std::string>()] = &*value;
    }
    return out;
}

const json* find(const Attributes& a, std::initializer_list<const char*> names)
{
    for (const char* n : names)
        if (auto it = a.find(n); it != a.end())
            return it->second;
    return nullptr;
}

std::string asString(const json* v)
{
    if (!v)
        return {};
    if (auto s = v->find("stringValue"); s != v->end() && s->is_string())
        return s->get<std::string>();
    if (auto arr = v->find("arrayValue"); arr != v->end()) { // first element of a string array
        auto values = arr->find("values");
        if (values != arr->end() && values->is_array() && !values->empty())
            return asString(&values->front());
    }
    return {};
}

std::optional<int64_t> asInt(const json* v, const char* name)
{
    if (!v)
        return std::nullopt;
    if (auto i = v->find("intValue"); i != v->end())
        return jsonInt64(*i, name);
    if (auto d = v->find("doubleValue"); d != v->end())
        return jsonInt64(*d, name);
    if (auto s = v->find("stringValue"); s != v->end())
        return jsonInt64(*s, name);
    throw std::invalid_argument(std::string(name) + " is not a number");
}

std::optional<double> asDouble(const json* v, const char* name)
{
    if (!v)
        return std::nullopt;
    for (const char* field : {"doubleValue", "intValue", "stringValue"}) {
        auto it = v->find(field);
        if (it == v->end())
            continue;
        if (it->is_number())
            return it->get<double>();
        if (it->is_string()) {
            try {
                return std::stod(it->get<std::string>());
            } catch (const std::exception&) {
            }
        }
        break;
    }
    throw std::invalid_argument(std::string(name) + " is not a number");
}

bool isGenAiSpan(const Attributes& a)
{
    return find(a, {"gen_ai.operation.name", "gen_ai.request.model", "gen_ai.provider.name",
                    "gen_ai.system"});
}

LlmEvent decodeSpan(const json& span, const std::string& service, const Attributes& a)
{
    LlmEvent e;
    e.service = service;
    e.traceId = span.value("traceId", "");
    e.spanId = span.value("spanId", "");
    std::transform(e.traceId.begin(), e.traceId.end(), e.traceId.begin(), ::tolower);
    std::transform(e.spanId.begin(), e.spanId.end(), e.spanId.begin(), ::tolower);
    if (!span.contains("startTimeUnixNano"))
        throw std::invalid_argument("startTimeUnixNano is missing");
    e.timeUnixNano = jsonInt64(span["startTimeUnixNano"], "startTimeUnixNano");
    const int64_t end = span.contains("endTimeUnixNano")
        ? jsonInt64(span["endTimeUnixNano"], "endTimeUnixNano")
        : e.timeUnixNano;
    if (end < e.timeUnixNano)
        throw std::invalid_argument("endTimeUnixNano is before startTimeUnixNano");
    e.latencyMs = static_cast<double>(end - e.timeUnixNano) / 1e6;

    e.operation = asString(find(a, {"gen_ai.operation.name"}));
    if (e.operation.empty())
        e.operation = "chat";
    e.provider = asString(find(a, {"gen_ai.provider.name", "gen_ai.system"}));
    e.requestModel = asString(find(a, {"gen_ai.request.model"}));
    e.responseModel = asString(find(a, {"gen_ai.response.model"}));
    e.variant.model = e.requestModel.empty() ? e.responseModel : e.requestModel;
    e.variant.promptVersion = asString(find(a, {OtlpJsonCodec::kPromptVersionAttribute}));
    e.variant.temperature = asDouble(find(a, {"gen_ai.request.temperature"}), "gen_ai.request.temperature");
    e.variant.topP = asDouble(find(a, {"gen_ai.request.top_p"}), "gen_ai.request.top_p");
    e.variant.maxTokens = asInt(find(a, {"gen_ai.request.max_tokens"}), "gen_ai.request.max_tokens");
    e.variantName = asString(find(a, {"feature_flag.result.variant", "feature_flag.variant"}));
    e.taskType = asString(find(a, {OtlpJsonCodec::kTaskTypeAttribute}));
    e.inputTokens = asInt(find(a, {"gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens"}),
                          "gen_ai.usage.input_tokens").value_or(-1);
    e.outputTokens = asInt(find(a, {"gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens"}),
                           "gen_ai.usage.output_tokens").value_or(-1);
    e.cacheReadTokens = asInt(find(a, {"gen_ai.usage.cache_read.input_tokens",
                                       "gen_ai.usage.cache_read_input_tokens"}),
                              "gen_ai.usage.cache_read.input_tokens").value_or(0);
    e.cacheWriteTokens = asInt(find(a, {"gen_ai.usage.cache_creation.input_tokens",
                                        "gen_ai.usage.cache_creation_input_tokens"}),
                               "gen_ai.usage.cache_creation.input_tokens").value_or(0);
    e.finishReason = asString(find(a, {"gen_ai.response.finish_reasons"}));
    if (auto ttft = asDouble(find(a, {"gen_ai.response.time_to_first_chunk",
                                      "gen_ai.response.time_to_first_token"}),
                             "gen_ai.response.time_to_first_chunk"))
        e.ttftMs = *ttft * 1000.0;
    e.errorType = asString(find(a, {"error.type"}));
    int statusCode = 0;
    if (auto st = span.find("status"); st != span.end() && st->is_object() && st->contains("code"))
        statusCode = static_cast<int>(jsonInt64((*st)["code"], "status.code"));
    e.status = statusCode == kStatusCodeError || !e.errorType.empty() ? CallStatus::Error
                                                                       : CallStatus::Ok;
    if (e.isError() && e.errorType.empty())
        e.errorType = "_OTHER"; // the conventions' fallback value

    static const std::initializer_list<const char*> known = {
        "gen_ai.operation.name", "gen_ai.provider.name", "gen_ai.system", "gen_ai.request.model",
        "gen_ai.response.model", "gen_ai.request.temperature", "gen_ai.request.top_p",
        "gen_ai.request.max_tokens", "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens",
        "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens",
        "gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens",
        "gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_creation_input_tokens",
        "gen_ai.response.finish_reasons", "gen_ai.response.time_to_first_chunk",
        "gen_ai.response.time_to_first_token", "error.type", "feature_flag.key",
        "feature_flag.result.variant", "feature_flag.variant",
        OtlpJsonCodec::kPromptVersionAttribute, OtlpJsonCodec::kTaskTypeAttribute};
    for (const auto& [name, value] : a) {
        if (std::find_if(known.begin(), known.end(), [&](const char* k) { return name == k; })
            != known.end())
            continue;
        const std::string text = asString(value);
        e.attributes.emplace_back(name, text.empty() ? value->dump() : text);
    }

    if (auto events = span.find("events"); events != span.end() && events->is_array()) {
        for (const json& ev : *events) {
            if (!ev.is_object() || ev.value("name", "") != "gen_ai.evaluation.result")
                continue;
            const Attributes ea = attributesOf(ev);
            const std::string name = asString(find(ea, {"gen_ai.evaluation.name"}));
            const auto score = asDouble(find(ea, {"gen_ai.evaluation.score.value"}),
                                        "gen_ai.evaluation.score.value");
            if (!score)
                throw std::invalid_argument("evaluation \"" + name + "\" has no score value");
            if (name == OtlpJsonCodec::kUserFeedbackEvaluation)
                e.userFeedback = *score >= 0.5;
            else
                e.evaluations.push_back({name, *score});
        }
    }
    return e;
}

} // namespace

std::string OtlpJsonCodec::encodeTraces(std::span<const LlmEvent> events)
{
    // Group by service, keeping first-seen order.
    std::vector<std::string> services;
    for (const LlmEvent& e : events)
        if (std::find(services.begin(), services.end(), e.service) == services.end())
            services.push_back(e.service);
    std::string out = "{\"resourceSpans\":[";
    for (const std::string& service : services) {
        out += "{\"resource\":{\"attributes\":[";
        stringAttribute(out, "service.name", service);
        closeList(out, ']');
        out += "},\"scopeSpans\":[{\"scope\":{\"name\":\"llm-optimizer.simulator\"},\"spans\":[";
        for (const LlmEvent& e : events) {
            if (e.service != service)
                continue;
            encodeSpan(out, e);
            out += ',';
        }
        closeList(out, ']');
        out += "}]},";
    }
    closeList(out, ']');
    out += '}';
    return out;
}

size_t OtlpJsonCodec::decodeTraces(const json& request, std::vector<LlmEvent>& events,
                                   std::vector<SpanProblem>& problems)
{
    size_t skipped = 0;
    auto rs = request.find("resourceSpans");
    if (!request.is_object() || rs == request.end() || !rs->is_array()) {
        problems.push_back({"not an ExportTraceServiceRequest: no \"resourceSpans\" list",
                            request.dump()});
        return 0;
    }
    for (const json& resourceSpans : *rs) {
        std::string service;
        try {
            if (auto res = resourceSpans.find("resource"); res != resourceSpans.end())
                service = asString(find(attributesOf(*res), {"service.name"}));
        } catch (const std::exception& ex) {
            problems.push_back({std::string("resource: ") + ex.what(), resourceSpans.dump()});
            continue;
        }
        auto scopes = resourceSpans.find("scopeSpans");
        if (scopes == resourceSpans.end() || !scopes->is_array())
            continue;
        for (const json& scope : *scopes) {
            auto spans = scope.find("spans");
            if (spans == scope.end() || !spans->is_array())
                continue;
            for (const json& span : *spans) {
                try {
                    if (!span.is_object())
                        throw std::invalid_argument("a span is not an object");
                    const Attributes a = attributesOf(span);
                    if (!isGenAiSpan(a)) {
                        ++skipped;
                        continue;
                    }
                    events.push_back(decodeSpan(span, service, a));
                } catch (const std::exception& ex) {
                    problems.push_back({ex.what(), span.dump()});
                }
            }
        }
    }
    return skipped;
}

} // namespace llmopt
