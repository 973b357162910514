#include "answer_metrics.h"
#include "llm_event.h"
#include "price_table.h"

#include <QTest>

using namespace llmopt;
using namespace llmopt::offline;
using nlohmann::json;

namespace {

std::string specError(const json& j)
{
    try {
        MetricSpec::fromJson(j, "metrics[2]");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return {};
}

bool mentions(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

std::optional<double> judge(std::string_view text)
{
    return AnswerMetrics::parseJudgeScore(text);
}

bool near(std::optional<double> value, double expected)
{
    return value && std::abs(*value - expected) < 1e-12;
}

} // namespace

class TestAnswerMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exactMatchAndContains()
    {
        QVERIFY(AnswerMetrics::exactMatch("  Paris\n", "Paris", true));
        QVERIFY(!AnswerMetrics::exactMatch("paris", "Paris", true));
        QVERIFY(AnswerMetrics::exactMatch("PARIS ", " paris", false));
        QVERIFY(!AnswerMetrics::exactMatch("Paris.", "Paris", false));
        QVERIFY(AnswerMetrics::contains("It is Paris.", "Paris", true));
        QVERIFY(!AnswerMetrics::contains("It is PARIS.", "Paris", true));
        QVERIFY(AnswerMetrics::contains("It is PARIS.", "paris", false));
    }

    void validJsonIsTheWholeAnswer()
    {
        QVERIFY(AnswerMetrics::validJson(" {\"a\": [1, 2]}\n"));
        QVERIFY(AnswerMetrics::validJson("42"));
        QVERIFY(!AnswerMetrics::validJson("```json\n{\"a\": 1}\n```"));
        QVERIFY(!AnswerMetrics::validJson("{\"a\": 1} and more"));
        QVERIFY(!AnswerMetrics::validJson(""));
    }

    void lengthsCountCodePoints()
    {
        QCOMPARE(AnswerMetrics::lengthChars("héllo wörld"), size_t(11));
        QCOMPARE(AnswerMetrics::estimateTokens("héllo wörld"), size_t(3)); // 11 / 4, rounded up
        QCOMPARE(AnswerMetrics::estimateTokens(""), size_t(0));
        QCOMPARE(AnswerMetrics::estimateTokens("abcdefgh"), size_t(2));
    }

    void schemaSubset()
    {
        const json schema = json::parse(R"({
            "$schema": "json-schema.org draft 2020-12",
            "title": "answer",
            "type": "object",
            "required": ["label", "confidence"],
            "properties": {
                "label": {"type": "string", "enum": ["yes", "no"]},
                "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                "count": {"type": "integer"},
                "tags": {"type": "array", "items": {"type": "string", "minLength": 2,
                                                     "maxLength": 5, "pattern": "^[a-zé]+$"}},
                "note": {"type": ["string", "null"]}
            },
            "additionalProperties": false
        })");
        AnswerMetrics::checkSchema(schema, "s");
        auto check = [&](const char* text) {
            return AnswerMetrics::schemaViolation(json::parse(text), schema);
        };
        QVERIFY(!check(R"({"label": "yes", "confidence": 0.9, "count": 3.0, "tags": ["ab", "éé"],
                          "note": null})"));
        QCOMPARE(*check(R"({"label": "yes"})"),
                 std::string("$: the property \"confidence\" is missing"));
        QCOMPARE(*check(R"({"label": "maybe", "confidence": 1})"),
                 std::string("$.label: \"maybe\" is not one of [\"yes\",\"no\"]"));
        QCOMPARE(*check(R"({"label": "no", "confidence": 1.5})"),
                 std::string("$.confidence: 1.5 is above the maximum 1"));
        QCOMPARE(*check(R"({"label": "no", "confidence": 1, "count": 2.5})"),
                 std::string("$.count: expected integer, got number"));
        QCOMPARE(*check(R"({"label": "no", "confidence": 1, "tags": ["ok", "x"]})"),
                 std::string("$.tags[1]: shorter than 2 characters"));
        QCOMPARE(*check(R"({"label": "no", "confidence": 1, "tags": ["ABC"]})"),
                 std::string("$.tags[0]: does not match the pattern \"^[a-zé]+$\""));
        QCOMPARE(*check(R"({"label": "no", "confidence": 1, "extra": 1})"),
                 std::string("$.extra: no such property is allowed"));
        QCOMPARE(*check(R"([1])"), std::string("$: expected object, got array"));
    }

