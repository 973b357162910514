#include "flagd_file_sink.h"
#include "policy_document.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace llmopt;

namespace {

PolicyDocument canary(int candidateWeight)
{
    PolicyDocument d;
    d.version = 7;
    d.createdUnixNano = 123;
    ServicePolicy s;
    s.service = "support-chat";
    s.flagKey = "support-chat.variant";
    s.defaultVariant = "gpt-4o/v3";
    s.weights = {{"gpt-4o/v3", 100 - candidateWeight}, {"gpt-4o-mini/v3", candidateWeight}};
    s.variants = {{"gpt-4o/v3", "gpt-4o", "v3", {{"temperature", 0.3}}},
                  {"gpt-4o-mini/v3", "gpt-4o-mini", "v3", {{"temperature", 0.3}}}};
    d.services.push_back(s);
    return d;
}

} // namespace

class TestFlagdFileSink : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // A 5 % canary becomes a fractional split that flagd evaluates.
    void canaryIsAFractionalSplit()
    {
        const nlohmann::json flags = FlagdFileSink::flagDefinitions(canary(5));
        QCOMPARE(flags["$schema"].get<std::string>(),
                 std::string("https://flagd.dev/schema/v0/flags.json"));
        const nlohmann::json& flag = flags["flags"]["support-chat.variant"];
        QCOMPARE(flag["state"].get<std::string>(), std::string("ENABLED"));
        QCOMPARE(flag["defaultVariant"].get<std::string>(), std::string("gpt-4o/v3"));
        QCOMPARE(flag["variants"]["gpt-4o-mini/v3"]["model"].get<std::string>(),
                 std::string("gpt-4o-mini"));
        const nlohmann::json& split = flag["targeting"]["fractional"];
        QCOMPARE(split.size(), size_t(3)); // bucketing expression, then the two variants
        QVERIFY(split[0].contains("cat"));
        QVERIFY(split[1] == nlohmann::json::array({"gpt-4o/v3", 95}));
        QVERIFY(split[2] == nlohmann::json::array({"gpt-4o-mini/v3", 5}));
        QCOMPARE(flags["metadata"]["version"].get<std::string>(), std::string("7"));

        // Fully promoted: no split, the candidate is the default.
        const nlohmann::json promoted = FlagdFileSink::flagDefinitions(canary(100));
        QVERIFY(!promoted["flags"]["support-chat.variant"].contains("targeting"));
        QCOMPARE(promoted["flags"]["support-chat.variant"]["defaultVariant"].get<std::string>(),
                 std::string("gpt-4o-mini/v3"));

        // Read back as an application evaluating the flag would.
        using Weights = std::vector<std::pair<std::string, double>>;
        QVERIFY((FlagdFileSink::fractionalWeights(flags, "support-chat.variant")
                 == Weights{{"gpt-4o/v3", 95}, {"gpt-4o-mini/v3", 5}}));
        QVERIFY((FlagdFileSink::fractionalWeights(promoted, "support-chat.variant")
                 == Weights{{"gpt-4o-mini/v3", 100}}));
        QVERIFY(FlagdFileSink::fractionalWeights(flags, "other.variant").empty());
        QVERIFY(FlagdFileSink::fractionalWeights(nlohmann::json::array(), "x").empty());
    }

    void fileIsReplacedAtomically()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("flags.flagd.json");
        FlagdFileSink sink(path.toStdString());
        QVERIFY(sink.publish(canary(1)).acknowledged);
        const PolicySink::Result second = sink.publish(canary(25));
        QVERIFY2(second.acknowledged, second.message.c_str());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto written = nlohmann::json::parse(f.readAll().toStdString());
        QCOMPARE(
            written["flags"]["support-chat.variant"]["targeting"]["fractional"][2][1].get<int>(),
            25);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary file left
    }

    void problemsAreReportedNotWritten()
    {
        QTemporaryDir dir;
        FlagdFileSink sink(dir.filePath("flags.json").toStdString());
        PolicyDocument bad = canary(5);
        bad.services[0].weights[1].second = 50; // 95 + 50
        const PolicySink::Result r = sink.publish(bad);
        QVERIFY(!r.acknowledged);
        QVERIFY(r.message.find("add up to 145") != std::string::npos);
        QVERIFY(!QFile::exists(dir.filePath("flags.json")));
        FlagdFileSink nowhere("/nonexistent-folder/flags.json");
        const PolicySink::Result missing = nowhere.publish(canary(5));
        QVERIFY(!missing.acknowledged);
        QVERIFY(missing.message.find("folder exists") != std::string::npos);
    }

    void documentRoundTripAndPercents()
    {
        const PolicyDocument d = canary(5);
        const PolicyDocument back = PolicyDocument::fromJson(d.toJson());
        QCOMPARE(back.version, uint64_t(7));
        QCOMPARE(back.services[0].weights.size(), size_t(2));
        QVERIFY(back.toJson() == d.toJson());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 PolicyDocument::fromJson(nlohmann::json{{"version", 1}}));

        // Largest remainder: thirds become 34/33/33, and the sum is always 100.
        const auto thirds = PolicyDocument::percents({{"a", 1}, {"b", 1}, {"c", 1}});
        QCOMPARE(thirds[0].second + thirds[1].second + thirds[2].second, 100);
        QCOMPARE(thirds[0].second, 34);
        const auto skew = PolicyDocument::percents({{"a", 0.994}, {"b", 0.006}});
        QCOMPARE(skew[0].second, 99);
        QCOMPARE(skew[1].second, 1);
        const auto none = PolicyDocument::percents({{"a", 0}, {"b", std::nan("")}});
        QCOMPARE(none[0].second, 100);
    }
};

QTEST_GUILESS_MAIN(TestFlagdFileSink)
#include "tst_flagd_file_sink.moc"
