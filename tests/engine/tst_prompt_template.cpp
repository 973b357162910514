#include "price_table.h"
#include "prompt_template.h"

#include <QTest>

using namespace llmopt;

namespace {

// The ConfigError message of making `text` a template, or "" when it is one.
std::string parseError(const std::string& text)
{
    try {
        PromptTemplate t(text, "arm \"b\" prompt");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return {};
}

bool mentions(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TestPromptTemplate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void variablesInOrderOfFirstUse()
    {
        const PromptTemplate t("Hi {{ name }}, {{name}} asks:\n{{question}} ({{ meta.lang-code}})");
        QCOMPARE(t.variables(), (std::vector<std::string>{"name", "question", "meta.lang-code"}));
        QCOMPARE(t.render({{"name", "Ada"}, {"question", "why?"}, {"meta.lang-code", "en"}}, "1"),
                 std::string("Hi Ada, Ada asks:\nwhy? (en)"));
    }

    // Single braces are text: JSON examples in a prompt stay as they are.
    void singleBracesAreText()
    {
        const PromptTemplate t("Answer as {\"answer\": \"…\"} for {{q}}; } and { alone");
        QCOMPARE(t.variables(), std::vector<std::string>{"q"});
        QCOMPARE(t.render({{"q", "x"}}, "1"),
                 std::string("Answer as {\"answer\": \"…\"} for x; } and { alone"));
        QVERIFY(PromptTemplate("no placeholders").variables().empty());
    }

    // A value is inserted verbatim: braces in it are not placeholders.
    void valuesAreNotExpandedAgain()
    {
        const PromptTemplate t("{{a}}");
        QCOMPARE(t.render({{"a", "{{b}}"}}, "1"), std::string("{{b}}"));
    }

    void malformedPlaceholdersAreRefused()
    {
        QVERIFY(parseError("fine {{x}}").empty());
        const std::string empty = parseError("first line\nsecond {{ }} line");
        QVERIFY2(mentions(empty, "arm \"b\" prompt, line 2") && mentions(empty, "{{ }}"),
                 empty.c_str());
        QVERIFY(mentions(parseError("{{two words}}"), "\"{{two words}}\" is not a placeholder"));
        QVERIFY(mentions(parseError("{{unclosed"), "line 1"));
        QVERIFY(mentions(parseError("{{a}"), "not a placeholder"));
    }

    void missingVariableNamesItAndTheItem()
    {
        const PromptTemplate t("{{context}}\n{{question}}", "arm \"b\" prompt");
        try {
            t.render({{"context", "c"}, {"q", "x"}}, "row-7");
            QFAIL("a missing variable must be an error");
        } catch (const ConfigError& e) {
            const std::string m = e.what();
            QVERIFY2(mentions(m, "item \"row-7\"") && mentions(m, "{{question}}")
                         && mentions(m, "arm \"b\" prompt") && mentions(m, "context, q"),
                     m.c_str());
        }
    }

    void diffMarksAddedAndRemovedLines()
    {
        using Kind = TemplateDiffLine::Kind;
        const auto d = PromptTemplate::diff("You are terse.\nAnswer: {{q}}\nBe polite.\n",
                                            "You are terse.\nQuestion: {{q}}\nBe polite.\nCite.");
        const std::vector<std::pair<Kind, std::string>> expected
            = {{Kind::Same, "You are terse."},
               {Kind::Removed, "Answer: {{q}}"},
               {Kind::Added, "Question: {{q}}"},
               {Kind::Same, "Be polite."},
               {Kind::Added, "Cite."}};
        QCOMPARE(d.size(), expected.size());
        for (size_t i = 0; i < d.size(); ++i) {
            QCOMPARE(d[i].kind, expected[i].first);
            QCOMPARE(d[i].text, expected[i].second);
        }
    }

    // The longest common subsequence keeps the most lines: moving one line
    // costs one removal and one addition, not a rewrite of all of them.
    void diffKeepsTheLongestCommonPart()
    {
        using Kind = TemplateDiffLine::Kind;
        const auto d = PromptTemplate::diff("a\nb\nc\nd", "b\nc\nd\na");
        QCOMPARE(d.size(), size_t(5));
        QCOMPARE(d.front().kind, Kind::Removed);
        QCOMPARE(d.front().text, std::string("a"));
        QCOMPARE(d.back().kind, Kind::Added);
        QCOMPARE(d.back().text, std::string("a"));
        QCOMPARE(std::count_if(d.begin(), d.end(),
                               [](const TemplateDiffLine& l) { return l.kind == Kind::Same; }),
                 3L);
    }

    void diffOfEmptyAndIdenticalTexts()
    {
        using Kind = TemplateDiffLine::Kind;
        QVERIFY(PromptTemplate::diff("", "").empty());
        const auto added = PromptTemplate::diff("", "x\ny");
        QCOMPARE(added.size(), size_t(2));
        QCOMPARE(added[1].kind, Kind::Added);
        const auto same = PromptTemplate::diff("x\n\ny", "x\n\ny");
        QCOMPARE(same.size(), size_t(3));
        QCOMPARE(same[1].text, std::string());
        QVERIFY(std::all_of(same.begin(), same.end(),
                            [](const TemplateDiffLine& l) { return l.kind == Kind::Same; }));
    }
};

QTEST_GUILESS_MAIN(TestPromptTemplate)
#include "tst_prompt_template.moc"
