// CSV record splitting and parallel split points.
#include "core/csv_records.hpp"

#include <doctest/doctest.h>

using namespace sw;

TEST_CASE("records split on commas with quotes, escapes and CRLF") {
    const std::string data =
        "a,b,c\r\n1,\"x, y\",3\r\n\"he said \"\"hi\"\"\",,\r\n\r\nlast,row,here";
    CsvRecordReader r(data);
    std::vector<std::string_view> f;
    REQUIRE(r.next(f));
    CHECK(f == std::vector<std::string_view>{"a", "b", "c"});
    CHECK(r.recordLine() == 1);
    REQUIRE(r.next(f));
    CHECK(f == std::vector<std::string_view>{"1", "x, y", "3"});
    REQUIRE(r.next(f));
    REQUIRE(f.size() == 3);
    CHECK(f[0] == "he said \"hi\"");
    CHECK(f[1].empty());
    CHECK(f[2].empty());
    REQUIRE(r.next(f));
    CHECK(r.recordLine() == 5); // the blank line 4 is skipped but counted
    CHECK(f == std::vector<std::string_view>{"last", "row", "here"});
    CHECK_FALSE(r.next(f));
}

TEST_CASE("a quoted newline stays inside its field and lines are still counted") {
    const std::string data = "1,\"two\nlines\",3\n4,5,6\n";
    CsvRecordReader r(data);
    std::vector<std::string_view> f;
    REQUIRE(r.next(f));
    CHECK(f[1] == "two\nlines");
    REQUIRE(r.next(f));
    CHECK(r.recordLine() == 3);
    CHECK(f[0] == "4");
}

TEST_CASE("record boundaries skip newlines inside quotes") {
    const std::string data = "a,\"x\ny\",b\nc,d,e\n";
    // A target inside the quoted field must not split there.
    const std::size_t cut = findRecordBoundary(data, 4);
    CHECK(data.substr(cut) == "c,d,e\n");
    CHECK(lastRecordEnd(data) == data.size());
    CHECK(lastRecordEnd("a,b\nc,\"d\ne") == 4); // the second record is incomplete
}

TEST_CASE("delimiter guess") {
    CHECK(guessDelimiter("a,b,c") == ',');
    CHECK(guessDelimiter("a;b;c") == ';');
    CHECK(guessDelimiter("a\tb\tc") == '\t');
}
