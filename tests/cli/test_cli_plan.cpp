// The planner's commands end to end: suggest writes a plan, plan edits and lists it, evaluate
// scores it; a save killed part way never leaves a broken plan.
#include "cli_runner.hpp"
#include "io/plan_file.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <random>
#include <unistd.h>

using namespace sw;
using test::quote;
using test::run;

namespace {
const std::string kGeo = STREETWEEK_GEODATA;
std::string sample() {
    return "--quiet --wards " + quote(kGeo + "/medway_wards_2023.geojson") + " --incidents " +
           quote(kGeo + "/medway_street_2025.zip");
}
} // namespace

TEST_CASE("suggest, plan --set, plan and evaluate --json on the bundled sample") {
    test::TempDir dir;
    const std::string plan = dir.file("plan.gpkg");
    const auto s = run("suggest " + sample() +
                       " --from 2025-07 --to 2025-12 --layer asb --layer weapons "
                       "--layer-weight weapons=3 --weeks 3 --min-gap 200 --out " +
                       quote(plan));
    INFO(s.output);
    REQUIRE(s.code == 0);
    CHECK(s.output.find("Suggested 3 areas of radius 300 m for 2025-07..2025-12") !=
          std::string::npos);
    // The choice says whether it is proved, or its gap to the bound.
    CHECK((s.output.find("Optimal (proved)") != std::string::npos ||
           s.output.find("Not proved in the time limit: best found") != std::string::npos));
    CHECK(s.output.find("Candidates: every placement that matters") != std::string::npos);
    auto p = io::readPlan(plan);
    REQUIRE(p);
    REQUIRE(p.value().areas.size() == 3);
    CHECK(p.value().settingAll("layer").size() == 2);
    REQUIRE(p.value().sources.size() == 2);
    CHECK(p.value().sources[0].role == "wards");
    CHECK(p.value().sources[0].rows == 24u); // Medway's 2023 wards
    CHECK(p.value().sources[1].role == "incidents");
    CHECK(p.value().sources[1].rows == 30496u); // every row of the bundled zip's files
    CHECK(p.value().setting("suggest_radius_m") == "300");
    for (const auto& a : p.value().areas)
        CHECK(a.name.rfind("Near ", 0) == 0);

    // Edit the schedule; the plan reloads its own data for the statistics.
    const auto e = run("plan --quiet --plan " + quote(plan) +
                       " --set A1:week=2026-03-04 --set A2:week=2026-03-02 --set "
                       "A1:lead=Police --set A3:status=approved");
    INFO(e.output);
    REQUIRE(e.code == 0);
    CHECK(e.output.find("week of 2026-03-02: 2 areas") != std::string::npos);
    CHECK(e.output.find("Statistics for 2025-07..2025-12:") != std::string::npos);
    CHECK(e.output.find("A3 (") != std::string::npos); // unscheduled
    auto edited = io::readPlan(plan);
    REQUIRE(edited);
    CHECK(formatDay(edited.value().areas[0].week) == "2026-03-02"); // moved to its Monday
    CHECK(edited.value().areas[0].lead == "Police");
    CHECK(edited.value().areas[2].status == AreaStatus::Approved);
    CHECK(run("plan --plan " + quote(plan) + " --set A9:week=2026-03-02").code == 2);
    CHECK(run("plan --plan " + quote(plan) + " --set A1:week=2026-02-30").code == 2);

    // The hold-out check in JSON; the first half of 2025 is not the months chosen on.
    const auto j = run("evaluate --quiet --plan " + quote(plan) +
                       " --from 2025-01 --to 2025-06 --train-from 2025-07 --train-to 2025-12 "
                       "--json");
    INFO(j.output);
    REQUIRE(j.code == 0);
    const auto ej = test::jsonOf(j);
    REQUIRE(!ej.is_discarded());
    CHECK(ej["period"] == nlohmann::json({{"from", "2025-01"}, {"to", "2025-06"}}));
    CHECK(ej["train"] == nlohmann::json({{"from", "2025-07"}, {"to", "2025-12"}}));
    REQUIRE(ej["areas"].size() >= 1);
    CHECK(ej["areas"][0]["area_id"] == "A1");
    CHECK(ej["areas"][0].contains("rri"));
    CHECK(ej["plan"]["incidents"].is_number_integer());
    std::int64_t sum = 0; // the plan's incidents are its areas' (they do not overlap)
    for (const auto& a : ej["areas"])
        sum += a["incidents"].get<std::int64_t>();
    CHECK(ej["plan"]["incidents"].get<std::int64_t>() <= sum);
    // The after-action check of A1, moved to a week in 2025-06 and marked done: three months
    // either side (2025-03..05, 2025-07..09); the JSON's target counts equal the hold-out's
    // per-area count over the same months.
    REQUIRE(run("plan --plan " + quote(plan) +
                " --set A1:week=2025-06-09 --set A1:status=done --schedule-only")
                .code == 0);
    const auto after = run("after --quiet --plan " + quote(plan) + " --area A1 --json");
    INFO(after.output);
    REQUIRE(after.code == 0);
    const auto aj = test::jsonOf(after);
    REQUIRE(!aj.is_discarded());
    CHECK(aj["area_id"] == "A1");
    CHECK(aj["before"] == nlohmann::json({{"from", "2025-03"}, {"to", "2025-05"}}));
    CHECK(aj["after"] == nlohmann::json({{"from", "2025-07"}, {"to", "2025-09"}}));
    CHECK(aj.contains("wdq"));
    CHECK(aj["control_leaves_out"] == nlohmann::json::array()); // the other weeks are in 2026
    for (const char* zone : {"target", "buffer", "control"})
        CHECK(aj[zone].size() == 2);
    const auto held = [&](const char* from, const char* to, const char* extra = "") {
        const auto r = run("evaluate --quiet --plan " + quote(plan) + " --from " + from + " --to " +
                           to + " --json" + extra);
        REQUIRE(r.code == 0);
        const auto hj = test::jsonOf(r);
        REQUIRE(!hj.is_discarded());
        for (const auto& a : hj["areas"])
            if (a["area_id"] == "A1")
                return a["incidents"].get<double>();
        FAIL("A1 is not in the hold-out check");
        return -1.0;
    };
    CHECK(aj["target"][0].get<double>() == held("2025-03", "2025-05"));
    // 2025-07..09 are months the plan was chosen on: refused as a hold-out, scored when asked.
    const auto refused =
        run("evaluate --quiet --plan " + quote(plan) + " --from 2025-07 --to 2025-09");
    CHECK(refused.code == 2);
    CHECK(refused.output.find("overlap the months the areas were chosen on (2025-07..2025-12)") !=
          std::string::npos);
    CHECK(aj["target"][1].get<double>() == held("2025-07", "2025-09", " --in-sample"));
    const auto marked =
        run("evaluate --quiet --plan " + quote(plan) + " --from 2025-07 --to 2025-09 --in-sample");
    CHECK(marked.output.find("IN-SAMPLE check (not a hold-out") != std::string::npos);
    CHECK(marked.output.find("(in-sample)") != std::string::npos);
    // Without a period: the months after the plan's that the data holds (none here).
    const auto none = run("evaluate --quiet --plan " + quote(plan));
    CHECK(none.code == 2);
    CHECK(none.output.find("the data holds no months after 2025-07..2025-12") != std::string::npos);
    const auto text = run("after --quiet --plan " + quote(plan) + " --area A1 --weeks 8");
    INFO(text.output);
    REQUIRE(text.code == 0);
    CHECK(text.output.find("police.uk street-level crime give months only: read as 2 months") !=
          std::string::npos);
    CHECK(text.output.find("Weighted displacement difference") != std::string::npos);
    CHECK(text.output.find("Weighted displacement quotient") != std::string::npos);
    const auto beyond = run("after --quiet --plan " + quote(plan) + " --area A1 --months 7");
    CHECK(beyond.code == 1);
    CHECK(beyond.output.find("has months without data") != std::string::npos);
    CHECK(run("after --quiet --plan " + quote(plan) + " --area A9").code == 2);

    // A plan whose data has moved asks for it.
    const std::string moved = dir.file("moved.gpkg");
    auto copy = edited.value();
    copy.sources[0].path = dir.file("gone.geojson");
    REQUIRE(io::writePlan(moved, copy));
    const auto m = run("plan --quiet --plan " + quote(moved));
    CHECK(m.code != 0);
    CHECK(m.output.find("is not there any more: give --wards with its new place") !=
          std::string::npos);
}

