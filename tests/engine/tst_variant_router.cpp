#include "variant_router.h"

#include <QTest>
#include <random>

using namespace llmopt;

class TestVariantRouter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decisionsAndFeedback()
    {
        VariantRouter::Options o;
        o.taskTypes = {"faq", "code"};
        o.pendingCapacity = 4;
        VariantRouter router("chat", {"gpt-4o", "gpt-4o-mini"}, o);
        const RoutingDecision a = router.decide({"faq", 300, 10.0});
        const RoutingDecision b = router.decide({"code", 2000, 11.0});
        QCOMPARE(a.decisionId, uint64_t(1));
        QCOMPARE(b.decisionId, uint64_t(2));
        QVERIFY(a.arm < 2 && a.propensity >= 0.02 / 2 && a.propensity <= 1.0);
        QVERIFY(router.feedback(a.decisionId, 0.9, 0.001, 800));
        QVERIFY(!router.feedback(a.decisionId, 0.9, 0.001, 800)); // answered already
        QVERIFY(!router.feedback(99, 0.9, 0.001, 800)); // never made
        QVERIFY(!router.feedback(b.decisionId, std::nan(""), 0.001, 800));
        for (int i = 0; i < 4; ++i)
            router.decide({"faq", 300, 10.0});
        QVERIFY(!router.feedback(b.decisionId, 0.9, 0.001, 800)); // its slot was reused
        QCOMPARE(router.decisions(), uint64_t(6));
        QCOMPARE(router.feedbackCount(), uint64_t(1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, VariantRouter("chat", {}, o));
    }

    // Absurd outcomes and context from a client are refused or treated as unknown.
    void absurdInputIsHarmless()
    {
        VariantRouter::Options o;
        o.reward.perUsd = 10;
        VariantRouter router("chat", {"a", "b"}, o);
        const RoutingDecision d = router.decide({"faq", int64_t(1) << 62, 1e300});
        QVERIFY(d.arm < 2);
        QVERIFY(!router.feedback(d.decisionId, 0.5, 1e300, 100)); // reward −1e301
        QVERIFY(router.feedback(d.decisionId, 0.5, 0.01, 100)); // still pending: a sane answer
        QCOMPARE(router.feedbackCount(), uint64_t(1));
    }

    // Cheap is as good as expensive on faq, not on code: with cost in the
    // reward the router learns to send faq to the cheap variant only.
    void learnsWhereTheCheapVariantIsGoodEnough()
    {
        VariantRouter::Options o;
        o.taskTypes = {"faq", "code"};
        o.reward.perUsd = 20;
        VariantRouter router("chat", {"big", "small"}, o);
        std::mt19937_64 rng(1);
        std::normal_distribution<double> noise(0, 0.1);
        int faqSmall = 0, codeBig = 0, faqLate = 0, codeLate = 0;
        for (int i = 0; i < 6000; ++i) {
            const bool faq = i % 2 == 0;
            const RoutingDecision d = router.decide({faq ? "faq" : "code", 500, 12.0});
            const bool big = d.arm == 0;
            const double quality = (faq || big ? 0.85 : 0.4) + noise(rng);
            router.feedback(d.decisionId, quality, big ? 0.01 : 0.0005, 1000);
            if (i >= 5000) {
                (faq ? faqLate : codeLate)++;
                faqSmall += faq && !big;
                codeBig += !faq && big;
            }
        }
        QVERIFY2(faqSmall > 0.95 * faqLate, std::to_string(faqSmall).c_str());
        QVERIFY2(codeBig > 0.95 * codeLate, std::to_string(codeBig).c_str());
    }
};

QTEST_GUILESS_MAIN(TestVariantRouter)
#include "tst_variant_router.moc"
