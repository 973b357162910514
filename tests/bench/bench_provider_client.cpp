// ProviderClient against a fake provider on loopback that answers each call
// after 50 ms: how long 1,000 calls take at concurrency 32, and what the
// client and transport add to each call's latency (its latency minus the
// 50 ms). Prints a table; docs/benchmarks.md says how to read it.
#include "http_server.h"
#include "provider_client.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <vector>

using namespace llmopt;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kAnswerDelayMs = 50;

class BenchKey : public CredentialSource {
public:
    std::optional<std::string> apiKey(const std::string&) const override { return "sk-bench"; }
    std::string howToSet(const std::string&) const override { return "no key needed"; }
};

const char* const kAnswer = R"({"id":"chatcmpl-1","object":"chat.completion","created":1741570283,
"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant",
"content":"Paris is the capital of France.","refusal":null},"logprobs":null,"finish_reason":"stop"}],
"usage":{"prompt_tokens":1200,"completion_tokens":8,"total_tokens":1208,
"prompt_tokens_details":{"cached_tokens":1024}}})";

std::string streamAnswer()
{
    std::string out;
    for (const char* word : {"Paris", " is", " the", " capital", " of", " France."})
        out += std::string("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\","
                           "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,"
                           "\"delta\":{\"content\":\"")
            + word + "\"},\"finish_reason\":null}],\"usage\":null}\n\n";
    out += "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-"
           "mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
           "\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":8,\"total_tokens\":1208,"
           "\"prompt_tokens_details\":{\"cached_tokens\":1024}}}\n\ndata: [DONE]\n\n";
    return out;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const size_t i = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[i];
}

void runOnce(uint16_t port, int calls, int concurrency, bool stream)
{
    ProviderClient::Options o;
    o.kind = ProviderKind::OpenAi;
    o.baseUrl = "http://127.0.0.1:" + std::to_string(port);
    o.maxConcurrency = concurrency;
    o.timeoutMs = 10000;
    ProviderClient client(o, std::make_shared<BenchKey>());
    std::mutex mutex;
    std::vector<double> overheadMs;
    overheadMs.reserve(size_t(calls));
    int failed = 0;
    const auto started = Clock::now();
    for (int i = 0; i < calls; ++i) {
        ChatRequest r;
        r.model = "gpt-4o-mini";
        r.system = "Answer in one sentence.";
        r.messages = {{"user", "What is the capital of France? (" + std::to_string(i) + ")"}};
        r.params = {{"temperature", 0.2}, {"max_tokens", 64}};
        r.stream = stream;
        client.submit(std::move(r), [&](ChatResult result) {
            std::lock_guard lock(mutex);
            if (!result.ok()) {
                if (++failed == 1)
                    std::fprintf(stderr, "first failure: %s\n", result.error.c_str());
                return;
            }
            overheadMs.push_back(result.event.latencyMs - kAnswerDelayMs);
        });
    }
    client.waitIdle();
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    std::printf("| %-9s | %5d | %4d | %6.2f s | %6.0f/s | %5.2f ms | %5.2f ms | %d |\n",
                stream ? "streaming" : "plain", calls, concurrency, seconds, calls / seconds,
                percentile(overheadMs, 0.50), percentile(overheadMs, 0.99), failed);
}

} // namespace

int main(int argc, char** argv)
{
    const int calls = argc > 1 ? std::atoi(argv[1]) : 1000;
    const int concurrency = argc > 2 ? std::atoi(argv[2]) : 32;
    const std::string stream = streamAnswer();
    HttpServer::Options serverOptions;
    serverOptions.threads = 48; // every handler sleeps: more threads than calls in flight
    HttpServer server(serverOptions, [&stream](HttpRequest& request) {
        std::this_thread::sleep_for(std::chrono::milliseconds(kAnswerDelayMs));
        if (request.body.find("\"stream\":true") != std::string::npos)
            return HttpResponse{200, "text/event-stream", stream, {}};
        return HttpResponse{200, "application/json", kAnswer, {}};
    });
    server.start();
    std::printf("| mode | calls | concurrency | total | calls/s | overhead p50 | overhead p99 | "
                "failed |\n|---|---|---|---|---|---|---|---|\n");
    runOnce(server.port(), calls, concurrency, false);
    runOnce(server.port(), calls, concurrency, true);
    return 0;
}
