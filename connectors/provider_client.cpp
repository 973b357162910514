#include "provider_client.h"

#include "curl_support.h"
#include "provider_stream.h"
#include "token_bucket.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <curl/curl.h>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <stdexcept>
#include <thread>

namespace llmopt {

namespace {

using Clock = std::chrono::steady_clock;

// Larger answers end the call: no chat answer comes near this.
constexpr size_t kMaxAnswerBytes = 64 * 1024 * 1024;
// A provider asking to wait longer than this is not waited for: the call ends.
constexpr long long kMaxRetryAfterMs = 60'000;
// How long the worker sleeps in curl_multi_poll when nothing is due sooner.
constexpr int kIdlePollMs = 1000;

double millisBetween(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

int64_t unixNanoNow()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Replaces every occurrence of the key, in case a provider or a proxy echoes it.
std::string redact(std::string text, const std::optional<std::string>& key)
{
    if (!key || key->empty())
        return text;
    for (size_t at = text.find(*key); at != std::string::npos; at = text.find(*key, at))
        text.replace(at, key->size(), "[redacted]");
    return text;
}

// One call, through all its attempts.
struct Call {
    uint64_t seq = 0;
    ChatRequest request;
    ProviderClient::Done done;
    Clock::time_point submitted;
    int attempts = 0;
    Clock::time_point retryAt;

    // The current attempt.
    CURL* easy = nullptr;
    std::string body;
    char curlError[CURL_ERROR_SIZE] = {};
    long status = 0;
    std::string answer; // the body, unless it is streamed into `stream`
    std::optional<ProviderStream> stream;
    std::optional<long long> retryAfterMs;
    std::string requestId;
    bool tooLarge = false;
    Clock::time_point attemptStart;
    int64_t attemptStartUnixNano = 0;
    std::optional<double> ttftMs;
};

} // namespace

struct ProviderClient::Impl {
    Options options;
    ProviderProtocol protocol;
    std::shared_ptr<const CredentialSource> credentials;
    std::optional<std::string> apiKey;
    std::string baseUrl;
    std::string url;
    curl_slist* headers = nullptr;
    CURLM* multi = nullptr;

    std::mutex mutex;
    std::condition_variable idle;
    std::deque<std::unique_ptr<Call>> incoming;
    uint64_t nextSeq = 0;
    uint64_t cancelBelow = 0; // calls with a smaller sequence number are cancelled
    bool stopping = false;
    size_t unfinished = 0;

    // The worker's own; no lock.
    std::deque<std::unique_ptr<Call>> ready;
    std::multimap<Clock::time_point, std::unique_ptr<Call>> backingOff;
    std::map<CURL*, std::unique_ptr<Call>> inFlight;
    std::optional<TokenBucket> bucket;
    std::mt19937_64 random{std::random_device{}()};
    std::thread worker;

    Impl(Options o, std::shared_ptr<const CredentialSource> c)
        : options(std::move(o))
        , protocol(options.kind, options.name)
        , credentials(std::move(c))
    {
        if (const CURLcode init = initCurl(); init != CURLE_OK)
            throw std::runtime_error(std::string("libcurl could not be initialised (")
                                     + curl_easy_strerror(init) + ")");
        multi = curl_multi_init();
        if (!multi)
            throw std::runtime_error("libcurl could not be initialised (out of memory?)");
        options.maxConcurrency = std::max(1, options.maxConcurrency);
        options.maxAttempts = std::max(1, options.maxAttempts);
        options.timeoutMs = std::max(1, options.timeoutMs);
        // Connections kept open: one per call in flight, reused by the next call.
        curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, long(options.maxConcurrency));
        curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, long(options.maxConcurrency));
        baseUrl = options.baseUrl.empty() ? ProviderProtocol::defaultBaseUrl(options.kind)
                                          : options.baseUrl;
        url = protocol.endpoint(baseUrl);
        if (credentials)
            apiKey = credentials->apiKey(protocol.providerName());
        for (const std::string& line : protocol.headers(apiKey))
            headers = curl_slist_append(headers, line.c_str());
        // curl would otherwise wait for a "100 Continue" before sending a long prompt.
        headers = curl_slist_append(headers, "Expect:");
        if (options.requestsPerSecond > 0)
            bucket.emplace(options.requestsPerSecond, 1.0, Clock::now());
        worker = std::thread([this] { run(); });
    }

