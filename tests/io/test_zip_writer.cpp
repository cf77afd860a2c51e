// Zip archives: members streamed from disk in chunks, read back through GDAL's /vsizip/, and
// (labelled large) a member past 4 GiB, which needs zip64 and overflows any int size.
#include "io/zip_writer.hpp"
#include "test_support.hpp"

#include <cpl_vsi.h>
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <random>

using namespace sw;
namespace fs = std::filesystem;

namespace {
std::uint64_t vsiSize(const std::string& path) {
    VSIStatBufL st;
    return VSIStatL(path.c_str(), &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
}
std::string vsiRead(const std::string& path, std::uint64_t at, std::size_t n) {
    VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
    if (!f)
        return {};
    std::string out(n, '\0');
    VSIFSeekL(f, at, SEEK_SET);
    out.resize(VSIFReadL(out.data(), 1, n, f));
    VSIFCloseL(f);
    return out;
}
} // namespace

TEST_CASE("a zip holds members from memory and streamed from files, byte for byte") {
    test::TempDir dir;
    std::mt19937 rng(7);
    std::string noise(5u << 20, '\0'); // 5 MiB: five chunks, not compressible
    for (auto& c : noise)
        c = static_cast<char>(rng());
    const std::string src = test::writeFile(dir.file("noise.bin"), noise);
    test::writeFile(dir.file("empty.txt"), "");
    const std::string zip = dir.file("pack.zip");
    test::writeFile(zip, "the old archive");
    {
        auto z = io::ZipWriter::create(zip);
        REQUIRE(z);
        REQUIRE(z.value().add("pack/README.txt", "read me"));
        REQUIRE(z.value().addFile("pack/noise.bin", src));
        REQUIRE(z.value().addFile("pack/empty.txt", dir.file("empty.txt")));
        CHECK(test::readFile(zip) == "the old archive"); // untouched until it is finished
        REQUIRE(z.value().close());
    }
    const std::string v = "/vsizip/" + zip + "/pack/";
    CHECK(vsiRead(v + "README.txt", 0, 100) == "read me");
    CHECK(vsiSize(v + "noise.bin") == noise.size());
    CHECK(vsiRead(v + "noise.bin", 0, noise.size()) == noise);
    CHECK(vsiSize(v + "empty.txt") == 0);
    for (const auto& e : fs::directory_iterator(dir.path()))
        CHECK(e.path().filename().string().rfind(".streetweek-tmp-", 0) != 0);
}

TEST_CASE("a zip that fails part way leaves the old archive and no temporary") {
    test::TempDir dir;
    const std::string zip = test::writeFile(dir.file("pack.zip"), "the old archive");
    {
        auto z = io::ZipWriter::create(zip);
        REQUIRE(z);
        REQUIRE(z.value().add("a.txt", "a"));
        const auto st = z.value().addFile("b.txt", dir.file("missing.txt"));
        REQUIRE_FALSE(st);
        CHECK(st.error().find("pack.zip: cannot read") != std::string::npos);
        CHECK(st.error().find("missing.txt") != std::string::npos);
    } // abandoned, not closed
    CHECK(test::readFile(zip) == "the old archive");
    for (const auto& e : fs::directory_iterator(dir.path()))
        CHECK(e.path().filename().string() == "pack.zip");
}

// Labelled large (ctest -L large): about half a minute, a sparse 4.5 GiB file.
TEST_CASE("a zip member past 4 GiB is streamed and reads back (zip64)" * doctest::skip()) {
    test::TempDir dir;
    const std::uint64_t size = (std::uint64_t{9} << 29) + 12345; // 4.5 GiB and a bit
    const std::string src = dir.file("big.bin");
    {
        std::FILE* f = std::fopen(src.c_str(), "wb");
        REQUIRE(f);
        std::fputs("start", f);
        REQUIRE(::fseeko(f, static_cast<off_t>(size - 3), SEEK_SET) == 0);
        std::fputs("end", f);
        std::fclose(f);
    }
    REQUIRE(fs::file_size(src) == size);
    const std::string zip = dir.file("big.zip");
    auto z = io::ZipWriter::create(zip);
    REQUIRE(z);
    REQUIRE(z.value().addFile("big.bin", src));
    REQUIRE(z.value().add("after.txt", "after the big one"));
    REQUIRE(z.value().close());
    const std::string v = "/vsizip/" + zip + "/";
    CHECK(vsiSize(v + "big.bin") == size);
    CHECK(vsiRead(v + "big.bin", 0, 5) == "start");
    CHECK(vsiRead(v + "big.bin", size - 3, 10) == "end");
    CHECK(vsiRead(v + "after.txt", 0, 100) == "after the big one");
}
