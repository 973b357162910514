#pragma once

#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTest>

// The text of a PDF as pdftotext (poppler-utils; the quickstart installs it
// for the tests) reads it: NFKC-normalised, since the PDF's fonts set "fi"
// and "ff" as ligatures, with runs of white space as one space. Fails the
// test when pdftotext is missing or refuses the file.
inline QString pdfText(const QString& path)
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty()) {
        QTest::qFail("pdftotext (poppler-utils) is not installed", __FILE__, __LINE__);
        return {};
    }
    QProcess process;
    process.start(pdftotext, {path, QStringLiteral("-")});
    if (!process.waitForFinished(60'000) || process.exitCode() != 0) {
        QTest::qFail(qPrintable("pdftotext could not read " + path), __FILE__, __LINE__);
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput())
        .normalized(QString::NormalizationForm_KC)
        .simplified();
}
