// Lays a report document out on A4 pages.
#include "print/report_pdf.hpp"

#include "core/atomic_file.hpp"
#include "print/chart_drawing.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <filesystem>
#include <numeric>

namespace sw {
namespace {

using print::Frame;

constexpr double kPageW = 595.28, kPageH = 841.89, kMargin = 42;
constexpr double kTextW = kPageW - 2 * kMargin, kBottom = kPageH - kMargin - 18;
constexpr double kMapH = 440, kChartH = 165;

class Pager {
  public:
    Pager(cairo_t* cr, const ReportDocument& doc) : cr_(cr), doc_(doc) {}

    void titleBlock() {
        print::setFont(cr_, 20, true);
        for (const auto& line : print::wrapText(cr_, doc_.title, kTextW)) {
            print::plainText(cr_, kMargin, y_ + 20, line, 20, true);
            y_ += 26;
        }
        y_ += 8;
        for (const auto& line : wrap(doc_.subtitle, 11, kTextW)) {
            print::plainText(cr_, kMargin, y_ + 11, line, 11);
            y_ += 15;
        }
        print::plainText(cr_, kMargin, y_ + 10, "Made " + doc_.made_on, 9, false,
                         {90, 90, 90, 255});
        y_ += 16;
        if (!doc_.warning.empty()) {
            print::plainText(cr_, kMargin, y_ + 12, doc_.warning, 11, true, {190, 20, 20, 255});
            y_ += 18;
        }
        y_ += 8;
    }

    // The least height a block needs on the page it starts (a heading is kept with it).
    static double minHeight(const ReportBlock* b) {
        if (!b)
            return 0;
        using K = ReportBlock::Kind;
        switch (b->kind) {
        case K::Map:
            return kMapH + 20;
        case K::Chart:
            return chartHeight(b->chart) + 16;
        case K::Table:
            return 11.5 * 4;
        case K::Paragraph:
            return 30;
        default:
            return 20;
        }
    }

    static double chartHeight(const ReportChart& c) {
        // Bars get a band each; monthly lines a fixed height.
        return c.kind == ReportChart::Kind::Bars
                   ? 70 + 16 * static_cast<double>(c.categories.size())
                   : kChartH;
    }

    // next, after: the blocks that follow (null at the end), for keeping a heading with them.
    void block(const ReportBlock& b, const ReportBlock* next, const ReportBlock* after) {
        using K = ReportBlock::Kind;
        const double keep =
            minHeight(next) + (next && next->kind == K::Paragraph ? minHeight(after) : 0);
        switch (b.kind) {
        case K::Heading:
            need(34 + keep);
            y_ += 10;
            print::plainText(cr_, kMargin, y_ + 14, b.text, 14, true, {20, 50, 90, 255});
            y_ += 24;
            break;
        case K::Subheading:
            need(18 + keep);
            print::plainText(cr_, kMargin, y_ + 11, b.text, 10.5, true);
            y_ += 18;
            break;
        case K::Paragraph:
            for (const auto& line : wrap(b.text, 9, kTextW)) {
                need(12);
                print::plainText(cr_, kMargin, y_ + 9, line, 9);
                y_ += 12;
            }
            y_ += 5;
            break;
        case K::Table:
            table(b.table);
            break;
        case K::Chart: {
            const double h = chartHeight(b.chart);
            need(h + 16);
            print::drawChart(cr_, {kMargin, y_, kTextW, h}, b.chart);
            y_ += h + 4;
            caption(b.text);
            break;
        }
        case K::Map:
            need(kMapH + 16);
            print::drawMapFigure(cr_, {kMargin, y_, kTextW, kMapH}, b.map, 0.42);
            y_ += kMapH + 4;
            caption(b.text);
            break;
        case K::PageBreak:
            if (y_ > kMargin)
                newPage();
            break;
        }
    }

    void finish() {
        footer();
        cairo_show_page(cr_);
    }
    int pages() const { return page_; }

  private:
    std::vector<std::string> wrap(const std::string& text, double size, double width) {
        print::setFont(cr_, size);
        return print::wrapText(cr_, text, width);
    }

    void caption(const std::string& text) {
        for (const auto& line : wrap(text, 8, kTextW)) {
            print::plainText(cr_, kMargin, y_ + 8, line, 8, false, {70, 70, 70, 255});
            y_ += 11;
        }
        y_ += 8;
    }

    void need(double h) {
        if (y_ + h > kBottom)
            newPage();
    }

    void footer() {
        print::plainText(cr_, kMargin, kPageH - kMargin + 6, doc_.footer, 7.5, false,
                         {110, 110, 110, 255});
        const std::string n = "Page " + std::to_string(page_);
        print::setFont(cr_, 7.5);
        print::plainText(cr_, kPageW - kMargin - print::textWidth(cr_, n), kPageH - kMargin + 6, n,
                         7.5, false, {110, 110, 110, 255});
    }

    void newPage() {
        footer();
        cairo_show_page(cr_);
        ++page_;
        y_ = kMargin;
    }

    // Text cut to a width with an ellipsis.
    std::string fit(const std::string& s, double width) {
        if (print::textWidth(cr_, s) <= width)
            return s;
        std::string t = s;
        while (!t.empty() && print::textWidth(cr_, t + "\xE2\x80\xA6") > width) {
            // One whole UTF-8 character: its continuation bytes, then its lead byte.
            while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80)
                t.pop_back();
            if (!t.empty())
                t.pop_back();
        }
        return t + "\xE2\x80\xA6";
    }

