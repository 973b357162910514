#include "ingest_status.h"

IngestStatus::IngestStatus(QObject* parent)
    : QObject(parent)
{
}

void IngestStatus::update(const Reading& r)
{
    // A counter that went back means a new engine: the old samples say nothing about it.
    if (!m_samples.empty() && r.received < m_samples.back().second)
        m_samples.clear();
    m_samples.emplace_back(r.atMs, r.received);
    while (m_samples.size() > 2 && r.atMs - m_samples[1].first >= kRateSpanMs)
        m_samples.pop_front();
    const auto& [firstMs, firstReceived] = m_samples.front();
    const double rate = r.atMs > firstMs
        ? double(r.received - firstReceived) * 1000.0 / double(r.atMs - firstMs)
        : 0.0;

    const bool same = rate == m_eventsPerSecond && r.queueDepth == m_last.queueDepth
        && r.queueCapacity == m_last.queueCapacity && r.pushedBack == m_last.pushedBack
        && r.sourcesRunning == m_last.sourcesRunning && r.sourcesTotal == m_last.sourcesTotal
        && r.failingSource == m_last.failingSource && r.failingError == m_last.failingError;
    m_eventsPerSecond = rate;
    m_last = r;
    if (!same)
        Q_EMIT changed();
}