    ~Impl()
    {
        {
            std::lock_guard lock(mutex);
            stopping = true;
        }
        wake();
        worker.join();
        curl_multi_cleanup(multi);
        curl_slist_free_all(headers);
    }

    void wake() { curl_multi_wakeup(multi); }

    std::string keyHint() const
    {
        return credentials ? credentials->howToSet(protocol.providerName())
                           : "give the client a credential source";
    }

    // Why a call cannot be sent at all, or nothing.
    std::optional<ProviderReply> unsendable(const Call& call) const
    {
        ProviderReply r;
        r.errorType = "invalid_configuration";
        const std::string& p = protocol.providerName();
        if (baseUrl.empty())
            r.error = "no base URL is set for " + p
                + "; set it to the server's address, e.g. http://localhost:11434 for Ollama "
                  "or http://localhost:8000 for vLLM";
        else if (!apiKey && options.kind != ProviderKind::OpenAiCompatible)
            r.error = "no API key for " + p + " is configured; " + keyHint();
        else if (call.request.model.empty())
            r.error = "the request to " + p + " names no model";
        else
            return std::nullopt;
        return r;
    }

    static size_t onHeader(char* data, size_t size, size_t count, void* user)
    {
        auto* call = static_cast<Call*>(user);
        const size_t n = size * count;
        const std::string_view line(data, n);
        if (line.starts_with("HTTP/")) { // a new response (after a 100 Continue, say)
            const size_t space = line.find(' ');
            call->status = space == std::string_view::npos
                ? 0
                : std::strtol(std::string(line.substr(space + 1, 3)).c_str(), nullptr, 10);
            call->retryAfterMs.reset();
            call->requestId.clear();
            return n;
        }
        const auto field = headerField(line);
        if (!field)
            return n;
        const auto& [name, value] = *field;
        if (name == "retry-after-ms") { // OpenAI's, more precise than Retry-After
            char* end = nullptr;
            const std::string text(value);
            const double ms = std::strtod(text.c_str(), &end);
            if (end != text.c_str() && ms >= 0)
                call->retryAfterMs = static_cast<long long>(std::ceil(ms));
        } else if (name == "retry-after" && !call->retryAfterMs) {
            call->retryAfterMs = retryAfterMs(value);
        } else if (name == "x-request-id" || name == "request-id") {
            call->requestId = value;
        }
        return n;
    }

    static size_t onBody(char* data, size_t size, size_t count, void* user)
    {
        auto* call = static_cast<Call*>(user);
        const size_t n = size * count;
        if (call->stream && call->status >= 200 && call->status <= 299) {
            call->stream->feed(std::string_view(data, n));
            if (!call->ttftMs && call->stream->hasContent())
                call->ttftMs = millisBetween(call->attemptStart, Clock::now());
            return n;
        }
        if (call->answer.size() + n > kMaxAnswerBytes) {
            call->tooLarge = true;
            return 0; // ends the transfer with CURLE_WRITE_ERROR
        }
        call->answer.append(data, n);
        return n;
    }

