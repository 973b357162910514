#pragma once

#include "credential_source.h"

#include <vector>

namespace llmopt {

// API keys from environment variables: LLMOPT_<PROVIDER>_API_KEY first
// (the provider's name upper-cased, anything but letters and digits as '_'),
// then the variable the provider's own SDKs read (OPENAI_API_KEY,
// ANTHROPIC_API_KEY). An empty variable counts as unset.
class EnvironmentCredentials : public CredentialSource {
public:
    std::optional<std::string> apiKey(const std::string& provider) const override;
    std::string howToSet(const std::string& provider) const override;

    // The variable the provider's key is read from; empty when none is set.
    std::string sourceVariable(const std::string& provider) const;

    // "LLMOPT_OPENAI_API_KEY" for "openai".
    static std::string variableFor(const std::string& provider);
    // The variables read for the provider's key, in the order they are read.
    static std::vector<std::string> variablesFor(const std::string& provider);
};

} // namespace llmopt
