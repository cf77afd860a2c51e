// The plan as a shared database (issue 31), with real processes: two planners saving at the
// same moment lose nothing and every clash is reported; a colleague's SQLite connection in WAL
// mode (as QGIS holds a GeoPackage it edits) keeps working and the plan stays sound; what QGIS
// users add (columns, tables, rows streetweek cannot use, dates and yes/no in their own forms)
// survives a save of something else; a symbolic link stays a link and a read-only plan is
// refused untouched.
#include "cli_runner.hpp"
#include "io/gdal_setup.hpp"
#include "io/plan_file.hpp"
#include "pg_server.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace sw;
using test::quote;
using test::run;

namespace {

const std::string kSharedGeo = STREETWEEK_GEODATA;
std::string sharedSample() {
    return "--quiet --wards " + quote(kSharedGeo + "/medway_wards_2023.geojson") + " --incidents " +
           quote(kSharedGeo + "/medway_street_2025.zip");
}

// A `plan --set` in its own process; its stderr to `err`.
pid_t sharedStartSet(const std::string& plan, const std::vector<std::string>& sets,
                     const std::string& err) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::FILE* e = std::freopen(err.c_str(), "w", stderr);
        std::FILE* o = std::freopen("/dev/null", "w", stdout);
        (void)e;
        (void)o;
        std::vector<std::string> args = {STREETWEEK_BIN, "plan", "--plan", plan, "--schedule-only"};
        for (const auto& s : sets) {
            args.push_back("--set");
            args.push_back(s);
        }
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(STREETWEEK_BIN, argv.data());
        ::_exit(127);
    }
    return pid;
}

