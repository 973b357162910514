#include "otlp_proto_decoder.h"

#include "genai_span_mapper.h"
#include "llm_event.h"
#include "span_view.h"

#include <google/protobuf/arena.h>
#include <google/protobuf/stubs/logging.h>
#include <opentelemetry/proto/collector/logs/v1/logs_service.pb.h>
#include <opentelemetry/proto/collector/trace/v1/trace_service.pb.h>

namespace llmopt {

namespace otlp = opentelemetry::proto;

namespace {

// libprotobuf prints every malformed input (invalid UTF-8, …) to stderr; a
// sender could flood the log that way. The decoder reports problems itself.
void silenceProtobufLog()
{
    static const bool once = [] {
        google::protobuf::SetLogHandler(nullptr);
        return true;
    }();
    (void)once;
}

void toHex(const std::string& bytes, std::string& out)
{
    static constexpr char digits[] = "0123456789abcdef";
    out.resize(bytes.size() * 2);
    for (size_t i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        out[2 * i] = digits[b >> 4];
        out[2 * i + 1] = digits[b & 0xf];
    }
}

AttributeView viewOf(const otlp::common::v1::AnyValue& value)
{
    using V = otlp::common::v1::AnyValue;
    AttributeView v;
    switch (value.value_case()) {
    case V::kStringValue:
        v.type = AttributeView::Type::String;
        v.text = value.string_value();
        break;
    case V::kIntValue:
        v.type = AttributeView::Type::Int;
        v.integer = value.int_value();
        break;
    case V::kDoubleValue:
        v.type = AttributeView::Type::Double;
        v.number = value.double_value();
        break;
    case V::kBoolValue:
        v.type = AttributeView::Type::Bool;
        v.boolean = value.bool_value();
        break;
    case V::kArrayValue:
        v.type = AttributeView::Type::Array;
        if (value.array_value().values_size() > 0)
            v.text = viewOf(value.array_value().values(0)).text;
        break;
    default:
        break;
    }
    return v;
}

template <typename Repeated>
void readAttributes(const Repeated& attributes, std::vector<KeyValueView>& out)
{
    out.reserve(out.size() + static_cast<size_t>(attributes.size()));
    for (const auto& kv : attributes)
        out.push_back({kv.key(), viewOf(kv.value())});
}

} // namespace

bool OtlpProtoDecoder::decodeTraces(std::string_view bytes, std::vector<LlmEvent>& events,
                                    std::vector<SpanProblem>& problems, size_t& skipped)
{
    silenceProtobufLog();
    google::protobuf::ArenaOptions options;
    options.start_block_size = 64 * 1024;
    google::protobuf::Arena arena(options);
    auto* request = google::protobuf::Arena::CreateMessage<
        otlp::collector::trace::v1::ExportTraceServiceRequest>(&arena);
    if (bytes.size() > static_cast<size_t>(INT32_MAX)
        || !request->ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
        return false;

    SpanView view;
    LlmEvent event;
    for (const auto& resourceSpans : request->resource_spans()) {
        std::string_view service;
        for (const auto& kv : resourceSpans.resource().attributes())
            if (kv.key() == "service.name")
                service = kv.value().string_value();
        for (const auto& scope : resourceSpans.scope_spans()) {
            for (const auto& span : scope.spans()) {
                view.clear();
                view.serviceName = service;
                toHex(span.trace_id(), view.traceId);
                toHex(span.span_id(), view.spanId);
                view.hasStart = span.start_time_unix_nano() != 0;
                // fixed64 on the wire; times beyond 2262 do not fit an int64 and are refused below.
                view.startUnixNano = static_cast<int64_t>(span.start_time_unix_nano());
                view.endUnixNano = static_cast<int64_t>(span.end_time_unix_nano());
                view.statusCode = span.status().code();
                readAttributes(span.attributes(), view.attributes);
                for (const auto& ev : span.events()) {
                    SpanEventView& e = view.events.emplace_back();
                    e.name = ev.name();
                    readAttributes(ev.attributes(), e.attributes);
                }
                try {
                    if (view.startUnixNano < 0 || view.endUnixNano < 0)
                        throw std::invalid_argument("a timestamp is beyond the year 2262");
                    if (GenAiSpanMapper::map(view, event) == GenAiSpanMapper::Result::NotLlmCall) {
                        ++skipped;
                        continue;
                    }
                    events.push_back(std::move(event));
                } catch (const std::exception& ex) {
                    problems.push_back({ex.what(), span.ShortDebugString()});
                }
            }
        }
    }
    return true;
}

bool OtlpProtoDecoder::decodeLogs(std::string_view bytes,
                                  std::vector<EvaluationRecord>& evaluations,
                                  std::vector<SpanProblem>& problems, size_t& skipped)
{
    silenceProtobufLog();
    google::protobuf::Arena arena;
    auto* request = google::protobuf::Arena::CreateMessage<
        otlp::collector::logs::v1::ExportLogsServiceRequest>(&arena);
    if (bytes.size() > static_cast<size_t>(INT32_MAX)
        || !request->ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
        return false;
    std::vector<KeyValueView> attributes;
    for (const auto& resourceLogs : request->resource_logs()) {
        for (const auto& scope : resourceLogs.scope_logs()) {
            for (const auto& log : scope.log_records()) {
                attributes.clear();
                readAttributes(log.attributes(), attributes);
                EvaluationRecord record;
                try {
                    if (!GenAiSpanMapper::mapEvaluationLog(log.event_name(), attributes, record)) {
                        ++skipped;
                        continue;
                    }
                    if (log.span_id().empty())
                        throw std::invalid_argument(
                            "the evaluation names no span (span_id is empty)");
                } catch (const std::exception& ex) {
                    problems.push_back({ex.what(), log.ShortDebugString()});
                    continue;
                }
                toHex(log.trace_id(), record.traceId);
                toHex(log.span_id(), record.spanId);
                record.timeUnixNano = static_cast<int64_t>(log.time_unix_nano() & INT64_MAX);
                evaluations.push_back(std::move(record));
            }
        }
    }
    return true;
}

} // namespace llmopt