TEST_CASE("a save killed part way leaves the old plan or the new one, never a broken one") {
    test::TempDir dir;
    const std::string plan = dir.file("plan.gpkg");
    REQUIRE(run("suggest " + sample() + " --weeks 8 --out " + quote(plan)).code == 0);
    // Kill at moments spread over the whole run (start, reading, writing, committing), and,
    // every other round, once the save's transaction has begun writing (its journal is there):
    // those kills land inside the save, and leave SQLite's hot journal for the next reader.
    const auto t0 = std::chrono::steady_clock::now();
    REQUIRE(run("plan --plan " + quote(plan) + " --set A1:name=Timed --schedule-only").code == 0);
    const auto whole = static_cast<unsigned>(
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0)
            .count());
    const std::string journal = plan + "-journal";
    const auto journalThere = [&] {
        std::error_code ec;
        return std::filesystem::exists(journal, ec) && std::filesystem::file_size(journal, ec) > 0;
    };
    std::mt19937 rng(42);
    int old_seen = 0, new_seen = 0, mid_save = 0, old_mid = 0;
    std::string previous = "Timed";
    for (int i = 0; i < 40; ++i) {
        const std::string name = "Renamed " + std::to_string(i);
        const std::string arg = "A1:name=" + name;
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::execl(STREETWEEK_BIN, STREETWEEK_BIN, "plan", "--plan", plan.c_str(), "--set",
                    arg.c_str(), "--schedule-only", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        if (i % 2 == 0) {
            ::usleep(std::uniform_int_distribution<unsigned>(whole / 4, whole + whole / 4)(rng));
        } else {
            // Until the journal shows (or the process ends), then a moment into the write.
            int status = 0;
            while (!journalThere() && ::waitpid(pid, &status, WNOHANG) == 0)
                ::usleep(20);
            ::usleep(std::uniform_int_distribution<unsigned>(0, 300)(rng));
        }
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        // What a kill inside the save leaves: a hot journal, the transaction not committed.
        const bool killed_mid_save = WIFSIGNALED(status) && journalThere();
        mid_save += killed_mid_save;
        auto back = io::readPlan(plan);
        INFO("round ", i, killed_mid_save ? " (killed inside the save)" : "");
        REQUIRE(back);
        REQUIRE(back.value().areas.size() == 8);
        const std::string now = back.value().areas[0].name;
        CHECK((now == previous || now == name));
        // A journal left behind is a write cut short: the save's own transaction (the old plan
        // stays) or GDAL's bookkeeping after its commit (the new one stays); never a mix.
        old_mid += killed_mid_save && now == previous;
        (now == name ? new_seen : old_seen)++;
        previous = now;
    }
    MESSAGE(mid_save, " of 40 kills landed inside a write, ", old_mid,
            " of them before the save's commit (the old plan kept)");
    CHECK(mid_save >= 5); // the test proves something only when kills hit the write itself
    CHECK(old_mid >= 3);
    MESSAGE("kept the old plan ", old_seen, " times, the new one ", new_seen, " times");
    // The next save leaves nothing behind, and the plan is a sound database.
    REQUIRE(run("plan --plan " + quote(plan) + " --set A1:name=Final --schedule-only").code == 0);
    CHECK(io::readPlan(plan).value().areas[0].name == "Final");
    for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
        CHECK(e.path().filename().string().rfind(".streetweek-tmp-", 0) != 0);
        CHECK(e.path().filename().string().find("-journal") == std::string::npos);
    }
}

