#include "event_file_reader.h"

#include "analysis_report.h"
#include "collector.h"
#include "event_json.h"
#include "json_text.h"
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
        if (!jsonDepthWithin(line)) {
            m_onProblem(
                {path, number, "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"},
                line);
            continue;
        }
        const size_t before = m_batch.size();
        spanProblems.clear();
        const auto otlp = OtlpJsonCodec::decodeTraces(line, m_batch, spanProblems, m_skipped);
        if (otlp == OtlpJsonCodec::Decoded::Request) {
            for (const SpanProblem& p : spanProblems)
                m_onProblem({path, number, "span: " + p.reason}, p.payload);
        } else { // a flat event
            const nlohmann::json doc = otlp == OtlpJsonCodec::Decoded::NotJson
                ? nlohmann::json()
                : nlohmann::json::parse(line, nullptr, false);
            if (!doc.is_object()) {
                m_onProblem({path, number, "not a JSON object"}, line);
                continue;
            }
            try {
                m_batch.push_back(fromFlatJson(doc));
            } catch (const std::exception& ex) {
                m_onProblem({path, number, ex.what()}, line);
            }
        }
        // Events the collector would refuse are reported here, where the line is known.
        for (size_t i = before; i < m_batch.size();) {
            if (auto reason = Collector::validate(m_batch[i])) {
                m_onProblem({path, number, *reason}, line);
                m_batch.erase(m_batch.begin() + static_cast<long>(i));
            } else {
                ++i;
            }
        }
        if (m_batch.size() >= m_batchSize)
            flush();
    }
    flush();
    return true;
}

} // namespace llmopt
