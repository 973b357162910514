#include "report_output.h"

#include <QBuffer>
#include <QDateTime>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>

namespace report {

std::optional<Format> formatFromName(std::string_view name)
{
    if (name == "html")
        return Format::Html;
    if (name == "pdf")
        return Format::Pdf;
    if (name == "json")
        return Format::Json;
    if (name == "csv")
        return Format::Csv;
    return std::nullopt;
}

QString style()
{
    return QStringLiteral(
        "body { font-family: sans-serif; font-size: 10pt; color: #222; }\n"
        "h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 18px; }\n"
        "table.data { border-collapse: collapse; margin: 6px 0; font-size: 9pt; }\n"
        "table.data th, table.data td { border: 1px solid #bbb; padding: 3px 6px; "
        "text-align: left; vertical-align: top; }\n"
        "table.data th { background-color: #eef; }\n"
        "td.n { text-align: right; }\n"
        "pre { background-color: #f5f5f5; padding: 6px; white-space: pre-wrap; "
        "font-family: monospace; }\n"
        "table.verdict { border: 2px solid #2a6; background-color: #e8f7ec; margin: 10px 0; "
        "width: 100%; }\n"
        "table.verdict td { padding: 10px; }\n"
        ".headline { font-size: 15pt; font-weight: bold; }\n"
        ".note { color: #555; }\n");
}

QString escaped(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

QString periodHead(const QString& heading, int64_t fromUnixNano, int64_t toUnixNano)
{
    const QString from = utc(fromUnixNano), to = utc(toUnixNano);
    return QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                          "<title>%1 %2 – %3</title><style>\n%4</style></head><body>\n"
                          "<h1>%1</h1>\n<p>%2 to %3 · generated %5</p>\n")
        .arg(heading.toHtmlEscaped(), from, to, style(),
             utc(QDateTime::currentMSecsSinceEpoch() * 1'000'000));
}

QString utc(int64_t unixNano)
{
    return QDateTime::fromMSecsSinceEpoch(unixNano / 1'000'000, Qt::UTC)
               .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        + QStringLiteral(" UTC");
}

QImage rasterized(const QString& svg, double scale)
{
    QSvgRenderer renderer(svg.toUtf8());
    const QSize size = (QSizeF(renderer.defaultSize()) * scale).toSize();
    QImage image(size.isEmpty() ? QSize(1, 1) : size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    image.setDevicePixelRatio(scale); // laid out at the SVG's own size
    return image;
}

QByteArray pdf(const QString& html, const QString& title, const std::vector<Picture>& pictures)
{
    QTextDocument document;
    for (const Picture& p : pictures)
        document.addResource(QTextDocument::ImageResource, QUrl(p.name), rasterized(p.svg));
    document.setHtml(html);

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("llm-optimizer"));
        document.print(&writer);
    } // the writer finishes the file when it is destroyed
    return bytes;
}

QByteArray csvField(const std::string& text)
{
    QByteArray f = QByteArray::fromStdString(text);
    if (f.contains(',') || f.contains('"') || f.contains('\n') || f.contains('\r')) {
        f.replace("\"", "\"\"");
        f = '"' + f + '"';
    }
    return f;
}

bool writeFile(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write the report to %1: %2 — choose another --out")
                         .arg(QFileInfo(path).absoluteFilePath(), file.errorString());
        return false;
    }
    return true;
}

} // namespace report
