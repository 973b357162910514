#include "audit_log.h"
#include "recommendation_list_model.h"
#include "rollout_controller.h"
#include "support/rollout_steps.h"

#include <QAbstractItemModelTester>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTest>
#include <mutex>
#include <thread>

using namespace llmopt;
using namespace rollout_steps;
using V = Verdict;

namespace {

// One of the judge's analyses as the actuator stores it (Actuator::judge).
nlohmann::json analysis(int64_t second, int weight, const char* verdict, double score,
                        double canaryErrors, double canaryQuality, bool qualityPassed)
{
    const auto metric = [](const char* name, double canary, double stable, bool passed,
                           const std::string& explanation) {
        return nlohmann::json{{"name", name},
                              {"canary", canary},
                              {"stable", stable},
                              {"difference", canary - stable},
                              {"low", canary - stable - 0.01},
                              {"high", canary - stable + 0.01},
                              {"tolerated", 0.05},
                              {"passed", passed},
                              {"enough_data", true},
                              {"method", "Mann-Whitney U, Hodges-Lehmann interval"},
                              {"explanation", explanation}};
    };
    return {{"time_unix_nano", second * kSecond},
            {"weight", weight},
            {"verdict", verdict},
            {"score", score},
            {"summary", std::string(verdict) + ": score " + std::to_string(int(score))},
            {"canary_calls", 300},
            {"stable_calls", 2900},
            {"sample_ratio_p", 0.4},
            {"metrics",
             {metric("error_rate", canaryErrors, 0.01, true, "error rate within tolerance"),
              metric("quality", canaryQuality, 0.82, qualityPassed,
                     qualityPassed ? "quality within 5 %" : "quality dropped by 6 %"),
              metric("latency_ms", 640, 910, true, "faster by 270 ms"),
              metric("cost_usd", 0.0004, 0.0025, true, "cheaper by $0.0021")}}};
}

// chat: paused for the operator's confirmation at 50 % after four passed analyses.
RolloutRecord pausedChat()
{
    Rollout r("chat", "gpt-4o/v3", "gpt-4o-mini/v3", standardPlan(), Guardrails{});
    RolloutRecord record{r};
    record.rollout.start(0);
    record.rollout.advance(seen(1, 0));
    uint64_t samples = 0;
    for (int i = 0; i < 4; ++i)
        record.rollout.advance(seen(10 + i, samples += 300, V::Pass));
    record.id = 7;
    record.recommendationId = 12;
    record.approvedBy = "ada@ops";
    record.createdUnixNano = 1'700'000'000 * kSecond;
    record.timeline = {{1 * kSecond, 1, "progressing", "weight 1 %"},
                       {10 * kSecond, 5, "progressing", "analysis passed at 1 %: weight 5 %"},
                       {13 * kSecond, 50, "paused", "paused until an operator confirms"}};
    record.analyses = {analysis(10, 1, "pass", 100, 0.010, 0.81, true),
                       analysis(11, 5, "pass", 100, 0.012, 0.80, true),
                       analysis(12, 25, "marginal", 87.5, 0.011, 0.79, false)};
    record.awaitedPolicyVersion = 4;
    record.sinkMessage = "waiting for flagd-file to acknowledge policy version 4";
    return record;
}

RolloutRecord progressingSearch()
{
    RolloutRecord record{
        Rollout("search", "claude-sonnet/v1", "claude-haiku/v1", standardPlan(), {})};
    record.rollout.start(0);
    record.rollout.advance(seen(1, 0));
    record.id = 8;
    return record;
}

RolloutRecord rolledBackSupport()
{
    RolloutRecord record{Rollout("support", "gpt-4o/v1", "llama-70b/v1", standardPlan(), {})};
    record.rollout.start(0);
    record.rollout.advance(seen(1, 0));
    record.rollout.advance(seen(2, 300, V::Pass));
    record.rollout.advance(seen(3, 600, V::Fail));
    record.id = 3;
    record.analyses = {analysis(2, 1, "pass", 100, 0.01, 0.8, true),
                       analysis(3, 5, "fail", 62.5, 0.09, 0.7, false)};
    return record;
}

// Stands in for EngineLoop::command: records what it was sent and answers
// with `answer` at once.
struct FakeEngine {
    std::mutex mutex;
    std::vector<ActuatorCommand> sent;
    CommandResult answer{200, "done", 0, 0};
    CommandFunction function()
    {
        return [this](ActuatorCommand c) {
            std::lock_guard lock(mutex);
            sent.push_back(std::move(c));
            std::promise<CommandResult> p;
            p.set_value(answer);
            return p.get_future();
        };
    }
    ActuatorCommand last()
    {
        std::lock_guard lock(mutex);
        return sent.back();
    }
};

QVariantMap metricNamed(const RolloutController& c, const QString& name)
{
    for (const QVariant& m : c.metrics())
        if (m.toMap().value("name").toString() == name)
            return m.toMap();
    return {};
}

} // namespace

