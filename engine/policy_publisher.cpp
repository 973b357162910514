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
    if (!m_sinks.empty())
        m_thread = std::thread([this] { run(); });
}

PolicyPublisher::~PolicyPublisher()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
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
        m_latest = std::move(document);
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

void PolicyPublisher::run()
{
    int backoff = m_options.initialRetryMillis;
    uint64_t lastTried = 0;
    std::unique_lock lock(m_mutex);
    for (;;) {
        const auto pending = [this] {
            if (!m_latest)
                return false;
            return std::any_of(
                m_status.sinks.begin(), m_status.sinks.end(),
                [&](const SinkStatus& s) { return s.acknowledgedVersion < m_latest->version; });
        };
        m_wake.wait(lock, [&] { return m_stopping || pending(); });
        if (m_stopping)
            return;
        const PolicyDocument document = *m_latest;
        if (document.version != lastTried)
            backoff = m_options.initialRetryMillis; // a new document starts a new series of tries
        lastTried = document.version;
        bool allAcknowledged = true;
        for (size_t i = 0; i < m_sinks.size(); ++i) {
            if (m_status.sinks[i].acknowledgedVersion >= document.version)
                continue;
            lock.unlock(); // a sink may take seconds; publish() and status() go on meanwhile
            PolicySink::Result result;
            try {
                result = m_sinks[i]->publish(document);
            } catch (const std::exception& e) {
                result = {false, std::string("unexpected error: ") + e.what()};
            }
            lock.lock();
            SinkStatus& s = m_status.sinks[i];
            s.message = result.message;
            if (result.acknowledged) {
                s.acknowledgedVersion = std::max(s.acknowledgedVersion, document.version);
                s.failures = 0;
            } else {
                ++s.failures;
                allAcknowledged = false;
            }
            if (m_stopping)
                return;
        }
        uint64_t everywhere = m_status.latestVersion;
        for (const SinkStatus& s : m_status.sinks)
            everywhere = std::min(everywhere, s.acknowledgedVersion);
        m_status.acknowledgedVersion = std::max(m_status.acknowledgedVersion, everywhere);
        if (allAcknowledged)
            continue;
        // A newer document ends the wait early: it is what should be tried next.
        m_wake.wait_for(lock, std::chrono::milliseconds(backoff),
                        [&] { return m_stopping || m_latest->version != lastTried; });
        backoff = std::min(backoff * 2, m_options.maxRetryMillis);
    }
}

} // namespace llmopt
