#include "event_file_reader.h"

#include "analysis_report.h"
#include "event_json.h"
#include "llm_event.h"
#include "otlp_json_codec.h"

#include <fstream>
#include <nlohmann/json.hpp>

namespace llmopt {

EventFileReader::EventFileReader(BatchHandler onBatch, ProblemHandler onProblem, size_t batchSize)
    : m_onBatch(std::move(onBatch))
    , m_onProblem(std::move(onProblem))
    , m_batchSize(batchSize)
{
}

void EventFileReader::flush()
{
    if (!m_batch.empty())
        m_onBatch(m_batch);
    m_batch.clear();
}

bool EventFileReader::read(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        m_onProblem({path, 0, "cannot open the file"}, {});
        return false;
    }
    std::string line;
    std::vector<SpanProblem> spanProblems;
    size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        const nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
        if (doc.is_discarded() || !doc.is_object()) {
            m_onProblem({path, number, "not a JSON object"}, line);
            continue;
        }
        if (doc.contains("resourceSpans")) {
            spanProblems.clear();
            m_skipped += OtlpJsonCodec::decodeTraces(doc, m_batch, spanProblems);
            for (const SpanProblem& p : spanProblems)
                m_onProblem({path, number, "span: " + p.reason}, p.payload);
        } else {
            try {
                m_batch.push_back(fromFlatJson(doc));
            } catch (const std::exception& ex) {
                m_onProblem({path, number, ex.what()}, line);
            }
        }
        if (m_batch.size() >= m_batchSize)
            flush();
    }
    flush();
    return true;
}

} // namespace llmopt
