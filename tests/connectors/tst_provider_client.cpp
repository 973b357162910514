#include "environment_credentials.h"
#include "http_server.h"
#include "provider_client.h"
#include "support/refusing_port.h"
#include "support/scripted_server.h"

#include <QTest>
#include <algorithm>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

using namespace llmopt;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kKey = "sk-test-7Hq2ZrX9";

class FixedKey : public CredentialSource {
public:
    std::optional<std::string> apiKey(const std::string&) const override { return kKey; }
    std::string howToSet(const std::string&) const override { return "set TEST_KEY"; }
};

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

long long millisBetween(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count();
}

ProviderClient::Options quick(ProviderKind kind, const std::string& baseUrl)
{
    ProviderClient::Options o;
    o.kind = kind;
    o.baseUrl = baseUrl;
    o.maxAttempts = 4;
    o.initialBackoffMs = 20;
    o.maxBackoffMs = 200;
    o.timeoutMs = 10000; // generous: a loaded machine must not make an answer a timeout
    return o;
}

ChatRequest question(const std::string& model, bool stream = false)
{
    ChatRequest r;
    r.model = model;
    r.system = "Answer in one word.";
    r.messages = {{"user", "Capital of France?"}};
    r.params = {{"temperature", 0.2}, {"max_tokens", 16}};
    r.stream = stream;
    return r;
}

// Runs one call to its end.
ChatResult run(ProviderClient& client, ChatRequest request)
{
    ChatResult result;
    client.submit(std::move(request), [&result](ChatResult r) { result = std::move(r); });
    client.waitIdle();
    return result;
}

HttpResponse openAiAnswer()
{
    return {200,
            "application/json",
            R"({"id":"chatcmpl-1","object":"chat.completion",
        "created":1741570283,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,
        "message":{"role":"assistant","content":"Paris","refusal":null},"logprobs":null,
        "finish_reason":"stop"}],"usage":{"prompt_tokens":1200,"completion_tokens":2,
        "total_tokens":1202,"prompt_tokens_details":{"cached_tokens":1024}}})",
            {{"x-request-id", "req_ok"}}};
}

std::string openAiChunk(const std::string& delta, const std::string& finish)
{
    return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":"
           "\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":"
        + delta + ",\"finish_reason\":" + finish + "}],\"usage\":null}\n\n";
}

const std::string kOpenAiStream = openAiChunk(R"({"role":"assistant","content":""})", "null")
    + openAiChunk(R"({"content":"Par"})", "null") + openAiChunk(R"({"content":"is"})", "null")
    + openAiChunk("{}", "\"stop\"")
    + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini-"
      "2024-07-18\",\"choices\":[],\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":2,"
      "\"total_tokens\":1202,\"prompt_tokens_details\":{\"cached_tokens\":1024}}}\n\n"
      "data: [DONE]\n\n";

HttpResponse anthropicAnswer()
{
    return {200,
            "application/json",
            R"({"id":"msg_01","type":"message","role":"assistant",
        "model":"claude-3-5-haiku-20241022","content":[{"type":"text","text":"Paris"}],
        "stop_reason":"max_tokens","stop_sequence":null,"usage":{"input_tokens":30,
        "cache_creation_input_tokens":0,"cache_read_input_tokens":2000,"output_tokens":16}})",
            {{"request-id", "req_ok"}}};
}

std::string anthropicEvent(const std::string& type, const std::string& data)
{
    return "event: " + type + "\ndata: " + data + "\n\n";
}

const std::string kAnthropicHead = anthropicEvent(
    "message_start",
    R"({"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant",)"
    R"("content":[],"model":"claude-3-5-haiku-20241022","stop_reason":null,"usage":)"
    R"({"input_tokens":30,"cache_creation_input_tokens":500,"cache_read_input_tokens":0,)"
    R"("output_tokens":1}}})");

