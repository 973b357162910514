#pragma once

#include <QDir>
#include <QStandardPaths>
#include <QString>

// Where the workbench suggests writing what a user exports or creates:
// <Documents>/llm-optimizer (the home folder when there is no Documents).
inline QString userFolder()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(documents.isEmpty() ? QDir::homePath() : documents)
        .filePath(QStringLiteral("llm-optimizer"));
}