    void unsupportedSchemaKeywordsAreRefused()
    {
        auto error = [](const char* schema) -> std::string {
            try {
                AnswerMetrics::checkSchema(json::parse(schema), "metrics[0].schema");
            } catch (const ConfigError& e) {
                return e.what();
            }
            return {};
        };
        std::string m = error(R"({"properties": {"a": {"oneOf": []}}})");
        QVERIFY2(mentions(m, "metrics[0].schema.properties.a.oneOf") && mentions(m, "supported"),
                 m.c_str());
        QVERIFY(mentions(error(R"({"type": "text"})"), "must be one of string"));
        QVERIFY(mentions(error(R"({"minLength": -1})"), "whole number"));
        QVERIFY(mentions(error("{\"pattern\": \"(\"}"), "not a valid regular expression"));
        QVERIFY(mentions(error(R"({"required": [1]})"), "list of property names"));
        QVERIFY(error(R"({"type": ["integer", "null"], "description": "x"})").empty());
    }

    void specsFromJson()
    {
        std::string m = specError({{"kind", "regex"}, {"pattern", "([a-z]+"}});
        QVERIFY2(mentions(m, "metrics[2].pattern") && mentions(m, "not a valid regular expression"),
                 m.c_str());
        QVERIFY(mentions(specError({{"kind", "regex"}}), "metrics[2].pattern is missing"));
        QVERIFY(mentions(specError({{"kind", "bleu"}}), "\"bleu\" is unknown"));
        QVERIFY(mentions(specError({{"kind", "exact_match"}, {"pattern", "x"}}),
                         "metrics[2].pattern: exact_match metrics have no such option"));
        QVERIFY(mentions(specError({{"kind", "json_schema"}, {"schema", {{"$ref", "#/a"}}}}),
                         "metrics[2].schema.$ref"));
        QVERIFY(mentions(specError({{"kind", "judge"}, {"model", "m"}, {"rubric", "{{input}}"}}),
                         "put {{answer}} in it"));
        QVERIFY(mentions(
            specError({{"kind", "judge"}, {"model", "m"}, {"rubric", "{{answer}} {{gold}}"}}),
            "uses {{gold}}"));

        const json regex = {{"kind", "regex"},
                            {"name", "digits"},
                            {"pattern", "^\\d+$"},
                            {"case_sensitive", false}};
        const MetricSpec spec = MetricSpec::fromJson(regex, "m");
        QCOMPARE(spec.name, std::string("digits"));
        QVERIFY(!spec.caseSensitive);
        QVERIFY(spec.toJson() == regex);
        QCOMPARE(MetricSpec::fromJson({{"kind", "valid_json"}}, "m").name,
                 std::string("valid_json"));
        QVERIFY(MetricSpec::fromJson({{"kind", "json_schema"}, {"schema", json::object()}}, "m")
                    .isProportion());
        QVERIFY(!MetricSpec::fromJson({{"kind", "latency_ms"}}, "m").isProportion());
    }

    void judgeSpecRendersItsRubric()
    {
        const MetricSpec spec = MetricSpec::fromJson(
            {{"kind", "judge"},
             {"model", "gpt-4o"},
             {"provider", "openai"},
             {"rubric", "Q: {{input}}\nA: {{answer}}\nGold: {{reference}}\nScore 1-10."}},
            "m");
        QVERIFY(spec.needsReference());
        QVERIFY(!spec.isProportion());
        QCOMPARE(spec.judgePrompt("2+2?", "4", "4", "7"),
                 std::string("Q: 2+2?\nA: 4\nGold: 4\nScore 1-10."));
        QVERIFY(MetricSpec::fromJson(spec.toJson(), "m").toJson() == spec.toJson());
    }

