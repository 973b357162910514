#include "otlp_proto_encoder.h"

#include "genai_attribute_writer.h"
#include "llm_event.h"

#include <cmath>
#include <opentelemetry/proto/collector/trace/v1/trace_service.pb.h>

namespace llmopt {

namespace otlp = opentelemetry::proto;

namespace {

std::string fromHex(const std::string& hex)
{
    auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    std::string out(hex.size() / 2, '\0');
    for (size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<char>(nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]));
    return out;
}

// Appends OTLP protobuf KeyValue messages.
struct ProtoAttributeWriter {
    google::protobuf::RepeatedPtrField<otlp::common::v1::KeyValue>* out;

    otlp::common::v1::AnyValue* add(std::string_view key)
    {
        auto* kv = out->Add();
        kv->set_key(std::string(key));
        return kv->mutable_value();
    }
    void string(std::string_view k, std::string_view v)
    {
        add(k)->set_string_value(std::string(v));
    }
    void integer(std::string_view k, int64_t v) { add(k)->set_int_value(v); }
    void number(std::string_view k, double v) { add(k)->set_double_value(v); }
    void stringArray(std::string_view k, std::string_view v)
    {
        add(k)->mutable_array_value()->add_values()->set_string_value(std::string(v));
    }
};

void encodeSpan(otlp::trace::v1::Span* span, const LlmEvent& e)
{
    span->set_trace_id(fromHex(e.traceId));
    span->set_span_id(fromHex(e.spanId));
    span->set_name(e.operation + " " + e.requestModel);
    span->set_kind(otlp::trace::v1::Span::SPAN_KIND_CLIENT);
    span->set_start_time_unix_nano(static_cast<uint64_t>(e.timeUnixNano));
    span->set_end_time_unix_nano(static_cast<uint64_t>(
        e.timeUnixNano + static_cast<int64_t>(std::llround(e.latencyMs * 1e6))));
    ProtoAttributeWriter attributes{span->mutable_attributes()};
    writeGenAiAttributes(e, attributes);
    forEachEvaluation(e, [&](std::string_view name, double score) {
        auto* ev = span->add_events();
        ev->set_time_unix_nano(span->end_time_unix_nano());
        ev->set_name("gen_ai.evaluation.result");
        ProtoAttributeWriter w{ev->mutable_attributes()};
        w.string("gen_ai.evaluation.name", name);
        w.number("gen_ai.evaluation.score.value", score);
    });
    if (e.isError()) {
        span->mutable_status()->set_code(otlp::trace::v1::Status::STATUS_CODE_ERROR);
        span->mutable_status()->set_message(e.errorType);
    }
}

} // namespace

std::string OtlpProtoEncoder::encodeTraces(std::span<const LlmEvent> events)
{
    otlp::collector::trace::v1::ExportTraceServiceRequest request;
    std::vector<std::pair<std::string, otlp::trace::v1::ScopeSpans*>> byService;
    for (const LlmEvent& e : events) {
        auto it = std::find_if(byService.begin(), byService.end(),
                               [&](const auto& s) { return s.first == e.service; });
        if (it == byService.end()) {
            auto* rs = request.add_resource_spans();
            ProtoAttributeWriter{rs->mutable_resource()->mutable_attributes()}.string(
                "service.name", e.service);
            auto* scope = rs->add_scope_spans();
            scope->mutable_scope()->set_name("llm-optimizer.simulator");
            byService.emplace_back(e.service, scope);
            it = byService.end() - 1;
        }
        encodeSpan(it->second->add_spans(), e);
    }
    return request.SerializeAsString();
}

} // namespace llmopt
