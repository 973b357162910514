#include "experiment_dataset.h"
#include "experiment_definition.h"
#include "price_table.h"

#include <QTest>

using namespace llmopt;
using namespace llmopt::offline;
using nlohmann::json;

namespace {

// The example of docs/experiments.md, shortened.
json example()
{
    return json::parse(R"({
        "schema_version": 1,
        "name": "faq-terse-vs-friendly",
        "description": "Does the friendly prompt answer as correctly?",
        "arms": [
            {"name": "terse", "provider": "openai", "model": "gpt-4o-mini",
             "system": "You answer in one line.", "prompt": "Q: {{question}}",
             "params": {"temperature": 0.2, "max_tokens": 64}},
            {"name": "friendly", "provider": "openai", "model": "gpt-4o-mini",
             "prompt": "Kindly answer {{ question }} for a {{audience}}.",
             "params": {"top_p": 0.9}}
        ],
        "dataset": {"path": "faq.csv"},
        "metrics": [
            {"kind": "exact_match", "case_sensitive": false},
            {"kind": "regex", "name": "one_line", "pattern": "^[^\\n]*$"},
            {"kind": "judge", "provider": "openai", "model": "gpt-4o",
             "rubric": "Question: {{input}}\nAnswer: {{answer}}\nExpected: {{reference}}\nScore 1-10."}
        ],
        "primary_metric": "exact_match",
        "alpha": 0.05, "power": 0.8, "minimum_effect": 0.1, "baseline_rate": 0.6,
        "spend_cap_usd": 5, "concurrency": 8
    })");
}

std::string fromJsonError(const json& j)
{
    try {
        ExperimentDefinition::fromJson(j, "exp.json");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return {};
}

bool mentions(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// Whether one of the problems mentions `part`.
bool among(const std::vector<std::string>& problems, const std::string& part)
{
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string& p) { return mentions(p, part); });
}

std::string joined(const std::vector<std::string>& problems)
{
    std::string out;
    for (const std::string& p : problems)
        out += p + "\n";
    return out;
}

} // namespace

