#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace llmopt {

// One OTLP attribute value, decoder-neutral and non-owning: the strings point
// into the decoded request (JSON document or protobuf message), which must
// outlive the view.
struct AttributeView {
    enum class Type : uint8_t { String, Int, Double, Bool, Array, Other };
    Type type = Type::Other;
    std::string_view text; // String; Array: its first string element; Other: raw text
    int64_t integer = 0;
    double number = 0.0;
    bool boolean = false;
};

struct KeyValueView {
    std::string_view key;
    AttributeView value;
};

struct SpanEventView {
    std::string_view name;
    std::vector<KeyValueView> attributes;
};

// The parts of an OTLP span the GenAI mapping reads, from either encoding.
struct SpanView {
    std::string_view serviceName;
    std::string traceId; // lowercase hex
    std::string spanId; // lowercase hex
    bool hasStart = false;
    int64_t startUnixNano = 0;
    int64_t endUnixNano = 0;
    int statusCode = 0; // 2 = ERROR
    std::vector<KeyValueView> attributes;
    std::vector<SpanEventView> events;

    void clear()
    {
        serviceName = {};
        traceId.clear();
        spanId.clear();
        hasStart = false;
        startUnixNano = endUnixNano = 0;
        statusCode = 0;
        attributes.clear();
        events.clear();
    }
};

} // namespace llmopt
