#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace llmopt {

struct LlmEvent;
struct InputProblem;

// Reads event files line by line: each line is either an OTLP/JSON
// ExportTraceServiceRequest (the OpenTelemetry Collector file exporter's
// format) or one flat JSON event (docs/cli.md). Bad lines or spans are
// reported with their line number and the rest of the file is read.
class EventFileReader {
public:
    using BatchHandler = std::function<void(std::vector<LlmEvent>& events)>;
    using ProblemHandler
        = std::function<void(const InputProblem& problem, std::string_view payload)>;

    EventFileReader(BatchHandler onBatch, ProblemHandler onProblem, size_t batchSize = 4096);

    // Returns false when the file cannot be opened (reported as a problem on line 0).
    bool read(const std::string& path);

    uint64_t spansSkipped() const { return m_skipped; } // spans that are not LLM calls

private:
    void flush();

    BatchHandler m_onBatch;
    ProblemHandler m_onProblem;
    size_t m_batchSize;
    std::vector<LlmEvent> m_batch;
    uint64_t m_skipped = 0;
};

} // namespace llmopt
