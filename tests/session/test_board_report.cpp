// The board report on data the test builds: the figures against the ward profile, a month
// without data reported as missing (never drawn as zero), the PDF's text (pdftotext) and
// pictures (pdftoppm, pixel checks for the charts and the maps), the HTML parsed as XML with
// the same numbers, and a write that fails leaving the old report alone.
#include "planner_world.hpp"
#include "session/board_backtest.hpp"
#include "session/board_report.hpp"
#include "tile_server.hpp"

#include <cairo.h>
#include <cpl_minixml.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace sw;
namespace fs = std::filesystem;

namespace {

constexpr const char* kMonths[] = {"2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12",
                                   "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06",
                                   "2025-07", "2025-08", "2025-10", "2025-11", "2025-12"};

// Every month from 2024-07 to 2025-12 but 2025-09 (no rows at all). A month: West 12 ASB
// (8 before 2025-07) and 2 drugs, East 3 ASB.
struct ReportWorld {
    test::World w;
    Session session;
    ReportWorld() {
        for (const char* m : kMonths) {
            const bool period = std::string(m) >= "2025-07";
            w.add(570450, 160450, m, "Anti-social behaviour", "High Street", period ? 12 : 8);
            w.add(570550, 160550, m, "Drugs", "High Street", 2);
            w.add(571500, 160500, m, "Anti-social behaviour", "Station Road", 3);
        }
        w.load(session);
    }
    BoardReportRequest request(const std::string& out) const {
        BoardReportRequest r;
        r.out = out;
        r.made_on = "2026-12-02 10:00 UTC";
        r.content.selection.from = makeMonth(2025, 7);
        r.content.selection.to = makeMonth(2025, 12);
        auto layers = defaultLayers();
        for (const auto& l : layers)
            if (l.name == "Anti-social behaviour" || l.name == "Drugs")
                r.content.selection.layers.push_back(l);
        r.content.hotspots.density.kde.radius_m = 300;
        r.content.hotspots.density.kde.cell_size_m = 50;
        return r;
    }
};

std::string run(const std::string& command) {
    std::string out;
    FILE* p = popen(command.c_str(), "r");
    REQUIRE_MESSAGE(p, "cannot run " << command);
    std::array<char, 4096> buf{};
    while (std::size_t n = std::fread(buf.data(), 1, buf.size(), p))
        out.append(buf.data(), n);
    pclose(p);
    return out;
}

bool havePoppler() {
    return std::system(
               "command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1") == 0;
}

// Pixels of a PNG near a colour.
std::size_t pixelsNear(const std::string& png, Rgba c, int tolerance = 12) {
    cairo_surface_t* s = cairo_image_surface_create_from_png(png.c_str());
    REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
    const int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    const int stride = cairo_image_surface_get_stride(s);
    const unsigned char* d = cairo_image_surface_get_data(s);
    std::size_t n = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const auto px = *reinterpret_cast<const std::uint32_t*>(d + y * stride + x * 4);
            const int r = (px >> 16) & 255, g = (px >> 8) & 255, b = px & 255;
            if (std::abs(r - c.r) <= tolerance && std::abs(g - c.g) <= tolerance &&
                std::abs(b - c.b) <= tolerance)
                ++n;
        }
    cairo_surface_destroy(s);
    return n;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST_CASE(
    "board figures: headline per layer against the ward profile, a missing month kept apart") {
    ReportWorld rw;
    auto f = boardFigures(rw.session, rw.request("x.pdf").content.selection);
    REQUIRE(f);
    const BoardFigures& b = f.value();
    REQUIRE(b.headline.size() == 3); // ASB, drugs, any of them
    CHECK(b.headline[0].layer == "Anti-social behaviour");
    CHECK(b.headline[0].count == 5 * 15); // five months with data
    // September has no data: five months are not compared with six, nor with last year's.
    CHECK_FALSE(b.has_previous);
    CHECK_FALSE(b.headline[0].previous.has_value());
    CHECK_FALSE(b.headline[0].last_year.has_value());
    CHECK(b.headline[1].count == 5 * 2);
    CHECK(b.headline[2].count == 5 * 17);
    std::int64_t profile_total = 0;
    for (const auto& r : b.profile.rows)
        profile_total += r.count;
    CHECK(b.headline[2].count == profile_total);
    REQUIRE(b.missing.size() == 1);
    CHECK(b.missing[0] == MonthSpan{makeMonth(2025, 9), makeMonth(2025, 9)});
    CHECK_FALSE(b.monthly.at(0, makeMonth(2025, 9)).has_value());
    CHECK(b.monthly.at(0, makeMonth(2024, 9)) == 11);
    REQUIRE(b.by_count.size() == 2);
    CHECK(b.profile.rows[b.by_count[0]].name == "West");
    REQUIRE(b.crime_types.size() == 2);
    CHECK(b.crime_types[0].type == "Anti-social behaviour");
    CHECK(b.crime_types[0].count == 75);
    CHECK_FALSE(b.crime_types[0].last_year.has_value());

    // A whole period (2025-10..12) is compared with the same months a year earlier; its
    // previous period holds September, without data, so it is compared with nothing.
    SelectionParams whole = rw.request("x.pdf").content.selection;
    whole.from = makeMonth(2025, 10);
    whole.to = makeMonth(2025, 12);
    auto g = boardFigures(rw.session, whole);
    REQUIRE(g);
    CHECK(g.value().has_last_year);
    CHECK_FALSE(g.value().has_previous);
    CHECK(g.value().headline[0].count == 3 * 15);
    CHECK(g.value().headline[0].last_year == 3 * 11);
    CHECK_FALSE(g.value().headline[0].previous.has_value());
    REQUIRE(g.value().profile.rows[0].name == "West");
    CHECK(g.value().profile.rows[0].count == 3 * 14);
    CHECK(g.value().profile.rows[0].last_year_count == 3 * 10);
}

TEST_CASE("board report PDF: text equals the ward profile, pages show the charts and the maps") {
    REQUIRE_MESSAGE(havePoppler(), "pdftotext and pdftoppm are needed (scripts/install-deps "
                                   "installs poppler-utils)");
    ReportWorld rw;
    const std::string pdf = rw.w.dir.file("board.pdf");
    auto r = writeBoardReport(rw.session, nullptr, rw.request(pdf));
    REQUIRE_MESSAGE(r, (r ? "" : r.error()));
    CHECK(r.value().written.pages >= 3);
    const std::string text = run("pdftotext -layout '" + pdf + "' -");
    const BoardFigures& f = r.value().figures;
    CHECK(text.find("Community safety board report") != std::string::npos);
    CHECK(text.find("Jul 2025 to Dec 2025") != std::string::npos);
    // Headline: 75 ASB, 10 drugs, 85 in any; West 70 (60 ASB, 10 drugs), East 15.
    CHECK(text.find("Anti-social behaviour") != std::string::npos);
    const auto& west = f.profile.rows[0];
    REQUIRE(west.name == "West");
    char rate[32];
    std::snprintf(rate, sizeof rate, "%.1f", *west.rate_per_1000);
    CHECK(std::string(rate) == "35.0"); // 70 per 2,000 residents
    const std::string top_line =
        run("pdftotext -layout '" + pdf + "' - | grep -m1 -E '^ *1 +West'");
    CHECK(top_line.find(std::to_string(west.count)) != std::string::npos);
    CHECK(top_line.find(rate) != std::string::npos);
    CHECK(text.find("85 incidents (Any of the layers)") != std::string::npos);
    // September has no data: said, not drawn as zero.
    CHECK(text.find("No data for Sep 2025") != std::string::npos);
    CHECK(text.find("The data has no rows for Sep 2025") != std::string::npos);
    // The disclosure rule: East's 15 stays; the drugs count 10 stays; nothing below 5 here.
    CHECK(text.find("shown as <5") != std::string::npos);
    CHECK(text.find("Open Government Licence") != std::string::npos);

    // Every page renders; the trend chart's ASB line (the layer colour) is on a page, and the
    // hotspot map's ward paper and density ramp are on one.
    run("pdftoppm -r 50 -png '" + pdf + "' '" + rw.w.dir.file("page") + "'");
    std::size_t pages = 0, asb = 0, paper = 0, ramp = 0;
    Rgba asb_colour{};
    for (const auto& l : rw.request(pdf).content.selection.layers)
        if (l.name == "Anti-social behaviour")
            asb_colour = l.colour;
    for (const auto& e : fs::directory_iterator(rw.w.dir.path()))
        if (e.path().filename().string().rfind("page", 0) == 0) {
            ++pages;
            asb += pixelsNear(e.path().string(), asb_colour, 20);
            paper = std::max(paper, pixelsNear(e.path().string(), {246, 245, 240, 255}, 2));
            ramp += pixelsNear(e.path().string(), sampleRamp(Ramp::YlOrRd, 1.0), 40);
        }
    CHECK(pages == static_cast<std::size_t>(r.value().written.pages));
    CHECK(asb > 50);
    CHECK(paper > 2000);
    CHECK(ramp > 0);
}

TEST_CASE("board report HTML parses and carries the same numbers; a failed write keeps the old") {
    ReportWorld rw;
    const std::string html = rw.w.dir.file("board.html");
    auto r = writeBoardReport(rw.session, nullptr, rw.request(html));
    REQUIRE_MESSAGE(r, (r ? "" : r.error()));
    std::string doc = slurp(html);
    CHECK(doc.find("<svg") != std::string::npos);
    CHECK(doc.find("data:image/png;base64,") != std::string::npos);
    CHECK(doc.find("http://") == doc.find("http://www.w3.org")); // no external fetches
    // Each inline SVG's glyph and clip ids are its own (shared ids would draw the wrong glyphs).
    std::set<std::string> ids;
    std::size_t id_count = 0;
    for (std::size_t at = doc.find(" id=\""); at != std::string::npos;
         at = doc.find(" id=\"", at + 1)) {
        ids.insert(doc.substr(at + 5, doc.find('"', at + 5) - at - 5));
        ++id_count;
    }
    CHECK(id_count > 10);
    CHECK(ids.size() == id_count);
    const std::string body = doc.substr(doc.find("<html"));
    CPLXMLNode* root = CPLParseXMLString(body.c_str());
    REQUIRE_MESSAGE(root, "the HTML is not well-formed");
    int rows = 0;
    bool west = false;
    // Walk every <tr>: the top-5 table's West row holds its count and rate.
    std::vector<CPLXMLNode*> stack = {root};
    while (!stack.empty()) {
        CPLXMLNode* n = stack.back();
        stack.pop_back();
        for (CPLXMLNode* c = n->psChild; c; c = c->psNext)
            if (c->eType == CXT_Element)
                stack.push_back(c);
        if (n->eType != CXT_Element || std::string(n->pszValue) != "tr")
            continue;
        ++rows;
        std::vector<std::string> cells;
        for (CPLXMLNode* td = n->psChild; td; td = td->psNext)
            if (td->eType == CXT_Element && std::string(td->pszValue) == "td")
                cells.push_back(CPLGetXMLValue(td, nullptr, ""));
        if (cells.size() >= 4 && cells[1] == "West" && cells[2] == "70" && cells[3] == "35.0")
            west = true;
    }
    CPLDestroyXMLNode(root);
    CHECK(rows > 10);
    CHECK(west);
    CHECK(doc.find("No data for Sep 2025") == std::string::npos); // chart text is drawn in SVG
    CHECK(doc.find("The data has no rows for Sep 2025") != std::string::npos);

    // A report that cannot be written (its folder is gone) fails with the path named and
    // leaves the report already there as it was.
    const std::string before = slurp(html);
    auto bad = writeBoardReport(rw.session, nullptr, rw.request(rw.w.dir.file("gone/board.pdf")));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().find("gone/board.pdf") != std::string::npos);
    auto wrong = writeBoardReport(rw.session, nullptr, rw.request(rw.w.dir.file("board.docx")));
    REQUIRE_FALSE(wrong);
    CHECK(slurp(html) == before);
}

