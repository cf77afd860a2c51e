// Files written whole or not at all: the old file or the new one, never half, and no temporaries
// left behind.
#include "core/atomic_file.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <sys/wait.h>
#include <unistd.h>

using namespace sw;
namespace fs = std::filesystem;

namespace {
std::vector<std::string> namesIn(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}
} // namespace

TEST_CASE("writeFileAtomically writes a new file and replaces an old one, leaving no temporary") {
    test::TempDir dir;
    const std::string f = dir.file("report.html");
    REQUIRE(writeFileAtomically(f, "first"));
    CHECK(test::readFile(f) == "first");
    const std::string big(3u << 20, 'x'); // more than one write
    REQUIRE(writeFileAtomically(f, big));
    CHECK(test::readFile(f) == big);
    CHECK(namesIn(dir.path()) == std::vector<std::string>{"report.html"});
}

TEST_CASE("a failed write names the file and leaves the old one and no temporary") {
    test::TempDir dir;
    const auto missing = writeFileAtomically(dir.file("no/such/folder/a.txt"), "x");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().find("no/such/folder/a.txt: cannot write the file") != std::string::npos);

    // The target is a folder with something in it: the rename fails, the folder is untouched.
    fs::create_directories(dir.path() / "busy.txt");
    test::writeFile(dir.file("busy.txt/keep"), "kept");
    const auto st = writeFileAtomically(dir.file("busy.txt"), "new");
    REQUIRE_FALSE(st);
    CHECK(st.error().find("busy.txt: cannot move the new file into place") != std::string::npos);
    CHECK(st.error().find("nothing there was changed") != std::string::npos);
    CHECK(test::readFile(dir.file("busy.txt/keep")) == "kept");
    CHECK(namesIn(dir.path()) == std::vector<std::string>{"busy.txt"});
}

TEST_CASE("a temporary not committed is removed; the target keeps its old bytes") {
    test::TempDir dir;
    const std::string f = test::writeFile(dir.file("map.png"), "old");
    std::string temp;
    {
        TemporaryFile tmp(f);
        temp = tmp.path();
        CHECK(fs::path(temp).parent_path() == dir.path()); // same folder: rename is atomic
        CHECK(fs::path(temp).filename().string().rfind(".streetweek-tmp-", 0) == 0);
        CHECK(temp.size() > f.size());
        CHECK(temp.compare(temp.size() - 8, 8, "-map.png") == 0); // drivers see the extension
        test::writeFile(temp, "half");
        CHECK(TemporaryFile(f).path() != temp); // unique within the process
    }
    CHECK_FALSE(fs::exists(temp));
    CHECK(test::readFile(f) == "old");

    TemporaryFile tmp(f);
    test::writeFile(tmp.path(), "new");
    REQUIRE(tmp.commit());
    CHECK(test::readFile(f) == "new");
    CHECK(namesIn(dir.path()) == std::vector<std::string>{"map.png"});
}

TEST_CASE("removeStaleTemporaries removes a dead process's temporaries and keeps a live one's") {
    test::TempDir dir;
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0)
        ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0); // its pid is now free: nobody runs under it
    const std::string dead = ".streetweek-tmp-" + std::to_string(child) + "-0-plan.gpkg";
    test::writeFile(dir.file(dead), "left by a killed save");
    fs::create_directories(dir.path() / (".streetweek-tmp-" + std::to_string(child) + "-1-pack"));
    TemporaryFile live(dir.file("out.tif"));
    test::writeFile(live.path(), "being written");
    test::writeFile(dir.file("plan.gpkg"), "the user's");
    removeStaleTemporaries(dir.path().string());
    CHECK(namesIn(dir.path()) ==
          std::vector<std::string>{fs::path(live.path()).filename().string(), "plan.gpkg"});
}

TEST_CASE("syncFolderToDisk flushes a folder tree and names what it cannot reach") {
    test::TempDir dir;
    fs::create_directories(dir.path() / "pack" / "sub");
    test::writeFile(dir.file("pack/a.txt"), "a");
    test::writeFile(dir.file("pack/sub/b.txt"), "b");
    CHECK(syncFolderToDisk(dir.file("pack")));
    const auto gone = syncFolderToDisk(dir.file("absent"));
    REQUIRE_FALSE(gone);
    CHECK(gone.error().find("absent") != std::string::npos);
}
