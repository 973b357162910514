#include "curl_support.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <ctime>
#include <mutex>
#include <string>

namespace llmopt {

CURLcode initCurl()
{
    static std::once_flag once;
    static CURLcode result = CURLE_OK;
    std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
    return result;
}

std::string asciiLower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

std::string_view trimBlanks(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

std::optional<std::pair<std::string, std::string_view>> headerField(std::string_view line)
{
    const size_t colon = line.find(':');
    if (line.starts_with("HTTP/") || colon == std::string_view::npos)
        return std::nullopt;
    return std::pair{asciiLower(trimBlanks(line.substr(0, colon))),
                     trimBlanks(line.substr(colon + 1))};
}

std::optional<long long> retryAfterMs(std::string_view value)
{
    value = trimBlanks(value);
    if (value.empty())
        return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); })) {
        long long seconds = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
        if (ec == std::errc::result_out_of_range || seconds > 1'000'000'000)
            seconds = 1'000'000'000; // callers cap it anyway
        return seconds * 1000;
    }
    const time_t when = curl_getdate(std::string(value).c_str(), nullptr);
    if (when == -1)
        return std::nullopt;
    return std::max<long long>(0, (static_cast<long long>(when) - std::time(nullptr)) * 1000);
}

} // namespace llmopt
