#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace llmopt {

// Reading providers' answers field by field without exceptions: a missing
// field, or one of another type, reads as null, "" or -1.
inline const nlohmann::json& memberAt(const nlohmann::json& object, const char* key)
{
    static const nlohmann::json kNull;
    if (!object.is_object())
        return kNull;
    const auto it = object.find(key);
    return it == object.end() ? kNull : *it;
}

inline std::string stringAt(const nlohmann::json& object, const char* key)
{
    const nlohmann::json& value = memberAt(object, key);
    return value.is_string() ? value.get<std::string>() : std::string();
}

// A count, or -1 when there is none.
inline int64_t countAt(const nlohmann::json& object, const char* key)
{
    const nlohmann::json& value = memberAt(object, key);
    return value.is_number_integer() ? value.get<int64_t>() : -1;
}

} // namespace llmopt
