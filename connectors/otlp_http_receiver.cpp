#include "otlp_http_receiver.h"

#include "ingest_queue.h"
#include "json_text.h"
#include "otlp_json_codec.h"
#include "otlp_proto_decoder.h"

#include <google/rpc/status.pb.h>
#include <nlohmann/json.hpp>
#include <opentelemetry/proto/collector/logs/v1/logs_service.pb.h>
#include <opentelemetry/proto/collector/trace/v1/trace_service.pb.h>
#include <zlib.h>

namespace llmopt {

namespace {

enum class Encoding { Protobuf, Json, Other };

Encoding encodingOf(std::string_view contentType)
{
    const std::string_view type = contentType.substr(0, contentType.find(';'));
    if (type == "application/x-protobuf")
        return Encoding::Protobuf;
    if (type == "application/json")
        return Encoding::Json;
    return Encoding::Other;
}

// Inflates gzip into `out`; false when the data is not gzip or inflates past `limit` bytes.
enum class Inflate { Ok, Corrupt, TooLarge };
Inflate gunzip(const std::string& in, std::string& out, size_t limit)
{
    z_stream z{};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
        return Inflate::Corrupt;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    out.clear();
    char chunk[64 * 1024];
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(chunk);
        z.avail_out = sizeof chunk;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            break;
        out.append(chunk, sizeof chunk - z.avail_out);
        if (out.size() > limit) {
            inflateEnd(&z);
            return Inflate::TooLarge; // also stops gzip bombs early
        }
        if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0)
            break; // truncated input
    }
    inflateEnd(&z);
    return rc == Z_STREAM_END ? Inflate::Ok : Inflate::Corrupt;
}

// google.rpc.Status in the request's encoding, as OTLP/HTTP error bodies are.
HttpResponse failure(int status, Encoding encoding, const std::string& message,
                     std::vector<std::pair<std::string, std::string>> headers = {})
{
    HttpResponse r;
    r.status = status;
    r.headers = std::move(headers);
    if (encoding == Encoding::Protobuf) {
        google::rpc::Status s;
        s.set_code(status == 503 ? 14 /* UNAVAILABLE */ : 3 /* INVALID_ARGUMENT */);
        s.set_message(message);
        r.contentType = "application/x-protobuf";
        r.body = s.SerializeAsString();
    } else if (encoding == Encoding::Json) {
        r.contentType = "application/json";
        r.body = nlohmann::json{{"code", status == 503 ? 14 : 3}, {"message", message}}.dump(
            -1, ' ', false, nlohmann::json::error_handler_t::replace);
    } else {
        r.contentType = "text/plain";
        r.body = message + "\n";
    }
    return r;
}

} // namespace

OtlpHttpReceiver::OtlpHttpReceiver(Options options, IngestQueue& queue)
    : m_options(std::move(options))
    , m_queue(queue)
    , m_server({m_options.address, m_options.port, m_options.maxBodyBytes, m_options.threads,
                "otlp.http", m_options.tlsCertificateFile, m_options.tlsPrivateKeyFile},
               [this](HttpRequest& r) { return handle(r); })
{
}

void OtlpHttpReceiver::start()
{
    m_server.start();
}

void OtlpHttpReceiver::stop()
{
    m_server.stop();
}

