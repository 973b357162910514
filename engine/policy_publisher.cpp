#include "policy_publisher.h"

#include "policy_sink.h"

#include <algorithm>
#include <chrono>

namespace llmopt {

PolicyPublisher::PolicyPublisher(std::vector<std::shared_ptr<PolicySink>> sinks)
    : PolicyPublisher(std::move(sinks), Options{})
{
}

PolicyPublisher::PolicyPublisher(std::vector<std::shared_ptr<PolicySink>> sinks, Options options)
    : m_sinks(std::move(sinks))
    , m_options(options)
{
    for (const auto& sink : m_sinks)
        m_status.sinks.push_back({sink->name(), 0, 0, "nothing published yet"});
    // One thread per sink: a target that is slow or retrying never delays
    // the others (a rollback reaches the flagd file while a webhook waits).
    for (size_t i = 0; i < m_sinks.size(); ++i)
        m_threads.emplace_back([this, i] { run(i); });
}

PolicyPublisher::~PolicyPublisher()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread& t : m_threads)
        t.join();
}

void PolicyPublisher::publish(PolicyDocument document)
{
    {
        std::lock_guard lock(m_mutex);
        m_status.latestVersion = document.version;
        if (m_sinks.empty()) {
            m_status.acknowledgedVersion = document.version;
            return;
        }
        m_latest = std::make_shared<const PolicyDocument>(std::move(document));
    }
    m_wake.notify_all();
}

PolicyPublisher::Status PolicyPublisher::status() const
{
    std::lock_guard lock(m_mutex);
    return m_status;
}

bool PolicyPublisher::acknowledged(uint64_t version) const
{
    std::lock_guard lock(m_mutex);
    return m_status.acknowledgedVersion >= version;
}

void PolicyPublisher::run(size_t index)
{
    int backoff = m_options.initialRetryMillis;
    uint64_t lastTried = 0;
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] {
            return m_stopping
                || (m_latest && m_status.sinks[index].acknowledgedVersion < m_latest->version);
        });
        if (m_stopping)
            return;
        const std::shared_ptr<const PolicyDocument> document = m_latest;
        if (document->version != lastTried)
            backoff = m_options.initialRetryMillis; // a new document starts a new series of tries
        lastTried = document->version;
        lock.unlock(); // a sink may take seconds; publish() and status() go on meanwhile
        PolicySink::Result result;
        try {
            result = m_sinks[index]->publish(*document);
        } catch (const std::exception& e) {
            result = {false, std::string("unexpected error: ") + e.what()};
        }
        lock.lock();
        PolicySinkStatus& s = m_status.sinks[index];
        s.message = result.message;
        if (result.acknowledged) {
            s.acknowledgedVersion = std::max(s.acknowledgedVersion, document->version);
            s.failures = 0;
            uint64_t everywhere = m_status.latestVersion;
            for (const PolicySinkStatus& other : m_status.sinks)
                everywhere = std::min(everywhere, other.acknowledgedVersion);
            m_status.acknowledgedVersion = std::max(m_status.acknowledgedVersion, everywhere);
            continue;
        }
        ++s.failures;
        // A newer document ends the wait early: it is what should be tried next.
        m_wake.wait_for(lock, std::chrono::milliseconds(backoff),
                        [&] { return m_stopping || m_latest->version != lastTried; });
        backoff = std::min(backoff * 2, m_options.maxRetryMillis);
    }
}

} // namespace llmopt
