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

std::vector<std::string> EnvironmentCredentials::variablesFor(const std::string& provider)
{
    std::vector<std::string> out{variableFor(provider)};
    if (const char* sdk = sdkVariable(provider))
        out.emplace_back(sdk);
    return out;
}

std::string EnvironmentCredentials::sourceVariable(const std::string& provider) const
{
    for (const std::string& variable : variablesFor(provider))
        if (read(variable.c_str()))
            return variable;
    return {};
}

std::optional<std::string> EnvironmentCredentials::apiKey(const std::string& provider) const
{
    const std::string variable = sourceVariable(provider);
    if (variable.empty())
        return std::nullopt;
    return read(variable.c_str());
}

std::string EnvironmentCredentials::howToSet(const std::string& provider) const
{
    const char* sdk = sdkVariable(provider);
    return "set " + (sdk ? std::string(sdk) + " or " : std::string()) + variableFor(provider)
        + " in the environment";
}

} // namespace llmopt