TEST_CASE("export: the partner pack of a plan on the bundled sample, each format, and its "
          "warnings and usage errors") {
    test::TempDir dir;
    const std::string plan = dir.file("plan.gpkg");
    REQUIRE(run("suggest " + sample() +
                " --from 2025-07 --to 2025-12 --layer asb --layer weapons --weeks 2 --out " +
                quote(plan))
                .code == 0);
    // The plan's own sources and period: no --wards/--incidents needed.
    const auto s = run("export --quiet --plan " + quote(plan) + " --format shp --zip --out " +
                       quote(dir.file("pack")));
    INFO(s.output);
    REQUIRE(s.code == 0);
    CHECK(s.output.find("Partner pack (ESRI Shapefile) written to") != std::string::npos);
    CHECK(s.output.find("ward_profiles       24 features") != std::string::npos);
    CHECK(s.output.find("disclosure control: counts 1 to 4 withheld") != std::string::npos);
    for (const char* f : {"target_areas.shp", "target_areas.prj", "target_areas.cpg",
                          "target_areas.qml", "hotspots.shp", "gistar_classes.shp",
                          "ward_profiles.dbf", "density.tif", "map.png", "README.txt"})
        CHECK_MESSAGE(std::filesystem::exists(dir.file("pack/") + f), f);
    CHECK(std::filesystem::exists(dir.file("pack.zip")));
    CHECK(test::readFile(dir.file("pack/README.txt")).find("2025-07..2025-12") !=
          std::string::npos);
    for (const char* format : {"gpkg", "geojson", "kml", "csv", "xlsx"}) {
        const auto f = run("export --quiet --plan " + quote(plan) + " --format " + format +
                           " --no-map --out " + quote(dir.file(std::string("p_") + format)));
        CHECK_MESSAGE(f.code == 0, format << ": " << f.output);
    }
    const auto off = run("export --quiet --plan " + quote(plan) +
                         " --suppress 0 --format csv --out " + quote(dir.file("open")));
    CHECK(off.code == 0);
    CHECK(off.output.find("warning: --suppress 0 turns disclosure control off") !=
          std::string::npos);
    const auto bad =
        run("export --quiet --plan " + quote(plan) + " --format dwg --out " + quote(dir.file("x")));
    CHECK(bad.code == 2);
    CHECK(bad.output.find("--format must be shp, gpkg, geojson, kml, csv or xlsx") !=
          std::string::npos);
    const auto no_out = run("export --quiet --plan " + quote(plan));
    CHECK(no_out.code == 2);
    // A folder that is not a pack is left alone.
    std::filesystem::create_directory(dir.file("docs"));
    test::writeFile(dir.file("docs/keep.txt"), "mine");
    const auto refused =
        run("export --quiet --plan " + quote(plan) + " --out " + quote(dir.file("docs")));
    CHECK(refused.code == 1);
    CHECK(refused.output.find("is not a streetweek pack") != std::string::npos);
}

