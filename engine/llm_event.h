#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace llmopt {

// What an optimiser can change: model + prompt template version + parameters.
// The id is derived from exactly these fields, so the same variant observed by
// two sources (or two runs) gets the same id.
struct Variant {
    std::string model;
    std::string promptVersion;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int64_t> maxTokens;

    // "v-" followed by 12 hex digits of FNV-1a over the canonical form.
    std::string id() const;
    static constexpr size_t kIdLength = 14;
    // Human-readable form, e.g. "gpt-4o-mini · prompt v3 · t=0.2".
    std::string label() const;
};

enum class CallStatus : uint8_t { Ok = 0, Error = 1 };

struct Evaluation {
    std::string name;
    double score = 0.0;
};

// One LLM call as observed (DESIGN.md "Event"). Times are Unix nanoseconds;
// durations milliseconds. Token counts of -1 mean "not reported".
struct LlmEvent {
    std::string traceId; // 32 lowercase hex digits when the source had one
    std::string spanId; // 16 lowercase hex digits when the source had one
    int64_t timeUnixNano = 0;
    std::string service;
    Variant variant;
    std::string variantName; // operator-facing label (feature_flag.result.variant)
    std::string provider;
    std::string operation = "chat";
    std::string requestModel;
    std::string responseModel;
    std::string taskType;
    int64_t inputTokens = -1;
    int64_t outputTokens = -1;
    int64_t cacheReadTokens = 0;
    int64_t cacheWriteTokens = 0;
    double latencyMs = 0.0;
    std::optional<double> ttftMs;
    CallStatus status = CallStatus::Ok;
    std::string errorType;
    std::string finishReason;
    // Filled by the collector from the price table; empty means the price is
    // unknown (never a silent $0).
    std::optional<double> costUsd;
    // Cost the source reported itself (OpenLIT gen_ai.usage.cost); used when
    // the price table does not know the model.
    std::optional<double> reportedCostUsd;
    std::vector<Evaluation> evaluations;
    std::optional<bool> userFeedback; // thumbs up / down
    std::vector<std::pair<std::string, std::string>> attributes;

    // Identity for idempotent storage: trace id + span id when present,
    // otherwise a digest of the event's content.
    std::string eventId() const;
    // The same, written into `out` (whose buffer is reused).
    void eventIdInto(std::string& out) const;
    // Mean of the evaluation scores, if any.
    std::optional<double> quality() const;
    bool isError() const { return status == CallStatus::Error; }
};

// A quality judgement that arrived on its own — an OTLP log record
// `gen_ai.evaluation.result` — for the call with this trace and span id.
struct EvaluationRecord {
    std::string traceId;
    std::string spanId;
    int64_t timeUnixNano = 0;
    Evaluation evaluation;
};

} // namespace llmopt
