#include "otlp_json_codec.h"

#include "event_json.h"
#include "genai_attribute_writer.h"
#include "genai_span_mapper.h"
#include "json_text.h"
#include "llm_event.h"
#include "span_view.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <deque>
#include <iterator>
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

// --- reading traces: a SAX reader, no document --------------------------------

// An iterator over the request text that publishes how far the JSON lexer has
// read, so that a span's raw text can be kept for the dead-letter table.
struct TrackedIterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* at = nullptr;
    const char** cursor = nullptr;

    reference operator*() const { return *at; }
    TrackedIterator& operator++()
    {
        *cursor = ++at;
        return *this;
    }
    TrackedIterator operator++(int)
    {
        TrackedIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const TrackedIterator& other) const { return at == other.at; }
};

// Where the reader is in an ExportTraceServiceRequest.
enum class Frame : uint8_t {
    Request,
    ResourceSpansList,
    ResourceSpans,
    Resource,
    ScopeSpansList,
    ScopeSpans,
    SpanList,
    Span,
    SpanEvents,
    SpanEvent,
    Status,
    Attributes, // a list of KeyValue
    KeyValue,
    AnyValue,
    ArrayValue,
    ArrayValues,
    FirstArrayElement, // the first AnyValue of an arrayValue: its text is kept
    Skip, // a value the reader does not need
};

// Builds span views straight from the parser's events. Spans are mapped when
// their resourceSpans entry ends, so that the service name may come before or
// after them; their strings live in an arena until then.
class TraceReader : public nlohmann::json_sax<json> {
public:
    TraceReader(std::string_view text, const char** cursor, std::vector<LlmEvent>& events,
                std::vector<SpanProblem>& problems)
        : m_text(text)
        , m_cursor(cursor)
        , m_events(events)
        , m_problems(problems)
    {
    }

    bool sawRequest() const { return m_sawResourceSpans; }
    bool resourceSpansNotAList() const { return m_resourceSpansNotAList; }
    size_t skipped() const { return m_skipped; }

