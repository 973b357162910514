#pragma once

#include "policy_document.h"

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace llmopt {

class PolicySink;

// How one sink took the policies published so far.
struct PolicySinkStatus {
    std::string name;
    uint64_t acknowledgedVersion = 0;
    uint64_t failures = 0; // attempts that failed since its last acknowledgement
    std::string message;
};

// Hands routing documents to the policy sinks, each on a thread of its own,
// so that a slow or failing target (a webhook retrying with backoff, a Kafka
// broker that is down) never stalls the engine thread nor the other sinks.
// The newest document wins: an older one not yet delivered is dropped. A sink
// that did not acknowledge the newest document is tried again after a backoff
// (doubling up to `maxRetryMillis`) until it does or a newer document
// replaces it. With no sinks every document counts as acknowledged at once.
// The destructor waits for publications in progress (a webhook's attempts).
class PolicyPublisher {
public:
    struct Options {
        int initialRetryMillis = 500;
        int maxRetryMillis = 30000;
    };
    using SinkStatus = PolicySinkStatus;
    struct Status {
        uint64_t latestVersion = 0; // handed to publish()
        uint64_t acknowledgedVersion = 0; // acknowledged by every sink
        std::vector<SinkStatus> sinks;
    };

    explicit PolicyPublisher(std::vector<std::shared_ptr<PolicySink>> sinks, Options options);
    explicit PolicyPublisher(std::vector<std::shared_ptr<PolicySink>> sinks);
    ~PolicyPublisher(); // waits for a publication in progress, then stops
    PolicyPublisher(const PolicyPublisher&) = delete;
    PolicyPublisher& operator=(const PolicyPublisher&) = delete;

    // Returns at once; the thread publishes it to every sink.
    void publish(PolicyDocument document);
    Status status() const;
    bool acknowledged(uint64_t version) const;

private:
    void run(size_t sink);

    std::vector<std::shared_ptr<PolicySink>> m_sinks;
    Options m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::shared_ptr<const PolicyDocument> m_latest;
    Status m_status;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace llmopt
