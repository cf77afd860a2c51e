// Writes a report document as HTML with inline SVG charts and PNG maps.
#include "print/report_html.hpp"

#include "core/atomic_file.hpp"
#include "print/chart_drawing.hpp"

#include "core/text.hpp"

#include <cairo-svg.h>

namespace sw {
namespace {

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string base64(const std::string& in) {
    static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                           (static_cast<unsigned char>(in[i + 1]) << 8) |
                           static_cast<unsigned char>(in[i + 2]);
        for (int s = 18; s >= 0; s -= 6)
            out += k[(v >> s) & 63];
    }
    if (i < in.size()) {
        unsigned v = static_cast<unsigned char>(in[i]) << 16;
        if (i + 1 < in.size())
            v |= static_cast<unsigned char>(in[i + 1]) << 8;
        out += k[(v >> 18) & 63];
        out += k[(v >> 12) & 63];
        out += i + 1 < in.size() ? k[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::string chartSvg(const ReportChart& chart, int index) {
    constexpr double w = 720, h = 300;
    std::string svg;
    cairo_surface_t* s = cairo_svg_surface_create_for_stream(appendBytes, &svg, w, h);
    cairo_t* cr = cairo_create(s);
    print::drawChart(cr, {4, 4, w - 8, h - 8}, chart, 1.35);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
    const auto start = svg.find("<svg");
    if (start == std::string::npos)
        return {};
    // Cairo names its glyphs and clips "glyph0-1", "clip1", ... in every SVG: inline in one
    // page, the ids of each chart must be its own or a later chart would draw an earlier one's.
    const std::string prefix = "c" + std::to_string(index) + "-";
    std::string out = svg.substr(start);
    for (const std::string& key :
         {std::string("id=\""), std::string("href=\"#"), std::string("url(#")}) {
        std::string done;
        std::size_t from = 0, at;
        while ((at = out.find(key, from)) != std::string::npos) {
            done.append(out, from, at + key.size() - from);
            done += prefix;
            from = at + key.size();
        }
        done.append(out, from, std::string::npos);
        out = std::move(done);
    }
    return out;
}

std::string mapPng(const MapFigure& map) {
    constexpr int w = 1400, h = 1050;
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    print::drawMapFigure(cr, {1, 1, w - 2, h - 2}, map, 0.9);
    cairo_destroy(cr);
    std::string png;
    cairo_surface_write_to_png_stream(s, appendBytes, &png);
    cairo_surface_destroy(s);
    return png;
}

void table(std::string& h, const ReportTable& t) {
    h += "<table>\n<thead><tr>";
    for (std::size_t c = 0; c < t.header.size(); ++c)
        h += std::string(t.isNumber(c) ? "<th class=\"n\">" : "<th>") + xmlEscape(t.header[c]) +
             "</th>";
    h += "</tr></thead>\n<tbody>\n";
    for (const auto& r : t.rows) {
        h += "<tr>";
        for (std::size_t c = 0; c < r.size(); ++c)
            h += std::string(t.isNumber(c) ? "<td class=\"n\">" : "<td>") + xmlEscape(r[c]) +
                 "</td>";
        h += "</tr>\n";
    }
    h += "</tbody></table>\n";
    if (!t.note.empty())
        h += "<p class=\"note\">" + xmlEscape(t.note) + "</p>\n";
}

constexpr const char* kStyle =
    "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#1a1a1a}"
    "h1{margin-bottom:.2em}h2{color:#14325a;border-bottom:1px solid #ccd;margin-top:1.6em}"
    "table{border-collapse:collapse;font-size:.85em;margin:.5em 0}"
    "th,td{padding:.2em .5em;border-bottom:1px solid #e4e4e4;text-align:left}"
    "th{background:#dbe3ed}td.n,th.n{text-align:right}tbody tr:nth-child(even){background:#f3f3f3}"
    ".note,figcaption{color:#555;font-size:.85em}.warning{color:#b01414;font-weight:bold}"
    "figure{margin:1em 0}figure img,figure svg{max-width:100%;height:auto}";

} // namespace

Result<WrittenReport> writeReportHtml(const std::string& path, const ReportDocument& doc) {
    std::string h = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" "
                    "lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>" +
                    xmlEscape(doc.title) + "</title>\n<style>" + kStyle +
                    "</style>\n</head>\n<body>\n";
    h += "<h1>" + xmlEscape(doc.title) + "</h1>\n<p>" + xmlEscape(doc.subtitle) + "</p>\n";
    h += "<p class=\"note\">Made " + xmlEscape(doc.made_on) + "</p>\n";
    if (!doc.warning.empty())
        h += "<p class=\"warning\">" + xmlEscape(doc.warning) + "</p>\n";
    using K = ReportBlock::Kind;
    int charts = 0;
    for (const auto& b : doc.blocks) {
        switch (b.kind) {
        case K::Heading:
            h += "<h2>" + xmlEscape(b.text) + "</h2>\n";
            break;
        case K::Subheading:
            h += "<h3>" + xmlEscape(b.text) + "</h3>\n";
            break;
        case K::Paragraph:
            h += "<p>" + xmlEscape(b.text) + "</p>\n";
            break;
        case K::Table:
            table(h, b.table);
            break;
        case K::Chart:
            h += "<figure class=\"chart\">" + chartSvg(b.chart, ++charts) + "<figcaption>" +
                 xmlEscape(b.text) + "</figcaption></figure>\n";
            break;
        case K::Map:
            h += "<figure class=\"map\"><img alt=\"" + xmlEscape(b.text) +
                 "\" src=\"data:image/png;base64," + base64(mapPng(b.map)) + "\"/><figcaption>" +
                 xmlEscape(b.text) + "</figcaption></figure>\n";
            break;
        case K::PageBreak:
            break;
        }
    }
    h += "<footer class=\"note\">" + xmlEscape(doc.footer) + "</footer>\n</body>\n</html>\n";
    if (auto st = writeFileAtomically(path, h); !st)
        return st.failure();
    return WrittenReport{path, 0};
}

} // namespace sw
