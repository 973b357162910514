#include "model_timeline.h"

#include "llm_event.h"

namespace llmopt {

namespace {

int64_t floorDiv(int64_t a, int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

} // namespace

ModelTimeline::ModelTimeline(int64_t bucketNanos, size_t bucketCount)
    : m_bucketNanos(bucketNanos)
    , m_bucketCount(bucketCount)
{
}

void ModelTimeline::add(const LlmEvent& e)
{
    const int64_t index = floorDiv(e.timeUnixNano, m_bucketNanos);
    if (!m_buckets.empty()
        && index <= m_buckets.rbegin()->first - static_cast<int64_t>(m_bucketCount))
        return; // older than the chart's horizon; the store and the variant table still have it
    Cell& cell = m_buckets[index][{e.service, e.variant.model}];
    ++cell.requests;
    if (e.isError())
        ++cell.errors;
    else
        cell.latencyMs.add(e.latencyMs);
    cell.costUsd += e.costUsd.value_or(0.0);
    if (auto q = e.quality()) {
        cell.qualitySum += *q;
        ++cell.qualityCount;
    }
    while (m_buckets.size() > m_bucketCount)
        m_buckets.erase(m_buckets.begin());
}

std::vector<TimelineSeries> ModelTimeline::series(std::string_view service) const
{
    std::map<std::string, TimelineSeries> byModel;
    const double hourly = 3600e9 / static_cast<double>(m_bucketNanos);
    for (const auto& [index, cells] : m_buckets) {
        std::map<std::string, Cell> perModel; // the bucket's cells of each model, merged
        for (const auto& [key, cell] : cells) {
            if (!service.empty() && key.first != service)
                continue;
            Cell& merged = perModel[key.second];
            merged.requests += cell.requests;
            merged.costUsd += cell.costUsd;
            merged.latencyMs.merge(cell.latencyMs);
        }
        for (const auto& [model, cell] : perModel) {
            TimelineSeries& s = byModel[model];
            s.model = model;
            s.points.push_back({index * m_bucketNanos, cell.requests, cell.costUsd * hourly,
                                cell.latencyMs.quantile(0.95), cell.latencyMs.quantile(0.5),
                                cell.latencyMs.quantile(0.99)});
        }
    }
    std::vector<TimelineSeries> out;
    for (auto& [model, s] : byModel)
        out.push_back(std::move(s));
    return out;
}

LiveKpis ModelTimeline::kpis(int64_t now, int64_t span, std::string_view service) const
{
    LiveKpis k;
    QuantileSketch latency;
    uint64_t errors = 0, qualityCount = 0;
    double cost = 0.0, qualitySum = 0.0;
    int64_t earliest = now;
    // Whole buckets that start within the span: a bucket cut by the span's start
    // would be counted whole but timed in part.
    const int64_t firstBucket = floorDiv(now - span + m_bucketNanos - 1, m_bucketNanos);
    for (auto it = m_buckets.lower_bound(firstBucket);
         it != m_buckets.end() && it->first * m_bucketNanos < now; ++it) {
        earliest = std::min(earliest, it->first * m_bucketNanos);
        for (const auto& [key, cell] : it->second) {
            if (!service.empty() && key.first != service)
                continue;
            k.requests += cell.requests;
            errors += cell.errors;
            cost += cell.costUsd;
            qualitySum += cell.qualitySum;
            qualityCount += cell.qualityCount;
            latency.merge(cell.latencyMs);
        }
    }
    const double seconds = static_cast<double>(now - earliest) / 1e9;
    if (k.requests == 0 || seconds <= 0)
        return k;
    k.requestsPerSecond = static_cast<double>(k.requests) / seconds;
    k.spendPerHourUsd = cost / seconds * 3600.0;
    k.p95LatencyMs = latency.quantile(0.95);
    k.errorRate = static_cast<double>(errors) / static_cast<double>(k.requests);
    if (qualityCount)
        k.meanQuality = qualitySum / static_cast<double>(qualityCount);
    return k;
}

} // namespace llmopt