    void scoresAnAnswer()
    {
        std::vector<MetricSpec> specs;
        for (const json& j :
             {json{{"kind", "exact_match"}, {"case_sensitive", false}},
              json{{"kind", "contains"}, {"name", "has_ref"}},
              json{{"kind", "contains"}, {"name", "says_paris"}, {"text", "Paris"}},
              json{{"kind", "regex"}, {"pattern", "^[A-Z]"}}, json{{"kind", "valid_json"}},
              json{{"kind", "json_schema"}, {"schema", {{"type", "string"}}}},
              json{{"kind", "length_chars"}}, json{{"kind", "length_tokens"}},
              json{{"kind", "latency_ms"}}, json{{"kind", "cost_usd"}},
              json{{"kind", "judge"}, {"model", "m"}, {"rubric", "{{answer}}"}}})
            specs.push_back(MetricSpec::fromJson(j, "m"));
        const AnswerMetrics metrics(specs);
        LlmEvent call;
        call.latencyMs = 812.5;
        call.costUsd = 0.0025;
        const json s = metrics.score(" paris ", std::string("Paris"), call);
        QCOMPARE(s["exact_match"].get<double>(), 1.0);
        QCOMPARE(s["has_ref"].get<double>(), 0.0); // case-sensitive by default
        QCOMPARE(s["says_paris"].get<double>(), 0.0);
        QCOMPARE(s["regex"].get<double>(), 0.0);
        QCOMPARE(s["valid_json"].get<double>(), 0.0);
        QCOMPARE(s["json_schema"].get<double>(), 0.0);
        QCOMPARE(s["length_chars"].get<double>(), 7.0);
        const std::string deep = std::string(100, '[') + std::string(100, ']');
        QCOMPARE(metrics.score(deep, std::nullopt, call)["valid_json"].get<double>(), 1.0);
        QCOMPARE(metrics.score(deep, std::nullopt, call)["json_schema"].get<double>(), 0.0);
        QCOMPARE(s["length_tokens"].get<double>(), 2.0);
        QCOMPARE(s["latency_ms"].get<double>(), 812.5);
        QCOMPARE(s["cost_usd"].get<double>(), 0.0025);
        QVERIFY(!s.contains("judge")); // the runner adds the judge's score

        // No reference: the metrics that need one are null, not 0.
        call.costUsd.reset();
        const json t = metrics.score("\"Paris\"", std::nullopt, call);
        QVERIFY(t["exact_match"].is_null());
        QVERIFY(t["has_ref"].is_null());
        QCOMPARE(t["says_paris"].get<double>(), 1.0);
        QCOMPARE(t["valid_json"].get<double>(), 1.0);
        QCOMPARE(t["json_schema"].get<double>(), 1.0);
        QVERIFY(t["cost_usd"].is_null()); // unknown price: never a silent $0
        call.reportedCostUsd = 0.001;
        QCOMPARE(metrics.score("x", std::nullopt, call)["cost_usd"].get<double>(), 0.001);
    }

    void judgeScores()
    {
        QVERIFY(near(judge("Score: 7/10"), 0.7));
        QVERIFY(near(judge("0.8"), 0.8));
        QVERIFY(near(judge("**8**"), 0.8));
        QVERIFY(near(judge("The answer is correct but terse.\n\nFinal score: **9**"), 0.9));
        QVERIFY(near(judge("Rating = 4 out of 5"), 0.8));
        QVERIFY(near(judge("**Score:** 7/10"), 0.7));
        QVERIFY(near(judge("{\"reason\": \"ok\", \"score\": 0.65}"), 0.65));
        QVERIFY(!judge("I'd give it 85%")); // a bare figure mid-sentence is not trusted
        QVERIFY(near(judge("Score: 85%"), 0.85));
        QVERIFY(near(judge("It covers 3/4 of the points.\nScore: 6"), 0.6)); // the score wins
        QVERIFY(near(judge("It covers 3/4 of the points."), 0.75));
        QVERIFY(near(judge("Reasoning first.\n10"), 1.0));
        QVERIFY(near(judge("1"), 1.0));
        QVERIFY(near(judge("0"), 0.0));
        QVERIFY(!judge("The answer is good."));
        QVERIFY(!judge(""));
        QVERIFY(!judge("Score: 42")); // neither 0–1 nor 1–10
        QVERIFY(!judge("Score: 11/10"));
        QVERIFY(!judge("-3"));
        QVERIFY(!judge("Step 2 of the answer is wrong, step 3 too"));
    }
};

QTEST_GUILESS_MAIN(TestAnswerMetrics)
#include "tst_answer_metrics.moc"