TEST_CASE("board report: a basemap under the maps, with its attribution; a broken one is a note") {
    REQUIRE(havePoppler());
    ReportWorld rw;
    // Red west of 0.452 E (the two wards' middle, BNG 571000) and blue east, in Web Mercator
    // over the wards and well around them.
    const std::string tif = rw.w.dir.file("base.tif");
    REQUIRE(test::writeSplitRaster(tif, "GTiff", test::mercatorX(0.36), 6655000,
                                   test::mercatorX(0.52), 6685000, 10,
                                   test::SplitColours{test::mercatorX(0.452)}));
    const std::string pdf = rw.w.dir.file("based.pdf");
    BoardReportRequest req = rw.request(pdf);
    auto src = parseBasemapSource(tif + ",attribution=Test basemap");
    REQUIRE(src);
    req.basemap.source = src.value();
    req.basemap.look = {1.0f, false};
    auto r = writeBoardReport(rw.session, nullptr, req);
    REQUIRE_MESSAGE(r, (r ? "" : r.error()));
    for (const auto& n : r.value().notes)
        CHECK(n.find("basemap") == std::string::npos);
    const std::string text = run("pdftotext '" + pdf + "' -");
    CHECK(text.find("Basemap Test basemap.") != std::string::npos);
    run("pdftoppm -r 50 -png '" + pdf + "' '" + rw.w.dir.file("based") + "'");
    std::size_t red = 0, blue = 0;
    for (const auto& e : fs::directory_iterator(rw.w.dir.path()))
        if (e.path().filename().string().rfind("based-", 0) == 0) {
            red += pixelsNear(e.path().string(), {220, 30, 30, 255}, 12);
            blue += pixelsNear(e.path().string(), {30, 30, 220, 255}, 12);
        }
    MESSAGE("basemap pixels in the report: red " << red << ", blue " << blue);
    CHECK(red > 500); // both maps, around the wards
    CHECK(blue > 500);

    const std::string junk = rw.w.dir.file("junk.tif");
    std::ofstream(junk) << "not a raster";
    auto bad_src = parseBasemapSource(junk);
    REQUIRE(bad_src);
    req.basemap.source = bad_src.value();
    auto without = writeBoardReport(rw.session, nullptr, req);
    REQUIRE(without);
    REQUIRE(!without.value().notes.empty());
    CHECK(without.value().notes.back().find("basemap junk.tif: cannot be opened") == 0);
    CHECK(without.value().notes.back().find("; the maps are drawn without it") !=
          std::string::npos);
}