    void start(std::unique_ptr<Call> call)
    {
        Call& c = *call;
        ++c.attempts;
        c.status = 0;
        c.answer.clear();
        c.retryAfterMs.reset();
        c.requestId.clear();
        c.tooLarge = false;
        c.ttftMs.reset();
        c.curlError[0] = '\0';
        if (c.request.stream)
            c.stream.emplace(protocol);
        else
            c.stream.reset();
        c.easy = curl_easy_init();
        if (!c.easy) {
            ProviderReply r;
            r.errorType = "invalid_configuration";
            r.error = "libcurl could not create a request (out of memory?)";
            complete(std::move(call), r, 0.0);
            return;
        }
        CURL* e = c.easy;
        curl_easy_setopt(e, CURLOPT_URL, url.c_str());
        curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(e, CURLOPT_USERAGENT, "llm-optimizer");
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, c.body.data());
        curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(c.body.size()));
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeoutMs));
        curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.timeoutMs));
        curl_easy_setopt(e, CURLOPT_ERRORBUFFER, c.curlError);
        curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Impl::onHeader);
        curl_easy_setopt(e, CURLOPT_HEADERDATA, &c);
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Impl::onBody);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, &c);
        c.attemptStart = Clock::now();
        c.attemptStartUnixNano = unixNanoNow();
        const CURLMcode added = curl_multi_add_handle(multi, e);
        if (added != CURLM_OK) {
            curl_easy_cleanup(e);
            c.easy = nullptr;
            ProviderReply r;
            r.errorType = "invalid_configuration";
            r.error = std::string("libcurl could not start the request (")
                + curl_multi_strerror(added) + ")";
            complete(std::move(call), r, 0.0);
            return;
        }
        inFlight.emplace(e, std::move(call));
    }

    // A call's easy handle out of the multi handle, and gone.
    void detach(Call& c)
    {
        if (!c.easy)
            return;
        curl_multi_remove_handle(multi, c.easy);
        curl_easy_cleanup(c.easy);
        c.easy = nullptr;
    }

    ProviderReply transportFailure(CURLcode code, const Call& c) const
    {
        const std::string& p = protocol.providerName();
        const std::string said = c.curlError[0] ? c.curlError : curl_easy_strerror(code);
        ProviderReply r;
        r.errorType = "connection_error";
        r.retryable = true;
        switch (code) {
        case CURLE_OPERATION_TIMEDOUT:
            r.errorType = "timeout";
            r.error = p + " did not answer within " + std::to_string(options.timeoutMs)
                + " ms; raise the client's timeoutMs if long answers need longer";
            break;
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_CONNECT:
            r.error = "cannot reach " + p + " at " + baseUrl + " (" + said
                + "); check the base URL and that the server is running";
            break;
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
            r.error = "the connection to " + p + " at " + baseUrl + " broke (" + said + ")";
            break;
        case CURLE_WRITE_ERROR:
            if (c.tooLarge) {
                r.errorType = "invalid_response";
                r.error = p + " sent an answer larger than " + std::to_string(kMaxAnswerBytes >> 20)
                    + " MiB";
                r.retryable = false;
                break;
            }
            [[fallthrough]];
        default: // a bad URL, an untrusted certificate, …: asking again changes nothing
            r.error = "cannot send the request to " + p + " at " + url + " (" + said
                + "); check the base URL (http://host:port or https://host)";
            r.retryable = false;
        }
        return r;
    }

    void onTransferDone(CURL* easy, CURLcode code)
    {
        const auto it = inFlight.find(easy);
        if (it == inFlight.end())
            return;
        std::unique_ptr<Call> call = std::move(it->second);
        inFlight.erase(it);
        Call& c = *call;
        const Clock::time_point now = Clock::now();
        const double latencyMs = millisBetween(c.attemptStart, now);
        detach(c);

        ProviderReply reply;
        if (code == CURLE_OK && c.status >= 200 && c.status <= 299)
            reply = c.stream ? c.stream->finish() : protocol.decodeResponse(c.answer);
        else if (code == CURLE_OK)
            reply = protocol.decodeError(c.status, c.answer, c.request.model, keyHint());
        else
            reply = transportFailure(code, c);
        if (!reply.ok && !c.requestId.empty())
            reply.error += " [request id " + c.requestId + "]";

        if (!reply.ok && reply.retryable && c.attempts < options.maxAttempts) {
            const long long cap
                = std::min<long long>(options.maxBackoffMs,
                                      static_cast<long long>(std::max(0, options.initialBackoffMs))
                                          << std::min(c.attempts - 1, 30));
            long long waitMs
                = std::uniform_int_distribution<long long>(0, std::max(0LL, cap))(random);
            if (c.retryAfterMs && *c.retryAfterMs > kMaxRetryAfterMs) {
                reply.error += "; " + protocol.providerName() + " asks to wait "
                    + std::to_string(*c.retryAfterMs / 1000) + " s before trying again";
                complete(std::move(call), reply, latencyMs);
                return;
            }
            if (c.retryAfterMs)
                waitMs = std::max(waitMs, *c.retryAfterMs);
            c.retryAt = now + std::chrono::milliseconds(waitMs);
            backingOff.emplace(c.retryAt, std::move(call));
            return;
        }
        if (!reply.ok && reply.retryable && c.attempts > 1)
            reply.error += " (gave up after " + std::to_string(c.attempts) + " attempts)";
        complete(std::move(call), reply, latencyMs);
    }

    // Runs the call's `done` with the event for `reply`, then forgets the call.
    void complete(std::unique_ptr<Call> call, const ProviderReply& reply, double latencyMs)
    {
        Call& c = *call;
        ChatResult result;
        LlmEvent& e = result.event;
        e.timeUnixNano = c.attemptStartUnixNano ? c.attemptStartUnixNano : unixNanoNow();
        e.provider = protocol.providerName();
        e.operation = "chat";
        e.requestModel = c.request.model;
        e.responseModel = reply.responseModel;
        e.latencyMs = latencyMs;
        e.ttftMs = c.ttftMs;
        e.finishReason = reply.finishReason;
        e.inputTokens = reply.inputTokens;
        e.outputTokens = reply.outputTokens;
        e.cacheReadTokens = reply.cacheReadTokens;
        e.cacheWriteTokens = reply.cacheWriteTokens;
        if (!reply.ok) {
            e.status = CallStatus::Error;
            e.errorType = reply.errorType;
            // Refused or never answered: nothing was generated, nothing billed.
            // A stream that broke off may have been billed: its counts stay unknown.
            const bool answered = c.status >= 200 && c.status <= 299;
            if (!answered && e.inputTokens < 0 && e.outputTokens < 0) {
                e.inputTokens = 0;
                e.outputTokens = 0;
            }
            result.error = redact(reply.error, apiKey);
        }
        result.text = reply.text;
        result.attempts = c.attempts;
        result.totalMs = millisBetween(c.submitted, Clock::now());
        ProviderClient::Done done = std::move(c.done);
        call.reset();
        if (done)
            done(std::move(result));
        std::lock_guard lock(mutex);
        if (--unfinished == 0)
            idle.notify_all();
    }

    void cancel(std::unique_ptr<Call> call)
    {
        detach(*call);
        ProviderReply r;
        r.errorType = "cancelled";
        r.error = "cancelled before " + protocol.providerName() + " answered";
        complete(std::move(call), r, 0.0);
    }

    // Cancels the calls numbered below `below` wherever they wait.
    void cancelCalls(uint64_t below)
    {
        std::vector<std::unique_ptr<Call>> victims;
        for (auto it = ready.begin(); it != ready.end();) {
            if ((*it)->seq < below) {
                victims.push_back(std::move(*it));
                it = ready.erase(it);
            } else {
                ++it;
            }
        }
        for (auto it = backingOff.begin(); it != backingOff.end();) {
            if (it->second->seq < below) {
                victims.push_back(std::move(it->second));
                it = backingOff.erase(it);
            } else {
                ++it;
            }
        }
        for (auto it = inFlight.begin(); it != inFlight.end();) {
            if (it->second->seq < below) {
                victims.push_back(std::move(it->second));
                it = inFlight.erase(it);
            } else {
                ++it;
            }
        }
        for (auto& call : victims)
            cancel(std::move(call));
    }

    // Starts what the concurrency limit and the rate limit allow.
    void startReady(Clock::time_point now)
    {
        while (!ready.empty() && inFlight.size() < size_t(options.maxConcurrency)) {
            std::unique_ptr<Call>& next = ready.front();
            if (auto problem = unsendable(*next)) {
                std::unique_ptr<Call> call = std::move(next);
                ready.pop_front();
                complete(std::move(call), *problem, 0.0);
                continue;
            }
            if (bucket && !bucket->tryTake(now))
                return;
            std::unique_ptr<Call> call = std::move(next);
            ready.pop_front();
            start(std::move(call));
        }
    }

    // How long the worker may sleep before something is due.
    int pollTimeoutMs(Clock::time_point now)
    {
        Clock::time_point due = now + std::chrono::milliseconds(kIdlePollMs);
        if (!backingOff.empty())
            due = std::min(due, backingOff.begin()->first);
        if (!ready.empty() && inFlight.size() < size_t(options.maxConcurrency) && bucket)
            due = std::min(due, bucket->nextTokenAt(now));
        if (due <= now)
            return 0;
        return int(std::chrono::ceil<std::chrono::milliseconds>(due - now).count());
    }

    void run()
    {
        uint64_t cancelled = 0;
        for (;;) {
            bool stop = false;
            uint64_t below = 0;
            {
                std::lock_guard lock(mutex);
                while (!incoming.empty()) {
                    ready.push_back(std::move(incoming.front()));
                    incoming.pop_front();
                }
                stop = stopping;
                below = stopping ? nextSeq : cancelBelow;
            }
            if (below > cancelled) {
                cancelCalls(below);
                cancelled = below;
            }
            if (stop)
                return;
            Clock::time_point now = Clock::now();
            while (!backingOff.empty() && backingOff.begin()->first <= now) {
                // A retry goes ahead of calls that have not been tried yet.
                ready.push_front(std::move(backingOff.begin()->second));
                backingOff.erase(backingOff.begin());
            }
            startReady(now);
            int running = 0;
            curl_multi_perform(multi, &running);
            bool finished = false;
            int queued = 0;
            while (CURLMsg* message = curl_multi_info_read(multi, &queued)) {
                if (message->msg != CURLMSG_DONE)
                    continue;
                onTransferDone(message->easy_handle, message->data.result);
                finished = true;
            }
            if (finished)
                continue; // free slots: start the next calls before sleeping
            curl_multi_poll(multi, nullptr, 0, pollTimeoutMs(Clock::now()), nullptr);
        }
    }
};

ProviderClient::ProviderClient(Options options, std::shared_ptr<const CredentialSource> credentials)
    : d(std::make_unique<Impl>(std::move(options), std::move(credentials)))
{
}

ProviderClient::~ProviderClient() = default;

void ProviderClient::submit(ChatRequest request, Done done)
{
    auto call = std::make_unique<Call>();
    call->body = d->protocol.body(request);
    call->request = std::move(request);
    call->done = std::move(done);
    call->submitted = Clock::now();
    {
        std::lock_guard lock(d->mutex);
        call->seq = d->nextSeq++;
        ++d->unfinished;
        d->incoming.push_back(std::move(call));
    }
    d->wake();
}

void ProviderClient::waitIdle()
{
    std::unique_lock lock(d->mutex);
    d->idle.wait(lock, [this] { return d->unfinished == 0; });
}

void ProviderClient::cancelAll()
{
    {
        std::lock_guard lock(d->mutex);
        d->cancelBelow = d->nextSeq;
    }
    d->wake();
}

const std::string& ProviderClient::provider() const
{
    return d->protocol.providerName();
}

} // namespace llmopt
