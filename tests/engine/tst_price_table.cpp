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

    // Hand-worked: gpt-4o, 1,409 input tokens of which 1,024 cached, 197 output.
    // uncached 385 × $2.50/M = $0.0009625; cached 1,024 × $1.25/M = $0.00128;
    // output 197 × $10/M = $0.00197 → $0.0042125.
    void costWithOpenAiCachedInput()
    {
        const PriceTable t = PriceTable::fromJson(embeddedPriceTable(), "prices.json");
        LlmEvent e;
        e.requestModel = "gpt-4o";
        e.inputTokens = 1409;
        e.cacheReadTokens = 1024;
        e.outputTokens = 197;
        QVERIFY(qFuzzyCompare(*t.cost(e), 0.0042125));
    }

    // Hand-worked: claude-3-5-sonnet, 3,000 input of which 2,048 written to the cache,
    // 500 output. uncached 952 × $3/M = $0.002856; cache write 2,048 × $3.75/M = $0.00768;
    // output 500 × $15/M = $0.0075 → $0.018036.
    void costWithAnthropicCacheWrite()
    {
        const PriceTable t = PriceTable::fromJson(embeddedPriceTable(), "prices.json");
        LlmEvent e;
        e.requestModel = "claude-3-5-sonnet";
        e.responseModel = "claude-3-5-sonnet-20241022"; // dated snapshot of a known model
        e.inputTokens = 3000;
        e.cacheWriteTokens = 2048;
        e.outputTokens = 500;
        QVERIFY(qFuzzyCompare(*t.cost(e), 0.018036));
    }

    // A model without a cached price bills cached tokens as input: 1,000 × $0.24/M + 0 output.
    void cachedTokensWithoutDiscountBilledAsInput()
    {
        const PriceTable t = PriceTable::fromJson(embeddedPriceTable(), "prices.json");
        LlmEvent e;
        e.requestModel = "mixtral-8x7b-instruct";
        e.inputTokens = 1000;
        e.cacheReadTokens = 600;
        e.outputTokens = 0;
        QVERIFY(qFuzzyCompare(*t.cost(e), 0.00024));
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
