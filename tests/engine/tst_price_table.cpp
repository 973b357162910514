#include "embedded_resources.h"
#include "llm_event.h"
#include "price_table.h"

#include <QTest>

using namespace llmopt;

class TestPriceTable : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shippedTableLoadsWithDatesAndSources()
    {
        const PriceTable t = PriceTable::fromJson(embeddedPriceTable(), "prices.json");
        QCOMPARE(t.entries().size(), size_t(8));
        for (const ModelPrice& p : t.entries()) {
            QVERIFY2(!p.asOf.empty(), p.model.c_str());
            QVERIFY2(!p.source.empty(), p.model.c_str());
        }
        const ModelPrice* mini = t.find("gpt-4o-mini");
        QVERIFY(mini);
        QCOMPARE(mini->inputPerMTok, 0.15);
        QCOMPARE(mini->outputPerMTok, 0.60);
        QCOMPARE(*mini->cacheReadPerMTok, 0.075);
    }

    // Hand-worked costs (USD per 1M tokens from resources/prices.json).
    void handWorkedCosts_data()
    {
        QTest::addColumn<QString>("requestModel");
        QTest::addColumn<QString>("responseModel");
        QTest::addColumn<qint64>("input");
        QTest::addColumn<qint64>("cacheRead");
        QTest::addColumn<qint64>("cacheWrite");
        QTest::addColumn<qint64>("output");
        QTest::addColumn<double>("expected");
        // uncached 385 × $2.50 = $0.0009625; cached 1,024 × $1.25 = $0.00128; output 197 × $10 =
        // $0.00197.
        QTest::newRow("OpenAI cached input")
            << "gpt-4o"
            << "" << qint64(1409) << qint64(1024) << qint64(0) << qint64(197) << 0.0042125;
        // uncached 952 × $3 = $0.002856; cache write 2,048 × $3.75 = $0.00768; output 500 × $15 =
        // $0.0075; the response names a dated snapshot of a known model.
        QTest::newRow("Anthropic cache write")
            << "claude-3-5-sonnet"
            << "claude-3-5-sonnet-20241022" << qint64(3000) << qint64(0) << qint64(2048)
            << qint64(500) << 0.018036;
        // No cached price: cached tokens are billed as input, 1,000 × $0.24.
        QTest::newRow("no cache discount")
            << "mixtral-8x7b-instruct"
            << "" << qint64(1000) << qint64(600) << qint64(0) << qint64(0) << 0.00024;
    }
    void handWorkedCosts()
    {
        QFETCH(QString, requestModel);
        QFETCH(QString, responseModel);
        QFETCH(qint64, input);
        QFETCH(qint64, cacheRead);
        QFETCH(qint64, cacheWrite);
        QFETCH(qint64, output);
        QFETCH(double, expected);
        const PriceTable t = PriceTable::fromJson(embeddedPriceTable(), "prices.json");
        LlmEvent e;
        e.requestModel = requestModel.toStdString();
        e.responseModel = responseModel.toStdString();
        e.inputTokens = input;
        e.cacheReadTokens = cacheRead;
        e.cacheWriteTokens = cacheWrite;
        e.outputTokens = output;
        QVERIFY(qFuzzyCompare(*t.cost(e), expected));
    }

    void unknownModelOrTokensHaveNoCost()
    {
        const PriceTable t = PriceTable::fromJson(embeddedPriceTable(), "prices.json");
        LlmEvent e;
        e.requestModel = "my-finetune-7b";
        e.inputTokens = 10;
        e.outputTokens = 10;
        QVERIFY(!t.cost(e).has_value());
        e.requestModel = "gpt-4o";
        e.outputTokens = -1; // not reported
        QVERIFY(!t.cost(e).has_value());
        QVERIFY(!t.find("gpt-4o-minimal")); // a prefix alone is not a dated snapshot
    }

    void aliasesAndOverrides()
    {
        PriceTable t = PriceTable::fromJson(embeddedPriceTable(), "prices.json");
        QCOMPARE(t.find("llama3-8b-8192")->model, std::string("llama-3-8b-instruct"));
        t.merge(PriceTable::fromJson(
            R"({"models":[{"model":"gpt-4o","input":2.0,"output":8.0},
                          {"model":"my-finetune-7b","input":0.1,"output":0.2}]})",
            "override.json"));
        QCOMPARE(t.find("gpt-4o")->inputPerMTok, 2.0);
        QVERIFY(t.find("my-finetune-7b"));
        QCOMPARE(t.entries().size(), size_t(9));
    }

    void aliasesAreOneStepAndOverridable()
    {
        const PriceTable cycle = PriceTable::fromJson(
            R"({"models":[],"aliases":{"foo":"foo","a":"b","b":"a"}})", "c.json");
        QVERIFY(!cycle.find("foo")); // no endless lookup
        QVERIFY(!cycle.find("a"));
        PriceTable t = PriceTable::fromJson(embeddedPriceTable(), "prices.json");
        t.merge(PriceTable::fromJson(
            R"({"models":[],"aliases":{"claude-3-5-sonnet-latest":"gpt-4o-mini"}})", "o.json"));
        QCOMPARE(t.find("claude-3-5-sonnet-latest")->model, std::string("gpt-4o-mini"));
    }

    void invalidTablesAreRejectedWithTheReason_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << "{"
                                  << "not valid JSON";
        QTest::newRow("no models") << "{}"
                                   << "\"models\" array";
        QTest::newRow("negative") << R"({"models":[{"model":"m","input":-1,"output":1}]})"
                                  << "models[0] (m): \"input\" must be zero or positive";
        QTest::newRow("missing output") << R"({"models":[{"model":"m","input":1}]})"
                                        << "\"output\" must be a number";
        QTest::newRow("duplicate")
            << R"({"models":[{"model":"m","input":1,"output":1},{"model":"m","input":1,"output":1}]})"
            << "listed twice";
        QTest::newRow("schema") << R"({"schema":2,"models":[]})"
                                << "unsupported price table schema";
    }
    void invalidTablesAreRejectedWithTheReason()
    {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        try {
            PriceTable::fromJson(json.toStdString(), "user.json");
            QFAIL("expected ConfigError");
        } catch (const ConfigError& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.startsWith("user.json") && message.contains(expected), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestPriceTable)
#include "tst_price_table.moc"
