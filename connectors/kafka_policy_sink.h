#pragma once

#include "policy_sink.h"

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace llmopt {

// Publishes the policy to a Kafka topic (librdkafka), for routers that follow
// their configuration as a stream: one record per service, keyed by the
// service name, whose value is
//   {"version": …, "created_unix_nano": …, "service": <the service's entry of
//    PolicyDocument::toJson()>}
// with the header llmopt-policy-version. The key decides the partition, so the
// versions of one service arrive in order.
//
// The topic should be log-compacted (cleanup.policy=compact): Kafka then keeps
// the newest record per key forever, and a router that starts from the
// beginning of the topic reads exactly the current policy of every service.
//
// The producer is idempotent with acks=all (neither can be overridden), so a
// retried record is neither duplicated nor reordered, and a record counts as
// delivered only once every in-sync replica has it. publish() waits for the
// delivery reports up to deliveryTimeoutMs and acknowledges the document only
// when every record was delivered. The producer is created on the first
// publish() and kept; publish() calls are serialised, and block, so call them
// from a worker thread.
class KafkaPolicySink : public PolicySink {
public:
    struct Options {
        std::string brokers = "localhost:9092";
        std::string topic = "llmopt.policy";
        std::map<std::string, std::string> properties; // passed to librdkafka as-is (SASL, TLS, …)
        int deliveryTimeoutMs = 10000;
    };

    explicit KafkaPolicySink(Options options);
    ~KafkaPolicySink() override;
    KafkaPolicySink(const KafkaPolicySink&) = delete;
    KafkaPolicySink& operator=(const KafkaPolicySink&) = delete;

    std::string name() const override;
    Result publish(const PolicyDocument& document) override;

    // The records publish() writes for `document`: key (service name) and value (JSON text).
    static std::vector<std::pair<std::string, std::string>> records(const PolicyDocument& document);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace llmopt