const std::string kAnthropicStream
    = kAnthropicHead
    + anthropicEvent(
          "content_block_start",
          R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})")
    + anthropicEvent("ping", R"({"type": "ping"})")
    + anthropicEvent(
          "content_block_delta",
          R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Paris"}})")
    + anthropicEvent("content_block_stop", R"({"type":"content_block_stop","index":0})")
    + anthropicEvent(
          "message_delta",
          R"({"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":3}})")
    + anthropicEvent("message_stop", R"({"type":"message_stop"})");

HttpResponse eventStream(std::string body)
{
    return {200, "text/event-stream", std::move(body), {{"cache-control", "no-cache"}}};
}

HttpResponse openAiError(int status, const std::string& type, const std::string& code,
                         const std::string& message,
                         std::vector<std::pair<std::string, std::string>> headers = {})
{
    const json body
        = {{"error", {{"message", message}, {"type", type}, {"param", nullptr}, {"code", code}}}};
    return {status, "application/json", body.dump(), std::move(headers)};
}

HttpResponse anthropicError(int status, const std::string& type, const std::string& message)
{
    const json body = {{"type", "error"}, {"error", {{"type", type}, {"message", message}}}};
    return {
        status, "application/json", body.dump(), {{"request-id", "req_011CSHoEeqs5C35K2UUqR7Fy"}}};
}

} // namespace

class TestProviderClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // The fake providers are on loopback; a proxy from the environment must not get in between.
        qputenv("NO_PROXY", "127.0.0.1,localhost");
        qputenv("no_proxy", "127.0.0.1,localhost");
    }

    void openAi()
    {
        ScriptedServer provider([](int, const HttpRequest&) { return openAiAnswer(); });
        ProviderClient client(quick(ProviderKind::OpenAi, provider.baseUrl()),
                              std::make_shared<FixedKey>());
        QCOMPARE(client.provider(), std::string("openai"));
        const ChatResult r = run(client, question("gpt-4o-mini"));
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.text, std::string("Paris"));
        QCOMPARE(r.attempts, 1);
        const LlmEvent& e = r.event;
        QCOMPARE(e.provider, std::string("openai"));
        QCOMPARE(e.operation, std::string("chat"));
        QCOMPARE(e.requestModel, std::string("gpt-4o-mini"));
        QCOMPARE(e.responseModel, std::string("gpt-4o-mini-2024-07-18"));
        QCOMPARE(e.inputTokens, int64_t(1200));
        QCOMPARE(e.outputTokens, int64_t(2));
        QCOMPARE(e.cacheReadTokens, int64_t(1024));
        QCOMPARE(e.finishReason, std::string("stop"));
        QCOMPARE(e.status, CallStatus::Ok);
        QVERIFY(e.errorType.empty());
        QVERIFY(e.latencyMs > 0.0);
        QVERIFY(r.totalMs >= e.latencyMs);
        QVERIFY(!e.ttftMs); // only measured when streaming
        QVERIFY(e.evaluations.empty());
        QVERIFY(e.timeUnixNano > 1'700'000'000'000'000'000LL);

        const auto requests = provider.requests();
        QCOMPARE(requests.size(), size_t(1));
        const HttpRequest& q = requests[0];
        QCOMPARE(q.method, std::string("POST"));
        QCOMPARE(q.target, std::string("/v1/chat/completions"));
        QCOMPARE(q.authorization, "Bearer " + std::string(kKey));
        QCOMPARE(q.contentType, std::string("application/json"));
        const json body = json::parse(q.body);
        QCOMPARE(body["model"].dump(), json("gpt-4o-mini").dump());
        QCOMPARE(body["messages"][0]["role"].dump(), json("system").dump());
        QCOMPARE(body["temperature"].dump(), json(0.2).dump());
        QCOMPARE(body["stream"].dump(), json(false).dump());
    }

    void openAiStreaming()
    {
        ScriptedServer provider([](int, const HttpRequest&) { return eventStream(kOpenAiStream); });
        ProviderClient client(quick(ProviderKind::OpenAi, provider.baseUrl()),
                              std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("gpt-4o-mini", true));
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.text, std::string("Paris"));
        QCOMPARE(r.event.inputTokens, int64_t(1200));
        QCOMPARE(r.event.outputTokens, int64_t(2));
        QCOMPARE(r.event.cacheReadTokens, int64_t(1024));
        QCOMPARE(r.event.finishReason, std::string("stop"));
        QCOMPARE(r.event.responseModel, std::string("gpt-4o-mini-2024-07-18"));
        QVERIFY(r.event.ttftMs);
        QVERIFY(*r.event.ttftMs > 0.0 && *r.event.ttftMs <= r.event.latencyMs);
        const json body = json::parse(provider.requests().at(0).body);
        QCOMPARE(body["stream"].dump(), json(true).dump());
        QCOMPARE(body["stream_options"]["include_usage"].dump(), json(true).dump());
    }

    void anthropic()
    {
        ScriptedServer provider([](int, const HttpRequest&) { return anthropicAnswer(); });
        ProviderClient client(quick(ProviderKind::Anthropic, provider.baseUrl()),
                              std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("claude-3-5-haiku-latest"));
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.text, std::string("Paris"));
        const LlmEvent& e = r.event;
        QCOMPARE(e.provider, std::string("anthropic"));
        QCOMPARE(e.requestModel, std::string("claude-3-5-haiku-latest"));
        QCOMPARE(e.responseModel, std::string("claude-3-5-haiku-20241022"));
        QCOMPARE(e.inputTokens, int64_t(2030));
        QCOMPARE(e.cacheReadTokens, int64_t(2000));
        QCOMPARE(e.outputTokens, int64_t(16));
        QCOMPARE(e.finishReason, std::string("length"));

        const HttpRequest q = provider.requests().at(0);
        QCOMPARE(q.target, std::string("/v1/messages"));
        QCOMPARE(ScriptedServer::header(q, "x-api-key"), std::string(kKey));
        QCOMPARE(ScriptedServer::header(q, "anthropic-version"), std::string("2023-06-01"));
        QVERIFY(q.authorization.empty());
        const json body = json::parse(q.body);
        QCOMPARE(body["system"].dump(), json("Answer in one word.").dump());
        QCOMPARE(body["max_tokens"].dump(), json(16).dump());
        QCOMPARE(body["messages"].size(), size_t(1));
    }

    void anthropicStreaming()
    {
        ScriptedServer provider(
            [](int, const HttpRequest&) { return eventStream(kAnthropicStream); });
        ProviderClient client(quick(ProviderKind::Anthropic, provider.baseUrl()),
                              std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("claude-3-5-haiku-latest", true));
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.text, std::string("Paris"));
        QCOMPARE(r.event.inputTokens, int64_t(530));
        QCOMPARE(r.event.cacheWriteTokens, int64_t(500));
        QCOMPARE(r.event.outputTokens, int64_t(3));
        QCOMPARE(r.event.finishReason, std::string("stop"));
        QVERIFY(r.event.ttftMs && *r.event.ttftMs <= r.event.latencyMs);
    }

    // Ollama, vLLM, LM Studio: the OpenAI protocol at a base URL of our
    // choosing, with or without "/v1", and no Authorization without a key.
    void openAiCompatibleWithoutKey()
    {
        ScriptedServer provider([](int, const HttpRequest&) { return openAiAnswer(); });
        ProviderClient::Options o
            = quick(ProviderKind::OpenAiCompatible, provider.baseUrl() + "/v1");
        o.name = "ollama";
        ProviderClient client(o, std::make_shared<EnvironmentCredentials>());
        const ChatResult r = run(client, question("llama3.2"));
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.event.provider, std::string("ollama"));
        const HttpRequest q = provider.requests().at(0);
        QCOMPARE(q.target, std::string("/v1/chat/completions"));
        QVERIFY(q.authorization.empty());
    }

    void compatibleNeedsBaseUrl()
    {
        ProviderClient::Options o;
        o.kind = ProviderKind::OpenAiCompatible;
        ProviderClient client(o, std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("llama3.2"));
        QVERIFY(!r.ok());
        QCOMPARE(r.attempts, 0);
        QVERIFY2(contains(r.error, "no base URL"), r.error.c_str());
    }

    void environmentCredentials()
    {
        QCOMPARE(EnvironmentCredentials::variableFor("lm-studio"),
                 std::string("LLMOPT_LM_STUDIO_API_KEY"));
        qputenv("OPENAI_API_KEY", "from-sdk-variable");
        qunsetenv("LLMOPT_OPENAI_API_KEY");
        const EnvironmentCredentials credentials;
        QCOMPARE(credentials.apiKey("openai").value_or(""), std::string("from-sdk-variable"));
        qputenv("LLMOPT_OPENAI_API_KEY", "from-own-variable");
        QCOMPARE(credentials.apiKey("openai").value_or(""), std::string("from-own-variable"));
        qputenv("LLMOPT_VLLM_API_KEY", "");
        QVERIFY(!credentials.apiKey("vllm")); // empty counts as unset
        QCOMPARE(
            credentials.howToSet("anthropic"),
            std::string("set ANTHROPIC_API_KEY or LLMOPT_ANTHROPIC_API_KEY in the environment"));
        qunsetenv("OPENAI_API_KEY");
        qunsetenv("LLMOPT_OPENAI_API_KEY");
        qunsetenv("LLMOPT_VLLM_API_KEY");
    }

    void missingKey()
    {
        qunsetenv("OPENAI_API_KEY");
        qunsetenv("LLMOPT_OPENAI_API_KEY");
        ScriptedServer provider([](int, const HttpRequest&) { return openAiAnswer(); });
        ProviderClient client(quick(ProviderKind::OpenAi, provider.baseUrl()),
                              std::make_shared<EnvironmentCredentials>());
        const ChatResult r = run(client, question("gpt-4o-mini"));
        QVERIFY(!r.ok());
        QCOMPARE(r.attempts, 0);
        QCOMPARE(r.event.errorType, std::string("invalid_configuration"));
        QVERIFY2(contains(r.error, "no API key for openai") && contains(r.error, "OPENAI_API_KEY"),
                 r.error.c_str());
        QCOMPARE(provider.requests().size(), size_t(0));
    }

    // The provider echoes the key (as some do, in part); the message says what
    // to set and never shows the key.
    void refusedKey()
    {
        qputenv("LLMOPT_OPENAI_API_KEY", kKey);
        ScriptedServer provider([](int, const HttpRequest& request) {
            return openAiError(401, "invalid_request_error", "invalid_api_key",
                               "Incorrect API key provided: " + request.authorization.substr(7)
                                   + ". You can find your API key at https://platform.openai.com.",
                               {{"x-request-id", std::string("req_") + kKey}});
        });
        ProviderClient client(quick(ProviderKind::OpenAi, provider.baseUrl()),
                              std::make_shared<EnvironmentCredentials>());
        qunsetenv("LLMOPT_OPENAI_API_KEY");
        const ChatResult r = run(client, question("gpt-4o-mini"));
        QVERIFY(!r.ok());
        QCOMPARE(r.attempts, 1);
        QCOMPARE(r.event.status, CallStatus::Error);
        QCOMPARE(r.event.errorType, std::string("401"));
        QVERIFY2(contains(r.error, "the API key for openai was refused")
                     && contains(r.error, "LLMOPT_OPENAI_API_KEY"),
                 r.error.c_str());
        QVERIFY2(!contains(r.error, kKey), r.error.c_str());
        QVERIFY(!contains(r.event.errorType + r.event.finishReason + r.text, kKey));
        QCOMPARE(provider.requests().at(0).authorization, "Bearer " + std::string(kKey));
    }

    void rateLimitedWithRetryAfterMs()
    {
        ScriptedServer provider([](int attempt, const HttpRequest&) {
            if (attempt == 1)
                return openAiError(429, "requests", "rate_limit_exceeded",
                                   "Rate limit reached for requests", {{"retry-after-ms", "300"}});
            return openAiAnswer();
        });
        ProviderClient client(quick(ProviderKind::OpenAi, provider.baseUrl()),
                              std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("gpt-4o-mini"));
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.attempts, 2);
        const auto at = provider.arrivals();
        QCOMPARE(at.size(), size_t(2));
        // The backoff alone would be at most 20 ms.
        QVERIFY2(millisBetween(at[0], at[1]) >= 300, "retry-after-ms was not honoured");
        QVERIFY(r.totalMs >= 300);
    }

    void retryAfterSeconds()
    {
        // Anthropic's 429 comes with Retry-After in seconds.
        ScriptedServer withHeader([](int attempt, const HttpRequest&) {
            if (attempt == 1) {
                HttpResponse limited = anthropicError(429, "rate_limit_error", "slow down");
                limited.headers.emplace_back("retry-after", "1");
                return limited;
            }
            return anthropicAnswer();
        });
        ProviderClient client(quick(ProviderKind::Anthropic, withHeader.baseUrl()),
                              std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("claude-3-5-haiku-latest"));
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.attempts, 2);
        const auto at = withHeader.arrivals();
        QVERIFY2(millisBetween(at[0], at[1]) >= 1000, "Retry-After: 1 was not honoured");
    }

    // A wait longer than a minute is not waited for.
    void retryAfterTooLong()
    {
        ScriptedServer provider([](int, const HttpRequest&) {
            return openAiError(503, "server_error", "", "maintenance", {{"Retry-After", "3600"}});
        });
        ProviderClient client(quick(ProviderKind::OpenAi, provider.baseUrl()),
                              std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("gpt-4o-mini"));
        QVERIFY(!r.ok());
        QCOMPARE(r.attempts, 1);
        QVERIFY2(contains(r.error, "asks to wait 3600 s"), r.error.c_str());
    }

    void serverErrorsAreRetried()
    {
        ScriptedServer provider([](int attempt, const HttpRequest&) {
            if (attempt <= 2)
                return openAiError(500, "server_error", "", "The server had an error");
            return openAiAnswer();
        });
        ProviderClient client(quick(ProviderKind::OpenAi, provider.baseUrl()),
                              std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("gpt-4o-mini"));
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.attempts, 3);
        QCOMPARE(provider.requests().size(), size_t(3));
    }

    void overloadedIsRetried()
    {
        ScriptedServer provider([](int attempt, const HttpRequest&) {
            if (attempt == 1)
                return anthropicError(529, "overloaded_error", "Overloaded");
            return anthropicAnswer();
        });
        ProviderClient client(quick(ProviderKind::Anthropic, provider.baseUrl()),
                              std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("claude-3-5-haiku-latest"));
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.attempts, 2);
    }

    void retriesRunOut()
    {
        ScriptedServer provider([](int, const HttpRequest&) {
            return anthropicError(529, "overloaded_error", "Overloaded");
        });
        ProviderClient::Options o = quick(ProviderKind::Anthropic, provider.baseUrl());
        o.maxAttempts = 3;
        ProviderClient client(o, std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("claude-3-5-haiku-latest"));
        QVERIFY(!r.ok());
        QCOMPARE(r.attempts, 3);
        QCOMPARE(r.event.errorType, std::string("529"));
        QCOMPARE(r.event.inputTokens, int64_t(0)); // refused: nothing billed
        QVERIFY2(contains(r.error, "anthropic is overloaded") && contains(r.error, "3 attempts")
                     && contains(r.error, "req_011CSHoEeqs5C35K2UUqR7Fy"),
                 r.error.c_str());
    }

    void badRequestIsNotRetried()
    {
        ScriptedServer provider([](int, const HttpRequest&) {
            return anthropicError(400, "invalid_request_error",
                                  "messages: at least one message is required");
        });
        ProviderClient client(quick(ProviderKind::Anthropic, provider.baseUrl()),
                              std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("claude-3-5-haiku-latest"));
        QVERIFY(!r.ok());
        QCOMPARE(r.attempts, 1);
        QCOMPARE(provider.requests().size(), size_t(1));
        QCOMPARE(r.event.errorType, std::string("400"));
        QVERIFY2(contains(r.error, "at least one message"), r.error.c_str());
    }

    void unknownModel()
    {
        ScriptedServer provider([](int, const HttpRequest&) {
            return openAiError(404, "invalid_request_error", "model_not_found",
                               "The model `gpt-9` does not exist or you do not have access to it.");
        });
        ProviderClient client(quick(ProviderKind::OpenAi, provider.baseUrl()),
                              std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("gpt-9"));
        QCOMPARE(r.attempts, 1);
        QVERIFY2(contains(r.error, "does not know the model \"gpt-9\""), r.error.c_str());
    }

    void insufficientQuotaIsNotRetried()
    {
        ScriptedServer provider([](int, const HttpRequest&) {
            return openAiError(
                429, "insufficient_quota", "insufficient_quota",
                "You exceeded your current quota, please check your plan and billing details.",
                {{"retry-after-ms", "10"}});
        });
        ProviderClient client(quick(ProviderKind::OpenAi, provider.baseUrl()),
                              std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("gpt-4o-mini"));
        QVERIFY(!r.ok());
        QCOMPARE(r.attempts, 1);
        QCOMPARE(provider.requests().size(), size_t(1));
        QCOMPARE(r.event.errorType, std::string("insufficient_quota"));
        QVERIFY2(contains(r.error, "quota"), r.error.c_str());
    }

    void malformedJson()
    {
        ScriptedServer provider([](int, const HttpRequest&) {
            return HttpResponse{200, "application/json", "{\"id\": \"chatcmpl-1\", \"choi", {}};
        });
        ProviderClient client(quick(ProviderKind::OpenAi, provider.baseUrl()),
                              std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("gpt-4o-mini"));
        QVERIFY(!r.ok());
        QCOMPARE(r.attempts, 1);
        QCOMPARE(r.event.errorType, std::string("invalid_response"));
        QVERIFY2(contains(r.error, "malformed JSON"), r.error.c_str());
    }

    // An error event in the middle of a stream: overloaded, so asked again.
    void streamErrorEventIsRetried()
    {
        ScriptedServer provider([](int attempt, const HttpRequest&) {
            if (attempt == 1)
                return eventStream(
                    kAnthropicHead
                    + anthropicEvent(
                        "error",
                        R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})"));
            return eventStream(kAnthropicStream);
        });
        ProviderClient client(quick(ProviderKind::Anthropic, provider.baseUrl()),
                              std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("claude-3-5-haiku-latest", true));
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.attempts, 2);
        QCOMPARE(r.text, std::string("Paris"));
    }

    void streamCutShort()
    {
        const std::string cut = kOpenAiStream.substr(0, kOpenAiStream.find("\"stop\"") - 20);
        ScriptedServer provider([&cut](int, const HttpRequest&) { return eventStream(cut); });
        ProviderClient::Options o = quick(ProviderKind::OpenAi, provider.baseUrl());
        o.maxAttempts = 2;
        ProviderClient client(o, std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("gpt-4o-mini", true));
        QVERIFY(!r.ok());
        QCOMPARE(r.attempts, 2);
        QCOMPARE(r.event.errorType, std::string("stream_incomplete"));
        QVERIFY2(contains(r.error, "ended before the answer was complete"), r.error.c_str());
        QCOMPARE(r.text, std::string("Paris")); // what arrived is kept
        QVERIFY(r.event.ttftMs);
    }

    void truncatedJsonInStream()
    {
        const std::string stream = openAiChunk(R"({"content":"Par"})", "null")
            + "data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"delta\":{\"content\":\"is\n\n"
            + "data: [DONE]\n\n";
        ScriptedServer provider([&stream](int, const HttpRequest&) { return eventStream(stream); });
        ProviderClient client(quick(ProviderKind::OpenAi, provider.baseUrl()),
                              std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("gpt-4o-mini", true));
        QVERIFY(!r.ok());
        QCOMPARE(r.attempts, 1);
        QCOMPARE(r.event.errorType, std::string("invalid_response"));
    }

    void concurrencyLimit()
    {
        ScriptedServer provider([](int, const HttpRequest&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            return openAiAnswer();
        });
        ProviderClient::Options o = quick(ProviderKind::OpenAi, provider.baseUrl());
        o.maxConcurrency = 3;
        ProviderClient client(o, std::make_shared<FixedKey>());
        std::mutex mutex;
        int succeeded = 0;
        for (int i = 0; i < 12; ++i)
            client.submit(question("gpt-4o-mini"), [&](ChatResult r) {
                std::lock_guard lock(mutex);
                succeeded += r.ok();
            });
        client.waitIdle();
        QCOMPARE(succeeded, 12);
        QVERIFY2(provider.maxInFlight() <= 3, std::to_string(provider.maxInFlight()).c_str());
        QVERIFY2(provider.maxInFlight() >= 2, "the calls did not overlap");
    }

    void rateLimit()
    {
        ScriptedServer provider([](int, const HttpRequest&) { return openAiAnswer(); });
        ProviderClient::Options o = quick(ProviderKind::OpenAi, provider.baseUrl());
        o.requestsPerSecond = 20;
        ProviderClient client(o, std::make_shared<FixedKey>());
        const auto started = Clock::now();
        for (int i = 0; i < 10; ++i)
            client.submit(question("gpt-4o-mini"), [](ChatResult) {});
        client.waitIdle();
        // Ten starts 50 ms apart: the last one no sooner than 450 ms after the first.
        QVERIFY2(millisBetween(started, Clock::now()) >= 450, "faster than 20 requests/s");
        const auto at = provider.arrivals();
        QCOMPARE(at.size(), size_t(10));
    }

    void timeout()
    {
        ScriptedServer provider([](int, const HttpRequest&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(700));
            return openAiAnswer();
        });
        ProviderClient::Options o = quick(ProviderKind::OpenAi, provider.baseUrl());
        o.timeoutMs = 200;
        o.maxAttempts = 2;
        ProviderClient client(o, std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("gpt-4o-mini"));
        QVERIFY(!r.ok());
        QCOMPARE(r.attempts, 2);
        QCOMPARE(r.event.errorType, std::string("timeout"));
        QVERIFY2(contains(r.error, "within 200 ms"), r.error.c_str());
        QVERIFY(r.event.latencyMs >= 200);
    }

    void connectionRefused()
    {
        RefusingPort port;
        const std::string base = "http://127.0.0.1:" + std::to_string(port.port());
        ProviderClient::Options o = quick(ProviderKind::OpenAiCompatible, base);
        o.name = "vllm";
        o.maxAttempts = 2;
        ProviderClient client(o, std::make_shared<FixedKey>());
        const ChatResult r = run(client, question("meta-llama/Llama-3.1-8B-Instruct"));
        QVERIFY(!r.ok());
        QCOMPARE(r.attempts, 2);
        QCOMPARE(r.event.errorType, std::string("connection_error"));
        QVERIFY2(contains(r.error, "cannot reach vllm at " + base), r.error.c_str());
    }

    void cancelAll()
    {
        ScriptedServer provider([](int, const HttpRequest&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            return openAiAnswer();
        });
        ProviderClient::Options o = quick(ProviderKind::OpenAi, provider.baseUrl());
        o.maxConcurrency = 2;
        ProviderClient client(o, std::make_shared<FixedKey>());
        std::mutex mutex;
        std::vector<std::string> errorTypes;
        for (int i = 0; i < 5; ++i)
            client.submit(question("gpt-4o-mini"), [&](ChatResult r) {
                std::lock_guard lock(mutex);
                errorTypes.push_back(r.event.errorType);
            });
        QVERIFY(QTest::qWaitFor([&] { return provider.requests().size() >= 1; }, 5000));
        client.cancelAll();
        client.waitIdle();
        QCOMPARE(errorTypes.size(), size_t(5));
        QVERIFY(std::all_of(errorTypes.begin(), errorTypes.end(),
                            [](const std::string& t) { return t == "cancelled"; }));
        // Calls after cancelAll run normally.
        const ChatResult r = run(client, question("gpt-4o-mini"));
        QVERIFY2(r.ok(), r.error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestProviderClient)
#include "tst_provider_client.moc"
