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
    const auto cuts = recordCuts(data, ',', 2);
    REQUIRE(cuts.size() == 3);
    CHECK(data.substr(cuts[1]) == "c,d,e\n");
    CHECK(lastRecordEnd(data) == data.size());
    CHECK(lastRecordEnd("a,b\nc,\"d\ne") == 4); // the second record is incomplete
}

TEST_CASE("a stray quote inside an unquoted field does not hide the record ends after it") {
    // The reader reads 5" screen as text; the boundary search must agree with it.
    const std::string data = "1,5\" screen,a\n2,b,c\n3,d,e\n";
    CHECK(lastRecordEnd(data) == data.size());
    const auto cuts = recordCuts(data, ',', 3);
    REQUIRE(cuts.size() == 4);
    CHECK(data.substr(cuts[1], cuts[2] - cuts[1]) == "2,b,c\n");
    CsvRecordReader r(data);
    std::vector<std::string_view> f;
    REQUIRE(r.next(f));
    CHECK(f[1] == "5\" screen");
    CHECK(r.recordBytes() == 14);
    // Text after a closing quote runs to the delimiter, and "" is a quote.
    CHECK(lastRecordEnd("\"a\"\"b\"x,\"c\nd\"\nnext") == 14);
}

TEST_CASE("record cuts: a record longer than a part shares its cut, cuts never repeat") {
    std::string data = "\"" + std::string(100, 'x') + "\"\n";
    for (int i = 0; i < 8; ++i)
        data += "a,b\n";
    const auto cuts = recordCuts(data, ',', 8);
    for (std::size_t i = 1; i < cuts.size(); ++i)
        CHECK(cuts[i] > cuts[i - 1]);
    CHECK(cuts[1] == 103);
    CHECK(cuts.back() == data.size());
}

TEST_CASE("record cuts of a block that ends inside a record stop at its last whole record") {
    const std::string data = "a,b\nc,\"d\ne\",f\ng,h\ni,\"j";
    std::size_t complete = 99;
    const auto cuts = recordCuts(data, ',', 2, &complete);
    CHECK(complete == 18); // after "g,h\n"; the quoted "j" is not closed
    CHECK(cuts.front() == 0);
    CHECK(cuts.back() == 18);
    for (std::size_t i = 1; i < cuts.size(); ++i)
        CHECK(cuts[i] > cuts[i - 1]);
    std::size_t none = 99;
    CHECK(recordCuts("x,\"y\nz", ',', 4, &none) == std::vector<std::size_t>{0});
    CHECK(none == 0);
    std::size_t one = 0;
    CHECK(recordCuts("a\nb", ',', 1, &one) == std::vector<std::size_t>{0, 2});
    CHECK(one == 2);
}

TEST_CASE("scratch fields stay valid when many quoted fields in one record need unescaping") {
    std::string line;
    for (int i = 0; i < 40; ++i)
        line += (i ? "," : "") + std::string("\"v") + std::to_string(i) + "\"\"q\"";
    line += "\n";
    CsvRecordReader r(line);
    std::vector<std::string_view> f;
    REQUIRE(r.next(f));
    REQUIRE(f.size() == 40);
    for (int i = 0; i < 40; ++i)
        CHECK(f[static_cast<std::size_t>(i)] == "v" + std::to_string(i) + "\"q");
}

TEST_CASE("delimiter guess") {
    CHECK(guessDelimiter("a,b,c") == ',');
    CHECK(guessDelimiter("a;b;c") == ';');
    CHECK(guessDelimiter("a\tb\tc") == '\t');
}
