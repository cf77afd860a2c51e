// A printed report as blocks, free of Cairo so that the session can build it: headings,
// paragraphs, tables, charts (bars and monthly lines, with gaps where a month has no data)
// and map figures. print/report_pdf.hpp lays it out on A4 pages; print/report_html.hpp
// writes it as one self-contained HTML file with inline SVG charts.
#pragma once

#include "core/layer_rules.hpp"
#include "core/result.hpp"
#include "print/map_figure.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sw {

// A table; text cells wrap in their column, numbers are right-aligned.
struct ReportTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<double> widths;   // relative column widths (default: equal)
    std::size_t text_columns = 1; // the first columns are text (left); the rest numbers (right)
    std::vector<std::uint8_t>
        right;        // per column, 1: a number (right-aligned); overrides text_columns
    std::string note; // under the table

    bool isNumber(std::size_t column) const {
        return right.size() > column ? right[column] != 0 : column >= text_columns;
    }
};

struct ChartSeries {
    std::string name;
    Rgba colour;
    std::vector<std::optional<double>> values; // per category; nullopt: no data (a gap)
    bool dashed = false;                       // e.g. the year before
};

struct ReportChart {
    enum class Kind { Bars, Lines };
    Kind kind = Kind::Lines;
    std::string title, y_label;
    std::vector<std::string> categories; // x (lines) or the bars' labels (bars, drawn across)
    std::vector<ChartSeries> series;
    std::string note; // e.g. "No data for 2025-03: left as a gap, not drawn as zero"
};

struct ReportBlock {
    enum class Kind { Heading, Subheading, Paragraph, Table, Chart, Map, PageBreak };
    Kind kind = Kind::Paragraph;
    std::string text; // heading or paragraph text; a map's or chart's caption
    ReportTable table;
    ReportChart chart;
    MapFigure map;
};

struct ReportDocument {
    std::string title, subtitle, made_on;
    std::string warning; // e.g. "SYNTHETIC SAMPLE DATA - not real crime data" (in red)
    std::string footer;  // on every page
    std::vector<ReportBlock> blocks;

    void heading(std::string t) {
        blocks.push_back({ReportBlock::Kind::Heading, std::move(t), {}, {}, {}});
    }
    void subheading(std::string t) {
        blocks.push_back({ReportBlock::Kind::Subheading, std::move(t), {}, {}, {}});
    }
    void paragraph(std::string t) {
        blocks.push_back({ReportBlock::Kind::Paragraph, std::move(t), {}, {}, {}});
    }
    void table(ReportTable t) {
        blocks.push_back({ReportBlock::Kind::Table, {}, std::move(t), {}, {}});
    }
    void chart(ReportChart c, std::string caption = {}) {
        blocks.push_back({ReportBlock::Kind::Chart, std::move(caption), {}, std::move(c), {}});
    }
    void map(MapFigure m, std::string caption) {
        blocks.push_back({ReportBlock::Kind::Map, std::move(caption), {}, {}, std::move(m)});
    }
    void pageBreak() { blocks.push_back({ReportBlock::Kind::PageBreak, {}, {}, {}, {}}); }
};

struct WrittenReport {
    std::string path;
    int pages = 0; // PDF pages (0 for HTML)
};

} // namespace sw
