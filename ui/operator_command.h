#pragma once

#include "actuator.h"

#include <QObject>
#include <functional>
#include <future>

class QThreadPool;

// How the GUI hands an operator's command to the engine: EngineLoop::command
// in the application, a stand-in in the tests. Every command goes this way,
// so that the actuator checks it and writes its audit record (STYLE.md,
// practice 6).
using CommandFunction = std::function<std::future<llmopt::CommandResult>(llmopt::ActuatorCommand)>;

// Sends `command` through `send` on a thread of `pool`, waits there for the
// engine's answer (the GUI thread never waits) and calls `done` with it on
// `context`'s thread. The owner of `pool` outlives `context`'s use: it waits
// for the pool before it goes (QThreadPool::waitForDone). An empty `send`,
// a broken promise or an engine that does not answer in time give an error
// result, never silence.
void sendOperatorCommand(QThreadPool& pool, CommandFunction send, llmopt::ActuatorCommand command,
                         QObject* context, std::function<void(const llmopt::CommandResult&)> done);

// "409: rollout 3 is promoted already" — a refused command as the operator reads it.
QString describeCommandResult(const llmopt::CommandResult& result);