    // A row laid out: text cells wrap to their column (up to three lines), numbers are cut
    // to fit; a header's text takes two lines, then shrinks, before it is cut.
    struct RowLayout {
        std::vector<std::vector<std::string>> lines;
        std::vector<double> sizes;
        double height = 0;
    };

    RowLayout layout(const ReportTable& t, const std::vector<std::string>& cells,
                     const std::vector<double>& xs, bool header) {
        constexpr double kLineH = 9.5, kPad = 2, kSize = 7.5;
        RowLayout r{std::vector<std::vector<std::string>>(cells.size()),
                    std::vector<double>(cells.size(), kSize), 0};
        std::size_t most = 1;
        for (std::size_t c = 0; c < cells.size() && c + 1 < xs.size(); ++c) {
            const double w = xs[c + 1] - xs[c] - 6;
            auto& lines = r.lines[c];
            print::setFont(cr_, kSize, header);
            if (header) {
                const auto fits = [&]() {
                    lines = print::wrapText(cr_, cells[c], w);
                    return lines.size() <= 2 &&
                           std::all_of(lines.begin(), lines.end(), [&](const std::string& l) {
                               return print::textWidth(cr_, l) <= w;
                           });
                };
                while (!fits() && r.sizes[c] > 5.5)
                    print::setFont(cr_, r.sizes[c] -= 0.5, true);
                lines.resize(std::min<std::size_t>(lines.size(), 2));
            } else if (t.isNumber(c)) {
                lines = {cells[c]};
            } else {
                lines = print::wrapText(cr_, cells[c], w);
                if (lines.size() > 3) {
                    lines.resize(3);
                    lines[2] += " \xE2\x80\xA6";
                }
            }
            for (auto& l : lines)
                l = fit(l, w);
            most = std::max(most, lines.size());
        }
        r.height = kLineH * static_cast<double>(most) + kPad;
        return r;
    }

    void drawRow(const ReportTable& t, const RowLayout& r, const std::vector<double>& xs,
                 bool header, bool shade) {
        constexpr double kLineH = 9.5;
        if (shade || header) {
            cairo_rectangle(cr_, kMargin, y_, kTextW, r.height);
            cairo_set_source_rgb(cr_, header ? 0.86 : 0.95, header ? 0.89 : 0.95,
                                 header ? 0.93 : 0.95);
            cairo_fill(cr_);
        }
        for (std::size_t c = 0; c < r.lines.size() && c + 1 < xs.size(); ++c)
            for (std::size_t k = 0; k < r.lines[c].size(); ++k) {
                print::setFont(cr_, r.sizes[c], header);
                const std::string& s = r.lines[c][k];
                const double x =
                    t.isNumber(c) ? xs[c + 1] - 3 - print::textWidth(cr_, s) : xs[c] + 3;
                print::plainText(cr_, x, y_ + 8 + kLineH * static_cast<double>(k), s, r.sizes[c],
                                 header);
            }
        y_ += r.height;
    }

    // A table; a row that does not fit starts a page, under the header again.
    void table(const ReportTable& t) {
        const std::size_t n = t.header.size();
        std::vector<double> w = t.widths.size() == n ? t.widths : std::vector<double>(n, 1.0);
        const double sum = std::accumulate(w.begin(), w.end(), 0.0);
        std::vector<double> xs = {kMargin};
        for (double x : w)
            xs.push_back(xs.back() + kTextW * x / sum);
        const RowLayout head = layout(t, t.header, xs, true);
        need(head.height + 11.5 * 2);
        drawRow(t, head, xs, true, false);
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            const RowLayout row = layout(t, t.rows[r], xs, false);
            if (y_ + row.height > kBottom) {
                newPage();
                drawRow(t, head, xs, true, false);
            }
            drawRow(t, row, xs, false, r % 2 == 1);
        }
        y_ += 4;
        if (!t.note.empty())
            caption(t.note);
        else
            y_ += 6;
    }

    cairo_t* cr_;
    const ReportDocument& doc_;
    double y_ = kMargin;
    int page_ = 1;
};

} // namespace

Result<WrittenReport> writeReportPdf(const std::string& path, const ReportDocument& doc) {
    TemporaryFile tmp(path);
    cairo_surface_t* surface = cairo_pdf_surface_create(tmp.path().c_str(), kPageW, kPageH);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        const std::string why = cairo_status_to_string(cairo_surface_status(surface));
        cairo_surface_destroy(surface);
        return Error{path + ": cannot write the report (" + why + ")"};
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "streetweek");
    cairo_t* cr = cairo_create(surface);
    Pager pager(cr, doc);
    pager.titleBlock();
    const auto& bs = doc.blocks;
    for (std::size_t i = 0; i < bs.size(); ++i)
        pager.block(bs[i], i + 1 < bs.size() ? &bs[i + 1] : nullptr,
                    i + 2 < bs.size() ? &bs[i + 2] : nullptr);
    pager.finish();
    const int pages = pager.pages();
    // A drawing error (bad text, a bad matrix) stops Cairo drawing anything after it: such a
    // report is not written rather than cut short.
    const cairo_status_t drawn = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t st = drawn != CAIRO_STATUS_SUCCESS ? drawn : cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (st != CAIRO_STATUS_SUCCESS)
        return Error{path + ": cannot write the report (" +
                     std::string(cairo_status_to_string(st)) + ")"};
    if (auto mv = tmp.commit(); !mv)
        return mv.failure();
    return WrittenReport{path, pages};
}

} // namespace sw