TEST_CASE("report: the board report equals `wards` for the same request; with a plan, its areas") {
    test::TempDir dir;
    const std::string request = sample() + " --population " +
                                quote(kGeo + "/medway_ward_population_2021.csv") +
                                " --from 2025-07 --to 2025-12 --layer asb --layer weapons";
    const auto w = run("wards " + request + " --out " + quote(dir.file("w.csv")));
    REQUIRE(w.code == 0);
    const auto r = run("report " + request + " --out " + quote(dir.file("board.pdf")));
    INFO(r.output);
    REQUIRE(r.code == 0);
    CHECK(r.output.find("Wrote " + dir.file("board.pdf")) != std::string::npos);
    // The ward profile's first row (rank 1) and its count are the report's top ward.
    const std::string csv = test::readFile(dir.file("w.csv"));
    const auto line2 = csv.substr(csv.find('\n') + 1);
    const auto fields = line2.substr(0, line2.find('\n'));
    const std::string text =
        test::runShell("pdftotext -layout " + quote(dir.file("board.pdf")) + " -").output;
    // "E050...,Chatham Central & Brompton,460,..." -> name and count.
    const auto c1 = fields.find(','), c2 = fields.find(',', c1 + 1), c3 = fields.find(',', c2 + 1);
    std::string name = fields.substr(c1 + 1, c2 - c1 - 1);
    if (!name.empty() && name.front() == '"')
        name = name.substr(1, name.size() - 2);
    const std::string count = fields.substr(c2 + 1, c3 - c2 - 1);
    CHECK(r.output.find(name + " (" + count + ")") != std::string::npos);
    CHECK(text.find(name) != std::string::npos);
    CHECK(text.find("Top 5 wards by rate per 1,000 residents") != std::string::npos);
    CHECK(text.find("Open Government Licence") != std::string::npos);
    // Every page it says it wrote is in the file, down to the method at the end: on the whole
    // year of every crime a hotspot table's text was once cut inside a UTF-8 character, which
    // stopped Cairo drawing anything after it.
    const auto full = run("report --quiet " + sample() + " --population " +
                          quote(kGeo + "/medway_ward_population_2021.csv") + " --out " +
                          quote(dir.file("full.pdf")));
    REQUIRE(full.code == 0);
    const std::string full_text =
        test::runShell("pdftotext " + quote(dir.file("full.pdf")) + " -").output;
    CHECK(full_text.find("Method, sources and disclosure") != std::string::npos);
    CHECK(full_text.find("Every ward of the study area, by count.") != std::string::npos);
    const std::string info = test::runShell("pdfinfo " + quote(dir.file("full.pdf"))).output;
    const auto pages_at = full.output.find(" pages)");
    REQUIRE(pages_at != std::string::npos);
    const auto open_at = full.output.rfind('(', pages_at);
    CHECK(info.find("Pages:           " + full.output.substr(open_at + 1, pages_at - open_at - 1) +
                    "\n") != std::string::npos);

    const std::string plan = dir.file("plan.gpkg");
    REQUIRE(run("suggest " + sample() +
                " --from 2025-07 --to 2025-12 --layer asb --layer weapons --weeks 2 --out " +
                quote(plan))
                .code == 0);
    const auto h =
        run("report --quiet --plan " + quote(plan) + " --out " + quote(dir.file("b.html")));
    INFO(h.output);
    REQUIRE(h.code == 0);
    const std::string html = test::readFile(dir.file("b.html"));
    CHECK(html.find("<h2>Street-week plan</h2>") != std::string::npos);
    CHECK(html.find("<td>A1</td>") != std::string::npos);
    const auto bad = run("report " + request + " --out " + quote(dir.file("board.docx")));
    CHECK(bad.code == 2);
    const auto no_wards =
        run("report --quiet --incidents " + quote(kGeo + "/medway_street_2025.zip") + " --out " +
            quote(dir.file("x.pdf")));
    CHECK(no_wards.code == 2);
}