TEST_CASE("board report: district figures of what police.uk does not publish are withheld") {
    ReportWorld rw;
    const auto only = [&](const char* rule_text, MonthIndex month) {
        auto r = rw.request(rw.w.dir.file("b.html"));
        auto rule = parseLayerRule(rule_text);
        REQUIRE(rule);
        r.content.selection.layers = {rule.value()};
        r.content.selection.from = r.content.selection.to = month;
        return r;
    };
    // police.uk's own crime types: July 2025 is West's 12 and East's 3 ASB, printed in full.
    const auto published = only("ASB: types=Anti-social behaviour", makeMonth(2025, 7));
    CHECK(publishedLayers(rw.session, published.content.selection.layers) ==
          std::vector<std::uint8_t>{1});
    auto pub = writeBoardReport(rw.session, nullptr, published);
    REQUIRE(pub);
    CHECK_FALSE(pub.value().district.anyWithheld());
    const std::string pub_html = slurp(rw.w.dir.file("b.html"));
    CHECK(pub_html.find("police.uk publishes them") != std::string::npos);
    // Sources by the names the person gave, not the folders they sit in.
    CHECK(pub_html.find("Sources: ward boundaries wards.geojson; incidents inc.csv; population "
                        "pop.csv") != std::string::npos);
    CHECK(pub_html.find(rw.w.dir.path().string()) == std::string::npos);

    // A term-based layer ("Station" in the location): East's 3 a month are nobody's published
    // figure. The headline, its previous month and year earlier, the crime type and the
    // month's points are all small and withheld.
    const auto term = only(
        "Station ASB: types=Anti-social behaviour; terms=Station; columns=Location; combine=and",
        makeMonth(2025, 7));
    CHECK(publishedLayers(rw.session, term.content.selection.layers) ==
          std::vector<std::uint8_t>{0});
    auto t = writeBoardReport(rw.session, nullptr, term);
    REQUIRE(t);
    const BoardDisclosure& d = t.value().district;
    REQUIRE(t.value().figures.headline.size() == 1);
    CHECK(t.value().figures.headline[0].count == 3);
    CHECK(d.headline[0][0] == Shown::Small);
    REQUIRE(t.value().figures.crime_types.size() == 1);
    CHECK(d.crime_types[0][0] == Shown::Small);
    const auto july =
        static_cast<std::size_t>(makeMonth(2025, 7) - t.value().figures.monthly.span.first);
    CHECK(d.monthly[0][july] == Shown::Small);
    const std::string html = slurp(rw.w.dir.file("b.html"));
    CHECK(html.find("police.uk does not publish Station ASB") != std::string::npos);
    CHECK(html.find("&lt;5 incidents (Station ASB)") != std::string::npos);
    CHECK(html.find("3 incidents (Station ASB)") == std::string::npos);

    // A partner's own extract (not a police.uk file): its rows make a layer unpublished even
    // without terms. October to December: 1, 6 and 7 robberies. The months add up to the
    // headline's 14, so October's 1 would follow by subtraction: November's 6 (the smallest
    // other month) is withheld with it.
    Session partner;
    LoadRequest req = rw.w.request;
    std::string csv = "Ref;Date;Easting;Northing;Offence\n";
    int ref = 0;
    for (const auto& [date, n] : std::vector<std::pair<const char*, int>>{
             {"15/10/2025", 1}, {"15/11/2025", 6}, {"15/12/2025", 7}})
        for (int i = 0; i < n; ++i)
            csv += std::to_string(++ref) + ";" + date + ";570500;160500;Robbery\n";
    csv += "99;16/11/2025;575000;165000;Robbery\n100;17/11/2025;575000;165000;Robbery\n";
    req.incident_paths.push_back(test::writeFile(rw.w.dir.file("partner.csv"), csv));
    REQUIRE(partner.load(req));
    auto robbery = parseLayerRule("Robbery: types=Robbery");
    REQUIRE(robbery);
    CHECK(publishedLayers(partner, {robbery.value()}) == std::vector<std::uint8_t>{0});
    auto q4 = rw.request(rw.w.dir.file("p.html"));
    q4.content.selection.layers = {robbery.value()};
    q4.content.selection.from = makeMonth(2025, 10);
    auto p = writeBoardReport(partner, nullptr, q4);
    REQUIRE(p);
    const BoardFigures& pf = p.value().figures;
    const BoardDisclosure& pd = p.value().district;
    CHECK(pf.headline[0].count == 14);
    CHECK(pd.headline[0][0] == Shown::Yes); // 14 is not small
    CHECK(pf.outside_wards == 2);           // two more fell outside the wards: not printed
    const std::string phtml = slurp(rw.w.dir.file("p.html"));
    CHECK(phtml.find("&lt;5 more in the period fell outside every ward") != std::string::npos);
    const auto shownIn = [&](int month) {
        return pd
            .monthly[0][static_cast<std::size_t>(makeMonth(2025, month) - pf.monthly.span.first)];
    };
    CHECK(shownIn(10) == Shown::Small);
    CHECK(shownIn(11) == Shown::Complement);
    CHECK(shownIn(12) == Shown::Yes);
    // The same months from police.uk's file alone are printed in full.
    auto drugs = parseLayerRule("Drugs: types=Drugs");
    REQUIRE(drugs);
    CHECK(publishedLayers(partner, {drugs.value()}) == std::vector<std::uint8_t>{1});
}

