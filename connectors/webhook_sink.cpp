#include "webhook_sink.h"

#include "curl_support.h"

#include "policy_document.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <ctime>
#include <curl/curl.h>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <optional>
#include <thread>

namespace llmopt {

namespace {

// Enough of an answer to quote in a message; the rest is not read into memory.
constexpr size_t kMaxAnswerBytes = 64 * 1024;
constexpr size_t kQuotedAnswerBytes = 200;

// What one request brought back.
struct Answer {
    CURLcode code = CURLE_OK;
    std::string error; // curl's own words when code != CURLE_OK
    long status = 0;
    std::string body; // at most kMaxAnswerBytes
    std::optional<long long> retryAfterMs;
    std::string location;
};

size_t onBody(char* data, size_t size, size_t count, void* user)
{
    auto* answer = static_cast<Answer*>(user);
    const size_t n = size * count;
    answer->body.append(data, std::min(n, kMaxAnswerBytes - answer->body.size()));
    return n; // anything else makes curl abort the transfer
}

size_t onHeader(char* data, size_t size, size_t count, void* user)
{
    auto* answer = static_cast<Answer*>(user);
    const size_t n = size * count;
    const std::string_view line(data, n);
    if (line.rfind("HTTP/", 0) == 0) { // a new response (after a 100 Continue, say)
        answer->retryAfterMs.reset();
        answer->location.clear();
        return n;
    }
    const auto field = headerField(line);
    if (field && field->first == "retry-after")
        answer->retryAfterMs = retryAfterMs(field->second);
    else if (field && field->first == "location")
        answer->location = field->second;
    return n;
}

bool retryable(CURLcode code)
{
    switch (code) {
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST: // DNS can be briefly unavailable
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return true;
    default: // a bad URL, an untrusted certificate, …: asking again changes nothing
        return false;
    }
}

bool retryable(long status)
{
    return status == 429 || (status >= 500 && status <= 599);
}

// The first bytes of an answer, on one line, for a message.
std::string excerpt(const std::string& body)
{
    size_t n = std::min(body.size(), kQuotedAnswerBytes);
    while (n > 0 && n < body.size() && (static_cast<unsigned char>(body[n]) & 0xC0) == 0x80)
        --n; // do not cut a UTF-8 sequence in two
    std::string out = body.substr(0, n);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20)
            c = ' ';
    return "\"" + std::string(trimBlanks(out)) + (n < body.size() ? "…\"" : "\"");
}

std::string describe(const Answer& a)
{
    if (a.code != CURLE_OK)
        return a.error.empty() ? curl_easy_strerror(a.code) : a.error;
    return "HTTP " + std::to_string(a.status) + (a.body.empty() ? "" : " " + excerpt(a.body));
}

// How to get past the last failure, for the message.
std::string howToFix(const Answer& a, const WebhookSink::Options& o)
{
    switch (a.code) {
    case CURLE_OK:
        break;
    case CURLE_COULDNT_RESOLVE_HOST:
        return "check the host name in the webhook URL";
    case CURLE_COULDNT_CONNECT:
        return "check that the receiver is running and listening at the URL's host and port";
    case CURLE_OPERATION_TIMEDOUT:
        return "the receiver did not answer within " + std::to_string(o.timeoutMs)
            + " ms: make it answer sooner (acknowledge, then apply) or raise the webhook "
              "timeout";
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
        return "the webhook URL must look like http://host:port/path or https://host/path";
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CONNECT_ERROR:
        return "check the receiver's TLS certificate: it must match the URL's host name and "
               "be trusted by the system's CA store";
    default:
        return "check the webhook URL and that the receiver is reachable from this machine";
    }
    if (a.status == 429)
        return "the receiver is rate limiting: raise the webhook's maxAttempts or "
               "maxBackoffMs, or the receiver's limit";
    if (a.status >= 500)
        return "the receiver failed to take the document: see its logs";
    if (a.status == 401 || a.status == 403)
        return "check that the webhook secret (and any Authorization header) match the "
               "receiver's";
    if (a.status == 404)
        return "check the path in the webhook URL";
    if (a.status == 405)
        return "check which method the receiver expects (webhook method PUT or POST)";
    if (a.status == 413)
        return "raise the receiver's request size limit";
    if (a.status >= 300 && a.status < 400)
        return "the receiver redirects" + (a.location.empty() ? std::string() : " to " + a.location)
            + ": set the webhook URL to where it redirects";
    return "fix what the receiver reports, then publish again";
}

using Headers = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

} // namespace

WebhookSink::WebhookSink(Options options)
    : m_options(std::move(options))
{
}

std::string WebhookSink::signature(std::string_view secret, std::string_view timestamp,
                                   std::string_view body)
{
    std::string message;
    message.reserve(timestamp.size() + 1 + body.size());
    message.append(timestamp).append(".").append(body);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    static const char kNoKey = 0; // HMAC() takes a null key as "no key given"
    if (!HMAC(EVP_sha256(), secret.empty() ? &kNoKey : secret.data(), int(secret.size()),
              reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &length))
        return {};
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        hex += digits[mac[i] >> 4];
        hex += digits[mac[i] & 0xf];
    }
    return hex;
}