TEST_CASE("suggest presets and harm weights: Op Savvy's geometry, the College's ranked hexagons, "
          "recorded in the plan") {
    test::TempDir dir;
    const std::string plan = dir.file("savvy.gpkg");
    const std::string weights =
        test::writeFile(dir.file("harm.csv"), "# test table, not an index\ncrime type,weight\n"
                                              "Violence and sexual offences,10\nRobbery,8\n*,1\n");
    const auto s = run("suggest " + sample() + " --from 2025-10 --to 2025-12 --preset savvy " +
                       "--weeks 4 --weights " + quote(weights) + " --out " + quote(plan));
    INFO(s.output);
    REQUIRE(s.code == 0);
    CHECK(s.output.find("Suggested 4 areas of radius 150 m for 2025-10..2025-12 (gap 200 m)") !=
          std::string::npos);
    CHECK(s.output.find("harm weights from " + weights +
                        " (test table, not an index): 2 crime "
                        "types, every other type 1") != std::string::npos);
    auto p = io::readPlan(plan);
    REQUIRE(p);
    REQUIRE(p.value().areas.size() == 4);
    for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t j = 0; j < i; ++j)
            CHECK(bg::distance(p.value().areas[i].centre, p.value().areas[j].centre) >= 500 - 1e-6);
    CHECK(p.value().setting("suggest_preset") == "savvy");
    CHECK(p.value().setting("suggest_radius_m") == "150");
    CHECK(p.value().setting("suggest_min_gap_m") == "200");
    CHECK(p.value().settingAll("harm_weight") ==
          std::vector<std::string>{"Violence and sexual offences=10", "Robbery=8", "*=1"});
    CHECK(p.value().setting("harm_weights_title") == "test table, not an index");

    const std::string hex = dir.file("college.gpkg");
    const auto c = run("suggest " + sample() + " --preset college --weeks 3 --out " + quote(hex));
    INFO(c.output);
    REQUIRE(c.code == 0);
    CHECK(c.output.find("without --weights they are ranked by counts") != std::string::npos);
    CHECK(c.output.find("Suggested 3 hexagons of 150 m centre to corner") != std::string::npos);
    auto h = io::readPlan(hex);
    REQUIRE(h);
    CHECK(h.value().setting("suggest_shape") == "hexagon");
    REQUIRE(h.value().areas.size() == 3);
    CHECK(h.value().areas[0].shape[0].outer().size() == 7);

    // Keep what was approved or locked and add two more clear of them; the other proposals
    // are left out, and their ids are not given again.
    REQUIRE(run("plan --quiet --plan " + quote(plan) + " --set A1:status=approved --set " +
                "A3:locked=1")
                .code == 0);
    const std::string next = dir.file("next.gpkg");
    const auto k = run("suggest " + sample() + " --from 2025-10 --to 2025-12 --preset savvy " +
                       "--weeks 2 --keep " + quote(plan) + " --out " + quote(next));
    INFO(k.output);
    REQUIRE(k.code == 0);
    CHECK(k.output.find("kept 2 areas of " + plan +
                        " (approved, locked, done or excluded); left out its other proposals: "
                        "A2 ") != std::string::npos);
    auto n = io::readPlan(next);
    REQUIRE(n);
    REQUIRE(n.value().areas.size() == 4);
    CHECK(n.value().areas[0].id == "A1");
    CHECK(n.value().areas[0].status == AreaStatus::Approved);
    CHECK(n.value().areas[1].id == "A3");
    CHECK(n.value().areas[1].locked);
    CHECK(n.value().areas[2].id == "A5");
    CHECK(n.value().areas[3].id == "A6");
    for (std::size_t i = 2; i < 4; ++i)
        for (std::size_t j = 0; j < 2; ++j)
            CHECK(bg::distance(n.value().areas[i].centre, n.value().areas[j].shape) >=
                  150 + 200 - 1e-6);

    const auto bad = run("suggest " + sample() + " --preset bogus --weeks 3 --out " + quote(hex));
    CHECK(bad.code == 2);
    CHECK(bad.output.find("--preset must be college or savvy") != std::string::npos);
}

