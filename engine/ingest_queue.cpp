#include "ingest_queue.h"

namespace llmopt {

IngestQueue::IngestQueue(size_t capacityEvents)
    : m_capacity(capacityEvents)
{
}

bool IngestQueue::tryPush(IngestBatch&& batch)
{
    const size_t n = batch.events.size() + batch.deadLetters.size() + batch.evaluations.size();
    {
        std::lock_guard lock(m_mutex);
        if (m_closed || (m_events > 0 && m_events + n > m_capacity))
            return false;
        m_events += n;
        m_batches.push_back(std::move(batch));
    }
    m_ready.notify_one();
    return true;
}

bool IngestQueue::popSome(std::vector<IngestBatch>& out, size_t maxEvents,
                          std::chrono::milliseconds wait)
{
    std::unique_lock lock(m_mutex);
    m_ready.wait_for(lock, wait, [&] { return !m_batches.empty() || m_closed; });
    size_t taken = 0;
    while (!m_batches.empty()
           && (taken == 0 || taken + m_batches.front().events.size() <= maxEvents)) {
        const IngestBatch& front = m_batches.front();
        const size_t n = front.events.size() + front.deadLetters.size() + front.evaluations.size();
        taken += n;
        m_events -= n;
        out.push_back(std::move(m_batches.front()));
        m_batches.pop_front();
    }
    return !(m_closed && m_batches.empty() && taken == 0);
}

void IngestQueue::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_ready.notify_all();
}

bool IngestQueue::closed() const
{
    std::lock_guard lock(m_mutex);
    return m_closed;
}

size_t IngestQueue::depthEvents() const
{
    std::lock_guard lock(m_mutex);
    return m_events;
}

} // namespace llmopt