class TestRolloutController : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rolloutsAreListedWithTheirState()
    {
        RecommendationListModel recommendations;
        RolloutController c(&recommendations);
        QAbstractItemModelTester listTester(c.list());
        QAbstractItemModelTester timelineTester(c.timeline());
        QVERIFY(!c.hasSelection());
        QCOMPARE(c.plan().size(), 10); // the standard plan, for the empty screen
        QCOMPARE(c.plan().front().toMap().value("label").toString(), QStringLiteral("1 %"));
        QCOMPARE(c.metrics().size(), 4); // titles and units before the first rollout

        QSignalSpy selected(&c, &RolloutController::selectedChanged);
        c.setRollouts({pausedChat(), progressingSearch(), rolledBackSupport()});
        QVERIFY(selected.size() > 0);
        const RolloutListModel& list = *c.list();
        QCOMPARE(list.rowCount(), 3);
        QCOMPARE(list.activeCount(), 2);
        const auto role = [&](int row, int r) { return list.data(list.index(row), r); };
        QCOMPARE(role(0, RolloutListModel::IdRole).toLongLong(), 7);
        QCOMPARE(role(0, RolloutListModel::ServiceRole).toString(), QStringLiteral("chat"));
        QCOMPARE(role(0, RolloutListModel::StableRole).toString(), QStringLiteral("gpt-4o/v3"));
        QCOMPARE(role(0, RolloutListModel::CandidateRole).toString(),
                 QStringLiteral("gpt-4o-mini/v3"));
        QCOMPARE(role(0, RolloutListModel::PhaseRole).toString(), QStringLiteral("paused"));
        QCOMPARE(role(0, RolloutListModel::WeightRole).toInt(), 50);
        QVERIFY(role(0, RolloutListModel::LastMessageRole).toString().contains("confirm"));
        QVERIFY(role(0, RolloutListModel::WaitingForSinksRole).toBool());
        QCOMPARE(role(0, RolloutListModel::AnalysisCountRole).toInt(), 3);
        QCOMPARE(role(0, RolloutListModel::LastVerdictRole).toString(), QStringLiteral("marginal"));
        QCOMPARE(role(0, RolloutListModel::StepCountRole).toInt(), 10);
        QCOMPARE(role(1, RolloutListModel::PhaseRole).toString(), QStringLiteral("progressing"));
        QCOMPARE(role(1, RolloutListModel::WeightRole).toInt(), 1);
        QCOMPARE(role(1, RolloutListModel::LastVerdictRole).toString(), QString());
        QCOMPARE(role(2, RolloutListModel::PhaseRole).toString(), QStringLiteral("rolled_back"));
        QCOMPARE(role(2, RolloutListModel::WeightRole).toInt(), 0);
        QVERIFY(!role(2, RolloutListModel::ActiveRole).toBool());

        // The first (newest active) is selected; Confirm only while paused.
        QCOMPARE(c.selectedRow(), 0);
        QCOMPARE(c.rolloutId(), 7);
        QCOMPARE(c.phase(), QStringLiteral("paused"));
        QCOMPARE(c.approvedBy(), QStringLiteral("ada@ops"));
        QCOMPARE(c.recommendationId(), 12);
        QVERIFY(c.canConfirm() && c.canAbort() && c.canRollback());
        QVERIFY(c.waitingForSinks());
        QVERIFY(c.sinkMessage().contains("flagd-file"));

        // The plan's steps with the current one, the timeline newest first.
        const QVariantList steps = c.steps();
        QCOMPARE(steps.size(), 10);
        QStringList states;
        for (const QVariant& s : steps)
            states << s.toMap().value("state").toString();
        QCOMPARE(states.count("current"), 1);
        const int current = int(states.indexOf("current"));
        QCOMPARE(steps[current].toMap().value("label").toString(), QStringLiteral("confirmation"));
        QCOMPARE(states.mid(0, current), QStringList(current, "done"));
        QCOMPARE(c.timeline()->rowCount(), 3);
        QCOMPARE(
            c.timeline()->data(c.timeline()->index(0), RolloutTimelineModel::WeightRole).toInt(),
            50);

        // Verdicts and per-metric charts over the analyses.
        QCOMPARE(c.verdicts().size(), 3);
        QCOMPARE(c.verdicts().back().toMap().value("verdict").toString(),
                 QStringLiteral("marginal"));
        QCOMPARE(c.verdicts().back().toMap().value("score").toDouble(), 87.5);
        const QVariantMap quality = metricNamed(c, "quality");
        QCOMPARE(quality.value("count").toInt(), 3);
        QCOMPARE(quality.value("explanation").toString(), QStringLiteral("quality dropped by 6 %"));
        QVERIFY(!quality.value("passed").toBool());
        QVERIFY(quality.value("min").toDouble() <= 0.79 && quality.value("max").toDouble() >= 0.82);
        QCOMPARE(metricNamed(c, "error_rate").value("canary").toDouble(), 1.1); // percent

        QLineSeries canary, stable;
        QScatterSeries outcome;
        c.fillMetric(&canary, "error_rate", "canary");
        c.fillMetric(&stable, "error_rate", "stable");
        c.fillMetric(&outcome, "quality", "outcome");
        QCOMPARE(canary.count(), 3);
        QCOMPARE(canary.at(1), QPointF(2, 1.2));
        QCOMPARE(stable.at(2), QPointF(3, 1.0));
        QCOMPARE(outcome.count(), 3);
        QCOMPARE(outcome.at(2), QPointF(3, 0.79));

        // Progressing: no confirmation to give; finished: nothing to do.
        c.setSelectedRow(1);
        QCOMPARE(c.rolloutId(), 8);
        QVERIFY(!c.canConfirm() && c.canAbort() && c.canRollback());
        QCOMPARE(c.verdicts().size(), 0);
        QCOMPARE(metricNamed(c, "quality").value("count").toInt(), 0);
        c.setSelectedRow(2);
        QVERIFY(!c.canConfirm() && !c.canAbort() && !c.canRollback());
        const QVariantList stopped = c.steps();
        QCOMPARE(std::count_if(stopped.begin(), stopped.end(),
                               [](const QVariant& s) {
                                   return s.toMap().value("state") == QStringLiteral("stopped");
                               }),
                 1);

        // A new list keeps the selection on the same rollout, wherever it moved.
        RolloutRecord newer = progressingSearch();
        newer.id = 9;
        newer.rollout = Rollout("docs", "a", "b", standardPlan(), {});
        c.setRollouts({newer, pausedChat(), progressingSearch(), rolledBackSupport()});
        QCOMPARE(c.rolloutId(), 3);
        QCOMPARE(c.selectedRow(), 3);
        // …and falls back to the first when its rollout is gone.
        c.setRollouts({pausedChat()});
        QCOMPARE(c.rolloutId(), 7);
        c.setRollouts({});
        QVERIFY(!c.hasSelection());
        QVERIFY(!c.canConfirm() && !c.canAbort() && !c.canRollback());
        QCOMPARE(c.timeline()->rowCount(), 0);
    }

    void commandsGoToTheEngineAndAnswerInTheBanner()
    {
        RecommendationListModel recommendations;
        RolloutController c(&recommendations);
        FakeEngine engine;
        engine.answer = {200, "rollout/7: confirmed by the operator: weight 100 %", 7, 41};
        c.setCommandFunction(engine.function());
        c.setRollouts({pausedChat(), progressingSearch()});

        QSignalSpy banner(&c, &RolloutController::bannerChanged);
        c.confirm(QStringLiteral(" quality holds "));
        QVERIFY(c.busy());
        QVERIFY(!c.canConfirm()); // one command at a time
        QTRY_VERIFY(!c.busy());
        QCOMPARE(c.bannerText(),
                 QStringLiteral("rollout/7: confirmed by the operator: weight 100 %"));
        QVERIFY(!c.bannerIsError());
        ActuatorCommand sent = engine.last();
        QCOMPARE(sent.kind, ActuatorCommand::Kind::Confirm);
        QCOMPARE(sent.rolloutId, int64_t(7));
        QCOMPARE(sent.actor, AuditLog::operatorIdentity());
        QCOMPARE(sent.reason, std::string("quality holds"));
        QCOMPARE(sent.evidence["phase"].get<std::string>(), std::string("paused"));
        QCOMPARE(sent.evidence["weight"].get<int>(), 50);
        QCOMPARE(sent.evidence["latest_analysis"]["verdict"].get<std::string>(),
                 std::string("marginal"));

        // A refusal shows as an error with its status.
        engine.answer
            = {409, "rollout 8 is progressing; only a paused one waits for a confirmation", 0, 0};
        c.setSelectedRow(1);
        c.confirm();
        QTRY_VERIFY(!c.busy());
        QVERIFY(c.bannerIsError());
        QCOMPARE(c.bannerText(),
                 QStringLiteral("409: rollout 8 is progressing; only a paused one waits for a "
                                "confirmation"));
        QCOMPARE(engine.last().rolloutId, int64_t(8));
        QVERIFY(engine.last().reason.empty());

        engine.answer = {200, "rollout/8: aborted", 8, 42};
        c.abort(QStringLiteral("wrong candidate"));
        QTRY_VERIFY(!c.busy());
        QCOMPARE(engine.last().kind, ActuatorCommand::Kind::Abort);
        QCOMPARE(engine.last().reason, std::string("wrong candidate"));
        c.setSelectedRow(0);
        c.rollback();
        QTRY_VERIFY(!c.busy());
        QCOMPARE(engine.last().kind, ActuatorCommand::Kind::Rollback);
        QCOMPARE(engine.last().rolloutId, int64_t(7));
        QCOMPARE(engine.sent.size(), size_t(4));
        c.dismissBanner();
        QVERIFY(c.bannerText().isEmpty());
    }

    // The GUI thread never waits for the engine: the answer comes when it comes.
    void aSlowEngineDoesNotBlock()
    {
        RecommendationListModel recommendations;
        RolloutController c(&recommendations);
        auto answer = std::make_shared<std::promise<CommandResult>>();
        c.setCommandFunction([answer](ActuatorCommand) { return answer->get_future(); });
        c.setRollouts({pausedChat()});
        c.rollback(QStringLiteral("latency"));
        QTest::qWait(200); // the event loop runs meanwhile
        QVERIFY(c.busy());
        std::thread engine([answer] { answer->set_value({200, "rollout/7: rolled back", 7, 1}); });
        QTRY_VERIFY(!c.busy());
        engine.join();
        QCOMPARE(c.bannerText(), QStringLiteral("rollout/7: rolled back"));

        RolloutController none(&recommendations); // no engine at all
        none.setRollouts({pausedChat()});
        none.confirm();
        QTRY_VERIFY(!none.busy());
        QVERIFY(none.bannerIsError());
        QCOMPARE(none.bannerText(), QStringLiteral("503: the engine is not running"));
    }

    // Switches awaiting approval; an approval starts a rollout, which is then selected.
    void pendingApprovalsStartRollouts()
    {
        RecommendationListModel recommendations;
        RolloutController c(&recommendations);
        QAbstractItemModelTester tester(c.pending());
        FakeEngine engine;
        engine.answer = {200, "rollout 11 of chat started: gpt-4o/v3 → gpt-4o-mini/v3", 11, 5};
        recommendations.setCommandFunction(engine.function());
        std::vector<Recommendation> list(4);
        const char* actions[] = {"switch", "alert", "fall_back", "switch"};
        for (int i = 0; i < 4; ++i) {
            list[size_t(i)].id = 20 + i;
            list[size_t(i)].service = "chat";
            list[size_t(i)].action = actions[i];
            list[size_t(i)].summary = "proposal " + std::to_string(i);
        }
        list[3].status = Recommendation::Status::Superseded;
        recommendations.setRecommendations(list);
        PendingApprovalModel& pending = *c.pending();
        QCOMPARE(pending.count(), 2);
        QCOMPARE(pending.data(pending.index(1, 0), RecommendationListModel::ActionRole).toString(),
                 QStringLiteral("fall_back"));

        QSignalSpy count(&pending, &PendingApprovalModel::countChanged);
        pending.approve(0, QStringLiteral("saves $30k a month"));
        QTRY_VERIFY(!c.bannerText().isEmpty());
        QCOMPARE(c.bannerText(),
                 QStringLiteral("rollout 11 of chat started: gpt-4o/v3 → gpt-4o-mini/v3"));
        QCOMPARE(engine.last().kind, ActuatorCommand::Kind::Approve);
        QCOMPARE(engine.last().recommendationId, int64_t(20));
        QCOMPARE(engine.last().reason, std::string("saves $30k a month"));
        QCOMPARE(engine.last().evidence["summary"].get<std::string>(), std::string("proposal 0"));
        QCOMPARE(pending.count(), 1); // answered: no longer pending
        QVERIFY(count.size() > 0);

        RolloutRecord started = progressingSearch();
        started.id = 11;
        c.setRollouts({pausedChat(), started}); // the engine lists it
        QCOMPARE(c.rolloutId(), 11);

        engine.answer = {200, "recommendation/22 rejected", 0, 6};
        pending.reject(0, QStringLiteral("not now"));
        QTRY_COMPARE(pending.count(), 0);
        QCOMPARE(engine.last().kind, ActuatorCommand::Kind::Reject);
        QCOMPARE(engine.last().recommendationId, int64_t(22));
        QCOMPARE(engine.last().reason, std::string("not now"));
        QCOMPARE(c.rolloutId(), 11); // a rejection starts nothing
    }
};

QTEST_MAIN(TestRolloutController)
#include "tst_rollout_controller.moc"
