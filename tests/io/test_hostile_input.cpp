// Broken and hostile input files: each is read correctly or refused with a message naming the
// file, the line and the problem; none crashes, hangs or takes memory out of proportion.
#include "core/text_decoding.hpp"
#include "io/incident_reader.hpp"
#include "io/input_files.hpp"
#include "io/ward_reader.hpp"
#include "io/zip_writer.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <sys/stat.h>

using namespace sw;

namespace {

const std::string kRow =
    "x,2022-01,Kent Police,Kent Police,0.52,51.38,On or near A,E01,Medway 001A,Drugs,,\r\n";

std::string threeRows() {
    return std::string(test::kPoliceHeader) + kRow + kRow + kRow;
}

std::string utf16(const std::string& ascii, bool big_endian) {
    std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
    for (char c : ascii) {
        out.push_back(big_endian ? '\0' : c);
        out.push_back(big_endian ? c : '\0');
    }
    return out;
}

} // namespace

TEST_CASE("a last row without a final newline, CR-only line ends and UTF-16 all read") {
    test::TempDir dir;
    std::string no_final = threeRows();
    no_final.resize(no_final.size() - 2); // the last row's CRLF
    const auto a = io::readIncidentFile(test::writeFile(dir.file("a.csv"), no_final), {});
    CHECK(a.report.error.empty());
    CHECK(a.table.size() == 3);
    CHECK(a.report.rejected.total() == 0);

    std::string cr = threeRows();
    for (std::size_t p; (p = cr.find("\r\n")) != std::string::npos;)
        cr.erase(p + 1, 1);
    const auto b = io::readIncidentFile(test::writeFile(dir.file("b.csv"), cr), {});
    CHECK(b.table.size() == 3);
    REQUIRE_FALSE(b.report.warnings.empty());
    CHECK(b.report.warnings[0].find("CR-only line ends") != std::string::npos);

    for (bool be : {false, true}) {
        const auto c = io::readIncidentFile(
            test::writeFile(dir.file(be ? "be.csv" : "le.csv"), utf16(threeRows(), be)), {});
        CHECK(c.report.error.empty());
        CHECK(c.report.format == "police.uk street-level CSV");
        CHECK(c.table.size() == 3);
        CHECK(c.report.warnings[0].find(be ? "UTF-16BE converted" : "UTF-16LE converted") !=
              std::string::npos);
    }
}

TEST_CASE("UTF-16 decoding across block splits, with a surrogate pair") {
    // "a£😀" in UTF-16LE, fed a byte at a time.
    const char bytes[] = {'\xFF', '\xFE', 'a', 0, '\xA3', 0, '\x3D', '\xD8', 0, '\xDE'};
    const std::string raw(bytes, sizeof bytes);
    TextDecoder d;
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i)
        d.decode(std::string_view(raw).substr(i, 1), out);
    CHECK(out == "a\xC2\xA3\xF0\x9F\x98\x80");
}

