#pragma once

#include <curl/curl.h>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace llmopt {

// curl_global_init, once per process, before any other curl call (it is not
// thread-safe itself); later calls return the first call's result.
CURLcode initCurl();

// The delay an HTTP Retry-After header asks for, in milliseconds: either
// delay-seconds or an HTTP date (RFC 9110, 10.2.3). Nothing when the value
// is neither; a date in the past is 0.
std::optional<long long> retryAfterMs(std::string_view value);

// ASCII lower case, and a view without the surrounding blanks: for header
// names, values and the methods and messages around them.
std::string asciiLower(std::string_view text);
std::string_view trimBlanks(std::string_view text);

// One header line as curl's header callback hands it over ("Name: value\r\n"):
// the name in lower case and the value without surrounding blanks; nothing
// for a status line or the blank line that ends the headers.
std::optional<std::pair<std::string, std::string_view>> headerField(std::string_view line);

} // namespace llmopt