PolicySink::Result WebhookSink::publish(const PolicyDocument& document)
{
    const Options& o = m_options;
    const std::string where = "webhook " + o.url;
    if (o.url.empty())
        return {false,
                "webhook: no URL is set; set it to the receiver's http:// or https:// "
                "address"};
    const std::string method = asciiLower(o.method);
    if (method != "put" && method != "post")
        return {false, where + ": method \"" + o.method + "\" is not supported; use PUT or POST"};
    static const char* const kOwnHeaders[]
        = {"content-type",       "idempotency-key", "x-llmopt-policy-version", "x-llmopt-signature",
           "x-llmopt-timestamp", "expect",          "content-length"};
    for (const auto& [name, value] : o.headers) {
        if (std::find(std::begin(kOwnHeaders), std::end(kOwnHeaders), asciiLower(name))
            != std::end(kOwnHeaders))
            return {false,
                    where + ": the header " + name
                        + " is set by the sink itself; remove it from the webhook's headers"};
        if (name.empty() || name.find_first_of("\r\n: \t") != std::string::npos
            || value.find_first_of("\r\n") != std::string::npos)
            return {false,
                    where + ": the header \"" + name
                        + "\" is not a valid HTTP header; give a name without ':' and a value "
                          "on one line"};
    }
    if (const std::string problem = document.validate(); !problem.empty())
        return {false, problem};
    if (const CURLcode init = initCurl(); init != CURLE_OK)
        return {false,
                where + ": libcurl could not be initialised (" + curl_easy_strerror(init) + ")"};

    const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(),
                                                                   &curl_easy_cleanup);
    if (!curl)
        return {false, where + ": libcurl could not create a request (out of memory?)"};
    const std::string body = document.toJson().dump();
    const std::string version = std::to_string(document.version);
    const int attempts = std::max(1, o.maxAttempts);
    char error[CURL_ERROR_SIZE];
    Answer answer;
    CURL* c = curl.get();
    // One handle for every attempt: curl keeps the connection when it can.
    curl_easy_setopt(c, CURLOPT_URL, o.url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L); // no SIGALRM for timeouts: we are not alone
    curl_easy_setopt(c, CURLOPT_USERAGENT, "llm-optimizer");
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    if (method == "put") // the body is sent as for POST, under the other method
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "PUT");
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(std::max(1, o.timeoutMs)));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::max(1, o.timeoutMs)));
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &answer);

    long long backoffMs = std::max(0, o.initialBackoffMs);
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        answer = Answer{};
        error[0] = '\0';
        const std::string timestamp
            = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count());
        curl_slist* list = nullptr;
        auto add = [&](const std::string& line) { list = curl_slist_append(list, line.c_str()); };
        add("Content-Type: application/json");
        add("Idempotency-Key: llmopt-policy-" + version);
        add("X-LLMOpt-Policy-Version: " + version);
        if (!o.secret.empty()) {
            add("X-LLMOpt-Timestamp: " + timestamp);
            add("X-LLMOpt-Signature: sha256=" + signature(o.secret, timestamp, body));
        }
        // curl would otherwise wait up to a second for a "100 Continue" that
        // many servers never send before it sends a larger body.
        add("Expect:");
        for (const auto& [name, value] : o.headers)
            add(name + ": " + value);
        const Headers headers(list, &curl_slist_free_all);
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());

        answer.code = curl_easy_perform(c);
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, nullptr); // the list is freed below
        if (answer.code == CURLE_OK)
            curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &answer.status);
        else
            answer.error = error[0] ? std::string(error) : curl_easy_strerror(answer.code);

        const std::string tries
            = attempt == 1 ? std::string("1 attempt") : std::to_string(attempt) + " attempts";
        if (answer.code == CURLE_OK && answer.status >= 200 && answer.status <= 299)
            return {true,
                    "version " + version + " acknowledged by " + o.url + " (HTTP "
                        + std::to_string(answer.status) + ", after " + tries + ")"};
        if (answer.code == CURLE_OK && !retryable(answer.status))
            return {false,
                    where + ": the target refused the document: HTTP "
                        + std::to_string(answer.status) + " " + excerpt(answer.body)
                        + " (not retried: this answer does not change by asking again) — "
                        + howToFix(answer, o)};
        if (answer.code != CURLE_OK && !retryable(answer.code))
            return {false,
                    where + ": cannot send the document: " + answer.error + " — "
                        + howToFix(answer, o)};
        if (attempt == attempts)
            return {false,
                    where + ": version " + version + " not acknowledged after " + tries
                        + "; the last one failed with " + describe(answer) + " — "
                        + howToFix(answer, o)};

        long long waitMs = backoffMs;
        if (answer.retryAfterMs)
            waitMs = std::max(waitMs, *answer.retryAfterMs);
        waitMs = std::min<long long>(waitMs, std::max(0, o.maxBackoffMs));
        std::this_thread::sleep_for(std::chrono::milliseconds(waitMs));
        backoffMs = std::min<long long>(backoffMs * 2, std::max(0, o.maxBackoffMs));
    }
    return {false, where + ": not sent"}; // not reached: the last attempt returns
}

} // namespace llmopt
