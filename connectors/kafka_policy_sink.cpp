#include "kafka_policy_sink.h"

#include "policy_document.h"

#include <algorithm>
#include <chrono>
#include <librdkafka/rdkafka.h>
#include <mutex>
#include <nlohmann/json.hpp>

namespace llmopt {

namespace {

constexpr const char* kVersionHeader = "llmopt-policy-version";
// librdkafka expires a record after message.timeout.ms (= deliveryTimeoutMs)
// on a timer of its own; this much longer is waited for that report, so that
// a failure is reported with librdkafka's reason rather than ours.
constexpr int kReportGraceMs = 1500;

// The delivery reports of one publish(). Each record holds a reference
// through its opaque, so a report that arrives after publish() gave up
// (the records stay queued until librdkafka expires them) lands somewhere valid.
struct Deliveries {
    int delivered = 0;
    int failed = 0;
    rd_kafka_resp_err_t firstError = RD_KAFKA_RESP_ERR_NO_ERROR;
};
using DeliveriesRef = std::shared_ptr<Deliveries>;

void countFailure(Deliveries& d, rd_kafka_resp_err_t error)
{
    ++d.failed;
    if (d.firstError == RD_KAFKA_RESP_ERR_NO_ERROR)
        d.firstError = error;
}

} // namespace

struct KafkaPolicySink::Impl {
    Options options;
    // One publish() at a time. librdkafka calls the callbacks below only from
    // rd_kafka_poll()/rd_kafka_flush(), which run under this lock too.
    std::mutex mutex;
    rd_kafka_t* producer = nullptr;
    std::string lastBrokerError; // from the error callback; cleared by a full success

    explicit Impl(Options o)
        : options(std::move(o))
    {
    }

    ~Impl() { destroyProducer(); }

    static void onDelivery(rd_kafka_t*, const rd_kafka_message_t* m, void*)
    {
        const std::unique_ptr<DeliveriesRef> ref(static_cast<DeliveriesRef*>(m->_private));
        if (!ref)
            return;
        if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR)
            ++(*ref)->delivered;
        else
            countFailure(**ref, m->err);
    }

    static void onError(rd_kafka_t*, int, const char* reason, void* opaque)
    {
        static_cast<Impl*>(opaque)->lastBrokerError = reason;
    }

    // Empty when the producer exists; otherwise why it could not be created.
    std::string createProducer()
    {
        char err[512];
        rd_kafka_conf_t* conf = rd_kafka_conf_new();
        std::string refused;
        auto set = [&](const std::string& key, const std::string& value) {
            if (refused.empty()
                && rd_kafka_conf_set(conf, key.c_str(), value.c_str(), err, sizeof err)
                    != RD_KAFKA_CONF_OK)
                refused = "setting " + key + " = \"" + value + "\" was refused: " + err
                    + " (check the sink's brokers and properties)";
        };
        set("bootstrap.servers", options.brokers);
        // Records left undelivered expire with a report instead of waiting forever.
        set("message.timeout.ms", std::to_string(std::max(10, options.deliveryTimeoutMs)));
        for (const auto& [key, value] : options.properties)
            set(key, value);
        // Last, so that no property weakens them: no duplicates or reordering
        // on retries, and delivered means on every in-sync replica.
        set("enable.idempotence", "true");
        set("acks", "all");
        if (!refused.empty()) {
            rd_kafka_conf_destroy(conf);
            return refused;
        }
        rd_kafka_conf_set_opaque(conf, this);
        rd_kafka_conf_set_dr_msg_cb(conf, &Impl::onDelivery);
        rd_kafka_conf_set_error_cb(conf, &Impl::onError);
        producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
        if (!producer) {
            rd_kafka_conf_destroy(conf);
            return std::string("cannot create the producer: ") + err
                + " (check the sink's brokers and properties)";
        }
        return {};
    }