TEST_CASE("limits: too many columns, an endless line, a zip bomb are refused and said") {
    test::TempDir dir;
    std::string wide = "Longitude,Latitude,Month";
    for (int i = 0; i < 100000; ++i)
        wide += ",c" + std::to_string(i);
    const auto w = io::readIncidentFile(test::writeFile(dir.file("wide.csv"), wide + "\n"), {});
    CHECK(
        w.report.error.find("wide.csv: line 1: the header has 100003 columns; the limit is 2000") !=
        std::string::npos);

    // A 20 MiB line (beyond a read block) among good rows: rejected with its line number, the
    // rows after it load, and the buffer never holds the whole line.
    std::string longline = std::string(test::kPoliceHeader) + kRow + std::string(20u << 20, 'y') +
                           "\r\n" + kRow + kRow;
    const auto l = io::readIncidentFile(test::writeFile(dir.file("long.csv"), longline), {});
    CHECK(l.report.error.empty());
    CHECK(l.table.size() == 3);
    REQUIRE(l.report.rejected.reasons().size() == 1);
    CHECK(l.report.rejected.reasons()[0].reason == "line longer than 1 MiB (the limit)");
    CHECK(l.report.rejected.reasons()[0].first_lines == std::vector<std::uint64_t>{3});

    // One inch mark in an unquoted field (5" Lane) followed by 20 MiB of rows (beyond a read
    // block): read as text, never taken for an unclosed quote that swallows the rows after it.
    std::string inch_row = kRow;
    inch_row.replace(inch_row.find("On or near"), 10, "On or near 5\" Lane");
    std::string inches = std::string(test::kPoliceHeader) + inch_row;
    std::size_t rows = 1;
    for (; inches.size() < (20u << 20); ++rows)
        inches += kRow;
    const auto in = io::readIncidentFile(test::writeFile(dir.file("inch.csv"), inches), {});
    CHECK(in.report.error.empty());
    CHECK(in.report.rejected.total() == 0);
    CHECK(in.table.size() == rows);

    // A 2 MiB quoted field inside one read block: the same limit, wherever the record lies.
    std::string big = kRow;
    big.replace(big.size() - 2, 2, "\"" + std::string(2u << 20, 'q') + "\"\r\n");
    const auto b = io::readIncidentFile(
        test::writeFile(dir.file("big.csv"), std::string(test::kPoliceHeader) + kRow + big + kRow),
        {});
    CHECK(b.table.size() == 2);
    REQUIRE(b.report.rejected.reasons().size() == 1);
    CHECK(b.report.rejected.reasons()[0].reason == "line longer than 1 MiB (the limit)");
    CHECK(b.report.rejected.reasons()[0].first_lines == std::vector<std::uint64_t>{3});

    // No newline at all in the header.
    const auto h =
        io::readIncidentFile(test::writeFile(dir.file("h.csv"), std::string(2u << 20, 'z')), {});
    CHECK(h.report.error.find("longer than 1 MiB") != std::string::npos);

    // 300 MiB of one repeated row in a zip of about 1 MiB: refused before reading.
    auto z = io::ZipWriter::create(dir.file("bomb.zip"));
    REQUIRE(z);
    std::string body = test::kPoliceHeader;
    body.reserve(300u << 20);
    while (body.size() < (300u << 20))
        body += kRow;
    REQUIRE(z.value().add("2022-01-kent-street.csv", body));
    REQUIRE(z.value().close());
    auto files = io::expandIncidentInputs({dir.file("bomb.zip")});
    REQUIRE_FALSE(files);
    CHECK(files.error().find("bomb.zip: the archive inflates") != std::string::npos);
    CHECK(files.error().find("zip bomb") != std::string::npos);
}

TEST_CASE("pipes, devices and symlink loops are skipped or refused, never read") {
    test::TempDir dir;
    REQUIRE(::mkfifo(dir.file("fifo.csv").c_str(), 0600) == 0);
    const auto fifo = io::readIncidentFile(dir.file("fifo.csv"), {});
    CHECK(fifo.report.error.find("not a regular file") != std::string::npos);
    const auto zero = io::readIncidentFile("/dev/zero", {});
    CHECK_FALSE(zero.report.error.empty());
    CHECK(zero.report.error.find("()") == std::string::npos);

    std::filesystem::create_directories(dir.file("data"));
    test::writeFile(dir.file("data/good.csv"), threeRows());
    std::filesystem::create_symlink("b.csv", dir.file("data/a.csv"));
    std::filesystem::create_symlink("a.csv", dir.file("data/b.csv"));
    std::filesystem::create_symlink(dir.file("fifo.csv"), dir.file("data/pipe.csv"));
    std::vector<std::string> warnings;
    auto files = io::expandIncidentInputs({dir.file("data")}, &warnings);
    REQUIRE(files);
    CHECK(files.value().size() == 1);
    REQUIRE(warnings.size() == 3);
    for (const auto& w : warnings)
        CHECK(w.find("skipped") != std::string::npos);
}

