#include "operator_command.h"

#include <QThreadPool>
#include <chrono>

namespace {
// The engine answers within a round (~0.2 s); this long means it is stuck or stopped.
constexpr std::chrono::seconds kAnswerTimeout{10};
} // namespace

void sendOperatorCommand(QThreadPool& pool, CommandFunction send, llmopt::ActuatorCommand command,
                         QObject* context, std::function<void(const llmopt::CommandResult&)> done)
{
    pool.start([send = std::move(send), command = std::move(command), context,
                done = std::move(done)]() mutable {
        llmopt::CommandResult result;
        if (!send) {
            result = {503, "the engine is not running", 0, 0};
        } else {
            try {
                std::future<llmopt::CommandResult> answer = send(std::move(command));
                if (!answer.valid())
                    result = {503, "the engine did not take the command", 0, 0};
                else if (answer.wait_for(kAnswerTimeout) == std::future_status::timeout)
                    result = {503,
                              "the engine did not answer within 10 s; the command may still be "
                              "carried out — check the Audit screen",
                              0, 0};
                else // ready, or deferred: get() runs it here
                    result = answer.get();
            } catch (const std::exception& e) { // a broken promise: the engine stopped
                result = {503, std::string("the engine did not answer: ") + e.what(), 0, 0};
            }
        }
        QMetaObject::invokeMethod(
            context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
    });
}

QString describeCommandResult(const llmopt::CommandResult& result)
{
    const QString message = QString::fromStdString(result.message);
    return result.ok() ? message : QStringLiteral("%1: %2").arg(result.status).arg(message);
}
