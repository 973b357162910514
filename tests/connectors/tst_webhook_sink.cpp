#include "http_server.h"
#include "policy_document.h"
#include "support/policy_documents.h"
#include "support/refusing_port.h"
#include "support/scripted_server.h"
#include "webhook_sink.h"

#include <QTest>
#include <atomic>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <unistd.h>

using namespace llmopt;
using Clock = std::chrono::steady_clock;

namespace {

WebhookSink::Options quick(const std::string& url)
{
    WebhookSink::Options o;
    o.url = url;
    o.timeoutMs = 5000; // generous: a loaded machine must not make a 200 look like a timeout
    o.maxAttempts = 4;
    o.initialBackoffMs = 50;
    o.maxBackoffMs = 2000;
    return o;
}

HttpResponse ok()
{
    return {200, "application/json", "{\"applied\": true}", {}};
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

long long millisBetween(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count();
}

} // namespace

class TestWebhookSink : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // The receivers are on loopback; a proxy from the environment must not get in between.
        qputenv("NO_PROXY", "127.0.0.1,localhost");
        qputenv("no_proxy", "127.0.0.1,localhost");
    }

    // A 2xx acknowledges; the body is the document, and the signature verifies.
    void signedDocumentIsAcknowledged()
    {
        ScriptedServer receiver([](int, const HttpRequest&) { return ok(); });
        WebhookSink::Options o = quick(receiver.baseUrl() + "/hooks/policy");
        o.secret = "whsec-test";
        o.headers = {{"Authorization", "Bearer route-token"}};
        WebhookSink sink(o);
        QCOMPARE(sink.name(), "webhook " + receiver.baseUrl() + "/hooks/policy");
        const PolicyDocument doc = document(7);
        const PolicySink::Result r = sink.publish(doc);
        QVERIFY2(r.acknowledged, r.message.c_str());
        QVERIFY2(contains(r.message, "version 7"), r.message.c_str());

        const auto requests = receiver.requests();
        QCOMPARE(requests.size(), size_t(1));
        const HttpRequest& q = requests[0];
        QCOMPARE(q.method, std::string("PUT"));
        QCOMPARE(q.target, std::string("/hooks/policy"));
        QCOMPARE(q.contentType, std::string("application/json"));
        QCOMPARE(q.authorization, std::string("Bearer route-token"));
        QCOMPARE(q.body, doc.toJson().dump());
        QVERIFY(PolicyDocument::fromJson(nlohmann::json::parse(q.body)).toJson() == doc.toJson());
        QCOMPARE(ScriptedServer::header(q, "idempotency-key"), std::string("llmopt-policy-7"));
        QCOMPARE(ScriptedServer::header(q, "x-llmopt-policy-version"), std::string("7"));

        // What a receiver does: recompute the HMAC over "<timestamp>.<body>"
        // with its copy of the secret, and refuse stale timestamps.
        const std::string timestamp = ScriptedServer::header(q, "x-llmopt-timestamp");
        const long long sent = std::stoll(timestamp);
        const long long now = std::chrono::duration_cast<std::chrono::seconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count();
        QVERIFY(sent <= now && sent > now - 300);
        const std::string signature = ScriptedServer::header(q, "x-llmopt-signature");
        QCOMPARE(signature, "sha256=" + WebhookSink::signature("whsec-test", timestamp, q.body));
        QVERIFY(signature != "sha256=" + WebhookSink::signature("other-secret", timestamp, q.body));
        QVERIFY(signature
                != "sha256="
                    + WebhookSink::signature("whsec-test", std::to_string(sent - 1), q.body));
        std::string tampered = q.body;
        tampered.replace(tampered.find("95"), 2, "50"); // a 50 % canary instead of 5 %
        QVERIFY(signature != "sha256=" + WebhookSink::signature("whsec-test", timestamp, tampered));
    }

    // The helper is plain HMAC-SHA256 in lower-case hex: any receiver can
    // check it with its own library (expected value from `openssl dgst -hmac`).
    void signatureIsHmacSha256()
    {
        QCOMPARE(WebhookSink::signature("whsec-test", "1700000000", "{\"version\":1}"),
                 std::string("274fa19a2b82656d91420a4e63c58e236ebef72fa5a30d4eae149450e313ba4c"));
    }

    void postWithoutSecretIsNotSigned()
    {
        ScriptedServer receiver([](int, const HttpRequest&) {
            return HttpResponse{204, "text/plain", "", {}};
        });
        WebhookSink::Options o = quick(receiver.baseUrl() + "/hooks/policy");
        o.method = "POST";
        WebhookSink sink(o);
        const PolicySink::Result r = sink.publish(document(8));
        QVERIFY2(r.acknowledged, r.message.c_str());
        const auto requests = receiver.requests();
        QCOMPARE(requests.size(), size_t(1));
        QCOMPARE(requests[0].method, std::string("POST"));
        QCOMPARE(ScriptedServer::header(requests[0], "x-llmopt-signature"), std::string());
        QCOMPARE(ScriptedServer::header(requests[0], "x-llmopt-timestamp"), std::string());
        QCOMPARE(ScriptedServer::header(requests[0], "idempotency-key"),
                 std::string("llmopt-policy-8"));
    }

    // 503, 503, 200: acknowledged on the third attempt, after backing off
    // (50 ms, then 100 ms at least), every attempt with the same idempotency key.
    void transientFailuresAreRetried()
    {
        ScriptedServer receiver([](int attempt, const HttpRequest&) {
            return attempt <= 2 ? HttpResponse{503, "text/plain", "warming up", {}} : ok();
        });
        WebhookSink::Options o = quick(receiver.baseUrl() + "/hooks/policy");
        o.secret = "whsec-test";
        WebhookSink sink(o);
        const PolicySink::Result r = sink.publish(document(9));
        QVERIFY2(r.acknowledged, r.message.c_str());
        QVERIFY2(contains(r.message, "3 attempts"), r.message.c_str());
        const auto requests = receiver.requests();
        QCOMPARE(requests.size(), size_t(3));
        for (const HttpRequest& q : requests) {
            QCOMPARE(ScriptedServer::header(q, "idempotency-key"), std::string("llmopt-policy-9"));
            QCOMPARE(q.body, requests[0].body);
            QCOMPARE(ScriptedServer::header(q, "x-llmopt-signature"),
                     "sha256="
                         + WebhookSink::signature("whsec-test",
                                                  ScriptedServer::header(q, "x-llmopt-timestamp"),
                                                  q.body));
        }
        const auto at = receiver.arrivals();
        QVERIFY2(millisBetween(at[0], at[1]) >= 50, "no backoff before the second attempt");
        QVERIFY2(millisBetween(at[1], at[2]) >= 100, "the backoff did not double");
    }

    void persistentFailureGivesUp()
    {
        ScriptedServer receiver([](int, const HttpRequest&) {
            return HttpResponse{503, "text/plain", "router overloaded", {}};
        });
        WebhookSink::Options o = quick(receiver.baseUrl() + "/hooks/policy");
        o.maxAttempts = 3;
        WebhookSink sink(o);
        const PolicySink::Result r = sink.publish(document(10));
        QVERIFY(!r.acknowledged);
        QCOMPARE(receiver.count(), size_t(3));
        QVERIFY2(contains(r.message, receiver.baseUrl() + "/hooks/policy"), r.message.c_str());
        QVERIFY2(contains(r.message, "3 attempts"), r.message.c_str());
        QVERIFY2(contains(r.message, "HTTP 503"), r.message.c_str());
        QVERIFY2(contains(r.message, "router overloaded"), r.message.c_str());
        QVERIFY2(contains(r.message, "see its logs"), r.message.c_str());
    }

    // A 4xx is final: one request, and the message quotes the receiver (200 bytes at most).
    void clientErrorIsNotRetried()
    {
        const std::string complaint
            = "unknown field flag_key; expected flagKey " + std::string(1000, 'x');
        ScriptedServer receiver([&](int, const HttpRequest&) {
            return HttpResponse{400, "text/plain", complaint, {}};
        });
        WebhookSink sink(quick(receiver.baseUrl() + "/hooks/policy"));
        const PolicySink::Result r = sink.publish(document(11));
        QVERIFY(!r.acknowledged);
        QCOMPARE(receiver.count(), size_t(1));
        QVERIFY2(contains(r.message, "refused"), r.message.c_str());
        QVERIFY2(contains(r.message, "HTTP 400"), r.message.c_str());
        QVERIFY2(contains(r.message, "unknown field flag_key"), r.message.c_str());
        QVERIFY2(!contains(r.message, std::string(200, 'x')), "more than 200 bytes quoted");

        ScriptedServer locked([](int, const HttpRequest&) {
            return HttpResponse{401, "text/plain", "bad signature", {}};
        });
        const PolicySink::Result denied
            = WebhookSink(quick(locked.baseUrl() + "/hooks/policy")).publish(document(11));
        QVERIFY(!denied.acknowledged);
        QCOMPARE(locked.count(), size_t(1));
        QVERIFY2(contains(denied.message, "secret"), denied.message.c_str());
    }

    // 429 with Retry-After: 1 waits a second although the backoff says 10 ms;
    // a Retry-After longer than maxBackoffMs is cut to it.
    void retryAfterIsHonoured()
    {
        ScriptedServer receiver([](int attempt, const HttpRequest&) {
            return attempt == 1
                ? HttpResponse{429, "text/plain", "slow down", {{"Retry-After", "1"}}}
                : ok();
        });
        WebhookSink::Options o = quick(receiver.baseUrl() + "/hooks/policy");
        o.initialBackoffMs = 10;
        const PolicySink::Result r = WebhookSink(o).publish(document(12));
        QVERIFY2(r.acknowledged, r.message.c_str());
        const auto at = receiver.arrivals();
        QCOMPARE(at.size(), size_t(2));
        QVERIFY2(millisBetween(at[0], at[1]) >= 1000, "Retry-After: 1 was not honoured");

        ScriptedServer greedy([](int, const HttpRequest&) {
            return HttpResponse{503, "text/plain", "maintenance", {{"Retry-After", "3600"}}};
        });
        o = quick(greedy.baseUrl() + "/hooks/policy");
        o.maxAttempts = 2;
        o.maxBackoffMs = 300;
        const auto started = Clock::now();
        const PolicySink::Result capped = WebhookSink(o).publish(document(12));
        QVERIFY(!capped.acknowledged);
        QCOMPARE(greedy.count(), size_t(2));
        const auto gaps = greedy.arrivals();
        QVERIFY(millisBetween(gaps[0], gaps[1]) >= 300);
        // An hour if the cap were ignored; a minute leaves room for any slow machine.
        QVERIFY(millisBetween(started, Clock::now()) < 60'000);
    }

    void connectionRefusedIsExplained()
    {
        RefusingPort nobody;
        const std::string url = "http://127.0.0.1:" + std::to_string(nobody.port()) + "/policy";
        WebhookSink::Options o = quick(url);
        o.maxAttempts = 2;
        o.initialBackoffMs = 10;
        const PolicySink::Result r = WebhookSink(o).publish(document(13));
        QVERIFY(!r.acknowledged);
        QVERIFY2(contains(r.message, url), r.message.c_str());
        QVERIFY2(contains(r.message, "2 attempts"), r.message.c_str());
        QVERIFY2(contains(r.message, "running and listening"), r.message.c_str());
    }

    // The receiver takes longer than timeoutMs: every attempt times out.
    void slowScriptedServerTimesOut()
    {
        ScriptedServer receiver([](int, const HttpRequest&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1500));
            return ok();
        });
        WebhookSink::Options o = quick(receiver.baseUrl() + "/hooks/policy");
        o.timeoutMs = 300;
        o.maxAttempts = 2;
        o.initialBackoffMs = 10;
        const auto started = Clock::now();
        const PolicySink::Result r = WebhookSink(o).publish(document(14));
        QVERIFY(!r.acknowledged);
        QVERIFY(millisBetween(started, Clock::now()) >= 2 * 300);
        QVERIFY2(contains(r.message, "2 attempts"), r.message.c_str());
        QVERIFY2(contains(r.message, "within 300 ms"), r.message.c_str());
        QVERIFY2(contains(r.message, receiver.baseUrl() + "/hooks/policy"), r.message.c_str());
        QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), size_t(2), 10000); // both reached it
    }

    // Mistakes in the setup are reported before anything is sent.
    void setupProblemsAreReported()
    {
        ScriptedServer receiver([](int, const HttpRequest&) { return ok(); });
        WebhookSink::Options o = quick(receiver.baseUrl() + "/hooks/policy");
        o.method = "GET";
        const PolicySink::Result get = WebhookSink(o).publish(document(15));
        QVERIFY(!get.acknowledged);
        QVERIFY2(contains(get.message, "use PUT or POST"), get.message.c_str());

        o = quick(receiver.baseUrl() + "/hooks/policy");
        o.headers = {{"Idempotency-Key", "mine"}};
        const PolicySink::Result own = WebhookSink(o).publish(document(15));
        QVERIFY(!own.acknowledged);
        QVERIFY2(contains(own.message, "set by the sink itself"), own.message.c_str());

        PolicyDocument bad = document(15);
        bad.services[0].weights[1].second = 50;
        const PolicySink::Result invalid
            = WebhookSink(quick(receiver.baseUrl() + "/hooks/policy")).publish(bad);
        QVERIFY(!invalid.acknowledged);
        QVERIFY2(contains(invalid.message, "add up to 145"), invalid.message.c_str());

        const PolicySink::Result noUrl = WebhookSink(quick("")).publish(document(15));
        QVERIFY(!noUrl.acknowledged);
        QVERIFY2(contains(noUrl.message, "no URL"), noUrl.message.c_str());
        QCOMPARE(receiver.count(), size_t(0));
    }

    // publish() runs on worker threads: several at once, each on its own handle.
    void publishesFromSeveralThreads()
    {
        ScriptedServer receiver([](int, const HttpRequest&) { return ok(); });
        WebhookSink sink(quick(receiver.baseUrl() + "/hooks/policy"));
        std::vector<std::thread> threads;
        std::atomic<int> acknowledged{0};
        for (int i = 0; i < 4; ++i)
            threads.emplace_back([&, i] {
                if (sink.publish(document(20 + uint64_t(i))).acknowledged)
                    ++acknowledged;
            });
        for (std::thread& t : threads)
            t.join();
        QCOMPARE(acknowledged.load(), 4);
        QCOMPARE(receiver.count(), size_t(4));
    }
};

QTEST_GUILESS_MAIN(TestWebhookSink)
#include "tst_webhook_sink.moc"