    void destroyProducer()
    {
        if (!producer)
            return;
        // Give queued records a moment, then drop the rest and serve their
        // reports, which frees the references they hold.
        rd_kafka_flush(producer, 1000);
        rd_kafka_purge(producer, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
        rd_kafka_flush(producer, 1000);
        rd_kafka_destroy(producer);
        producer = nullptr;
    }

    std::string howToFix(rd_kafka_resp_err_t error) const
    {
        switch (error) {
        case RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC:
        case RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART:
            return "create the topic " + options.topic
                + " (with cleanup.policy=compact) or let the brokers create topics";
        case RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED:
        case RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED:
        case RD_KAFKA_RESP_ERR_TRANSACTIONAL_ID_AUTHORIZATION_FAILED:
            return "grant the producer's principal Write on " + options.topic
                + " and IdempotentWrite on the cluster";
        case RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE:
            return "raise the topic's max.message.bytes (and the producer's message.max.bytes)";
        case RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS:
        case RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND:
            return "bring the topic's replicas back in sync (acks=all needs min.insync.replicas)";
        default:
            return "check that the brokers " + options.brokers
                + " are reachable from this machine and the topic " + options.topic
                + " exists, or raise the sink's deliveryTimeoutMs";
        }
    }

    Result publish(const PolicyDocument& document)
    {
        const std::string where = "kafka topic " + options.topic + " on " + options.brokers;
        if (const std::string problem = document.validate(); !problem.empty())
            return {false, problem};
        if (options.topic.empty())
            return {false, "kafka policy sink: no topic is set; set the sink's topic"};
        if (!producer)
            if (const std::string problem = createProducer(); !problem.empty())
                return {false, where + ": " + problem};

        const std::string version = std::to_string(document.version);
        const auto records = KafkaPolicySink::records(document);
        const int total = int(records.size());
        if (total == 0)
            return {true, "version " + version + " names no service: nothing to write to " + where};
        const auto deliveries = std::make_shared<Deliveries>();
        int queued = 0;
        rd_kafka_resp_err_t notQueued = RD_KAFKA_RESP_ERR_NO_ERROR;
        for (const auto& [key, value] : records) {
            auto* ref = new DeliveriesRef(deliveries);
            notQueued
                = rd_kafka_producev(producer, RD_KAFKA_V_TOPIC(options.topic.c_str()),
                                    RD_KAFKA_V_KEY(const_cast<char*>(key.data()), key.size()),
                                    RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()),
                                    RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                    RD_KAFKA_V_HEADER(kVersionHeader, version.data(),
                                                      static_cast<ssize_t>(version.size())),
                                    RD_KAFKA_V_OPAQUE(ref), RD_KAFKA_V_END);
            if (notQueued != RD_KAFKA_RESP_ERR_NO_ERROR) {
                // No report will come for it. The rest is not queued either:
                // the document cannot be acknowledged anyway.
                delete ref;
                break;
            }
            ++queued;
        }
        const auto deadline = std::chrono::steady_clock::now()
            + std::chrono::milliseconds(std::max(0, options.deliveryTimeoutMs) + kReportGraceMs);
        while (deliveries->delivered + deliveries->failed < queued
               && std::chrono::steady_clock::now() < deadline)
            rd_kafka_poll(producer, 50);
        if (notQueued != RD_KAFKA_RESP_ERR_NO_ERROR)
            countFailure(*deliveries, notQueued);

        if (deliveries->delivered == total) {
            lastBrokerError.clear();
            return {true,
                    "version " + version + ": " + std::to_string(total)
                        + (total == 1 ? " record" : " records") + " delivered to " + where};
        }
        std::string message = where + ": version " + version + ": "
            + std::to_string(total - deliveries->delivered) + " of " + std::to_string(total)
            + " policy records not delivered within " + std::to_string(options.deliveryTimeoutMs)
            + " ms";
        if (deliveries->firstError != RD_KAFKA_RESP_ERR_NO_ERROR)
            message += std::string(" (") + rd_kafka_err2str(deliveries->firstError) + ")";
        if (!lastBrokerError.empty())
            message += "; last broker error: " + lastBrokerError;
        char fatal[512];
        if (rd_kafka_fatal_error(producer, fatal, sizeof fatal) != RD_KAFKA_RESP_ERR_NO_ERROR) {
            // An idempotent producer that lost track of its sequence numbers
            // cannot go on: the next publish() starts a new one.
            message += std::string("; the producer failed for good (") + fatal
                + ") and is created anew on the next publication";
            destroyProducer();
        }
        return {false, message + " — " + howToFix(deliveries->firstError)};
    }
};

KafkaPolicySink::KafkaPolicySink(Options options)
    : d(std::make_unique<Impl>(std::move(options)))
{
}

KafkaPolicySink::~KafkaPolicySink() = default;

std::string KafkaPolicySink::name() const
{
    return "kafka topic " + d->options.topic + " on " + d->options.brokers;
}

PolicySink::Result KafkaPolicySink::publish(const PolicyDocument& document)
{
    std::lock_guard lock(d->mutex);
    return d->publish(document);
}

std::vector<std::pair<std::string, std::string>>
KafkaPolicySink::records(const PolicyDocument& document)
{
    // The per-service entry is toJson()'s own, so both forms always agree.
    const nlohmann::json all = document.toJson();
    std::vector<std::pair<std::string, std::string>> out;
    for (const nlohmann::json& service : all.at("services"))
        out.emplace_back(service.at("service").get<std::string>(),
                         nlohmann::json{{"version", all.at("version")},
                                        {"created_unix_nano", all.at("created_unix_nano")},
                                        {"service", service}}
                             .dump());
    return out;
}

} // namespace llmopt
