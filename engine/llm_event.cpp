#include "llm_event.h"

#include <charconv>
#include <numeric>

namespace llmopt {

namespace {

// 64-bit FNV-1a: stable across platforms and runs (for ids, not security).
uint64_t fnv1a64(std::string_view data, uint64_t seed = 0xcbf29ce484222325ULL)
{
    uint64_t h = seed;
    for (unsigned char c : data) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

// Shortest round-trip form, independent of the C locale (ids must not change
// with the user's LC_NUMERIC).
std::string formatNumber(double v)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

// The low `digits` hex digits of v, lowercase (ids are made per event: no printf).
std::string hex(uint64_t v, int digits)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(static_cast<size_t>(digits), '0');
    for (int i = digits - 1; i >= 0; --i, v >>= 4)
        out[static_cast<size_t>(i)] = kDigits[v & 0xf];
    return out;
}

} // namespace

std::string Variant::id() const
{
    // FNV-1a over model, prompt version, "t=…", "p=…" and "m=…", each field
    // followed by U+001F; built in place, as this runs for every event.
    uint64_t h = fnv1a64(model);
    h = fnv1a64("\x1f", h);
    h = fnv1a64(promptVersion, h);
    h = fnv1a64("\x1f", h);
    char buf[40];
    if (temperature) {
        buf[0] = 't';
        buf[1] = '=';
        h = fnv1a64({buf, std::to_chars(buf + 2, buf + sizeof buf, *temperature).ptr}, h);
    }
    h = fnv1a64("\x1f", h);
    if (topP) {
        buf[0] = 'p';
        buf[1] = '=';
        h = fnv1a64({buf, std::to_chars(buf + 2, buf + sizeof buf, *topP).ptr}, h);
    }
    h = fnv1a64("\x1f", h);
    if (maxTokens) {
        buf[0] = 'm';
        buf[1] = '=';
        h = fnv1a64({buf, std::to_chars(buf + 2, buf + sizeof buf, *maxTokens).ptr}, h);
    }
    std::string id = "v-";
    id += hex(h, 12);
    return id;
}

std::string Variant::label() const
{
    std::string out = model.empty() ? std::string("unknown model") : model;
    if (!promptVersion.empty())
        out += " · prompt " + promptVersion;
    if (temperature)
        out += " · t=" + formatNumber(*temperature);
    if (topP)
        out += " · top_p=" + formatNumber(*topP);
    if (maxTokens)
        out += " · max " + std::to_string(*maxTokens);
    return out;
}

std::string LlmEvent::eventId() const
{
    std::string id;
    eventIdInto(id);
    return id;
}

void LlmEvent::eventIdInto(std::string& out) const
{
    if (!traceId.empty() && !spanId.empty()) {
        out.assign(traceId).append(spanId);
        return;
    }
    std::string content = service + '\x1f' + variant.id() + '\x1f' + std::to_string(timeUnixNano)
        + '\x1f' + std::to_string(inputTokens) + '\x1f' + std::to_string(outputTokens) + '\x1f'
        + formatNumber(latencyMs);
    out.assign("h")
        .append(hex(fnv1a64(content), 16))
        .append(hex(fnv1a64(content, 0x84222325cbf29ce4ULL), 15));
}

std::optional<double> LlmEvent::quality() const
{
    if (evaluations.empty())
        return std::nullopt;
    double sum = std::accumulate(evaluations.begin(), evaluations.end(), 0.0,
                                 [](double s, const Evaluation& e) { return s + e.score; });
    return sum / static_cast<double>(evaluations.size());
}

} // namespace llmopt
