#pragma once

#include <string_view>

namespace llmopt {

// The price table shipped with this build (resources/prices.json), compiled in
// so that the program works from any directory.
std::string_view embeddedPriceTable();

} // namespace llmopt