int sharedWaitFor(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

struct SharedGdalClose {
    void operator()(GDALDataset* d) const { GDALClose(GDALDataset::ToHandle(d)); }
};
using SharedDataset = std::unique_ptr<GDALDataset, SharedGdalClose>;

SharedDataset sharedOpenForUpdate(const std::string& path) {
    io::ensureGdal();
    return SharedDataset(GDALDataset::FromHandle(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
}

std::string sharedSql(GDALDataset& ds, const std::string& sql) {
    OGRLayer* r = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!r)
        return "(no result)";
    std::string out;
    for (auto& f : *r)
        out += std::string(f->IsFieldSetAndNotNull(0) ? f->GetFieldAsString(0) : "NULL") + "\n";
    ds.ReleaseResultSet(r);
    return out;
}

std::string sharedIntegrity(const std::string& path) {
    SharedDataset ds(GDALDataset::FromHandle(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    return ds ? sharedSql(*ds, "PRAGMA integrity_check") : "(cannot open)";
}

const TargetArea* sharedById(const Plan& p, const std::string& id) {
    for (const auto& a : p.areas)
        if (a.id == id)
            return &a;
    return nullptr;
}

std::string sharedPlan8(test::TempDir& dir) {
    const std::string plan = dir.file("plan.gpkg");
    REQUIRE(run("suggest " + sharedSample() + " --weeks 8 --out " + quote(plan)).code == 0);
    return plan;
}

} // namespace

namespace {

// Two processes editing different areas at once, `rounds` times, then the same field at once
// 20 times: nothing lost, every clash reported with both values, never both refused.
void twoPlanners(const std::string& plan, test::TempDir& dir, int rounds) {
    const std::string e1 = dir.file("e1.txt"), e2 = dir.file("e2.txt");
    int lost = 0, failed = 0;
    for (int i = 0; i < rounds; ++i) {
        const std::string a = "round " + std::to_string(i) + " by one";
        const std::string b = "Lead " + std::to_string(i);
        const pid_t p1 = sharedStartSet(plan, {"A1:notes=" + a}, e1);
        const pid_t p2 = sharedStartSet(plan, {"A2:lead=" + b}, e2);
        const int c1 = sharedWaitFor(p1), c2 = sharedWaitFor(p2);
        failed += (c1 != 0) + (c2 != 0);
        if (c1 != 0 || c2 != 0)
            MESSAGE(test::readFile(c1 != 0 ? e1 : e2));
        auto back = io::readPlan(plan);
        REQUIRE(back);
        lost += sharedById(back.value(), "A1")->notes != a;
        lost += sharedById(back.value(), "A2")->lead != b;
    }
    MESSAGE("edits lost: ", lost, ", saves failed: ", failed, " (of ", 2 * rounds, ")");
    CHECK(lost == 0);
    CHECK(failed == 0);
    int clashes = 0;
    for (int i = 0; i < 20; ++i) {
        const std::string x = "Patel " + std::to_string(i), y = "Smith " + std::to_string(i);
        const pid_t p1 = sharedStartSet(plan, {"A3:lead=" + x}, e1);
        const pid_t p2 = sharedStartSet(plan, {"A3:lead=" + y}, e2);
        const int c1 = sharedWaitFor(p1), c2 = sharedWaitFor(p2);
        CHECK((c1 == 0 || c2 == 0));
        const std::string lead = sharedById(io::readPlan(plan).value(), "A3")->lead;
        if (c1 != 0 || c2 != 0) {
            ++clashes;
            const std::string err = test::readFile(c1 != 0 ? e1 : e2);
            CHECK(err.find("clash: A3 lead: yours '" + (c1 != 0 ? x : y) + "', in the file now '" +
                           (c1 != 0 ? y : x) + "'") != std::string::npos);
            CHECK(err.find("nothing was saved") != std::string::npos);
            CHECK(lead == (c1 != 0 ? y : x));
        } else {
            CHECK((lead == x || lead == y));
        }
    }
    MESSAGE(clashes, " of 20 simultaneous same-field rounds were clashes");
    auto history = io::readPlanHistory(plan);
    REQUIRE(history);
    CHECK(history.value().size() >= static_cast<std::size_t>(2 * rounds));
    CHECK(history.value().back().who == io::loginName());
    const auto h = run("plan --plan " + quote(plan) + " --history");
    CHECK(h.code == 0);
    CHECK(h.output.find("lead: 'Lead " + std::to_string(rounds - 2) + "' -> 'Lead " +
                        std::to_string(rounds - 1) + "'") != std::string::npos);
}

} // namespace

TEST_CASE("two planners, one plan: 100 rounds of simultaneous edits to different areas lose "
          "nothing; the same field changed at once is a clash naming both values") {
    test::TempDir dir;
    const std::string plan = sharedPlan8(dir);
    twoPlanners(plan, dir, 100);
    CHECK(sharedIntegrity(plan) == "ok\n");
}

TEST_CASE("the office's PostGIS as the store: the same plan, revisions, history and clash rules "
          "on a real PostgreSQL 15 server") {
    test::PgServer pg;
    if (!pg.running()) {
        if (std::getenv("STREETWEEK_REQUIRE_GUI_TOOLS"))
            FAIL(pg.why());
        MESSAGE("skipped: ", pg.why());
        return;
    }
    test::TempDir dir;
    const std::string gpkg = sharedPlan8(dir);
    const std::string plan = pg.plan("north");
    auto made = io::readPlan(gpkg);
    REQUIRE(made);
    REQUIRE(io::writePlan(plan, made.value()));
    CHECK(io::planExists(plan));
    auto back = io::readPlan(plan);
    REQUIRE(back);
    REQUIRE(back.value().areas.size() == 8);
    // Every field as written (the circle's centre and radius to a micrometre: the database
    // keeps 15 digits of a number).
    for (std::size_t i = 0; i < kAreaFieldCount; ++i) {
        const std::string got = areaFieldValues(back.value().areas[0])[i],
                          want = areaFieldValues(made.value().areas[0])[i];
        INFO(std::string(areaFieldNames()[i]));
        if (i >= 10 && i <= 12 && !want.empty())
            CHECK(std::stod(got) == doctest::Approx(std::stod(want)).epsilon(1e-12));
        else
            CHECK(got == want);
    }
    CHECK(back.value().settings.size() == made.value().settings.size());
    // The command line on the database, as on a file.
    const auto r = run("plan --quiet --plan " + quote(plan) +
                       " --set A1:week=2025-03-05 --set A1:locked=yes --schedule-only");
    INFO(r.output);
    REQUIRE(r.code == 0);
    back = io::readPlan(plan);
    CHECK(sharedById(back.value(), "A1")->week == makeDay(2025, 3, 3));
    CHECK(sharedById(back.value(), "A1")->locked);
    CHECK(sharedById(back.value(), "A1")->revision == 2);
    const std::string token = io::planChangeToken(plan);
    CHECK(!token.empty());
    twoPlanners(plan, dir, 100);
    CHECK(io::planChangeToken(plan) != token);
    // The plan's data files are still the plan's: `plan` loads them from the database's record.
    const auto stats = run("plan --quiet --plan " + quote(plan));
    CHECK(stats.code == 0);
    CHECK(stats.output.find("Statistics for") != std::string::npos);
}

TEST_CASE("a colleague's connection in WAL mode (as QGIS holds a GeoPackage) while streetweek "
          "saves: the plan stays sound and holds every edit, theirs after too") {
    test::TempDir dir;
    const std::string plan = sharedPlan8(dir);
    CPLSetConfigOption("OGR_SQLITE_JOURNAL", "WAL");
    SharedDataset colleague = sharedOpenForUpdate(plan);
    CPLSetConfigOption("OGR_SQLITE_JOURNAL", nullptr);
    REQUIRE(colleague);
    CHECK(sharedSql(*colleague, "PRAGMA journal_mode") == "wal\n");
    CHECK(sharedSql(*colleague, "SELECT count(*) FROM target_areas") == "8\n");
    const std::string long_note(60000, 'n');
    const auto r = run("plan --quiet --plan " + quote(plan) + " --set A1:notes=" + long_note +
                       " --set A2:lead=Patel --schedule-only");
    INFO(r.output.substr(0, 400));
    REQUIRE(r.code == 0);
    // The colleague's own edit, committed after streetweek's save, through the same connection.
    OGRLayer* areas = colleague->GetLayerByName("target_areas");
    REQUIRE(areas);
    REQUIRE(colleague->StartTransaction() == OGRERR_NONE);
    areas->SetAttributeFilter("area_id = 'A3'");
    std::unique_ptr<OGRFeature> f(areas->GetNextFeature());
    REQUIRE(f);
    f->SetField("notes", "the colleague's note");
    REQUIRE(areas->SetFeature(f.get()) == OGRERR_NONE);
    REQUIRE(colleague->CommitTransaction() == OGRERR_NONE);
    colleague.reset();
    CHECK(sharedIntegrity(plan) == "ok\n");
    auto back = io::readPlan(plan);
    REQUIRE(back);
    CHECK(sharedById(back.value(), "A1")->notes == long_note);
    CHECK(sharedById(back.value(), "A2")->lead == "Patel");
    CHECK(sharedById(back.value(), "A3")->notes == "the colleague's note");
    // And streetweek again, after the colleague.
    REQUIRE(
        run("plan --quiet --plan " + quote(plan) + " --set A4:lead=Council --schedule-only").code ==
        0);
    back = io::readPlan(plan);
    CHECK(sharedById(back.value(), "A3")->notes == "the colleague's note");
    CHECK(sharedById(back.value(), "A4")->lead == "Council");
}

TEST_CASE("what QGIS users add survives a save of something else: columns, tables, rows "
          "streetweek cannot use, dates and yes/no in their own forms") {
    test::TempDir dir;
    const std::string plan = sharedPlan8(dir);
    {
        SharedDataset ds = sharedOpenForUpdate(plan);
        REQUIRE(ds);
        OGRLayer* areas = ds->GetLayerByName("target_areas");
        OGRFieldDefn extra("ward_note", OFTString);
        REQUIRE(areas->CreateField(&extra) == OGRERR_NONE);
        OGRLayer* styles = ds->CreateLayer("layer_styles", nullptr, wkbNone, nullptr);
        OGRFieldDefn style_name("styleName", OFTString);
        REQUIRE(styles->CreateField(&style_name) == OGRERR_NONE);
        OGRFeature style(styles->GetLayerDefn());
        style.SetField("styleName", "QGIS style");
        REQUIRE(styles->CreateFeature(&style) == OGRERR_NONE);
        const auto add = [&](const char* id, const char* status, const char* wkt) {
            OGRFeature f(areas->GetLayerDefn());
            f.SetField("area_id", id);
            f.SetField("status", status);
            if (wkt) {
                OGRGeometry* g = nullptr;
                REQUIRE(OGRGeometryFactory::createFromWkt(wkt, nullptr, &g) == OGRERR_NONE);
                f.SetGeometryDirectly(g);
            }
            REQUIRE(areas->CreateFeature(&f) == OGRERR_NONE);
        };
        add("A20", "cancelled",
            "MULTIPOLYGON(((576000 168000,576100 168000,576100 168100,576000 168000)))");
        add("A21", "proposed", nullptr);
        add("A23", "proposed", // a bow-tie
            "MULTIPOLYGON(((576000 168000,576200 168200,576200 168000,576000 168200,576000 "
            "168000)))");
        add("A24", "proposed", "MULTIPOLYGON(((1e300 0,1e300 1,0 1,1e300 0)))");
        add("A26", "approved", // a good area drawn in QGIS
            "MULTIPOLYGON(((577000 168000,577200 168000,577200 168200,577000 168200,577000 "
            "168000)))");
        add("A25", "proposed", // longitude and latitude in a layer of metres
            "MULTIPOLYGON(((0.52 51.38,0.53 51.38,0.53 51.39,0.52 51.38)))");
        sharedSql(*ds, "UPDATE target_areas SET ward_note = 'keep me' WHERE area_id = 'A1'");
        sharedSql(*ds, "UPDATE target_areas SET week_start = '03/03/2025', locked = 'yes' WHERE "
                       "area_id = 'A2'");
        sharedSql(*ds, "UPDATE target_areas SET week_start = '2025-03-10T09:30', excluded = 'TRUE' "
                       "WHERE area_id = 'A3'");
        sharedSql(*ds, "UPDATE target_areas SET locked = 'maybe' WHERE area_id = 'A5'");
    }
    auto read = io::readPlan(plan);
    REQUIRE(read);
    const Plan& p = read.value();
    REQUIRE(sharedById(p, "A2"));
    REQUIRE(sharedById(p, "A3"));
    CHECK(sharedById(p, "A2")->week == makeDay(2025, 3, 3));
    CHECK(sharedById(p, "A2")->locked);
    CHECK(sharedById(p, "A3")->week == makeDay(2025, 3, 10));
    CHECK(sharedById(p, "A3")->excluded);
    REQUIRE(sharedById(p, "A23")); // mended, shown, said
    CHECK(shapeArea(sharedById(p, "A23")->shape) > 15000);
    std::string warnings;
    for (const auto& w : p.load_warnings)
        warnings += w + "\n";
    INFO(warnings);
    CHECK(warnings.find("A23 has an outline that crosses itself: shown mended") !=
          std::string::npos);
    CHECK(warnings.find("A20 has status 'cancelled'") != std::string::npos);
    CHECK(warnings.find("A21 has no geometry: not shown, kept in the file") != std::string::npos);
    CHECK(warnings.find("A24 has a coordinate out of any map's range (1e+300)") !=
          std::string::npos);
    CHECK(warnings.find("A25 has coordinates that look like longitude and latitude") !=
          std::string::npos);
    CHECK(warnings.find("A5 has locked 'maybe', which is not yes or no") != std::string::npos);
    CHECK(p.kept.size() == 5);          // A5, A20, A21, A24, A25
    CHECK(p.areas.size() == 8 - 1 + 2); // A23 mended and A26 shown
    REQUIRE(sharedById(p, "A26"));
    CHECK(sharedById(p, "A26")->status == AreaStatus::Approved);

    const auto r =
        run("plan --quiet --plan " + quote(plan) + " --set A1:lead=Kent --schedule-only");
    INFO(r.output);
    REQUIRE(r.code == 0);
    CHECK(r.output.find("A21 has no geometry") != std::string::npos); // listed, once
    SharedDataset ds = sharedOpenForUpdate(plan);
    REQUIRE(ds);
    CHECK(sharedSql(*ds, "SELECT count(*) FROM target_areas") == "14\n");
    CHECK(sharedSql(*ds, "SELECT status FROM target_areas WHERE area_id = 'A26'") == "approved\n");
    CHECK(sharedSql(*ds, "SELECT ward_note FROM target_areas WHERE area_id = 'A1'") == "keep me\n");
    CHECK(sharedSql(*ds, "SELECT lead FROM target_areas WHERE area_id = 'A1'") == "Kent\n");
    CHECK(sharedSql(*ds, "SELECT styleName FROM layer_styles") == "QGIS style\n");
    CHECK(sharedSql(*ds, "SELECT status FROM target_areas WHERE area_id = 'A20'") == "cancelled\n");
    CHECK(sharedSql(*ds, "SELECT CAST(locked AS TEXT) FROM target_areas WHERE area_id = 'A5'") ==
          "maybe\n");
    // A2's week stays as its writer wrote it (not edited here), and reads the same.
    CHECK(
        sharedSql(*ds, "SELECT CAST(week_start AS TEXT) FROM target_areas WHERE area_id = 'A2'") ==
        "03/03/2025\n");
    CHECK(sharedIntegrity(plan) == "ok\n");
    // Editing a row streetweek keeps but does not show is refused with the reason.
    const auto kept = run("plan --quiet --plan " + quote(plan) + " --set A21:lead=X");
    CHECK(kept.code == 2);
    CHECK(kept.output.find("A21") != std::string::npos);
}

TEST_CASE("a plan behind a symbolic link is edited through it; a read-only plan is refused and "
          "left as it was") {
    test::TempDir dir;
    const std::string plan = sharedPlan8(dir);
    const std::string link = dir.file("shared_link.gpkg");
    std::filesystem::create_symlink(plan, link);
    REQUIRE(run("plan --quiet --plan " + quote(link) + " --set " + quote("A1:name=Via the link") +
                " --schedule-only")
                .code == 0);
    CHECK(std::filesystem::is_symlink(link));
    CHECK(sharedById(io::readPlan(plan).value(), "A1")->name == "Via the link");
    const std::string before = test::readFile(plan);
    REQUIRE(::chmod(plan.c_str(), 0444) == 0);
    const auto r =
        run("plan --quiet --plan " + quote(plan) + " --set A1:name=Nope --schedule-only");
    CHECK(r.code == 1);
    CHECK(r.output.find("read-only; nothing was saved") != std::string::npos);
    CHECK(test::readFile(plan) == before);
    ::chmod(plan.c_str(), 0644);
}
