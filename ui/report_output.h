#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// What the workbench's reports (experiment, cost, drift) share: the formats,
// the stylesheet, HTML → PDF with the charts drawn from their SVG, CSV
// quoting and writing a file all or nothing.
namespace report {

enum class Format { Html, Pdf, Json, Csv };
std::optional<Format> formatFromName(std::string_view name); // "pdf", "html", "json", "csv"

// The stylesheet every report's HTML embeds (QTextDocument understands it too).
QString style();

constexpr int64_t kHourNanos = 3'600'000'000'000LL;
constexpr int64_t kDayNanos = 24 * kHourNanos;
// The bucket a period report charts in: an hour up to two days, else a day.
constexpr int64_t chartBucket(int64_t fromUnixNano, int64_t toUnixNano)
{
    return toUnixNano - fromUnixNano <= 2 * kDayNanos ? kHourNanos : kDayNanos;
}

QString escaped(const std::string& text);

// The start of a period report's HTML: the document head with the style,
// the heading and "<from> to <to> · generated <now>".
QString periodHead(const QString& heading, int64_t fromUnixNano, int64_t toUnixNano);
// UTC, to the second: "2026-11-27 14:03:00 UTC".
QString utc(int64_t unixNano);

// A chart for the PDF: `name` is the <img src> the HTML uses for it.
struct Picture {
    QString name;
    QString svg;
};
// A picture of an SVG document at `scale` × its own size, on white.
QImage rasterized(const QString& svg, double scale = 2.0);
// A4 with 15 mm margins, via QTextDocument and QPdfWriter; the pictures are
// rasterized from their SVG. Needs a QGuiApplication (it lays out text).
QByteArray pdf(const QString& html, const QString& title, const std::vector<Picture>& pictures);

// One CSV field as RFC 4180 wants it: quoted when it holds a comma, quote or
// line break, quotes doubled.
QByteArray csvField(const std::string& text);

// A report's bytes in `format`: `Report` has toHtml(), toPdf(), toJson()
// (nlohmann::json) and toCsv().
template <class Report> QByteArray render(const Report& r, Format format)
{
    switch (format) {
    case Format::Html:
        return r.toHtml().toUtf8();
    case Format::Pdf:
        return r.toPdf();
    case Format::Json:
        return QByteArray::fromStdString(r.toJson().dump(2)) + '\n';
    case Format::Csv:
        return r.toCsv();
    }
    return {};
}

// Writes through a temporary file renamed at the end, so a failed export
// leaves no half file; false with the reason (and the fix) in `error`.
bool writeFile(const QString& path, const QByteArray& bytes, QString* error);

} // namespace report
