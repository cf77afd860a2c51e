// Layer rule defaults, parsing, and matching against an incident table.
#include "core/layer_rules.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace sw {
namespace {

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto p = s.find(sep, start);
        const auto part = trim(s.substr(start, p == std::string_view::npos ? s.npos : p - start));
        if (!part.empty())
            out.emplace_back(part);
        if (p == std::string_view::npos)
            break;
        start = p + 1;
    }
    return out;
}

bool isWordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// Columns that describe place or process, not the incident: never searched by default.
bool isDescriptiveColumn(std::string_view name) {
    for (const char* skip : {"Crime ID", "Reported by", "Falls within", "Location", "LSOA code",
                             "LSOA name", "Last outcome category", kRecordKindColumn})
        if (equalsIgnoreCase(name, skip))
            return false;
    return true;
}

bool isTruthy(std::string_view v) {
    v = trim(v);
    for (const char* t : {"y", "yes", "true", "1", "x"})
        if (equalsIgnoreCase(v, t))
            return true;
    return false;
}

} // namespace

Status LayerRule::validate() const {
    if (trim(name).empty())
        return badRequest("a layer needs a name");
    if (key.empty() || key.size() > 10)
        return badRequest("layer '" + name + "': key must be 1-10 characters");
    if (from != kNoMonth && to != kNoMonth && from > to)
        return badRequest("layer '" + name + "': month range ends before it starts");
    return okStatus();
}

std::vector<LayerRule> defaultLayers() {
    auto layer = [](const char* name, const char* key, Rgba colour, std::vector<std::string> types,
                    std::vector<std::string> terms = {}) {
        LayerRule r;
        r.name = name;
        r.key = key;
        r.colour = colour;
        r.crime_types = std::move(types);
        r.text_terms = std::move(terms);
        return r;
    };
    return {layer("All crime", "all", {70, 110, 180, 255}, {}),
            layer("Anti-social behaviour", "asb", {245, 140, 20, 255}, {"Anti-social behaviour"}),
            layer("Weapons", "weapons", {220, 30, 40, 255}, {"Possession of weapons"},
                  {"knife", "knives", "blade", "bladed"}),
            layer("Violence and sexual offences", "violence", {140, 60, 170, 255},
                  {"Violence and sexual offences"}),
            layer("Drugs", "drugs", {30, 150, 80, 255}, {"Drugs"})};
}

LayerRule stopAndSearchLayer() {
    LayerRule r;
    r.name = "Stop and search";
    r.key = "stop_srch";
    r.colour = {90, 90, 90, 255};
    r.kind = kStopAndSearchKind;
    return r;
}

std::string keyFromName(std::string_view name) {
    std::string k;
    for (char c : name) {
        if (isWordChar(c))
            k.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        else if (!k.empty() && k.back() != '_')
            k.push_back('_');
    }
    while (!k.empty() && k.back() == '_')
        k.pop_back();
    if (k.size() > 10)
        k.resize(10);
    while (!k.empty() && k.back() == '_')
        k.pop_back();
    if (k.empty())
        k = "layer";
    return k;
}

Result<LayerRule> parseLayerRule(std::string_view text) {
    LayerRule r;
    const auto colon = text.find(':');
    r.name = std::string(trim(colon == std::string_view::npos ? text : text.substr(0, colon)));
    r.colour = {90, 90, 90, 255};
    if (colon != std::string_view::npos) {
        for (const auto& part : split(text.substr(colon + 1), ';')) {
            const auto eq = part.find('=');
            if (eq == std::string::npos)
                return Error{"layer rule '" + r.name + "': expected key=value, got '" + part + "'"};
            const std::string k = lower(trim(std::string_view(part).substr(0, eq)));
            const std::string_view val = trim(std::string_view(part).substr(eq + 1));
            if (k == "types") {
                r.crime_types = split(val, '|');
            } else if (k == "terms") {
                r.text_terms = split(val, ',');
            } else if (k == "columns") {
                r.text_columns = split(val, ',');
            } else if (k == "months") {
                const auto dots = val.find("..");
                const auto a = parseMonth(trim(val.substr(0, dots)));
                const auto b =
                    dots == std::string_view::npos ? a : parseMonth(trim(val.substr(dots + 2)));
                if (!a || !b)
                    return Error{"layer rule '" + r.name + "': months must be YYYY-MM..YYYY-MM"};
                r.from = *a;
                r.to = *b;
            } else if (k == "colour" || k == "color") {
                unsigned rr = 0, gg = 0, bb = 0;
                if (val.size() != 7 || val[0] != '#' ||
                    std::sscanf(std::string(val).c_str(), "#%02x%02x%02x", &rr, &gg, &bb) != 3)
                    return Error{"layer rule '" + r.name + "': colour must be #rrggbb"};
                r.colour = {static_cast<std::uint8_t>(rr), static_cast<std::uint8_t>(gg),
                            static_cast<std::uint8_t>(bb), 255};
            } else if (k == "combine") {
                if (equalsIgnoreCase(val, "and"))
                    r.combine = LayerRule::Combine::And;
                else if (equalsIgnoreCase(val, "or"))
                    r.combine = LayerRule::Combine::Or;
                else
                    return Error{"layer rule '" + r.name + "': combine must be 'or' or 'and'"};
            } else if (k == "key") {
                r.key = std::string(val);
            } else if (k == "kind") {
                if (equalsIgnoreCase(val, "crime"))
                    r.kind.clear();
                else if (equalsIgnoreCase(val, "stop-and-search") ||
                         equalsIgnoreCase(val, kStopAndSearchKind))
                    r.kind = kStopAndSearchKind;
                else
                    return Error{"layer rule '" + r.name +
                                 "': kind must be crime or stop-and-search"};
            } else {
                return Error{"layer rule '" + r.name + "': unknown setting '" + k + "'"};
            }
        }
    }
    if (r.key.empty())
        r.key = keyFromName(r.name);
    if (auto st = r.validate(); !st)
        return st.failure();
    return r;
}