TEST_CASE("police.uk outcomes and stop-and-search files are told by their columns") {
    test::TempDir dir;
    const std::string outcomes =
        "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA "
        "name,Outcome type\nabc,2023-02,Kent Police,Kent Police,0.27,51.14,On or near X,E01,Y "
        "008D,Unable to prosecute suspect\n";
    const auto o = io::readIncidentFile(test::writeFile(dir.file("anything.csv"), outcomes), {});
    CHECK(o.report.error.empty());
    CHECK(o.table.empty());
    CHECK(o.report.format == "police.uk outcomes CSV");
    CHECK(o.report.skipped.find("not loaded") != std::string::npos);
    const std::string searches =
        "Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age "
        "range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of "
        "search,Outcome,Outcome linked to object of search,Removal of more than just outer "
        "clothing\nPerson search,2024-01-01T00:09:00+00:00,False,,51.381025,0.522776,Female,25-"
        "34,White,White,PACE (section 1),Offensive weapons,A no further action "
        "disposal,False,False\n";
    const std::string s_path = test::writeFile(dir.file("s.csv"), searches);
    const auto off = io::readIncidentFile(s_path, {});
    CHECK(off.table.empty());
    CHECK(off.report.skipped.find("--stop-and-search") != std::string::npos);
    io::IncidentReadOptions on;
    on.stop_and_search = true;
    const auto s = io::readIncidentFile(s_path, on);
    REQUIRE(s.table.size() == 1);
    CHECK(s.table.month[0] == makeMonth(2024, 1));
    CHECK(s.table.rowsOfKind(kStopAndSearchKind) == std::vector<std::uint8_t>{1});
    CHECK(s.table.rowsOfKind("") == std::vector<std::uint8_t>{0});
    const auto col = s.table.textColumn("Object of search");
    REQUIRE(col);
    CHECK(s.table.text[*col].at(0) == "Offensive weapons");
}

TEST_CASE("ward files: out-of-range vertices, a shapefile without .shx or .prj") {
    test::TempDir dir;
    const std::string bad = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"WD23CD":"E1","WD23NM":"A"},"geometry":{"type":"Polygon","coordinates":[[[0.5,51.3],[0.6,51.3],[1e308,51.4],[0.5,51.3]]]}},
{"type":"Feature","properties":{"WD23CD":"E2","WD23NM":"B"},"geometry":{"type":"Polygon","coordinates":[[[0.5,51.3],[0.6,51.3],[0.6,51.4],[0.5,51.3]]]}}]})";
    auto w = io::readWardFile(test::writeFile(dir.file("w.geojson"), bad), {});
    CHECK(w.wards.size() == 1);
    REQUIRE(w.report.rejected.reasons().size() == 1);
    CHECK(w.report.rejected.reasons()[0].reason == "coordinate outside longitude/latitude range");
    CHECK(w.report.rejected.reasons()[0].first_lines == std::vector<std::uint64_t>{1});
    // A hole with a vertex beyond the globe rejects its ward too.
    const std::string hole = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"WD23CD":"E1","WD23NM":"A"},"geometry":{"type":"Polygon","coordinates":[[[0.5,51.3],[0.6,51.3],[0.6,51.4],[0.5,51.3]],[[0.55,51.32],[0.56,51.32],[500,51.33],[0.55,51.32]]]}}]})";
    auto h = io::readWardFile(test::writeFile(dir.file("h.geojson"), hole), {});
    CHECK(h.wards.empty());
    REQUIRE(h.report.rejected.reasons().size() == 1);
    CHECK(h.report.rejected.reasons()[0].reason == "coordinate outside longitude/latitude range");

    test::writeFile(dir.file("s.shp"), "not really");
    auto noshx = io::readWardFile(dir.file("s.shp"), {});
    CHECK(noshx.report.error.find("the shapefile's index file (.shx) is missing") !=
          std::string::npos);
}