class TestExperimentDefinition : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsEveryField()
    {
        const ExperimentDefinition d = ExperimentDefinition::fromJson(example());
        QCOMPARE(d.name, std::string("faq-terse-vs-friendly"));
        QCOMPARE(d.arms.size(), size_t(2));
        QCOMPARE(d.arms[0].system.text(), std::string("You answer in one line."));
        QCOMPARE(d.arms[0].params.temperature, std::optional(0.2));
        QCOMPARE(d.arms[0].params.maxTokens, std::optional<int64_t>(64));
        QCOMPARE(d.arms[1].params.topP, std::optional(0.9));
        QVERIFY(!d.arms[1].params.temperature);
        QCOMPARE(d.arms[1].prompt.variables(), (std::vector<std::string>{"question", "audience"}));
        QCOMPARE(d.dataset.format, ExperimentDataset::Format::Csv); // from the extension
        QCOMPARE(d.dataset.referenceColumn, std::string("reference"));
        QCOMPARE(d.metrics.size(), size_t(3));
        QCOMPARE(d.metrics[1].name, std::string("one_line"));
        QCOMPARE(d.primary()->kind, MetricKind::ExactMatch);
        QCOMPARE(d.baselineRate, std::optional(0.6));
        QCOMPARE(d.spendCapUsd, std::optional(5.0));
        QCOMPARE(d.concurrency, 8);
        QVERIFY2(d.validate().empty(), joined(d.validate()).c_str());
    }

    void roundTrips()
    {
        const ExperimentDefinition d = ExperimentDefinition::fromJson(example());
        const json once = d.toJson();
        QCOMPARE(once["schema_version"].get<int>(), 1);
        const json twice = ExperimentDefinition::parse(once.dump(), "again").toJson();
        QVERIFY2(twice == once, twice.dump().c_str());
        QVERIFY(twice["arms"][1]["prompt"] == example()["arms"][1]["prompt"]);
        QVERIFY(!twice["arms"][1]["params"].contains("temperature"));
    }

    void errorsNameTheFieldPath()
    {
        json j = example();
        j["arms"][1]["params"]["temperature"] = "hot";
        QCOMPARE(fromJsonError(j),
                 std::string("exp.json: arms[1].params.temperature must be a number"));
        j = example();
        j["arms"][0]["params"]["temprature"] = 0.1;
        QVERIFY(mentions(fromJsonError(j), "arms[0].params.temprature is not a known field"));
        j = example();
        j["arms"][0].erase("model");
        QCOMPARE(fromJsonError(j), std::string("exp.json: arms[0].model is missing"));
        j = example();
        j["arms"][1]["prompt"] = "{{ two words }}";
        QVERIFY(mentions(fromJsonError(j), "arms[1].prompt, line 1"));
        j = example();
        j["metrics"][1]["pattern"] = "(";
        QVERIFY(mentions(fromJsonError(j), "exp.json: metrics[1].pattern"));
        j = example();
        j.erase("schema_version");
        QVERIFY(mentions(fromJsonError(j), "schema_version is missing"));
        j["schema_version"] = 2;
        QVERIFY(mentions(fromJsonError(j), "schema_version 2 is not supported"));
        j = example();
        j["dataset"] = {{"path", "items.txt"}};
        QVERIFY(mentions(fromJsonError(j), "dataset.format is missing"));
        j["dataset"]["format"] = "xlsx";
        QVERIFY(mentions(fromJsonError(j), "dataset.format \"xlsx\" is unknown"));
        j = example();
        j["concurrency"] = 0;
        QVERIFY(mentions(fromJsonError(j), "concurrency must lie between 1 and 256"));
        j = example();
        j["arms"] = json::array({"x"});
        QVERIFY(mentions(fromJsonError(j), "arms[0] must be a JSON object"));
        QVERIFY(mentions(fromJsonError(json::array()), "the definition must be a JSON object"));
        try {
            ExperimentDefinition::parse("{\"name\": ", "exp.json");
            QFAIL("broken JSON must be an error");
        } catch (const ConfigError& e) {
            QVERIFY(mentions(e.what(), "exp.json: not valid JSON"));
        }
    }

    void validateFindsProblems()
    {
        ExperimentDefinition d = ExperimentDefinition::fromJson(example());
        d.arms[1].name = "terse";
        d.arms[1].params.temperature = 3;
        d.arms[0].params.topP = 0;
        d.arms[0].params.maxTokens = 0;
        d.primaryMetric = "bleu";
        d.alpha = 0.7;
        d.power = 1;
        d.spendCapUsd = 0;
        std::vector<std::string> p = d.validate();
        QVERIFY2(among(p, "arms[1].name: \"terse\" is used by another arm"), joined(p).c_str());
        QVERIFY(among(p, "arms[1].params.temperature"));
        QVERIFY(among(p, "arms[0].params.top_p"));
        QVERIFY(among(p, "arms[0].params.max_tokens"));
        QVERIFY(among(p, "primary_metric: \"bleu\" is not among"));
        QVERIFY(among(p, "alpha"));
        QVERIFY(among(p, "power"));
        QVERIFY(among(p, "spend_cap_usd"));

        d = ExperimentDefinition::fromJson(example());
        d.arms.pop_back();
        d.metrics.push_back(d.metrics[0]);
        p = d.validate();
        QVERIFY(among(p, "at least two arms"));
        QVERIFY(among(p, "metrics[3].name: \"exact_match\" is used by another metric"));
    }

    void validateChecksThePlanningInputs()
    {
        ExperimentDefinition d = ExperimentDefinition::fromJson(example());
        d.baselineRate = 0.95; // + 0.1 ≥ 1
        QVERIFY(among(d.validate(), "the baseline rate 0.95 plus the effect must stay below 1"));
        d.baselineRate = 0.6;
        d.minimumEffect = 0;
        QVERIFY(among(d.validate(), "minimum_effect: must be above 0"));
        d.minimumEffect = 0.1;
        d.primaryMetric = "judge"; // continuous, with a default SD
        QVERIFY2(d.validate().empty(), joined(d.validate()).c_str());
        QCOMPARE(d.standardDeviationOrDefault(),
                 std::optional(ExperimentDefinition::kDefaultJudgeStandardDeviation));
        d.metrics.push_back(MetricSpec::fromJson({{"kind", "latency_ms"}}, "m"));
        d.primaryMetric = "latency_ms"; // no default SD in milliseconds
        QVERIFY(among(d.validate(), "standard_deviation: set the per-item SD of latency_ms"));
        d.standardDeviation = 300;
        QVERIFY(d.validate().empty());
    }

    void validateAgainstTheDataset()
    {
        const ExperimentDefinition d = ExperimentDefinition::fromJson(example());
        const auto good = ExperimentDataset::parse("question,audience,reference\nq,kid,a\n",
                                                   ExperimentDataset::Format::Csv, "faq.csv");
        QVERIFY2(d.validate(&good).empty(), joined(d.validate(&good)).c_str());
        const auto noAudience = ExperimentDataset::parse("question,reference\nq,a\n",
                                                         ExperimentDataset::Format::Csv, "faq.csv");
        std::vector<std::string> p = d.validate(&noAudience);
        QCOMPARE(p.size(), size_t(1));
        QCOMPARE(p[0],
                 std::string("arms[1].prompt: uses {{audience}}, which is not a dataset "
                             "column (the columns are question, reference)"));
        const auto noReference = ExperimentDataset::parse(
            "question,audience\nq,kid\n", ExperimentDataset::Format::Csv, "faq.csv");
        p = d.validate(&noReference);
        QVERIFY2(among(p, "metrics[0] (exact_match): compares with the reference answer"),
                 joined(p).c_str());
        QVERIFY(among(p, "metrics[2] (judge)")); // its rubric shows {{reference}}
        QVERIFY(!among(p, "metrics[1]"));
    }
};

QTEST_GUILESS_MAIN(TestExperimentDefinition)
#include "tst_experiment_definition.moc"