    bool null() override { return scalar(json(nullptr)); }
    bool boolean(bool v) override { return scalar(json(v)); }
    bool number_integer(number_integer_t v) override { return scalar(json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return scalar(json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return scalar(json(v)); }
    bool binary(binary_t&) override { return scalar(json(nullptr)); }

    bool string(string_t& v) override
    {
        if (top() != Frame::Span && top() != Frame::KeyValue && top() != Frame::AnyValue
            && top() != Frame::FirstArrayElement && top() != Frame::SpanEvent)
            return scalar(json(v));
        switch (top()) {
        case Frame::Span:
            if (m_key == "traceId")
                lowerHex(v, span().view.traceId);
            else if (m_key == "spanId")
                lowerHex(v, span().view.spanId);
            else if (m_key == "startTimeUnixNano" || m_key == "endTimeUnixNano") {
                int64_t n = 0;
                const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
                if (ec != std::errc() || end != v.data() + v.size())
                    return scalar(json(v)); // reported with the value
                if (m_key == "startTimeUnixNano") {
                    span().view.hasStart = true;
                    span().view.startUnixNano = n;
                } else {
                    span().view.endUnixNano = n;
                }
            }
            break;
        case Frame::SpanEvent:
            if (m_key == "name")
                span().view.events.back().name = keep(v);
            break;
        case Frame::KeyValue:
            if (m_key == "key") {
                m_keyValue.key = keep(v);
                m_keyValueHasKey = true;
            }
            break;
        case Frame::AnyValue:
            if (m_key == "stringValue") {
                m_keyValue.value.type = AttributeView::Type::String;
                m_keyValue.value.text = keep(v);
            } else if (m_key == "intValue") {
                int64_t n = 0;
                const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
                if (ec == std::errc() && end == v.data() + v.size()) {
                    m_keyValue.value.type = AttributeView::Type::Int;
                    m_keyValue.value.integer = n;
                } else { // kept as text; the mapper complains if it needs the number
                    m_keyValue.value.text = keep(v);
                }
            }
            break;
        case Frame::FirstArrayElement:
            if (m_key == "stringValue")
                m_keyValue.value.text = keep(v);
            break;
        default:
            break;
        }
        return true;
    }

    bool key(string_t& k) override
    {
        m_key.assign(k);
        return true;
    }

    bool start_object(std::size_t) override
    {
        const size_t begin = offset() - 1; // the '{' was just read
        if (m_frames.size() >= kMaxJsonDepth)
            return false; // stops the parser: the request is refused
        if (m_frames.empty()) {
            m_frames.push_back(Frame::Request);
            return true;
        }
        if (expectsList()) {
            wrongType("an object", nullptr);
            return push(Frame::Skip);
        }
        switch (top()) {
        case Frame::ResourceSpansList:
            m_resourceBegin = begin;
            m_resourceProblem.clear();
            m_service = {};
            return push(Frame::ResourceSpans);
        case Frame::ResourceSpans:
            return push(m_key == "resource" ? Frame::Resource : Frame::Skip);
        case Frame::ScopeSpansList:
            m_scopeBegin = begin;
            m_scopeProblem.clear();
            return push(Frame::ScopeSpans);
        case Frame::SpanList: {
            PendingSpan& s = m_pending.emplace_back();
            s.begin = begin;
            return push(Frame::Span);
        }
        case Frame::Span:
            return push(m_key == "status" ? Frame::Status : Frame::Skip);
        case Frame::SpanEvents:
            span().view.events.emplace_back();
            return push(Frame::SpanEvent);
        case Frame::Attributes:
            m_keyValue = {};
            m_keyValueHasKey = false;
            return push(Frame::KeyValue);
        case Frame::KeyValue:
            return push(m_key == "value" ? Frame::AnyValue : Frame::Skip);
        case Frame::AnyValue:
            if (m_key == "arrayValue") {
                m_keyValue.value.type = AttributeView::Type::Array;
                return push(Frame::ArrayValue);
            }
            return push(Frame::Skip);
        case Frame::ArrayValues:
            return push(m_arrayElements++ == 0 ? Frame::FirstArrayElement : Frame::Skip);
        default:
            return notExpected(Frame::Skip, "an object");
        }
    }

    bool end_object() override
    {
        const Frame ended = top();
        m_frames.pop_back();
        switch (ended) {
        case Frame::Span:
            span().end = offset();
            break;
        case Frame::KeyValue:
            if (!m_keyValueHasKey)
                problem("an attribute has no string \"key\"");
            else if (m_attributes)
                m_attributes->push_back(m_keyValue);
            break;
        case Frame::ResourceSpans:
            mapResource(offset());
            break;
        case Frame::ScopeSpans:
            if (!m_scopeProblem.empty())
                m_problems.push_back(
                    {m_scopeProblem,
                     std::string(m_text.substr(m_scopeBegin, offset() - m_scopeBegin))});
            break;
        default:
            break;
        }
        return true;
    }

    bool start_array(std::size_t) override
    {
        if (m_frames.size() >= kMaxJsonDepth)
            return false;
        switch (top()) {
        case Frame::Request:
            if (m_key != "resourceSpans")
                return push(Frame::Skip);
            m_sawResourceSpans = true;
            return push(Frame::ResourceSpansList);
        case Frame::ResourceSpans:
            return push(m_key == "scopeSpans" ? Frame::ScopeSpansList : Frame::Skip);
        case Frame::Resource:
            if (m_key != "attributes")
                return push(Frame::Skip);
            m_attributes = &m_resourceAttributes;
            return push(Frame::Attributes);
        case Frame::ScopeSpans:
            return push(m_key == "spans" ? Frame::SpanList : Frame::Skip);
        case Frame::Span:
            if (m_key == "attributes") {
                m_attributes = &span().view.attributes;
                return push(Frame::Attributes);
            }
            return push(m_key == "events" ? Frame::SpanEvents : Frame::Skip);
        case Frame::SpanEvent:
            if (m_key != "attributes")
                return push(Frame::Skip);
            m_attributes = &span().view.events.back().attributes;
            return push(Frame::Attributes);
        case Frame::ArrayValue:
            if (m_key != "values")
                return push(Frame::Skip);
            m_arrayElements = 0;
            return push(Frame::ArrayValues);
        default:
            return notExpected(Frame::Skip, "a list");
        }
    }

    bool end_array() override
    {
        m_frames.pop_back();
        return true;
    }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override
    {
        return false;
    }

private:
    struct PendingSpan {
        SpanView view;
        std::string problem; // set: dead-lettered instead of mapped
        std::string payload; // when the span is not an object: the value as received
        size_t begin = 0;
        size_t end = 0;
    };

    Frame top() const { return m_frames.empty() ? Frame::Skip : m_frames.back(); }
    size_t offset() const { return static_cast<size_t>(*m_cursor - m_text.data()); }
    PendingSpan& span() { return m_pending.back(); }

    // The current key names a list here (anything else is reported).
    bool expectsList() const
    {
        switch (top()) {
        case Frame::Request:
            return m_key == "resourceSpans";
        case Frame::ResourceSpans:
            return m_key == "scopeSpans";
        case Frame::ScopeSpans:
            return m_key == "spans";
        case Frame::Resource:
        case Frame::Span:
        case Frame::SpanEvent:
            return m_key == "attributes";
        default:
            return false;
        }
    }

    bool push(Frame f)
    {
        if (!m_frames.empty() && m_frames.back() == Frame::Skip)
            f = Frame::Skip;
        m_frames.push_back(f);
        return true;
    }

    std::string_view keep(const std::string& s) { return m_arena.emplace_back(s); }

    static void lowerHex(const std::string& in, std::string& out)
    {
        out = in;
        for (char& c : out)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }

    // Records a problem against the innermost span or resource being read.
    void problem(const std::string& reason)
    {
        if (inFrame(Frame::Span)) {
            if (span().problem.empty())
                span().problem = reason;
        } else if (inFrame(Frame::ResourceSpans) && m_resourceProblem.empty()) {
            m_resourceProblem = inFrame(Frame::Resource) ? "resource: " + reason : reason;
        }
    }

    bool inFrame(Frame f) const
    {
        return std::find(m_frames.begin(), m_frames.end(), f) != m_frames.end();
    }

    // A value of the wrong type where a list or object was expected, or where
    // a string or number was expected.
    bool notExpected(Frame next, const char* what)
    {
        if (!inFrame(Frame::Skip))
            wrongType(what, nullptr);
        return push(next);
    }

    void wrongType(const char* what, const json* value)
    {
        switch (top()) {
        case Frame::Request:
            if (m_key == "resourceSpans")
                m_resourceSpansNotAList = true;
            break;
        case Frame::ResourceSpansList:
            m_problems.push_back({"a resourceSpans entry is not an object",
                                  value ? dumped(*value) : std::string(what)});
            break;
        case Frame::ResourceSpans:
            if (m_key == "scopeSpans")
                problem("\"scopeSpans\" is not a list");
            break;
        case Frame::Resource:
            if (m_key == "attributes")
                problem("\"attributes\" is not a list");
            break;
        case Frame::ScopeSpansList:
            m_problems.push_back({"a scopeSpans entry is not an object with a \"spans\" list",
                                  value ? dumped(*value) : std::string(what)});
            break;
        case Frame::ScopeSpans:
            if (m_key == "spans")
                m_scopeProblem = "a scopeSpans entry is not an object with a \"spans\" list";
            break;
        case Frame::SpanList: {
            PendingSpan& s = m_pending.emplace_back();
            s.problem = "a span is not an object";
            s.payload = value ? dumped(*value) : std::string(what);
            break;
        }
        case Frame::Span:
        case Frame::SpanEvent:
            if (m_key == "attributes")
                problem("\"attributes\" is not a list");
            break;
        case Frame::Attributes:
            problem("an attribute is not an object");
            break;
        case Frame::KeyValue:
            if (m_key == "key")
                m_keyValueHasKey = false;
            break;
        default:
            break;
        }
    }

    bool scalar(const json& value)
    {
        if (inFrame(Frame::Skip))
            return true;
        if (expectsList()) {
            wrongType("", &value);
            return true;
        }
        switch (top()) {
        case Frame::Span:
            try {
                if (m_key == "startTimeUnixNano") {
                    span().view.hasStart = true;
                    span().view.startUnixNano = jsonInt64(value, "startTimeUnixNano");
                } else if (m_key == "endTimeUnixNano") {
                    span().view.endUnixNano = jsonInt64(value, "endTimeUnixNano");
                }
            } catch (const std::invalid_argument& e) {
                problem(e.what());
            }
            return true;
        case Frame::Status:
            if (m_key == "code") {
                try {
                    span().view.statusCode = static_cast<int>(jsonInt64(value, "status.code"));
                } catch (const std::invalid_argument& e) {
                    problem(e.what());
                }
            }
            return true;
        case Frame::AnyValue:
            if (m_key == "intValue" && value.is_number_integer()) {
                try {
                    m_keyValue.value.integer = jsonInt64(value, "intValue");
                    m_keyValue.value.type = AttributeView::Type::Int;
                } catch (const std::invalid_argument&) {
                }
            } else if (m_key == "doubleValue" && value.is_number()) {
                m_keyValue.value.type = AttributeView::Type::Double;
                m_keyValue.value.number = value.get<double>();
            } else if (m_key == "boolValue" && value.is_boolean()) {
                m_keyValue.value.type = AttributeView::Type::Bool;
                m_keyValue.value.boolean = value.get<bool>();
            }
            return true;
        default:
            wrongType("", &value);
            return true;
        }
    }

    static std::string dumped(const json& j)
    {
        return j.dump(-1, ' ', false, json::error_handler_t::replace);
    }

    // The resourceSpans entry ended: map its spans in order, or dead-letter them.
    void mapResource(size_t end)
    {
        const std::string_view raw = m_text.substr(m_resourceBegin, end - m_resourceBegin);
        if (!m_resourceProblem.empty()) {
            m_problems.push_back({m_resourceProblem, std::string(raw)});
        } else {
            for (const KeyValueView& kv : m_resourceAttributes)
                if (kv.key == "service.name")
                    m_service = kv.value.text;
            for (PendingSpan& s : m_pending) {
                const auto spanText = [&] {
                    return s.payload.empty() ? std::string(m_text.substr(s.begin, s.end - s.begin))
                                             : std::move(s.payload);
                };
                if (!s.problem.empty()) {
                    m_problems.push_back({std::move(s.problem), spanText()});
                    continue;
                }
                s.view.serviceName = m_service;
                try {
                    if (GenAiSpanMapper::map(s.view, m_event)
                        == GenAiSpanMapper::Result::NotLlmCall) {
                        ++m_skipped;
                        continue;
                    }
                    m_events.push_back(std::move(m_event));
                } catch (const std::exception& e) {
                    m_problems.push_back({e.what(), spanText()});
                }
            }
        }
        m_pending.clear();
        m_resourceAttributes.clear();
        m_arena.clear();
    }

    std::string_view m_text;
    const char** m_cursor;
    std::vector<LlmEvent>& m_events;
    std::vector<SpanProblem>& m_problems;

    std::vector<Frame> m_frames;
    std::string m_key;
    bool m_sawResourceSpans = false;
    bool m_resourceSpansNotAList = false;
    size_t m_skipped = 0;

    size_t m_resourceBegin = 0;
    size_t m_scopeBegin = 0;
    std::string m_scopeProblem;
    std::string m_resourceProblem;
    std::string_view m_service;
    std::vector<KeyValueView> m_resourceAttributes;
    std::vector<PendingSpan> m_pending;
    std::deque<std::string> m_arena; // strings of the current resourceSpans entry

    std::vector<KeyValueView>* m_attributes = nullptr; // where finished KeyValues go
    KeyValueView m_keyValue;
    bool m_keyValueHasKey = false;
    size_t m_arrayElements = 0;
    LlmEvent m_event;
};

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

OtlpJsonCodec::Decoded OtlpJsonCodec::decodeTraces(std::string_view text,
                                                   std::vector<LlmEvent>& events,
                                                   std::vector<SpanProblem>& problems,
                                                   size_t& skipped)
{
    const size_t eventsBefore = events.size();
    const size_t problemsBefore = problems.size();
    const char* cursor = text.data();
    TraceReader reader(text, &cursor, events, problems);
    const TrackedIterator first{text.data(), &cursor};
    const TrackedIterator last{text.data() + text.size(), &cursor};
    Decoded result = Decoded::Request;
    if (!json::sax_parse(first, last, &reader))
        result = Decoded::NotJson;
    else if (!reader.sawRequest() || reader.resourceSpansNotAList())
        result = Decoded::NotARequest;
    if (result != Decoded::Request) { // nothing of a request that is not one
        events.resize(eventsBefore);
        problems.resize(problemsBefore);
        return result;
    }
    skipped += reader.skipped();
    return result;
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