HttpResponse OtlpHttpReceiver::handle(HttpRequest& request)
{
    ++m_counters.requests;
    const Encoding encoding = encodingOf(request.contentType);
    auto refuse = [&](int status, const std::string& message) {
        ++m_counters.requestsRefused;
        return failure(status, encoding, message);
    };
    const bool traces = request.target == "/v1/traces";
    if (!traces && request.target != "/v1/logs")
        return refuse(404,
                      "unknown path " + request.target
                          + "; OTLP traces go to /v1/traces, logs to /v1/logs");
    if (request.method != "POST")
        return refuse(405, "use POST");
    if (!m_options.bearerToken.empty()
        && request.authorization != "Bearer " + m_options.bearerToken) {
        auto r = refuse(401, "missing or wrong bearer token");
        r.headers.emplace_back("WWW-Authenticate", "Bearer");
        return r;
    }
    if (encoding == Encoding::Other)
        return refuse(415,
                      "unsupported content type \"" + request.contentType
                          + "\"; send application/x-protobuf or application/json");

    std::string inflated;
    const std::string* body = &request.body;
    if (request.contentEncoding == "gzip") {
        switch (gunzip(request.body, inflated, m_options.maxBodyBytes)) {
        case Inflate::Ok:
            body = &inflated;
            break;
        case Inflate::TooLarge:
            return refuse(413,
                          "the decompressed body exceeds " + std::to_string(m_options.maxBodyBytes)
                              + " bytes");
        case Inflate::Corrupt:
            return refuse(400, "the body is not valid gzip");
        }
    } else if (!request.contentEncoding.empty() && request.contentEncoding != "identity") {
        return refuse(415,
                      "unsupported content encoding \"" + request.contentEncoding
                          + "\"; use gzip or none");
    } else if (request.body.size() > m_options.maxBodyBytes) {
        return refuse(413, "the body exceeds " + std::to_string(m_options.maxBodyBytes) + " bytes");
    }

    IngestBatch batch;
    batch.source = m_options.sourceName;
    std::vector<SpanProblem> problems;
    size_t skipped = 0;
    const char* what = traces ? "ExportTraceServiceRequest" : "ExportLogsServiceRequest";
    if (encoding == Encoding::Protobuf) {
        const bool ok = traces
            ? OtlpProtoDecoder::decodeTraces(*body, batch.events, problems, skipped)
            : OtlpProtoDecoder::decodeLogs(*body, batch.evaluations, problems, skipped);
        if (!ok)
            return refuse(400, std::string("the body is not an OTLP ") + what);
    } else if (traces) {
        switch (OtlpJsonCodec::decodeTraces(*body, batch.events, problems, skipped)) {
        case OtlpJsonCodec::Decoded::Request:
            break;
        case OtlpJsonCodec::Decoded::NotJson:
            return refuse(400,
                          "the body is not valid JSON or is nested deeper than "
                              + std::to_string(kMaxJsonDepth) + " levels");
        case OtlpJsonCodec::Decoded::NotARequest:
            return refuse(400, std::string("the body is not an OTLP ") + what);
        }
    } else {
        if (!jsonDepthWithin(*body))
            return refuse(
                400, "the JSON is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        const auto doc = nlohmann::json::parse(*body, nullptr, false);
        if (doc.is_discarded() || !doc.is_object())
            return refuse(400, "the body is not valid JSON");
        if (!doc.contains("resourceLogs"))
            return refuse(400, std::string("the body is not an OTLP ") + what);
        skipped = OtlpJsonCodec::decodeLogs(doc, batch.evaluations, problems);
    }
    const auto now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    const std::string firstProblem = problems.empty() ? std::string() : problems.front().reason;
    for (SpanProblem& p : problems)
        batch.deadLetters.push_back(
            {now, m_options.sourceName, std::move(p.reason), std::move(p.payload)});
    const size_t accepted = batch.events.size() + batch.evaluations.size();
    const size_t rejected = batch.deadLetters.size();
    if ((accepted > 0 || rejected > 0) && !m_queue.tryPush(std::move(batch))) {
        ++m_counters.pushedBack;
        return failure(503, encoding, "the workbench is busy; retry later",
                       {{"Retry-After", std::to_string(m_options.retryAfterSeconds)}});
    }
    (traces ? m_counters.spansAccepted : m_counters.evaluationsAccepted) += accepted;
    m_counters.spansRejected += rejected;
    m_counters.spansSkipped += skipped;

    const std::string message = rejected == 0
        ? std::string()
        : std::to_string(rejected) + (traces ? " spans" : " log records")
            + " were malformed and kept in the dead-letter table; first: " + firstProblem;
    HttpResponse r;
    if (encoding == Encoding::Protobuf) {
        r.contentType = "application/x-protobuf";
        if (traces) {
            opentelemetry::proto::collector::trace::v1::ExportTraceServiceResponse response;
            if (rejected > 0) {
                response.mutable_partial_success()->set_rejected_spans(
                    static_cast<int64_t>(rejected));
                response.mutable_partial_success()->set_error_message(message);
            }
            r.body = response.SerializeAsString();
        } else {
            opentelemetry::proto::collector::logs::v1::ExportLogsServiceResponse response;
            if (rejected > 0) {
                response.mutable_partial_success()->set_rejected_log_records(
                    static_cast<int64_t>(rejected));
                response.mutable_partial_success()->set_error_message(message);
            }
            r.body = response.SerializeAsString();
        }
    } else {
        nlohmann::json response = nlohmann::json::object();
        if (rejected > 0) // int64 as a string, per the OTLP JSON mapping
            response["partialSuccess"]
                = {{traces ? "rejectedSpans" : "rejectedLogRecords", std::to_string(rejected)},
                   {"errorMessage", message}};
        r.contentType = "application/json";
        r.body = response.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    return r;
}

} // namespace llmopt