TEST_CASE("suggest on incidents without months: every incident counts, no previous period") {
    test::TempDir dir;
    const std::string csv =
        test::writeFile(dir.file("undated.csv"), "x,y,type\n577182,168622,Robbery\n577190,168630,"
                                                 "Robbery\n576243,167595,Drugs\n");
    const std::string plan = dir.file("plan.gpkg");
    const auto s = run("suggest --quiet --wards " + quote(kGeo + "/medway_wards_2023.geojson") +
                       " --incidents " + quote(csv) +
                       " --x-field x --y-field y --exact-locations --weeks 2 --out " + quote(plan));
    INFO(s.output);
    REQUIRE(s.code == 0);
    CHECK(s.output.find("Suggested 2 areas of radius 300 m for every incident (no months)") !=
          std::string::npos);
    CHECK(s.output.find("every incident (no months): 2 incidents (66.7% of the study area's 3") !=
          std::string::npos);
    CHECK(s.output.find("every incident (no months): 1 incident (33.3%") != std::string::npos);
    CHECK(s.output.find("previous period: none (the incidents carry no months)") !=
          std::string::npos);
    auto p = io::readPlan(plan);
    REQUIRE(p);
    CHECK(p.value().areas.size() == 2);
}

TEST_CASE("backtest on the bundled sample: a fold per month after the training months, JSON and "
          "text") {
    const auto r = run("backtest " + sample() + " --weeks 2 --train-months 6 --json");
    INFO(r.output);
    REQUIRE(r.code == 0);
    const auto j = test::jsonOf(r);
    REQUIRE(!j.is_discarded());
    CHECK(j["methods"].size() == 8);
    CHECK(j["curve_land"].size() == 11);
    CHECK(j["curves"].size() == 7);
    CHECK(j["folds"][0]["curves"].size() == 7);
    REQUIRE(j["folds"].size() == 6); // 2025-07..2025-12, each on the 6 months before it
    CHECK(j["folds"][0]["test"] == "2025-07");
    CHECK(j["folds"][0]["train"] == nlohmann::json({{"from", "2025-01"}, {"to", "2025-06"}}));
    for (const auto& f : j["folds"])
        for (const auto& s : f["scores"]) {
            CHECK(s["hit_rate"].get<double>() >= 0);
            CHECK(s["hit_rate"].get<double>() <= 1);
        }
    int wins = 0;
    for (const auto& m : j["summary"])
        wins += m["wins"].get<int>();
    CHECK(wins >= 6);
    test::TempDir tmp;
    const std::string csv = tmp.file("curves.csv");
    const auto t =
        run("backtest " + sample() + " --weeks 2 --train-months 6 --no-kde --curves " + csv);
    CHECK(t.code == 0);
    CHECK(t.output.find("Over 6 folds") != std::string::npos);
    CHECK(t.output.find("Capture curves") != std::string::npos);
    CHECK(t.output.find("KDE") == std::string::npos);
    const std::string written = test::readFile(csv);
    CHECK(written.rfind("method,fold,land_pct,capture_pct\n", 0) == 0);
    // Gi*, the baseline, random and the month itself: mean and 6 folds at 11 shares, the planner.
    CHECK(std::count(written.begin(), written.end(), '\n') == 1 + 4 * 7 * 11 + 1);
    CHECK(run("backtest " + sample() + " --shape hotspot").code == 2);
    CHECK(run("backtest " + sample() + " --train-months 0").code == 2);
}
