#include "otlp_json_codec.h"

#include "event_json.h"
#include "genai_attribute_writer.h"
#include "genai_span_mapper.h"
#include "json_text.h"
#include "llm_event.h"
#include "span_view.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace llmopt {

using nlohmann::json;

namespace {

constexpr int kSpanKindClient = 3;
constexpr int kStatusCodeError = 2;

// --- writing ---------------------------------------------------------------

// Appends OTLP JSON KeyValue objects, each followed by a comma.
struct JsonAttributeWriter {
    std::string& out;

    void key(std::string_view k)
    {
        out += "{\"key\":";
        appendJsonString(out, k);
        out += ",\"value\":{";
    }
    void string(std::string_view k, std::string_view v)
    {
        key(k);
        out += "\"stringValue\":";
        appendJsonString(out, v);
        out += "}},";
    }
    void integer(std::string_view k, int64_t v)
    {
        key(k);
        out += "\"intValue\":\""; // OTLP JSON writes int64 as a decimal string
        out += std::to_string(v);
        out += "\"}},";
    }
    void number(std::string_view k, double v)
    {
        key(k);
        out += "\"doubleValue\":";
        appendJsonNumber(out, v);
        out += "}},";
    }
    void stringArray(std::string_view k, std::string_view v)
    {
        key(k);
        out += "\"arrayValue\":{\"values\":[{\"stringValue\":";
        appendJsonString(out, v);
        out += "}]}}},";
    }
};

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
    JsonAttributeWriter w{out};
    out += "{\"traceId\":\"";
    out += e.traceId;
    out += "\",\"spanId\":\"";
    out += e.spanId;
    out += "\",\"name\":";
    appendJsonString(out, e.operation + " " + e.requestModel);
    out += ",\"kind\":" + std::to_string(kSpanKindClient);
    out += ",\"startTimeUnixNano\":\"" + std::to_string(e.timeUnixNano);
    out += "\",\"endTimeUnixNano\":\"" + std::to_string(end) + "\",\"attributes\":[";
    writeGenAiAttributes(e, w);
    closeList(out, ']');
    out += ",\"events\":[";
    forEachEvaluation(e, [&](std::string_view name, double score) {
        out += "{\"timeUnixNano\":\"" + std::to_string(end);
        out += "\",\"name\":\"gen_ai.evaluation.result\",\"attributes\":[";
        w.string("gen_ai.evaluation.name", name);
        w.number("gen_ai.evaluation.score.value", score);
        closeList(out, ']');
        out += "},";
    });
    closeList(out, ']');
    out += ",\"status\":{";
    if (e.isError()) {
        out += "\"code\":" + std::to_string(kStatusCodeError) + ",\"message\":";
        appendJsonString(out, e.errorType);
    }
    out += "}}";
}

// --- reading ---------------------------------------------------------------

AttributeView viewOf(const json& anyValue)
{
    AttributeView v;
    if (!anyValue.is_object() || anyValue.empty())
        return v;
    const auto first
        = anyValue.begin(); // an iterator: items() proxies do not outlive the statement
    const std::string& kind = first.key();
    const json& value = first.value();
    if (kind == "stringValue" && value.is_string()) {
        v.type = AttributeView::Type::String;
        v.text = value.get_ref<const std::string&>();
    } else if (kind == "intValue" && (value.is_number_integer() || value.is_string())) {
        try {
            v.integer = jsonInt64(value, "intValue");
            v.type = AttributeView::Type::Int;
        } catch (const std::invalid_argument&) {
            if (value.is_string()) // kept as text; the mapper complains if it needs the number
                v.text = value.get_ref<const std::string&>();
        }
    } else if (kind == "doubleValue" && value.is_number()) {
        v.type = AttributeView::Type::Double;
        v.number = value.get<double>();
    } else if (kind == "boolValue" && value.is_boolean()) {
        v.type = AttributeView::Type::Bool;
        v.boolean = value.get<bool>();
    } else if (kind == "arrayValue" && value.is_object()) {
        v.type = AttributeView::Type::Array;
        auto values = value.find("values");
        if (values != value.end() && values->is_array() && !values->empty())
            v.text = viewOf(values->front()).text;
    }
    return v;
}

void readAttributes(const json& owner, std::vector<KeyValueView>& out)
{
    auto it = owner.find("attributes");
    if (it == owner.end())
        return;
    if (!it->is_array())
        throw std::invalid_argument("\"attributes\" is not a list");
    for (const json& kv : *it) {
        if (!kv.is_object())
            throw std::invalid_argument("an attribute is not an object");
        auto key = kv.find("key");
        if (key == kv.end() || !key->is_string())
            throw std::invalid_argument("an attribute has no string \"key\"");
        auto value = kv.find("value");
        out.push_back({key->get_ref<const std::string&>(),
                       value != kv.end() ? viewOf(*value) : AttributeView{}});
    }
}

