#pragma once

#include <optional>
#include <string>

namespace llmopt {

// Where provider API keys come from: the environment here, the system
// keychain in the GUI. A key is handed to the client that sends it and to
// nothing else — never to a message, a log or an event.
class CredentialSource {
public:
    virtual ~CredentialSource() = default;
    // The key for `provider` ("openai", "anthropic", "ollama", …); nothing
    // when none is configured.
    virtual std::optional<std::string> apiKey(const std::string& provider) const = 0;
    // How a user sets that key, for error messages, e.g. "set OPENAI_API_KEY".
    virtual std::string howToSet(const std::string& provider) const = 0;
};

} // namespace llmopt