std::string formatLayerRule(const LayerRule& r) {
    auto join = [](const std::vector<std::string>& v, const char* sep) {
        std::string s;
        for (std::size_t i = 0; i < v.size(); ++i)
            s += (i ? sep : "") + v[i];
        return s;
    };
    char colour[8];
    std::snprintf(colour, sizeof colour, "#%02x%02x%02x", r.colour.r, r.colour.g, r.colour.b);
    std::string s = r.name + ": key=" + r.key + "; colour=" + colour;
    if (!r.crime_types.empty())
        s += "; types=" + join(r.crime_types, "|");
    if (!r.text_terms.empty())
        s += "; terms=" + join(r.text_terms, ",");
    if (!r.text_columns.empty())
        s += "; columns=" + join(r.text_columns, ",");
    if (r.from != kNoMonth)
        s += "; months=" + formatMonth(r.from) + ".." + formatMonth(r.to);
    if (!r.crime_types.empty() && !r.text_terms.empty())
        s += std::string("; combine=") + (r.combine == LayerRule::Combine::And ? "and" : "or");
    if (r.kind == kStopAndSearchKind)
        s += "; kind=stop-and-search";
    return s;
}

bool containsWord(std::string_view text, std::string_view word) {
    if (word.empty() || text.size() < word.size())
        return false;
    for (std::size_t i = 0; i + word.size() <= text.size(); ++i) {
        if (i > 0 && isWordChar(text[i - 1]))
            continue;
        if (!equalsIgnoreCase(text.substr(i, word.size()), word))
            continue;
        const std::size_t end = i + word.size();
        if (end < text.size() && isWordChar(text[end]))
            continue;
        return true;
    }
    return false;
}

LayerMatcher::LayerMatcher(const LayerRule& rule, const IncidentTable& table) : rule_(&rule) {
    of_kind_ = table.rowsOfKind(rule.kind);
    has_types_ = !rule.crime_types.empty();
    has_text_ = !rule.text_terms.empty();
    const auto& types = table.crime_type.values();
    type_matches_.assign(types.size(), has_types_ ? 0 : 1);
    for (const auto& wanted : rule.crime_types) {
        bool found = false;
        for (std::size_t c = 0; c < types.size(); ++c)
            if (equalsIgnoreCase(types[c], wanted)) {
                type_matches_[c] = 1;
                found = true;
            }
        if (!found)
            unknown_types_.push_back(wanted);
    }
    if (!has_text_)
        return;
    for (std::size_t ci = 0; ci < table.text.size(); ++ci) {
        const auto& col = table.text[ci];
        if (col.kind() != StringColumn::Kind::Dictionary)
            continue;
        const bool named =
            std::any_of(rule.text_columns.begin(), rule.text_columns.end(),
                        [&](const std::string& n) { return equalsIgnoreCase(n, col.name()); });
        if (rule.text_columns.empty() ? !isDescriptiveColumn(col.name()) : !named)
            continue;
        // A flag column named after a term ("knife_flag") matches on a truthy value.
        const bool flag_column =
            std::any_of(rule.text_terms.begin(), rule.text_terms.end(), [&](const std::string& t) {
                return lower(col.name()).find(lower(t)) != std::string::npos;
            });
        TextTest test{ci, std::vector<std::uint8_t>(col.values().size(), 0)};
        bool any = false;
        for (std::size_t v = 1; v < col.values().size(); ++v) {
            const std::string& value = col.values()[v];
            bool m = flag_column && isTruthy(value);
            for (const auto& term : rule.text_terms)
                m = m || containsWord(value, term);
            test.value_matches[v] = m ? 1 : 0;
            any = any || m;
        }
        if (any)
            text_tests_.push_back(std::move(test));
    }
}

bool LayerMatcher::matches(const IncidentTable& t, std::size_t row) const {
    if (!of_kind_.empty() && !of_kind_[row])
        return false;
    const MonthIndex m = t.month[row];
    if (rule_->from != kNoMonth && (m == kNoMonth || m < rule_->from))
        return false;
    if (rule_->to != kNoMonth && (m == kNoMonth || m > rule_->to))
        return false;
    const bool type_ok = type_matches_[t.crime_type.code(row)] != 0;
    if (!has_text_)
        return type_ok;
    bool text_ok = false;
    for (const auto& test : text_tests_)
        if (test.value_matches[t.text[test.column].code(row)]) {
            text_ok = true;
            break;
        }
    if (!has_types_)
        return text_ok;
    return rule_->combine == LayerRule::Combine::Or ? (type_ok || text_ok) : (type_ok && text_ok);
}

std::vector<std::uint32_t> layerMasks(const std::vector<LayerRule>& layers,
                                      const IncidentTable& table) {
    std::vector<std::uint32_t> mask(table.size(), 0);
    const std::size_t n = std::min<std::size_t>(layers.size(), 32);
    for (std::size_t l = 0; l < n; ++l) {
        LayerMatcher m(layers[l], table);
        const std::uint32_t bit = 1u << l;
        for (std::size_t i = 0; i < table.size(); ++i)
            if (m.matches(table, i))
                mask[i] |= bit;
    }
    return mask;
}

} // namespace sw
