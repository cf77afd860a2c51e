// The analysis options parsed into the session's requests, without running the binary: KDE
// parameters and radius rules, the selection with layer weights, Gi* options, the parser's
// several-values options, and the --out checks.
#include "cli/analysis_options.hpp"
#include "cli/data_command.hpp"
#include "cli/load_options.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace sw;
using namespace sw::cli;

namespace {

// Parses `args` (after "streetweek CMD") with the KDE, selection and Gi* options.
struct Parsed {
    std::vector<std::string> words;
    std::vector<char*> argv;
    Args args;
    std::optional<std::string> error;
    explicit Parsed(std::vector<std::string> a)
        : words(std::move(a)), args("test", "", allSpecs()) {
        words.insert(words.begin(), {"streetweek", "test"});
        for (auto& w : words)
            argv.push_back(w.data());
        error = args.parse(static_cast<int>(argv.size()), argv.data(), 2);
    }
    static std::vector<OptionSpec> allSpecs() {
        auto s = loadOptionSpecs(false);
        for (auto& o : selectionOptionSpecs())
            s.push_back(o);
        for (auto& o : kdeOptionSpecs())
            s.push_back(o);
        s.push_back({"distance", "M", ""});
        s.push_back({"no-fdr", "", ""});
        return s;
    }
};

} // namespace

TEST_CASE("kdeRequestFrom: fixed radius, rules, cell left to the session, kernel and units") {
    Session session;
    Parsed fixed({"--radius", "300", "--kernel", "epanechnikov", "--units", "raw", "--layer", "asb",
                  "--layer", "weapons", "--layer-weight", "weapons=3", "--from", "2022-02"});
    REQUIRE_FALSE(fixed.error);
    auto r = kdeRequestFrom(fixed.args, session);
    REQUIRE(r);
    CHECK(r.value().kde.radius_m == 300);
    CHECK(r.value().kde.cell_size_m == 0); // the session suggests it from the study area
    CHECK(r.value().kde.kernel == KernelShape::Epanechnikov);
    CHECK(r.value().kde.units == DensityUnits::Raw);
    CHECK(r.value().radius_rule == BandwidthRule::Fixed);
    REQUIRE(r.value().selection.layers.size() == 2);
    CHECK(r.value().selection.layer_weights == std::vector<double>{1.0, 3.0});
    CHECK(r.value().selection.from == makeMonth(2022, 2));
    CHECK(r.value().selection.to == kNoMonth);

    for (auto [word, rule] :
         {std::pair{"arcgis", BandwidthRule::ArcGis}, std::pair{"scott", BandwidthRule::Scott},
          std::pair{"cv", BandwidthRule::LikelihoodCv}}) {
        Parsed p({"--radius", word, "--cell", "25"});
        auto q = kdeRequestFrom(p.args, session);
        REQUIRE(q);
        CHECK(q.value().radius_rule == rule);
        CHECK(q.value().kde.cell_size_m == 25);
    }
    for (const auto& bad : std::vector<std::vector<std::string>>{
             {"--cell", "10"},                        // no radius
             {"--radius", "-5"},                      // not positive
             {"--radius", "wide"},                    // not a number or rule
             {"--radius", "100", "--kernel", "box"},  // unknown kernel
             {"--radius", "100", "--units", "feet"},  // unknown units
             {"--radius", "100", "--cell", "0"},      // not positive
             {"--radius", "100", "--from", "2022-13"} // not a month
         }) {
        Parsed p(bad);
        CHECK_FALSE(kdeRequestFrom(p.args, session));
    }
}

TEST_CASE("selectionFrom: weights need their layer; rules join the session's layers") {
    Session session;
    Parsed unknown({"--radius", "100", "--layer", "asb", "--layer-weight", "drugs=2"});
    auto r = selectionFrom(unknown.args, session);
    REQUIRE_FALSE(r);
    CHECK(r.error().find("not one of the --layer layers") != std::string::npos);
    const std::size_t before = session.layers().size();
    Parsed rule({"--layer-rule", "Knife robbery: types=Robbery; terms=knife"});
    auto s = selectionFrom(rule.args, session);
    REQUIRE(s);
    CHECK(session.layers().size() == before + 1);
    REQUIRE(s.value().layers.size() == 1);
    CHECK(s.value().layers[0].name == "Knife robbery");
}

TEST_CASE("giStarParamsFrom: cell, distance and FDR; zero means the session's default") {
    Parsed p({"--cell", "100", "--distance", "300", "--no-fdr"});
    auto g = giStarParamsFrom(p.args);
    REQUIRE(g);
    CHECK(g.value().cell_size_m == 100);
    CHECK(g.value().distance_m == 300);
    CHECK_FALSE(g.value().fdr);
    Parsed d({});
    auto def = giStarParamsFrom(d.args);
    REQUIRE(def);
    CHECK(def.value().cell_size_m == 0);
    CHECK(def.value().distance_m == 0);
    Parsed bad({"--distance", "-1"});
    CHECK_FALSE(giStarParamsFrom(bad.args));
}

TEST_CASE("several files after one --incidents, as a shell glob gives them") {
    Parsed p({"--incidents", "a.csv", "b.csv", "c.zip", "--radius", "100", "--incidents", "d.csv"});
    REQUIRE_FALSE(p.error);
    CHECK(p.args.all("incidents") == std::vector<std::string>{"a.csv", "b.csv", "c.zip", "d.csv"});
    CHECK(p.args.get("radius") == "100");
    Parsed stray({"--radius", "100", "stray.csv"});
    CHECK(stray.error);
}

TEST_CASE("checkOutPath: the extension, and a folder is refused before any work") {
    test::TempDir dir;
    CHECK(checkOutPath(dir.file("x.tif"), {".tif", ".tiff"}));
    CHECK(checkOutPath(dir.file("X.TIF"), {".tif"}));
    auto wrong = checkOutPath(dir.file("x.png"), {".gpkg", ".shp", ".geojson"});
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error() == "--out must end in .gpkg, .shp or .geojson");
    std::filesystem::create_directory(dir.file("folder.gpkg"));
    auto folder = checkOutPath(dir.file("folder.gpkg"), {".gpkg"});
    REQUIRE_FALSE(folder);
    CHECK(folder.error().find("is a folder") != std::string::npos);
    CHECK(folder.badRequest());
    CHECK_FALSE(checkOutPath("", {".csv"}));
}
