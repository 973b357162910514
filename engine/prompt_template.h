#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace llmopt {

// One line of a template diff.
struct TemplateDiffLine {
    enum class Kind { Same, Added, Removed };
    Kind kind = Kind::Same;
    std::string text;
};

// A prompt with {{variable}} placeholders ({{ name }} alike). A name is
// letters, digits, '_', '-' and '.'; a single '{' or '}' is plain text. A
// "{{" that does not open a well-formed placeholder is refused when the
// template is made (ConfigError naming the line), so that a typo never
// reaches a model as literal braces.
class PromptTemplate {
public:
    PromptTemplate() = default;
    // Throws ConfigError; `origin` names the template in messages ("arm \"b\" prompt").
    explicit PromptTemplate(std::string text, std::string_view origin = "prompt template");

    const std::string& text() const { return m_text; }
    bool empty() const { return m_text.empty(); }
    // The placeholders' names, each once, in order of first use.
    const std::vector<std::string>& variables() const { return m_variables; }

    // The text with every placeholder replaced. A variable the values lack is
    // a ConfigError naming the variable, the template and `item`.
    std::string render(const std::map<std::string, std::string>& values,
                       std::string_view item) const;

    // Line diff of two texts (longest common subsequence of lines): for the
    // designer's side-by-side view. Removed lines come before the added ones
    // that replace them.
    static std::vector<TemplateDiffLine> diff(std::string_view a, std::string_view b);

private:
    struct Piece {
        bool isVariable = false;
        std::string text; // literal text, or the variable's name
    };
    std::string m_text;
    std::string m_origin;
    std::vector<Piece> m_pieces;
    std::vector<std::string> m_variables;
};

} // namespace llmopt
