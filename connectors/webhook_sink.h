#pragma once

#include "policy_sink.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace llmopt {

// Publishes the policy by sending the workbench's JSON document
// (PolicyDocument::toJson) to an HTTP endpoint with libcurl, for routers and
// gateways that take their configuration over HTTP.
//
// Every attempt for one document carries the same Idempotency-Key
// ("llmopt-policy-<version>"), so a receiver that saw an attempt whose answer
// got lost can recognise the retry. With a secret, the body is signed with
// HMAC-SHA256 over "<timestamp>.<body>" (the scheme of Stripe's and Slack's
// webhooks): the receiver checks X-LLMOpt-Signature against its copy of the
// secret, and rejects old X-LLMOpt-Timestamps so that a recorded request
// cannot be replayed later. Each attempt is signed with its own timestamp.
//
// Connection errors, timeouts, 429 and 5xx are retried with exponential
// backoff (or the receiver's Retry-After, whichever is longer, never more
// than maxBackoffMs); any other answer is final: a 4xx will not change by
// asking again. Only a 2xx acknowledges the document.
//
// publish() blocks for at most about maxAttempts × (timeoutMs + maxBackoffMs),
// so call it from a worker thread, never the GUI thread. It uses its own curl
// handle and no signals (CURLOPT_NOSIGNAL), so it is safe on any thread;
// concurrent publish() calls on one sink are safe too.
class WebhookSink : public PolicySink {
public:
    struct Options {
        std::string url; // http:// or https://
        std::string method = "PUT"; // "PUT" or "POST"
        std::string secret; // HMAC-SHA256 key; empty: requests are not signed
        int timeoutMs = 5000; // per attempt, connecting included
        int maxAttempts = 4; // the first try included
        int initialBackoffMs = 200; // before the second attempt; doubles after each
        int maxBackoffMs = 5000; // caps the doubling and the receiver's Retry-After
        // Sent with every request (e.g. Authorization); may not repeat the
        // headers the sink sets itself.
        std::vector<std::pair<std::string, std::string>> headers;
    };

    explicit WebhookSink(Options options);

    std::string name() const override { return "webhook " + m_options.url; }
    Result publish(const PolicyDocument& document) override;

    // The value of X-LLMOpt-Signature without its "sha256=" prefix: lower-case
    // hex HMAC-SHA256(secret, timestamp + "." + body). For receivers and tests.
    static std::string signature(std::string_view secret, std::string_view timestamp,
                                 std::string_view body);

private:
    Options m_options;
};

} // namespace llmopt
