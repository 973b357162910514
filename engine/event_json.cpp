#include "event_json.h"

#include "llm_event.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace llmopt {

using nlohmann::json;

json toFlatJson(const LlmEvent& e)
{
    json j = {{"time_unix_nano", e.timeUnixNano},
              {"service", e.service},
              {"model", e.variant.model},
              {"prompt_version", e.variant.promptVersion},
              {"provider", e.provider},
              {"operation", e.operation},
              {"request_model", e.requestModel},
              {"response_model", e.responseModel},
              {"input_tokens", e.inputTokens},
              {"output_tokens", e.outputTokens},
              {"cache_read_tokens", e.cacheReadTokens},
              {"cache_write_tokens", e.cacheWriteTokens},
              {"latency_ms", e.latencyMs},
              {"status", e.isError() ? "error" : "ok"}};
    auto putString = [&](const char* key, const std::string& v) {
        if (!v.empty())
            j[key] = v;
    };
    putString("trace_id", e.traceId);
    putString("span_id", e.spanId);
    putString("variant_name", e.variantName);
    putString("task_type", e.taskType);
    putString("error_type", e.errorType);
    putString("finish_reason", e.finishReason);
    if (e.variant.temperature)
        j["temperature"] = *e.variant.temperature;
    if (e.variant.topP)
        j["top_p"] = *e.variant.topP;
    if (e.variant.maxTokens)
        j["max_tokens"] = *e.variant.maxTokens;
    if (e.ttftMs)
        j["ttft_ms"] = *e.ttftMs;
    if (e.costUsd)
        j["cost_usd"] = *e.costUsd;
    if (e.userFeedback)
        j["user_feedback"] = *e.userFeedback;
    for (const Evaluation& ev : e.evaluations)
        j["evaluations"].push_back({{"name", ev.name}, {"score", ev.score}});
    for (const auto& [key, value] : e.attributes)
        j["attributes"][key] = value;
    return j;
}

int64_t jsonInt64(const json& j, const char* what)
{
    if (j.is_number_integer())
        return j.get<int64_t>();
    if (j.is_number_float()) {
        const double v = j.get<double>();
        if (std::isfinite(v) && std::abs(v) < 9.2e18 && v == std::floor(v))
            return static_cast<int64_t>(v);
    }
    if (j.is_string()) {
        const std::string& s = j.get_ref<const std::string&>();
        size_t used = 0;
        try {
            const long long v = std::stoll(s, &used);
            if (used == s.size())
                return v;
        } catch (const std::exception&) {
        }
    }
    throw std::invalid_argument(std::string("\"") + what + "\" must be an integer, got "
                                + j.dump(-1, ' ', false, json::error_handler_t::replace));
}

namespace {

template <typename T> T field(const json& o, const char* key, T fallback)
{
    auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return fallback;
    try {
        return it->get<T>();
    } catch (const json::exception&) {
        throw std::invalid_argument(std::string("field \"") + key + "\" has the wrong type");
    }
}

int64_t integerField(const json& o, const char* key, int64_t fallback)
{
    auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return fallback;
    return jsonInt64(*it, key);
}

} // namespace

LlmEvent fromFlatJson(const json& o)
{
    if (!o.is_object())
        throw std::invalid_argument("an event must be a JSON object");
    LlmEvent e;
    e.timeUnixNano = integerField(o, "time_unix_nano", 0);
    if (e.timeUnixNano <= 0)
        throw std::invalid_argument("field \"time_unix_nano\" is missing or not positive");
    e.traceId = field<std::string>(o, "trace_id", "");
    e.spanId = field<std::string>(o, "span_id", "");
    e.service = field<std::string>(o, "service", "");
    e.variant.model = field<std::string>(o, "model", "");
    e.variant.promptVersion = field<std::string>(o, "prompt_version", "");
    if (o.contains("temperature"))
        e.variant.temperature = field<double>(o, "temperature", 0.0);
    if (o.contains("top_p"))
        e.variant.topP = field<double>(o, "top_p", 0.0);
    if (o.contains("max_tokens"))
        e.variant.maxTokens = integerField(o, "max_tokens", 0);
    e.variantName = field<std::string>(o, "variant_name", "");
    e.provider = field<std::string>(o, "provider", "");
    e.operation = field<std::string>(o, "operation", "chat");
    e.requestModel = field<std::string>(o, "request_model", e.variant.model);
    e.responseModel = field<std::string>(o, "response_model", e.requestModel);
    e.taskType = field<std::string>(o, "task_type", "");
    e.inputTokens = integerField(o, "input_tokens", -1);
    e.outputTokens = integerField(o, "output_tokens", -1);
    e.cacheReadTokens = integerField(o, "cache_read_tokens", 0);
    e.cacheWriteTokens = integerField(o, "cache_write_tokens", 0);
    e.latencyMs = field<double>(o, "latency_ms", -1.0);
    if (o.contains("ttft_ms"))
        e.ttftMs = field<double>(o, "ttft_ms", 0.0);
    const std::string status = field<std::string>(o, "status", "ok");
    if (status != "ok" && status != "error")
        throw std::invalid_argument("field \"status\" must be \"ok\" or \"error\"");
    e.status = status == "error" ? CallStatus::Error : CallStatus::Ok;
    e.errorType = field<std::string>(o, "error_type", "");
    e.finishReason = field<std::string>(o, "finish_reason", "");
    if (o.contains("user_feedback"))
        e.userFeedback = field<bool>(o, "user_feedback", false);
    if (auto it = o.find("evaluations"); it != o.end()) {
        if (!it->is_array())
            throw std::invalid_argument("field \"evaluations\" must be a list");
        for (const json& ev : *it)
            e.evaluations.push_back(
                {field<std::string>(ev, "name", ""), field<double>(ev, "score", NAN)});
    }
    if (auto it = o.find("attributes"); it != o.end() && it->is_object())
        for (const auto& [key, value] : it->items())
            e.attributes.emplace_back(
                key,
                value.is_string() ? value.get<std::string>()
                                  : value.dump(-1, ' ', false, json::error_handler_t::replace));
    return e;
}

} // namespace llmopt