TEST_CASE("board report: the backtest section scores the methods on each loaded month, with the "
          "capture curves; the plan's settings choose the planner; a backtest that cannot run "
          "is said") {
    ReportWorld rw;
    // The plan's suggestion settings make the planner's request.
    Plan plan;
    plan.set("suggest_weeks", "3");
    plan.set("suggest_shape", "hexagon");
    plan.set("suggest_radius_m", "150");
    plan.set("suggest_min_gap_m", "50");
    BoardReportRequest req = rw.request("x.pdf");
    const BacktestRequest from_plan = backtestForPlan(&plan, req.content.selection);
    CHECK(from_plan.planner.weeks == 3);
    CHECK(from_plan.planner.shape == SuggestShape::Hexagon);
    CHECK(from_plan.planner.radius_m == 150);
    CHECK(from_plan.planner.min_gap_m == 50);
    CHECK(from_plan.selection.from == kNoMonth); // every loaded month, not the report's period
    const BacktestRequest no_plan = backtestForPlan(nullptr, req.content.selection);
    CHECK(no_plan.planner.weeks == 6);
    CHECK(no_plan.planner.shape == SuggestShape::Circle);

    req.backtest = no_plan;
    req.backtest->planner.weeks = 1;
    BoardReportResult res;
    auto doc = boardReportDocument(rw.session, nullptr, req, res);
    REQUIRE(doc);
    const auto& blocks = doc.value().blocks;
    const auto heading = std::find_if(blocks.begin(), blocks.end(), [](const ReportBlock& b) {
        return b.kind == ReportBlock::Kind::Heading && b.text.find("backtest") != std::string::npos;
    });
    REQUIRE(heading != blocks.end());
    const ReportTable* table = nullptr;
    const ReportChart* chart = nullptr;
    std::string text;
    for (auto b = heading + 1; b != blocks.end() && b->kind != ReportBlock::Kind::Heading; ++b) {
        if (b->kind == ReportBlock::Kind::Table)
            table = &b->table;
        if (b->kind == ReportBlock::Kind::Chart)
            chart = &b->chart;
        text += b->text + "\n";
    }
    // Test months 2024-10..2025-08 (11); 2025-09 has no data, and 10..12 train on it.
    CHECK(text.find("from 2024-10 to 2025-08 (11 months)") != std::string::npos);
    CHECK(text.find("Months not tested") != std::string::npos);
    CHECK(text.find(
              "2025-12: a month of it or of its training months 2025-09..2025-11 has no data") !=
          std::string::npos);
    REQUIRE(table);
    REQUIRE(table->rows.size() == 8);
    CHECK(table->rows[0][0] == "planner (1 circles of 300 m)");
    // The stable High Street hotspot: the planner's one circle holds it every month: 10 of 13
    // ASB and drugs rows a month to 2025-06 (9 test months), 14 of 17 in 2025-07 and 08, so a
    // mean of (9 x 10/13 + 2 x 14/17) / 11 = 77.9%.
    CHECK(table->rows[0][1] == "77.9");
    CHECK(table->rows[0][5] == "0 of 11"); // the baseline's cells take Station Road too
    REQUIRE(chart);
    CHECK(chart->series.size() == 7);
    CHECK(chart->categories.front() == "0.5%");
    CHECK(chart->categories.back() == "10%");
    CHECK(chart->series.back().dashed); // the month itself
    for (const auto& s : chart->series)
        for (std::size_t i = 1; i < s.values.size(); ++i)
            CHECK(*s.values[i] >= *s.values[i - 1]);

    // Too many months chosen on: the report is still written, and says why there is no backtest.
    req.backtest->train_months = 24;
    BoardReportResult res2;
    auto doc2 = boardReportDocument(rw.session, nullptr, req, res2);
    REQUIRE(doc2);
    bool said = false;
    for (const auto& b : doc2.value().blocks)
        said = said || b.text.find("The backtest could not be run") != std::string::npos;
    CHECK(said);
    CHECK(std::any_of(res2.notes.begin(), res2.notes.end(),
                      [](const std::string& n) { return n.rfind("backtest: ", 0) == 0; }));
}