std::string lowerHex(const json& span, const char* key)
{
    auto it = span.find(key);
    if (it == span.end() || !it->is_string())
        return {};
    std::string s = it->get<std::string>();
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

void readSpan(const json& span, std::string_view service, SpanView& view)
{
    if (!span.is_object())
        throw std::invalid_argument("a span is not an object");
    view.clear();
    view.serviceName = service;
    view.traceId = lowerHex(span, "traceId");
    view.spanId = lowerHex(span, "spanId");
    if (auto start = span.find("startTimeUnixNano"); start != span.end()) {
        view.hasStart = true;
        view.startUnixNano = jsonInt64(*start, "startTimeUnixNano");
    }
    if (auto end = span.find("endTimeUnixNano"); end != span.end())
        view.endUnixNano = jsonInt64(*end, "endTimeUnixNano");
    if (auto st = span.find("status"); st != span.end() && st->is_object() && st->contains("code"))
        view.statusCode = static_cast<int>(jsonInt64((*st)["code"], "status.code"));
    readAttributes(span, view.attributes);
    if (auto events = span.find("events"); events != span.end() && events->is_array()) {
        for (const json& ev : *events) {
            if (!ev.is_object())
                continue;
            auto name = ev.find("name");
            SpanEventView& e = view.events.emplace_back();
            if (name != ev.end() && name->is_string())
                e.name = name->get_ref<const std::string&>();
            readAttributes(ev, e.attributes);
        }
    }
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
        JsonAttributeWriter{out}.string("service.name", service);
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
    auto rs = request.is_object() ? request.find("resourceSpans") : request.end();
    if (!request.is_object() || rs == request.end() || !rs->is_array()) {
        problems.push_back({"not an ExportTraceServiceRequest: no \"resourceSpans\" list",
                            request.dump(-1, ' ', false, json::error_handler_t::replace)});
        return 0;
    }
    SpanView view;
    LlmEvent event;
    auto dumped
        = [](const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); };
    for (const json& resourceSpans : *rs) {
        if (!resourceSpans.is_object()) {
            problems.push_back({"a resourceSpans entry is not an object", dumped(resourceSpans)});
            continue;
        }
        std::string_view service;
        std::vector<KeyValueView> resource;
        try {
            if (auto res = resourceSpans.find("resource");
                res != resourceSpans.end() && res->is_object())
                readAttributes(*res, resource);
        } catch (const std::exception& ex) {
            problems.push_back({std::string("resource: ") + ex.what(), dumped(resourceSpans)});
            continue;
        }
        for (const KeyValueView& kv : resource)
            if (kv.key == "service.name")
                service = kv.value.text;
        auto scopes = resourceSpans.find("scopeSpans");
        if (scopes == resourceSpans.end())
            continue; // no spans from this resource
        if (!scopes->is_array()) {
            problems.push_back({"\"scopeSpans\" is not a list", dumped(resourceSpans)});
            continue;
        }
        for (const json& scope : *scopes) {
            auto spans = scope.is_object() ? scope.find("spans") : scope.end();
            if (!scope.is_object() || (spans != scope.end() && !spans->is_array())) {
                problems.push_back(
                    {"a scopeSpans entry is not an object with a \"spans\" list", dumped(scope)});
                continue;
            }
            if (spans == scope.end())
                continue;
            for (const json& span : *spans) {
                try {
                    readSpan(span, service, view);
                    if (GenAiSpanMapper::map(view, event) == GenAiSpanMapper::Result::NotLlmCall) {
                        ++skipped;
                        continue;
                    }
                    events.push_back(std::move(event));
                } catch (const std::exception& ex) {
                    problems.push_back({ex.what(), dumped(span)});
                }
            }
        }
    }
    return skipped;
}

size_t OtlpJsonCodec::decodeLogs(const json& request, std::vector<EvaluationRecord>& evaluations,
                                 std::vector<SpanProblem>& problems)
{
    auto dumped
        = [](const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); };
    auto list = [](const json& owner, const char* key) -> const json* {
        auto it = owner.is_object() ? owner.find(key) : owner.end();
        return it != owner.end() && it->is_array() ? &*it : nullptr;
    };
    size_t skipped = 0;
    const json* resources = list(request, "resourceLogs");
    if (!resources) {
        problems.push_back(
            {"not an ExportLogsServiceRequest: no \"resourceLogs\" list", dumped(request)});
        return 0;
    }
    std::vector<KeyValueView> attributes;
    for (const json& resourceLogs : *resources) {
        const json* scopes = list(resourceLogs, "scopeLogs");
        for (const json& scope : scopes ? *scopes : json::array()) {
            const json* records = list(scope, "logRecords");
            for (const json& log : records ? *records : json::array()) {
                EvaluationRecord record;
                try {
                    attributes.clear();
                    if (log.is_object())
                        readAttributes(log, attributes);
                    const auto name = log.is_object() ? log.find("eventName") : log.end();
                    const std::string_view eventName = name != log.end() && name->is_string()
                        ? std::string_view(name->get_ref<const std::string&>())
                        : std::string_view();
                    if (!GenAiSpanMapper::mapEvaluationLog(eventName, attributes, record)) {
                        ++skipped;
                        continue;
                    }
                    record.traceId = lowerHex(log, "traceId");
                    record.spanId = lowerHex(log, "spanId");
                    if (record.spanId.empty())
                        throw std::invalid_argument(
                            "the evaluation names no span (spanId is empty)");
                    if (auto t = log.find("timeUnixNano"); t != log.end())
                        record.timeUnixNano = jsonInt64(*t, "timeUnixNano");
                } catch (const std::exception& ex) {
                    problems.push_back({ex.what(), dumped(log)});
                    continue;
                }
                evaluations.push_back(std::move(record));
            }
        }
    }
    return skipped;
}

} // namespace llmopt
