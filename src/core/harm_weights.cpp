// Harm weight tables.
#include "core/harm_weights.hpp"

#include "core/csv_records.hpp"
#include "core/incident_rows.hpp"
#include "core/text.hpp"

#include <cmath>

namespace sw {
namespace {

// A weight: a finite number, zero or more.
std::optional<double> weightValue(std::string_view text) {
    const auto v = parseNumber(trim(text));
    if (!v || !std::isfinite(*v) || *v < 0)
        return std::nullopt;
    return v;
}

Status addRow(HarmWeights& w, std::string_view type, double weight, const std::string& where) {
    if (type == "*") {
        if (w.others)
            return badRequest(where + ": a second '*' row");
        w.others = weight;
        return okStatus();
    }
    if (type.empty())
        return badRequest(where + ": no crime type before the weight");
    for (const auto& [t, _] : w.types)
        if (equalsIgnoreCase(t, type))
            return badRequest(where + ": '" + std::string(type) + "' is listed twice");
    w.types.emplace_back(std::string(type), weight);
    return okStatus();
}

} // namespace

std::optional<double> HarmWeights::weightOf(std::string_view type) const {
    for (const auto& [t, w] : types)
        if (equalsIgnoreCase(t, type))
            return w;
    return others;
}

std::string HarmWeights::describe() const {
    std::string s = "harm weights";
    if (!file.empty())
        s += " from " + file;
    if (!title.empty())
        s += " (" + title + ")";
    s += ": " + std::to_string(types.size()) + " crime type" + (types.size() == 1 ? "" : "s");
    if (others)
        s += ", every other type " + shortNumber(*others);
    return s;
}

Result<HarmWeights> parseHarmWeights(std::string_view text, const std::string& file) {
    HarmWeights w;
    w.file = file;
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    CsvRecordReader reader(text);
    std::vector<std::string_view> f;
    bool first = true;
    while (reader.next(f)) {
        const std::string where = file + " line " + std::to_string(reader.recordLine());
        if (reader.unterminatedQuote())
            return Error{where + ": a quote that never closes"};
        const std::string_view head = f.empty() ? std::string_view() : trim(f[0]);
        if (!head.empty() && head[0] == '#') {
            if (w.title.empty() && w.types.empty() && !w.others) {
                // The comment's text, commas and all (the reader split it into fields).
                std::string_view line = trim(reader.recordText());
                line.remove_prefix(1);
                w.title = std::string(trim(line));
            }
            continue;
        }
        if (f.size() < 2)
            return Error{where + ": expected 'crime type,weight'"};
        const auto weight = weightValue(f[1]);
        if (!weight) {
            if (first) { // a header row
                first = false;
                continue;
            }
            return Error{where + ": '" + std::string(trim(f[1])) +
                         "' is not a weight (a number, zero or more)"};
        }
        first = false;
        if (auto st = addRow(w, head, *weight, where); !st)
            return st.failure();
    }
    if (w.empty())
        return Error{file + ": no weights in it (one 'crime type,weight' row per line)"};
    return w;
}

std::vector<std::string> harmWeightLines(const HarmWeights& w) {
    std::vector<std::string> out;
    char buf[64];
    for (const auto& [t, v] : w.types) {
        std::snprintf(buf, sizeof buf, "%.17g", v);
        out.push_back(t + "=" + buf);
    }
    if (w.others) {
        std::snprintf(buf, sizeof buf, "%.17g", *w.others);
        out.push_back(std::string("*=") + buf);
    }
    return out;
}

Result<HarmWeights> harmWeightsFromLines(const std::vector<std::string>& lines) {
    HarmWeights w;
    for (const auto& line : lines) {
        const auto eq = line.rfind('=');
        const auto weight = eq == std::string::npos
                                ? std::nullopt
                                : weightValue(std::string_view(line).substr(eq + 1));
        if (!weight)
            return Error{"the plan's harm weight '" + line + "' is not 'crime type=weight'"};
        if (auto st = addRow(w, line.substr(0, eq), *weight, "the plan's harm weights"); !st)
            return st.failure();
    }
    return w;
}

} // namespace sw
