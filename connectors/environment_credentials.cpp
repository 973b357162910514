#include "environment_credentials.h"

#include <cctype>
#include <cstdlib>

namespace llmopt {

namespace {

// The variable the provider's official SDKs read, if it has one.
const char* sdkVariable(const std::string& provider)
{
    if (provider == "openai")
        return "OPENAI_API_KEY";
    if (provider == "anthropic")
        return "ANTHROPIC_API_KEY";
    return nullptr;
}

std::optional<std::string> read(const char* name)
{
    const char* value = std::getenv(name);
    if (!value || !*value)
        return std::nullopt;
    return std::string(value);
}

} // namespace

std::string EnvironmentCredentials::variableFor(const std::string& provider)
{
    std::string name = "LLMOPT_";
    for (const unsigned char c : provider)
        name += std::isalnum(c) ? char(std::toupper(c)) : '_';
    return name + "_API_KEY";
}

std::optional<std::string> EnvironmentCredentials::apiKey(const std::string& provider) const
{
    if (auto key = read(variableFor(provider).c_str()))
        return key;
    if (const char* sdk = sdkVariable(provider))
        return read(sdk);
    return std::nullopt;
}

std::string EnvironmentCredentials::howToSet(const std::string& provider) const
{
    const char* sdk = sdkVariable(provider);
    return "set " + (sdk ? std::string(sdk) + " or " : std::string()) + variableFor(provider)
        + " in the environment";
}

} // namespace llmopt
